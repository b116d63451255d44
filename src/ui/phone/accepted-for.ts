// How long a code is accepted, in words: "1 min 53 s" left of "2 minutes" in all (R-OTP-1, R-VER-7, R-UBC-4).
import type { UiText } from '../../i18n/ui-text';
import { formatDuration } from '../../i18n/format';

/** A whole number of minutes as words ("2 minutes"), anything else as a duration ("1 min 30 s"). */
export function totalWords(ms: number, t: UiText): string {
  return ms % 60_000 === 0 ? t.phone.minutes(ms / 60_000) : formatDuration(ms);
}

/** Whole seconds left, rounded up, so a timer never says 0 while a code still shows. */
export function secondsUp(ms: number): number {
  return Math.ceil(ms / 1000);
}

/** The time left as a duration, on whole seconds rounded up; no-break spaces keep "2 min 00 s" on one line. */
export function leftWords(ms: number): string {
  return formatDuration(secondsUp(ms) * 1000).replace(/ /g, '\u00a0');
}

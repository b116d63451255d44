// Times typed in the event-log filter: ISO 24-hour UTC ("2026-01-05 09:30"), and quick ranges on the server clock (R-CLK-1).
import { formatDate, parseDateTime } from '../../i18n/format';

export type QuickRange = 'last15' | 'lastHour' | 'today';
export const QUICK_RANGES: readonly QuickRange[] = ['last15', 'lastHour', 'today'];

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** "2026-01-05 09:30": a server instant as the filter's fields show it (the minute, UTC). */
export function formatMinute(ms: number): string {
  const d = new Date(ms);
  return `${formatDate(ms)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/** What a time field holds: no bound, a time, or text that is not one (the field is named in the message). */
export type TimeInput = { ok: true; ms: number | null } | { ok: false };

/** Reads a time field: empty is no bound; otherwise ISO 24-hour UTC ("2026-01-05 09:30", seconds optional), or refused. */
export function readTimeInput(text: string): TimeInput {
  if (text.trim() === '') return { ok: true, ms: null };
  const ms = parseDateTime(text);
  return ms === null ? { ok: false } : { ok: true, ms };
}

/** A quick range ending now on the server clock: from and to as minutes, `to` the current minute (included whole). */
export function quickRange(range: QuickRange, now: number): { from: number; to: number } {
  const to = now - (now % MINUTE_MS);
  switch (range) {
    case 'last15':
      return { from: to - 15 * MINUTE_MS, to };
    case 'lastHour':
      return { from: to - 60 * MINUTE_MS, to };
    case 'today':
      return { from: now - (now % DAY_MS), to };
    default: {
      const never: never = range;
      throw new Error(`unknown range ${String(never)}`);
    }
  }
}

// Durations and times as a scenario file writes them: "2 min", "+10 min", "-90 s", "1 h 30 min"; "2026-01-05T09:00:00Z".

const UNITS: Record<string, number> = {
  ms: 1,
  s: 1_000,
  sec: 1_000,
  min: 60_000,
  h: 3_600_000,
  t: 3_600_000, // Norwegian "time" (hour), as in "1 t"
};

/** The units a duration may use, for messages and docs. */
export const DURATION_UNITS = Object.keys(UNITS);

/** A duration's form as a pattern (for the schema and editors): what parseDuration reads. */
export const DURATION_PATTERN = /^(?:0|[+-]?\s*(?:\d+(?:\.\d+)?\s*(?:ms|s|sec|min|h|t)\s*)+)$/;

const PART = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/;

/**
 * Milliseconds from "2 min", "+10 min", "-90 s", "1 h 30 min" or "0"; null when the text is not a duration.
 * Units: ms, s (sec), min, h (t). A sign is allowed in front of the whole duration.
 */
export function parseDuration(text: string): number | null {
  let rest = text.trim().toLowerCase();
  if (rest === '0') return 0;
  let sign = 1;
  if (rest.startsWith('+') || rest.startsWith('-')) {
    sign = rest.startsWith('-') ? -1 : 1;
    rest = rest.slice(1).trim();
  }
  if (rest === '') return null;
  // "1 h 30 min": split between a unit and the next number.
  const parts = rest.replace(/([a-z])\s*(?=\d)/g, '$1|').split('|');
  let total = 0;
  for (const part of parts) {
    const match = PART.exec(part.trim());
    if (!match) return null;
    const unit = UNITS[match[2] ?? ''];
    if (unit === undefined) return null;
    total += Number(match[1]) * unit;
  }
  return Number.isSafeInteger(Math.round(total)) ? sign * Math.round(total) : null;
}

/** "2 min 5 s", "-10 min", "0 s": the shortest exact form of a duration. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0 s';
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(ms);
  const parts: string[] = [];
  for (const [unit, size] of [['h', 3_600_000], ['min', 60_000], ['s', 1_000], ['ms', 1]] as const) {
    const count = Math.floor(rest / size);
    if (count > 0) parts.push(`${count} ${unit}`);
    rest -= count * size;
  }
  return sign + parts.join(' ');
}

/** A UTC time's form as a pattern (for the schema and editors): what parseTime reads. */
export const TIME_PATTERN = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z| ?UTC)$/;

/** Milliseconds since the epoch from an ISO 8601 time in UTC ("2026-01-05T09:00:00Z", "2026-01-05 09:00 UTC"); null otherwise. */
export function parseTime(text: string): number | null {
  const trimmed = text.trim();
  if (!TIME_PATTERN.test(trimmed)) return null;
  const ms = Date.parse(trimmed.replace(' UTC', 'Z').replace(' ', 'T'));
  return Number.isFinite(ms) ? ms : null;
}

/** "2026-01-05T09:00:00Z": ISO 8601, UTC, to the second (to the millisecond when there are any). */
export function formatTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, 19)}Z` : iso;
}

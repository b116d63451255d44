// Formatting simulated times and durations the same way in every language (the simulated world runs in UTC).

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** "09:02:30": the time of day of a simulated instant, UTC. */
export function formatTime(ms: number): string {
  const d = new Date(ms);
  return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

/** "2026-01-05": the date of a simulated instant, UTC. */
export function formatDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
}

/** "2026-01-05 09:02:30": date and time of a simulated instant, UTC. */
export function formatDateTime(ms: number): string {
  return `${formatDate(ms)} ${formatTime(ms)}`;
}

/** "4 min 05 s", "35 s", "1 h 02 min": a duration for people. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h} h ${two(m)} min`;
  if (m > 0) return `${m} min ${two(s)} s`;
  return `${s} s`;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\s*(?:Z|UTC))?$/i;

/**
 * Milliseconds from "2026-01-05 09:30", "2026-01-05 09:30:15" or "2026-01-05T09:30Z": a simulated instant typed in
 * ISO 24-hour form, always UTC. Null when the text is not such a time or names no real date (2026-02-30).
 */
export function parseDateTime(text: string): number | null {
  const match = DATE_TIME.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number]; // seven groups, the last optional
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const back = new Date(ms);
  const real = back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day && hour < 24 && minute < 60 && second < 60;
  return real ? ms : null;
}

// The event log as CSV (RFC 4180): fields quoted when needed, CRLF lines, ISO UTC times, and no cell a spreadsheet runs as a formula.
import type { EventLogEntry } from '../../domain';

/** Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: a leading formula character is neutralised with an apostrophe; quotes doubled; quoted when it holds , " CR or LF. */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV line, without its line break. */
export function csvLine(fields: readonly string[]): string {
  return fields.map(csvField).join(',');
}

/** How an entry's access server and description read (in the language on screen). */
export interface EventCsvColumns {
  describe: (entry: EventLogEntry) => string;
  where: (entry: EventLogEntry) => string;
}

/** "2026-01-05T09:00:00Z": ISO 8601 UTC to the second, as the screens show times. */
export function isoSecond(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** Event-log entries as CSV lines: time as ISO 8601 UTC, type, username, access server, description. */
export function eventCsvLines(entries: readonly EventLogEntry[], columns: EventCsvColumns): string[] {
  return entries.map((entry) => csvLine([isoSecond(entry.at), entry.type, entry.username, columns.where(entry), columns.describe(entry)]));
}

/** A whole CSV file: a UTF-8 byte-order mark (so spreadsheets read æøå), the headings, the lines, CRLF after each. */
export function csvFile(headings: readonly string[], lines: readonly string[]): string {
  return `\ufeff${[csvLine(headings), ...lines].map((line) => `${line}\r\n`).join('')}`;
}

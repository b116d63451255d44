// The event log's filter (R-MGR-4): time range, username, type and free text over the description shown.
import type { EventLogEntry, EventLogType } from '../../domain';
import type { EventQuery } from '../../runtime/log-read-model';

export interface EventFilter {
  /** "2026-01-05T09:00" as typed in a datetime-local field, read as UTC; '' for no bound. */
  from: string;
  to: string;
  username: string;
  type: EventLogType | '';
  text: string;
}

export const EMPTY_EVENT_FILTER: EventFilter = { from: '', to: '', username: '', type: '', text: '' };

const MINUTE_MS = 60_000;

/** A datetime-local value as simulated UTC time, or null when empty or unreadable. */
export function parseUtcInput(value: string): number | null {
  if (value === '') return null;
  const ms = Date.parse(`${value.length === 16 ? `${value}:00` : value}Z`);
  return Number.isNaN(ms) ? null : ms;
}

export function isFilterEmpty(filter: EventFilter): boolean {
  return filter.from === '' && filter.to === '' && filter.username === '' && filter.type === '' && filter.text === '';
}

/**
 * The filter as a read-model query (R-MGR-4). A username that is one of the log's own (the list offered) and the
 * type and time bounds go to the indexes; part of a username and free text are checked entry by entry.
 */
export function toEventQuery(filter: EventFilter, orgId: string, describe: (entry: EventLogEntry) => string, knownUsernames: readonly string[]): EventQuery {
  const query: EventQuery = { orgId };
  const from = parseUtcInput(filter.from);
  const toStart = parseUtcInput(filter.to);
  if (from !== null) query.from = from;
  // "To 09:05" includes the whole minute 09:05.
  if (toStart !== null) query.to = toStart + MINUTE_MS - 1;
  if (filter.type !== '') query.type = filter.type;
  const username = filter.username.trim().toLowerCase();
  const text = filter.text.trim().toLowerCase();
  const exactUser = username !== '' && knownUsernames.some((name) => name.toLowerCase() === username);
  if (exactUser) query.username = username;
  const partialUser = username !== '' && !exactUser;
  if (partialUser || text !== '') {
    query.match = (entry) => (!partialUser || entry.username.toLowerCase().includes(username)) && (text === '' || describe(entry).toLowerCase().includes(text));
  }
  return query;
}

// The event log's filter (R-MGR-4): time range, username, type or story (unblocks, blocks) and free text over the description shown.
import type { EventLogEntry, EventLogType } from '../../domain';
import type { EventQuery } from '../../runtime/log-read-model';

/** Entries that tell one part of the story, whatever their type: every unblock, or every block. */
export type EventStory = 'unblocks' | 'blocks';
export const EVENT_STORIES: readonly EventStory[] = ['unblocks', 'blocks'];

export interface EventFilter {
  /** Server time bounds (UTC ms), null for no bound; `to` is a minute as typed, so the whole minute counts. */
  from: number | null;
  to: number | null;
  username: string;
  /** One entry type, a story across types, or '' for all. */
  type: EventLogType | EventStory | '';
  text: string;
}

export const EMPTY_EVENT_FILTER: EventFilter = { from: null, to: null, username: '', type: '', text: '' };

const MINUTE_MS = 60_000;

export function isFilterEmpty(filter: EventFilter): boolean {
  return filter.from === null && filter.to === null && filter.username === '' && filter.type === '' && filter.text === '';
}

export function isStory(value: string): value is EventStory {
  return EVENT_STORIES.some((story) => story === value);
}

/**
 * Whether an entry is an unblock: online in the app (PIN_Unblocked) or offline at a login with a 9-digit unblock code
 * (Access_Granted_Offline, reason 'unblock-granted', R-UBC-4). Each is one entry, so one login is never listed twice (R-VER-8).
 */
export function isUnblock(entry: EventLogEntry): boolean {
  return entry.type === 'PIN_Unblocked' || (entry.type === 'Access_Granted_Offline' && entry.reason.kind === 'unblock-granted');
}

/**
 * Whether an entry is a block: PIN_Blocked (wrong PINs in the app, Manager, other orgs), or the login attempt that blocked
 * the link (3rd failed code, R-BLK-3) or the PIN (3rd wrong offline PIN, R-BLK-1), which says so in its own entry (R-VER-8).
 */
export function isBlock(entry: EventLogEntry): boolean {
  if (entry.type === 'PIN_Blocked') return true;
  const reason = entry.reason;
  return (reason.kind === 'otp-failed' && reason.linkBlocked) || (reason.kind === 'offline-wrong-pin' && reason.pinBlocked);
}

const STORY: Record<EventStory, (entry: EventLogEntry) => boolean> = { unblocks: isUnblock, blocks: isBlock };

/**
 * The filter as a read-model query (R-MGR-4). A username that is one of the log's own (the list offered), one type and the
 * time bounds go to the indexes; a story, part of a username and free text are checked entry by entry (`match`).
 */
export function toEventQuery(filter: EventFilter, orgId: string, describe: (entry: EventLogEntry) => string, knownUsernames: readonly string[]): EventQuery {
  const query: EventQuery = { orgId };
  if (filter.from !== null) query.from = filter.from;
  // "To 09:05" includes the whole minute 09:05.
  if (filter.to !== null) query.to = filter.to + MINUTE_MS - 1;
  const story = filter.type !== '' && isStory(filter.type) ? STORY[filter.type] : null;
  if (filter.type !== '' && !isStory(filter.type)) query.type = filter.type;
  const username = filter.username.trim().toLowerCase();
  const text = filter.text.trim().toLowerCase();
  const exactUser = username !== '' && knownUsernames.some((name) => name.toLowerCase() === username);
  if (exactUser) query.username = username;
  const partialUser = username !== '' && !exactUser;
  if (partialUser || text !== '' || story !== null) {
    query.match = (entry) =>
      (story === null || story(entry)) &&
      (!partialUser || entry.username.toLowerCase().includes(username)) &&
      (text === '' || describe(entry).toLowerCase().includes(text));
  }
  return query;
}

// What kind of thing a journal entry was (a login granted, a block, a clock change ...), and whom it concerned: the timeline's marks, legend and filters.
import type { WorldCommand, WorldEvent, WorldState, EventLogEntry } from '../../domain';
import type { Entry } from '../journal';

export type EntryKind = 'granted' | 'denied' | 'error' | 'block' | 'unblock' | 'ubc' | 'clock' | 'network' | 'world' | 'action';

/** Every kind, in the legend's order. */
export const ENTRY_KINDS: readonly EntryKind[] = ['granted', 'denied', 'error', 'block', 'unblock', 'ubc', 'clock', 'network', 'world', 'action'];

const CLOCK_COMMANDS: ReadonlySet<WorldCommand['type']> = new Set(['PauseClock', 'ResumeClock', 'SetClockSpeed', 'AdvanceClock', 'SetClock', 'SetPhoneClockOffset']);
const WORLD_COMMANDS: ReadonlySet<WorldCommand['type']> = new Set([
  'AddPerson', 'AddPhone', 'CreateOrg', 'AddDirectory', 'MoveDirectory', 'AddDirectoryEntry', 'RemoveDirectoryEntry',
  'AddAccessServer', 'SetAccessServerOffline', 'AddAdmin', 'RemoveAdmin', 'SetAdminRole',
]);

/** Which of an entry's event-log types counts most, when one command wrote several (a login that blocked the PIN everywhere). */
const LOG_RANK: readonly EntryKind[] = ['block', 'unblock', 'error', 'denied', 'granted'];

function logKind(entry: EventLogEntry): EntryKind {
  switch (entry.type) {
    case 'Access_Granted':
    case 'Access_Granted_Offline':
      return 'granted';
    case 'Access_Error':
      return 'error';
    case 'PIN_Blocked':
      return 'block';
    case 'PIN_Unblocked':
      return 'unblock';
    case 'Access_Denied':
    case 'Access_Denied_Offline':
    case 'UBC_Denied': {
      // R-VER-8: a login that blocked says so in its own entry.
      const reason = entry.reason;
      if ((reason.kind === 'otp-failed' && reason.linkBlocked) || (reason.kind === 'offline-wrong-pin' && reason.pinBlocked)) return 'block';
      return 'denied';
    }
    default:
      return assertNever(entry.type);
  }
}

/** The kind of one journal entry: from what its events logged first, then from its command's type. */
export function entryKind(entry: Pick<Entry, 'command' | 'events'>): EntryKind {
  let best: EntryKind | null = null;
  for (const event of entry.events) {
    const kind = event.type === 'EventLogged' ? logKind(event.entry) : event.type === 'LinkBlocked' ? 'block' : event.type === 'LinkUnblocked' ? 'unblock' : null;
    if (kind && (best === null || LOG_RANK.indexOf(kind) < LOG_RANK.indexOf(best))) best = kind;
  }
  if (best) return best;
  const type = entry.command.type;
  if (type === 'DisplayUbc' || type === 'GenerateNewUbc') return 'ubc';
  if (type === 'BlockPin') return 'block';
  if (CLOCK_COMMANDS.has(type)) return 'clock';
  if (type === 'SetPhoneOnline') return 'network';
  if (WORLD_COMMANDS.has(type)) return 'world';
  return 'action';
}

/** The orgs and holders (mobile numbers) an entry concerns, for the person and org filters. */
export interface EntryFacets {
  kind: EntryKind;
  orgIds: string[];
  mobiles: string[];
}

function collect(value: object, orgIds: Set<string>, mobiles: Set<string>): void {
  // Commands and events are plain records; orgId and mobile are always strings (or null) where they occur.
  const record = value as Record<string, unknown>;
  if (typeof record['orgId'] === 'string') orgIds.add(record['orgId']);
  if (typeof record['mobile'] === 'string' && record['mobile'] !== '') mobiles.add(record['mobile']);
}

/** The kind, orgs and holders of an entry; a phone's commands count for its owner (looked up in `world`). */
export function entryFacets(entry: Pick<Entry, 'command' | 'events'>, world: WorldState): EntryFacets {
  const orgIds = new Set<string>();
  const mobiles = new Set<string>();
  collect(entry.command, orgIds, mobiles);
  if ('phoneId' in entry.command) {
    const phone = world.phones[entry.command.phoneId];
    const person = phone ? world.people[phone.personId] : undefined;
    if (person) mobiles.add(person.mobile);
  }
  if (entry.command.type === 'AddPhone') {
    const person = world.people[entry.command.personId];
    if (person) mobiles.add(person.mobile);
  }
  for (const event of entry.events as readonly WorldEvent[]) {
    collect(event, orgIds, mobiles);
    if (event.type === 'EventLogged' || event.type === 'AuditRecorded') collect(event.entry, orgIds, mobiles);
  }
  return { kind: entryKind(entry), orgIds: [...orgIds], mobiles: [...mobiles] };
}

function assertNever(value: never): never {
  throw new Error(`Unhandled event-log type ${String(value)}`);
}

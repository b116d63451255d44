// The world a new sandbox opens with: three orgs (one with no offline codes), people in one, two and three of them, every admin role.
import type { WorldCommand, WorldState, Role } from '../domain';

/** A person of the default world, with the PIN a trainee is told they chose. */
export interface DefaultPerson {
  personId: string;
  name: string;
  mobile: string;
  /** The PIN this person set at activation; null when their app is not activated yet. */
  pin: string | null;
  /** org id -> username in that org's directory. */
  usernames: Record<string, string>;
}

export const DEFAULT_PEOPLE: readonly DefaultPerson[] = [
  { personId: 'ingrid', name: 'Ingrid Berg', mobile: '+4791234501', pin: '1234', usernames: { acme: 'ingrid' } },
  { personId: 'ola', name: 'Ola Nordmann', mobile: '+4791234502', pin: '2345', usernames: { acme: 'ola', northbank: 'ola.nordmann' } },
  { personId: 'kari', name: 'Kari Hansen', mobile: '+4791234503', pin: '3456', usernames: { acme: 'kari', northbank: 'khansen', fjord: 'kari.hansen' } },
  { personId: 'per', name: 'Per Olsen', mobile: '+4791234504', pin: '4567', usernames: { fjord: 'per' } },
  { personId: 'lars', name: 'Lars Dahl', mobile: '+4791234505', pin: null, usernames: { acme: 'lars' } },
];

const ADMINS: readonly { adminId: string; orgId: string; username: string; name: string; role: Role }[] = [
  { adminId: 'acme-anna', orgId: 'acme', username: 'anna.admin', name: 'Anna Lie', role: 'SUPERUSER' },
  { adminId: 'acme-ulf', orgId: 'acme', username: 'ulf.users', name: 'Ulf Moe', role: 'USERADMIN' },
  { adminId: 'acme-hanne', orgId: 'acme', username: 'hanne.help', name: 'Hanne Vik', role: 'HELPDESK' },
  { adminId: 'northbank-nils', orgId: 'northbank', username: 'nils.admin', name: 'Nils Eide', role: 'SUPERUSER' },
  { adminId: 'northbank-berit', orgId: 'northbank', username: 'berit.users', name: 'Berit Lund', role: 'USERADMIN' },
  { adminId: 'northbank-henrik', orgId: 'northbank', username: 'henrik.help', name: 'Henrik Dahl', role: 'HELPDESK' },
  { adminId: 'fjord-siri', orgId: 'fjord', username: 'siri.admin', name: 'Siri Holm', role: 'SUPERUSER' },
  { adminId: 'fjord-tor', orgId: 'fjord', username: 'tor.users', name: 'Tor Bakke', role: 'USERADMIN' },
  { adminId: 'fjord-frida', orgId: 'fjord', username: 'frida.help', name: 'Frida Strand', role: 'HELPDESK' },
];

/** Which directory of each org lists people (the first one; acme's partners directory lists nobody yet). */
const PEOPLE_DIRECTORY: Record<string, string> = { acme: 'acme-ldap', northbank: 'northbank-ad', fjord: 'fjord-citizens' };
/** Where each person logs in once, so Manager lists them (a link is created at the first accepted code). */
const FIRST_LOGIN_SERVER: Record<string, string> = { acme: 'vpn', northbank: 'remote', fjord: 'intranet' };

function organizations(): WorldCommand[] {
  return [
    { type: 'CreateOrg', orgId: 'acme', name: 'Acme Corp' },
    { type: 'AddDirectory', orgId: 'acme', directoryId: 'acme-ldap', name: 'Acme LDAP', kind: 'LDAP', checksAppId: false },
    { type: 'AddDirectory', orgId: 'acme', directoryId: 'acme-partners', name: 'Acme partners', kind: 'HTTP', checksAppId: false },
    { type: 'AddAccessServer', orgId: 'acme', accessServerId: 'vpn', name: 'Acme VPN', offlineAllowed: true },
    { type: 'AddAccessServer', orgId: 'acme', accessServerId: 'portal', name: 'Acme web portal', offlineAllowed: true },
    { type: 'CreateOrg', orgId: 'northbank', name: 'Northbank' },
    { type: 'AddDirectory', orgId: 'northbank', directoryId: 'northbank-ad', name: 'Northbank AD', kind: 'LDAP', checksAppId: false },
    { type: 'AddAccessServer', orgId: 'northbank', accessServerId: 'remote', name: 'Northbank remote access', offlineAllowed: true },
    { type: 'CreateOrg', orgId: 'fjord', name: 'Fjord Municipality' },
    { type: 'AddDirectory', orgId: 'fjord', directoryId: 'fjord-citizens', name: 'Fjord citizens', kind: 'HTTP', checksAppId: false },
    // One org that allows no offline codes anywhere (R-VER-7).
    { type: 'AddAccessServer', orgId: 'fjord', accessServerId: 'intranet', name: 'Fjord intranet', offlineAllowed: false },
  ];
}

/**
 * The default world's commands, one at a time: each `yield` sends a command and receives the world after it, so steps
 * that need what the world answered (the SMS code, the code on the phone) read it there. Whoever drives it runs the
 * commands (in memory, or in a stored sandbox). The clock is resumed at the end unless `resumeClock` is false.
 */
export function* defaultWorldCommands(options: { resumeClock?: boolean } = {}): Generator<WorldCommand, void, WorldState> {
  for (const command of organizations()) yield command;
  for (const admin of ADMINS) yield { type: 'AddAdmin', ...admin };
  for (const person of DEFAULT_PEOPLE) {
    for (const [orgId, username] of Object.entries(person.usernames)) {
      const directoryId = PEOPLE_DIRECTORY[orgId] ?? '';
      yield { type: 'AddDirectoryEntry', orgId, directoryId, entry: { username, mobile: person.mobile } };
    }
    yield { type: 'AddPerson', personId: person.personId, name: person.name, mobile: person.mobile };
    yield { type: 'AddPhone', phoneId: `${person.personId}-phone`, personId: person.personId, label: `${person.name.split(' ')[0]}'s phone` };
  }
  for (const person of DEFAULT_PEOPLE) {
    if (person.pin === null) continue;
    const phoneId = `${person.personId}-phone`;
    const afterRequest = yield { type: 'AppStartActivation', phoneId, mobile: person.mobile };
    const sms = afterRequest.phones[phoneId]?.inbox.at(-1);
    if (!sms) throw new Error(`default world: no SMS reached ${phoneId}`);
    yield { type: 'AppConfirmSms', phoneId, smsCode: sms.code };
    yield { type: 'AppSetFirstPin', phoneId, pin: person.pin, repeat: person.pin };
    for (const [orgId, username] of Object.entries(person.usernames)) {
      const afterPin = yield { type: 'AppEnterPin', phoneId, pin: person.pin };
      const screen = afterPin.phones[phoneId]?.app.screen;
      if (screen?.kind !== 'online-code') throw new Error(`default world: ${phoneId} shows no code`);
      yield { type: 'Login', orgId, accessServerId: FIRST_LOGIN_SERVER[orgId] ?? '', username, code: screen.code };
      yield { type: 'AppBack', phoneId };
    }
    // The app learns its links when it next talks to the server: the icon shows them from the start.
    yield { type: 'AppShowLinks', phoneId };
    yield { type: 'AppBack', phoneId };
  }
  // A sandbox's clock runs from the start; a scenario's stays paused, so time moves only by its steps.
  if (options.resumeClock ?? true) yield { type: 'ResumeClock' };
}

/** Builds the default world by running each command through `run` (the same path as every other command). */
export function buildDefaultWorld(run: (command: WorldCommand) => void, state: () => WorldState, options: { resumeClock?: boolean } = {}): void {
  const commands = defaultWorldCommands(options);
  for (let next = commands.next(state()); !next.done; next = commands.next(state())) run(next.value);
}

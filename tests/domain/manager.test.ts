// R-MGR: Manager roles, the users list and user details, the event log and the audit log.
import { describe, it, expect, beforeAll } from 'vitest';
import { TestWorld } from './support/test-world';
import { fixtureWorld, linkEverywhere, MOBILE, PIN } from './support/fixture';
import { evolve, usersOf, getLink, currentDevice, can, EVENT_LOG_TYPES, ROLES, offlineLockoutRunning } from '../../src/domain';
import type { WorldCommand, WorldEvent, WorldState, Role, Permission, AuditAction } from '../../src/domain';
import { describeEvent, describeAudit } from '../../src/i18n/describe-event';

/** A copy of a world to go on from: the state is plain data and never changed in place. */
function fork(base: TestWorld): TestWorld {
  const w = new TestWorld(base.seed, base.now);
  w.state = base.state;
  w.now = base.now;
  w.events.push(...base.events);
  w.eventLog.push(...base.eventLog);
  w.auditLog.push(...base.auditLog);
  return w;
}

/** given(events): folds events into a world as if earlier commands had decided them. */
function given(w: TestWorld, ...events: WorldEvent[]): void {
  for (const event of events) {
    w.events.push(event);
    w.state = evolve(w.state, event);
  }
}

/** The world without its audit log: what a refused Manager action must leave unchanged. */
function withoutAudit(state: WorldState): unknown {
  return { ...state, server: { ...state.server, auditLogCount: 0 } };
}

/**
 * acme users for every Manager action to succeed on: alice blocked (Display UBC), carol blocked with a
 * blocked UBC (Generate new UBC), bob active and unblocked but locked out offline (Block PIN, status, Offline unlock).
 */
function managerWorld(): TestWorld {
  const w = fixtureWorld();
  for (const person of ['alice', 'bob', 'carol'] as const) linkEverywhere(w, person);
  w.ok({ type: 'BlockPin', by: 'acme-super', orgId: 'acme', mobile: MOBILE.alice });
  w.ok({ type: 'BlockPin', by: 'acme-super', orgId: 'acme', mobile: MOBILE.carol });
  w.ok({ type: 'AppOpenUnblock', phoneId: 'carol-phone' });
  w.ok({ type: 'AppChooseUnblockOrg', phoneId: 'carol-phone', orgId: 'acme' });
  const ubc = w.displayUbc('acme-super', 'acme', MOBILE.carol);
  for (let i = 0; i < 3; i++) w.ok({ type: 'AppEnterUbc', phoneId: 'carol-phone', ubc: ubc === '111111111' ? '222222222' : '111111111' });
  // R-OFF-1 (tested for real in offline-lockout.test.ts): given a running lockout, folded in as the event that starts one.
  given(w, { type: 'OfflineLockoutStarted', mobile: MOBILE.bob, until: w.now + 15 * 60_000 });
  return w;
}

type Area = 'users' | 'directories' | 'access-servers' | 'admins';

/** Every Manager action at acme, with the audit action it records when allowed. */
const ACTIONS: { name: string; area: Area; audited: AuditAction['kind']; command: (by: string) => WorldCommand }[] = [
  { name: 'Display UBC', area: 'users', audited: 'ubc-displayed', command: (by) => ({ type: 'DisplayUbc', by, orgId: 'acme', mobile: MOBILE.alice }) },
  { name: 'Generate new UBC', area: 'users', audited: 'ubc-regenerated', command: (by) => ({ type: 'GenerateNewUbc', by, orgId: 'acme', mobile: MOBILE.carol }) },
  { name: 'Block PIN', area: 'users', audited: 'pin-blocked', command: (by) => ({ type: 'BlockPin', by, orgId: 'acme', mobile: MOBILE.bob }) },
  { name: 'Set inactive', area: 'users', audited: 'status-set', command: (by) => ({ type: 'SetUserStatus', by, orgId: 'acme', mobile: MOBILE.bob, status: 'inactive' }) },
  { name: 'Offline unlock', area: 'users', audited: 'offline-unlocked', command: (by) => ({ type: 'OfflineUnlock', by, orgId: 'acme', mobile: MOBILE.bob }) },
  { name: 'Add directory', area: 'directories', audited: 'directory-added', command: (by) => ({ type: 'AddDirectory', by, orgId: 'acme', directoryId: 'extra-ldap', name: 'Extra LDAP', kind: 'LDAP', checksAppId: false }) },
  { name: 'Move directory', area: 'directories', audited: 'directory-moved', command: (by) => ({ type: 'MoveDirectory', by, orgId: 'acme', directoryId: 'partner-http', toIndex: 0 }) },
  { name: 'Add directory entry', area: 'directories', audited: 'directory-entry-added', command: (by) => ({ type: 'AddDirectoryEntry', by, orgId: 'acme', directoryId: 'corp-ldap', entry: { username: 'erin', mobile: '+4790000005' } }) },
  { name: 'Remove directory entry', area: 'directories', audited: 'directory-entry-removed', command: (by) => ({ type: 'RemoveDirectoryEntry', by, orgId: 'acme', directoryId: 'corp-ldap', username: 'nomobile' }) },
  { name: 'Add access server', area: 'access-servers', audited: 'access-server-added', command: (by) => ({ type: 'AddAccessServer', by, orgId: 'acme', accessServerId: 'extra', name: 'Extra', offlineAllowed: true }) },
  { name: 'Allow offline codes', area: 'access-servers', audited: 'access-server-offline-set', command: (by) => ({ type: 'SetAccessServerOffline', by, orgId: 'acme', accessServerId: 'portal', offlineAllowed: true }) },
  { name: 'Add administrator', area: 'admins', audited: 'admin-added', command: (by) => ({ type: 'AddAdmin', by, orgId: 'acme', adminId: 'acme-new', username: 'new-admin', name: 'New Admin', role: 'HELPDESK' }) },
  { name: 'Remove administrator', area: 'admins', audited: 'admin-removed', command: (by) => ({ type: 'RemoveAdmin', by, orgId: 'acme', adminId: 'acme-helpdesk' }) },
  { name: 'Set administrator role', area: 'admins', audited: 'admin-role-set', command: (by) => ({ type: 'SetAdminRole', by, orgId: 'acme', adminId: 'acme-helpdesk', role: 'USERADMIN' }) },
];

/** R-MGR-1: SUPERUSER everything; USERADMIN the users; HELPDESK nothing. */
const ALLOWED: Record<Role, readonly Area[]> = {
  SUPERUSER: ['users', 'directories', 'access-servers', 'admins'],
  USERADMIN: ['users'],
  HELPDESK: [],
};
const ADMIN_OF: Record<Role, string> = { SUPERUSER: 'acme-super', USERADMIN: 'acme-useradmin', HELPDESK: 'acme-helpdesk' };

const TABLE = ROLES.flatMap((role) => ACTIONS.map((action) => ({ role, action, allowed: ALLOWED[role].includes(action.area) })));

describe('R-MGR-1 roles: SUPERUSER does everything, USERADMIN manages users, HELPDESK only reads the event log', () => {
  let base: TestWorld;
  beforeAll(() => {
    base = managerWorld();
    expect(getLink(base.state.server, 'acme', MOBILE.carol)?.ubcBlocked).toBe(true);
    expect(offlineLockoutRunning(base.holder(MOBILE.bob), base.now)).toBe(true);
  });

  it.each(TABLE.filter((row) => row.allowed).map((row) => [row.role, row.action.name, row] as const))(
    'R-MGR-1 when a %s does "%s" at their own org, then it is done and audited',
    (_role, _name, { role, action }) => {
      const w = fork(base);
      const adminId = ADMIN_OF[role];
      const { result, events } = w.when(action.command(adminId));
      if (!result.ok) throw new Error(`refused: ${result.error.message}`);
      // A display changes nothing but shows the UBC; every other action changes the world.
      if (action.audited === 'ubc-displayed') expect(result.reply).toEqual({ kind: 'ubc', ubc: getLink(w.state.server, 'acme', MOBILE.alice)?.ubc });
      else expect(events.some((e) => e.type !== 'AuditRecorded')).toBe(true);
      expect(w.lastAudit('acme')).toMatchObject({ adminId, at: w.now, action: { kind: action.audited } });
    },
  );

  it.each(TABLE.filter((row) => !row.allowed).map((row) => [row.role, row.action.name, row] as const))(
    'R-MGR-1 when a %s tries "%s", then it is refused naming R-MGR-1, nothing changes and exactly one "refused" audit entry is added',
    (_role, _name, { role, action }) => {
      const w = fork(base);
      const adminId = ADMIN_OF[role];
      const before = w.state;
      const { result, events } = w.when(action.command(adminId));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('forbidden');
      expect(result.error.rule).toBe('R-MGR-1');
      expect(result.error.message).toMatch(/\(R-MGR-1\)$/);
      expect(events.map((e) => e.type)).toEqual(['AuditRecorded']);
      expect(withoutAudit(w.state)).toEqual(withoutAudit(before));
      const added = w.auditLog.slice(before.server.auditLogCount);
      expect(added).toHaveLength(1);
      expect(added[0]).toMatchObject({ adminId, orgId: 'acme', action: { kind: 'refused', why: 'role', role } });
      expect(describeAudit(added[0]!.action)).toMatch(new RegExp(`^Refused: a ${role} may not `));
    },
  );

  it.each(ACTIONS.map((action) => [action.name, action] as const))(
    'R-MGR-1 when a SUPERUSER of bank does "%s" at acme, then it is refused naming R-MGR-1 and audited',
    (_name, action) => {
      const w = fork(base);
      const before = w.state;
      const { result } = w.when(action.command('bank-super'));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.rule).toBe('R-MGR-1');
      expect(withoutAudit(w.state)).toEqual(withoutAudit(before));
      const added = w.auditLog.slice(before.server.auditLogCount);
      expect(added).toHaveLength(1);
      expect(added[0]).toMatchObject({ adminId: 'bank-super', action: { kind: 'refused', why: 'other-org' } });
    },
  );

  it.each([
    ['SUPERUSER', ['read-event-log', 'read-audit-log', 'read-users', 'display-ubc', 'generate-ubc', 'block-pin', 'set-status', 'offline-unlock', 'manage-admins', 'manage-directories', 'manage-access-servers']],
    ['USERADMIN', ['read-event-log', 'read-audit-log', 'read-users', 'display-ubc', 'generate-ubc', 'block-pin', 'set-status', 'offline-unlock']],
    ['HELPDESK', ['read-event-log']],
  ] as const)('R-MGR-1 a %s may do exactly: %j', (role, granted) => {
    const all: Permission[] = ['read-event-log', 'read-audit-log', 'read-users', 'display-ubc', 'generate-ubc', 'block-pin', 'set-status', 'offline-unlock', 'manage-admins', 'manage-directories', 'manage-access-servers'];
    expect(all.filter((permission) => can(role, permission))).toEqual(granted);
  });

  it('R-MGR-1 bad input: HELPDESK displaying a UBC is refused naming R-MGR-1', () => {
    const w = fork(base);
    const error = w.refused({ type: 'DisplayUbc', by: 'acme-helpdesk', orgId: 'acme', mobile: MOBILE.alice });
    expect(error.message).toMatch(/R-MGR-1/);
    expect(error.message).toMatch(/HELPDESK may not display ubc/);
  });

  it('R-MGR-1 a HELPDESK asking for the UBC of a number that is no user here is still refused as forbidden and audited', () => {
    const w = fork(base);
    const before = w.auditLog.length;
    const error = w.refused({ type: 'DisplayUbc', by: 'acme-helpdesk', orgId: 'acme', mobile: MOBILE.dave });
    expect(error.rule).toBe('R-MGR-1');
    expect(w.auditLog.slice(before).map((e) => e.action.kind)).toEqual(['refused']);
  });

  it('R-MGR-1 bad input: an unknown org, an unknown administrator, a bad mobile or status are refused naming the field, with no event', () => {
    const w = fork(base);
    const cases: [WorldCommand, string][] = [
      [{ type: 'DisplayUbc', by: 'acme-useradmin', orgId: 'nowhere', mobile: MOBILE.alice }, 'orgId'],
      [{ type: 'Login', orgId: 'nowhere', accessServerId: 'vpn', username: 'alice', code: '123456' }, 'orgId'],
      [{ type: 'DisplayUbc', by: 'nobody', orgId: 'acme', mobile: MOBILE.alice }, 'by'],
      [{ type: 'BlockPin', by: 'acme-useradmin', orgId: 'acme', mobile: 'not a number' }, 'mobile'],
      [{ type: 'SetUserStatus', by: 'acme-useradmin', orgId: 'acme', mobile: MOBILE.bob, status: 'gone' as 'active' }, 'status'],
    ];
    for (const [command, field] of cases) {
      const { result, events } = w.when(command);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.field).toBe(field);
        expect(result.error.message).toContain(`"${field}"`);
      }
      expect(events).toEqual([]);
    }
  });
});

describe('R-MGR-2 and R-MGR-3 the users list is the links: everyone who has logged in at the org', () => {
  it('R-MGR-2 given people in the directories, when nobody has logged in, then the users list is empty', () => {
    const w = fixtureWorld();
    expect(usersOf(w.state.server, 'acme')).toEqual([]);
    expect(usersOf(w.state.server, 'bank')).toEqual([]);
  });

  it('R-MGR-2 when alice logs in at acme, bob only at bank and carol fails at acme, then each list holds who logged in there, with username, mobile, App-ID, status, blocked and change date', () => {
    const w = fixtureWorld();
    w.advance(60_000);
    const aliceAt = w.now;
    expect(w.login('acme', 'vpn', 'alice', w.code('alice-phone', PIN.alice)).accepted).toBe(true);
    w.advance(60_000);
    expect(w.login('bank', 'vpn', 'bob.b', w.code('bob-phone', PIN.bob)).accepted).toBe(true);
    expect(w.login('acme', 'vpn', 'carol', '123456').accepted).toBe(false);

    const acme = usersOf(w.state.server, 'acme');
    expect(acme.map((u) => u.username)).toEqual(['alice']);
    expect(acme[0]).toMatchObject({ orgId: 'acme', username: 'alice', mobile: MOBILE.alice, status: 'active', blocked: false, changedAt: aliceAt });
    expect(currentDevice(w.state.server, MOBILE.alice)?.appId).toBe(w.phone('alice-phone').app.device?.appId);
    expect(currentDevice(w.state.server, MOBILE.alice)?.appId).toMatch(/^\d{10}$/);
    expect(usersOf(w.state.server, 'bank').map((u) => [u.username, u.mobile])).toEqual([['bob.b', MOBILE.bob]]);
    expect(usersOf(w.state.server, 'city')).toEqual([]);
  });

  it('R-MGR-2 the red blocked icon shows while the link is blocked and goes when it is unblocked', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'bob');
    const bobAtAcme = () => usersOf(w.state.server, 'acme').find((u) => u.mobile === MOBILE.bob);
    w.ok({ type: 'BlockPin', by: 'acme-useradmin', orgId: 'acme', mobile: MOBILE.bob });
    expect(bobAtAcme()?.blocked).toBe(true);
    expect(usersOf(w.state.server, 'bank').find((u) => u.mobile === MOBILE.bob)?.blocked).toBe(false);
    const ubc = w.displayUbc('acme-useradmin', 'acme', MOBILE.bob);
    w.ok({ type: 'AppOpenUnblock', phoneId: 'bob-phone' });
    w.ok({ type: 'AppChooseUnblockOrg', phoneId: 'bob-phone', orgId: 'acme' });
    w.ok({ type: 'AppEnterUbc', phoneId: 'bob-phone', ubc });
    expect(bobAtAcme()?.blocked).toBe(false);
  });

  it('R-MGR-3 a user\'s own event-log entries at an org are the attempts made with that user\'s number there', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'alice');
    linkEverywhere(w, 'bob');
    w.login('acme', 'vpn', 'alice', '000001');
    w.login('acme', 'portal', 'alice', '000002');
    w.login('acme', 'vpn', 'nobody', '000003');
    const own = w.eventLog.filter((e) => e.orgId === 'acme' && e.mobile === MOBILE.alice);
    expect(own.map((e) => [e.username, e.accessServerId, e.type])).toEqual([
      ['alice', 'vpn', 'Access_Granted'],
      ['alice', 'vpn', 'Access_Denied'],
      ['alice', 'portal', 'Access_Denied'],
    ]);
  });
});

describe('R-MGR-4 the event log: time, type, username, description', () => {
  it('R-MGR-4 given one attempt of each kind, then each entry carries its time, its type, the username and a description that tells it apart', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'alice');
    const attempts: [string, string, () => string, string][] = [
      ['vpn', 'alice', () => w.code('alice-phone', PIN.alice), 'Access_Granted'],
      ['vpn', 'alice', () => '000001', 'Access_Denied'],
      ['vpn', 'mallory', () => '000002', 'Access_Error'],
      ['vpn', 'alice', () => w.offlineCodeFor('alice-phone', PIN.alice), 'Access_Granted_Offline'],
      ['portal', 'alice', () => w.offlineCodeFor('alice-phone', PIN.alice), 'Access_Denied_Offline'],
    ];
    const descriptions: string[] = [];
    for (const [server, username, code, type] of attempts) {
      w.advance(30_000);
      const { entry, description } = w.login('acme', server, username, code());
      expect(entry).toMatchObject({ at: w.now, type, username, orgId: 'acme', accessServerId: server });
      expect(EVENT_LOG_TYPES).toContain(entry.type);
      expect(description.length).toBeGreaterThan(0);
      descriptions.push(description);
    }
    expect(new Set(descriptions).size).toBe(descriptions.length);
    expect(descriptions[2]).toMatch(/^User not found in LDAP\/HTTP \(tried: Corp LDAP \(LDAP\), Partner HTTP \(HTTP\)\)$/);
    const seqs = w.eventLog.map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  });

  it('R-MGR-4 the entry types are the five of the doc plus the unblocking events', () => {
    expect(EVENT_LOG_TYPES).toEqual(expect.arrayContaining(['Access_Granted', 'Access_Denied', 'Access_Error', 'Access_Granted_Offline', 'Access_Denied_Offline']));
    expect(new Set(EVENT_LOG_TYPES).size).toBe(EVENT_LOG_TYPES.length);
    const w = fixtureWorld();
    linkEverywhere(w, 'alice');
    for (let i = 0; i < 3; i++) w.ok({ type: 'AppEnterPin', phoneId: 'alice-phone', pin: '9999' });
    const ubc = w.displayUbc('acme-useradmin', 'acme', MOBILE.alice);
    w.ok({ type: 'AppOpenUnblock', phoneId: 'alice-phone' });
    w.ok({ type: 'AppChooseUnblockOrg', phoneId: 'alice-phone', orgId: 'acme' });
    w.ok({ type: 'AppEnterUbc', phoneId: 'alice-phone', ubc: ubc === '111111111' ? '222222222' : '111111111' });
    w.ok({ type: 'AppEnterUbc', phoneId: 'alice-phone', ubc });
    w.ok({ type: 'AppSetUnblockPin', phoneId: 'alice-phone', newPin: '5678', repeat: '5678' });
    const types = w.eventLog.filter((e) => e.accessServerId === null).map((e) => e.type);
    expect(types).toEqual(['PIN_Blocked', 'UBC_Denied', 'PIN_Unblocked']);
    for (const entry of w.eventLog) {
      expect(EVENT_LOG_TYPES).toContain(entry.type);
      expect(entry.username).toBe('alice');
      expect(describeEvent(entry.reason).length).toBeGreaterThan(0);
    }
  });
});

describe('R-MGR-5 the audit log: every Manager change and every UBC display', () => {
  it('R-MGR-5 given a series of Manager actions, then each adds exactly one audit entry with time, administrator, action and target user', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'alice');
    const start = w.auditLog.length;
    const steps: [WorldCommand, string, string | null, string][] = [
      [{ type: 'BlockPin', by: 'acme-useradmin', orgId: 'acme', mobile: MOBILE.alice }, 'acme-useradmin', 'alice', 'Blocked PIN'],
      [{ type: 'DisplayUbc', by: 'acme-super', orgId: 'acme', mobile: MOBILE.alice }, 'acme-super', 'alice', 'Displayed UBC'],
      [{ type: 'SetUserStatus', by: 'acme-useradmin', orgId: 'acme', mobile: MOBILE.alice, status: 'inactive' }, 'acme-useradmin', 'alice', 'Set inactive'],
      [{ type: 'SetUserStatus', by: 'acme-super', orgId: 'acme', mobile: MOBILE.alice, status: 'active' }, 'acme-super', 'alice', 'Set active'],
      [{ type: 'AddAccessServer', by: 'acme-super', orgId: 'acme', accessServerId: 'extranet', name: 'Extranet', offlineAllowed: false }, 'acme-super', null, 'Added access server Extranet (offline codes not allowed)'],
      [{ type: 'AddAdmin', by: 'acme-super', orgId: 'acme', adminId: 'acme-second', username: 'second', name: 'Second', role: 'USERADMIN' }, 'acme-super', null, 'Added administrator second (USERADMIN)'],
    ];
    for (const [command, adminId, target, words] of steps) {
      w.advance(30_000);
      const before = w.auditLog.length;
      w.ok(command);
      const added = w.auditLog.slice(before);
      expect(added).toHaveLength(1);
      expect(added[0]).toMatchObject({ at: w.now, orgId: 'acme', adminId, adminUsername: adminId, targetUsername: target });
      expect(describeAudit(added[0]!.action)).toBe(words);
    }
    expect(w.auditLog.length - start).toBe(steps.length);
  });

  it('R-MGR-5 reading is not a change: a refused Display UBC of an unblocked user and a login add no audit entry', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'alice');
    const before = w.auditLog.length;
    w.refused({ type: 'DisplayUbc', by: 'acme-useradmin', orgId: 'acme', mobile: MOBILE.alice });
    w.login('acme', 'vpn', 'alice', w.code('alice-phone', PIN.alice));
    expect(w.auditLog.length).toBe(before);
  });
});

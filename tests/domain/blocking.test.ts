// R-BLK: blocking a holder's links by wrong PINs, by Manager and by failed codes, and blocking's independence from status.
import { describe, it, expect } from 'vitest';
import type { TestWorld } from './support/test-world';
import { ofType } from './support/test-world';
import { fixtureWorld, linkEverywhere, MOBILE, PIN } from './support/fixture';
import { isPinBlocked, linksOf, getLink, usersOf } from '../../src/domain';
import type { AppNotice, Link } from '../../src/domain';
import { describeEvent } from '../../src/i18n/describe-event';

const WRONG = '9999';

/** Types a PIN in the app (online) and returns the notice it leaves on screen. */
function typePin(w: TestWorld, phoneId: string, pin: string): AppNotice | null {
  w.ok({ type: 'AppEnterPin', phoneId, pin });
  return w.phone(phoneId).app.notice;
}

function linkAt(w: TestWorld, orgId: string, mobile: string): Link {
  const link = getLink(w.state.server, orgId, mobile);
  if (!link) throw new Error(`no link ${orgId}/${mobile}`);
  return link;
}

/** Event-log entries at an org that are not login attempts (blocks, unblocks). */
function nonLoginEntries(w: TestWorld, orgId: string) {
  return w.eventLog.filter((e) => e.orgId === orgId && e.accessServerId === null);
}

describe('R-BLK-1 the 3rd wrong PIN in a row blocks every link of the holder', () => {
  it('R-BLK-1 given bob linked at acme and bank, when he types a wrong PIN three times, then every link is blocked with cause pin-attempts and the PIN is blocked', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'bob');

    expect(typePin(w, 'bob-phone', WRONG)).toEqual({ kind: 'wrong-pin', attemptsRemaining: 2 });
    expect(typePin(w, 'bob-phone', WRONG)).toEqual({ kind: 'wrong-pin', attemptsRemaining: 1 });
    expect(isPinBlocked(w.state.server, MOBILE.bob)).toBe(false);
    const { events } = w.when({ type: 'AppEnterPin', phoneId: 'bob-phone', pin: WRONG });

    expect(w.phone('bob-phone').app.notice).toEqual({ kind: 'pin-blocked', hasUbc: true });
    expect(ofType(events, 'LinkBlocked').map((e) => [e.orgId, e.cause]).sort()).toEqual([['acme', 'pin-attempts'], ['bank', 'pin-attempts']]);
    for (const link of linksOf(w.state.server, MOBILE.bob)) {
      expect(link).toMatchObject({ blocked: true, blockCause: 'pin-attempts' });
    }
    expect(isPinBlocked(w.state.server, MOBILE.bob)).toBe(true);
    // Each org's log says why (no login attempt described it).
    for (const orgId of ['acme', 'bank']) {
      const blocked = nonLoginEntries(w, orgId).filter((e) => e.type === 'PIN_Blocked');
      expect(blocked).toHaveLength(1);
      expect(describeEvent(blocked[0]!.reason)).toBe('PIN blocked at this organization by 3 wrong PIN attempts');
    }
  });

  it('R-BLK-1 given a blocked PIN, when bob types the right PIN, then no code is issued and the app says the PIN is blocked', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'bob');
    for (let i = 0; i < 3; i++) typePin(w, 'bob-phone', WRONG);
    const { events } = w.when({ type: 'AppEnterPin', phoneId: 'bob-phone', pin: PIN.bob });
    expect(ofType(events, 'OnlineCodeIssued')).toEqual([]);
    expect(w.phone('bob-phone').app.screen.kind).toBe('pin');
    expect(w.phone('bob-phone').app.notice).toEqual({ kind: 'pin-blocked', hasUbc: true });
  });

  it('R-BLK-1 given two wrong PINs, when a correct PIN comes in between, then the count starts again', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'bob');
    typePin(w, 'bob-phone', WRONG);
    typePin(w, 'bob-phone', WRONG);
    expect(w.holder(MOBILE.bob).pinFailures).toBe(2);
    w.code('bob-phone', PIN.bob);
    expect(w.holder(MOBILE.bob).pinFailures).toBe(0);

    expect(typePin(w, 'bob-phone', WRONG)).toEqual({ kind: 'wrong-pin', attemptsRemaining: 2 });
    expect(typePin(w, 'bob-phone', WRONG)).toEqual({ kind: 'wrong-pin', attemptsRemaining: 1 });
    expect(linksOf(w.state.server, MOBILE.bob).some((l) => l.blocked)).toBe(false);
    expect(isPinBlocked(w.state.server, MOBILE.bob)).toBe(false);

    typePin(w, 'bob-phone', WRONG);
    expect(linksOf(w.state.server, MOBILE.bob).every((l) => l.blocked)).toBe(true);
  });

  it('R-BLK-1 the PIN is blocked exactly when all of the holder\'s links are blocked', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'bob');
    w.ok({ type: 'BlockPin', by: 'acme-useradmin', orgId: 'acme', mobile: MOBILE.bob });
    expect(isPinBlocked(w.state.server, MOBILE.bob)).toBe(false);
    expect(w.code('bob-phone', PIN.bob)).toMatch(/^\d{6}$/);

    w.ok({ type: 'BlockPin', by: 'bank-useradmin', orgId: 'bank', mobile: MOBILE.bob });
    expect(isPinBlocked(w.state.server, MOBILE.bob)).toBe(true);
    expect(typePin(w, 'bob-phone', PIN.bob)).toEqual({ kind: 'pin-blocked', hasUbc: true });
    expect(w.phone('bob-phone').app.pinBlocked).toBe(true);

    // Unblocking one link with its UBC: not every link is blocked any more.
    const ubc = w.displayUbc('bank-useradmin', 'bank', MOBILE.bob);
    w.ok({ type: 'AppOpenUnblock', phoneId: 'bob-phone' });
    w.ok({ type: 'AppChooseUnblockOrg', phoneId: 'bob-phone', orgId: 'bank' });
    w.ok({ type: 'AppEnterUbc', phoneId: 'bob-phone', ubc });
    w.ok({ type: 'AppSetUnblockPin', phoneId: 'bob-phone', newPin: '2345', repeat: '2345' });
    expect(linkAt(w, 'acme', MOBILE.bob).blocked).toBe(true);
    expect(isPinBlocked(w.state.server, MOBILE.bob)).toBe(false);
  });

  it('R-BLK-1 given two wrong PINs online, when a third wrong PIN arrives in an offline code, then every link is blocked and the login entry says so', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'bob');
    typePin(w, 'bob-phone', WRONG);
    typePin(w, 'bob-phone', WRONG);
    w.setOnline('bob-phone', false);
    const code = w.code('bob-phone', WRONG); // offline, the app cannot check the PIN (R-OTP-2)
    expect(code).toMatch(/^\d{8}$/);

    const { accepted, entry, description } = w.login('acme', 'vpn', 'bob', code);
    expect(accepted).toBe(false);
    expect(entry.type).toBe('Access_Denied_Offline');
    expect(description).toBe('Offline OTP was generated using wrong PIN. 0 attempt(s) remaining; PIN blocked');
    expect(linksOf(w.state.server, MOBILE.bob).map((l) => [l.orgId, l.blocked, l.blockCause]).sort()).toEqual([
      ['acme', true, 'pin-attempts'],
      ['bank', true, 'pin-attempts'],
    ]);
    // R-VER-8: the acme attempt describes its own block; bank, where nothing was attempted, gets its own entry.
    expect(nonLoginEntries(w, 'acme').filter((e) => e.type === 'PIN_Blocked')).toHaveLength(0);
    expect(nonLoginEntries(w, 'bank').filter((e) => e.type === 'PIN_Blocked')).toHaveLength(1);
  });

  it('R-BLK-1 given a code issued before the block, when it is typed at a blocked org, then it is denied and no counter or code changes', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'bob');
    const code = w.code('bob-phone', PIN.bob);
    for (let i = 0; i < 3; i++) typePin(w, 'bob-phone', WRONG);
    const before = w.state.server;

    const { accepted, entry, description } = w.login('bank', 'vpn', 'bob.b', code);
    expect(accepted).toBe(false);
    expect(entry.type).toBe('Access_Denied');
    expect(description).toBe('PIN is blocked at this organization');
    expect(w.state.server.links).toEqual(before.links);
    expect(w.state.server.holders).toEqual(before.holders);
  });
});

describe('R-BLK-2 an administrator blocks a PIN at their own org', () => {
  it.each([
    ['acme-useradmin', 'acme', 'bank', 'bob.b'],
    ['acme-super', 'acme', 'bank', 'bob.b'],
    ['bank-useradmin', 'bank', 'acme', 'bob'],
    ['bank-super', 'bank', 'acme', 'bob'],
  ] as const)('R-BLK-2 when %s blocks bob at %s, then only that link is blocked and his codes still work at %s', (adminId, orgId, otherOrg, otherUsername) => {
    const w = fixtureWorld();
    linkEverywhere(w, 'bob');
    const { events } = w.when({ type: 'BlockPin', by: adminId, orgId, mobile: MOBILE.bob });

    expect(ofType(events, 'LinkBlocked').map((e) => [e.orgId, e.cause])).toEqual([[orgId, 'manager']]);
    expect(linkAt(w, orgId, MOBILE.bob)).toMatchObject({ blocked: true, blockCause: 'manager' });
    expect(linkAt(w, otherOrg, MOBILE.bob)).toMatchObject({ blocked: false, blockCause: null });
    expect(isPinBlocked(w.state.server, MOBILE.bob)).toBe(false);
    expect(w.lastAudit(orgId)).toMatchObject({ adminId, targetUsername: orgId === 'acme' ? 'bob' : 'bob.b', action: { kind: 'pin-blocked' } });
    const logged = w.lastLog(orgId);
    expect(logged.type).toBe('PIN_Blocked');
    expect(describeEvent(logged.reason)).toBe('PIN blocked at this organization by an administrator in Manager');

    // A code is not tied to one org (R-OTP-3): refused at the blocked org, then accepted at the other.
    const code = w.code('bob-phone', PIN.bob);
    const here = w.login(orgId, 'vpn', orgId === 'acme' ? 'bob' : 'bob.b', code);
    expect(here.accepted).toBe(false);
    expect(here.description).toBe('PIN is blocked at this organization');
    const there = w.login(otherOrg, 'vpn', otherUsername, code);
    expect(there.accepted).toBe(true);
  });

  it('R-BLK-2 when an administrator blocks a link that is blocked already, then it is refused and nothing changes', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'bob');
    w.ok({ type: 'BlockPin', by: 'acme-useradmin', orgId: 'acme', mobile: MOBILE.bob });
    const ubc = linkAt(w, 'acme', MOBILE.bob).ubc;
    const { result, events } = w.when({ type: 'BlockPin', by: 'acme-super', orgId: 'acme', mobile: MOBILE.bob });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.rule).toBe('R-BLK-2');
    expect(events).toEqual([]);
    expect(linkAt(w, 'acme', MOBILE.bob).ubc).toBe(ubc);
  });
});

describe('R-BLK-3 the 3rd failed code verification in a row at an org blocks that link', () => {
  it('R-BLK-3 given bob linked at acme and bank, when three wrong codes are typed at acme, then only acme is blocked, cause code-attempts', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'bob');
    const descriptions = ['000001', 'not-a-code', '1234567'].map((code) => w.login('acme', 'vpn', 'bob', code).description);

    expect(descriptions).toEqual([
      'OTP verification failed. 2 attempts remaining',
      'OTP verification failed. 1 attempts remaining',
      'OTP verification failed. 0 attempts remaining; PIN blocked at this organization',
    ]);
    expect(linkAt(w, 'acme', MOBILE.bob)).toMatchObject({ blocked: true, blockCause: 'code-attempts' });
    expect(linkAt(w, 'acme', MOBILE.bob).ubc).toMatch(/^\d{9}$/);
    expect(linkAt(w, 'bank', MOBILE.bob).blocked).toBe(false);
    expect(isPinBlocked(w.state.server, MOBILE.bob)).toBe(false);
    expect(w.holder(MOBILE.bob).pinFailures).toBe(0);
    expect(w.login('bank', 'vpn', 'bob.b', w.code('bob-phone', PIN.bob)).accepted).toBe(true);
  });

  it('R-BLK-3 given two failed codes, when a code is accepted in between, then the count starts again', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'bob');
    w.login('acme', 'vpn', 'bob', '000001');
    w.login('acme', 'vpn', 'bob', '000002');
    expect(linkAt(w, 'acme', MOBILE.bob).codeFailures).toBe(2);
    expect(w.login('acme', 'vpn', 'bob', w.code('bob-phone', PIN.bob)).accepted).toBe(true);
    expect(linkAt(w, 'acme', MOBILE.bob).codeFailures).toBe(0);

    expect(w.login('acme', 'vpn', 'bob', '000003').description).toBe('OTP verification failed. 2 attempts remaining');
    expect(w.login('acme', 'vpn', 'bob', '000004').description).toBe('OTP verification failed. 1 attempts remaining');
    expect(linkAt(w, 'acme', MOBILE.bob).blocked).toBe(false);
  });

  it('R-BLK-3 failed codes at two orgs are counted per org and do not add up', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'bob');
    for (const [orgId, username] of [['acme', 'bob'], ['bank', 'bob.b'], ['acme', 'bob'], ['bank', 'bob.b']] as const) {
      w.login(orgId, 'vpn', username, '000009');
    }
    expect(linkAt(w, 'acme', MOBILE.bob)).toMatchObject({ blocked: false, codeFailures: 2 });
    expect(linkAt(w, 'bank', MOBILE.bob)).toMatchObject({ blocked: false, codeFailures: 2 });
  });
});

describe('R-BLK-4 blocked is independent of Active/Inactive; the change date records block, unblock and status changes', () => {
  it('R-BLK-4 given a blocked user, when set inactive and active again, then the link stays blocked with the same UBC', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'alice');
    w.ok({ type: 'BlockPin', by: 'acme-useradmin', orgId: 'acme', mobile: MOBILE.alice });
    const ubc = linkAt(w, 'acme', MOBILE.alice).ubc;

    const inactive = w.when({ type: 'SetUserStatus', by: 'acme-useradmin', orgId: 'acme', mobile: MOBILE.alice, status: 'inactive' });
    expect(ofType(inactive.events, 'LinkUnblocked')).toEqual([]);
    expect(linkAt(w, 'acme', MOBILE.alice)).toMatchObject({ status: 'inactive', blocked: true, blockCause: 'manager', ubc });
    w.ok({ type: 'SetUserStatus', by: 'acme-useradmin', orgId: 'acme', mobile: MOBILE.alice, status: 'active' });
    expect(linkAt(w, 'acme', MOBILE.alice)).toMatchObject({ status: 'active', blocked: true, blockCause: 'manager', ubc });
  });

  it('R-BLK-4 given an unblocked user, when set inactive and active again, then the link is never blocked', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'alice');
    const inactive = w.when({ type: 'SetUserStatus', by: 'acme-super', orgId: 'acme', mobile: MOBILE.alice, status: 'inactive' });
    expect(ofType(inactive.events, 'LinkBlocked')).toEqual([]);
    expect(linkAt(w, 'acme', MOBILE.alice)).toMatchObject({ status: 'inactive', blocked: false, ubc: null });
    // R-VER-2: an inactive user is denied without counting, so this does not creep towards a block either.
    for (let i = 0; i < 3; i++) expect(w.login('acme', 'vpn', 'alice', '000001').description).toBe('User is inactive');
    expect(linkAt(w, 'acme', MOBILE.alice)).toMatchObject({ blocked: false, codeFailures: 0 });
    w.ok({ type: 'SetUserStatus', by: 'acme-super', orgId: 'acme', mobile: MOBILE.alice, status: 'active' });
    expect(linkAt(w, 'acme', MOBILE.alice)).toMatchObject({ status: 'active', blocked: false });
  });

  it('R-BLK-4 given a blocked, inactive user, when unblocked with the UBC, then the red icon goes and the user stays inactive', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'bob');
    w.ok({ type: 'BlockPin', by: 'acme-useradmin', orgId: 'acme', mobile: MOBILE.bob });
    w.ok({ type: 'SetUserStatus', by: 'acme-useradmin', orgId: 'acme', mobile: MOBILE.bob, status: 'inactive' });
    const ubc = w.displayUbc('acme-useradmin', 'acme', MOBILE.bob);
    w.ok({ type: 'AppOpenUnblock', phoneId: 'bob-phone' });
    expect(w.phone('bob-phone').app.links.find((l) => l.orgId === 'acme')?.blocked).toBe(true);
    w.ok({ type: 'AppChooseUnblockOrg', phoneId: 'bob-phone', orgId: 'acme' });
    w.ok({ type: 'AppEnterUbc', phoneId: 'bob-phone', ubc });

    expect(usersOf(w.state.server, 'acme').find((l) => l.mobile === MOBILE.bob)).toMatchObject({ blocked: false, status: 'inactive' });
    expect(w.phone('bob-phone').app.links.find((l) => l.orgId === 'acme')?.blocked).toBe(false);
  });

  it('R-BLK-4 the change date records the last block, unblock or status change, and nothing else', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'bob');
    const created = w.now;
    expect(linkAt(w, 'acme', MOBILE.bob).changedAt).toBe(created);

    w.advance(60_000);
    w.login('acme', 'vpn', 'bob', '000001'); // a failed code is not a change of block or status
    expect(w.login('acme', 'vpn', 'bob', w.code('bob-phone', PIN.bob)).accepted).toBe(true);
    expect(linkAt(w, 'acme', MOBILE.bob).changedAt).toBe(created);

    w.advance(60_000);
    const blockedAt = w.now;
    w.ok({ type: 'BlockPin', by: 'acme-useradmin', orgId: 'acme', mobile: MOBILE.bob });
    expect(linkAt(w, 'acme', MOBILE.bob).changedAt).toBe(blockedAt);

    w.advance(60_000);
    w.displayUbc('acme-useradmin', 'acme', MOBILE.bob); // a display changes nothing
    expect(linkAt(w, 'acme', MOBILE.bob).changedAt).toBe(blockedAt);

    w.advance(60_000);
    const inactiveAt = w.now;
    w.ok({ type: 'SetUserStatus', by: 'acme-useradmin', orgId: 'acme', mobile: MOBILE.bob, status: 'inactive' });
    expect(linkAt(w, 'acme', MOBILE.bob).changedAt).toBe(inactiveAt);

    w.advance(60_000);
    const unblockedAt = w.now;
    const ubc = w.displayUbc('acme-useradmin', 'acme', MOBILE.bob);
    w.ok({ type: 'AppOpenUnblock', phoneId: 'bob-phone' });
    w.ok({ type: 'AppChooseUnblockOrg', phoneId: 'bob-phone', orgId: 'acme' });
    w.ok({ type: 'AppEnterUbc', phoneId: 'bob-phone', ubc });
    expect(linkAt(w, 'acme', MOBILE.bob)).toMatchObject({ blocked: false, changedAt: unblockedAt });

    w.advance(60_000);
    const activeAt = w.now;
    w.ok({ type: 'SetUserStatus', by: 'acme-useradmin', orgId: 'acme', mobile: MOBILE.bob, status: 'active' });
    expect(linkAt(w, 'acme', MOBILE.bob).changedAt).toBe(activeAt);
    expect(linkAt(w, 'bank', MOBILE.bob).changedAt).toBe(created);
  });
});

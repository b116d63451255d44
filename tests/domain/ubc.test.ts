// R-UBC: unblocking codes: issue and display, online and offline unblock, blocked UBCs, several orgs, no UBC without a link.
import { describe, it, expect } from 'vitest';
import type { TestWorld } from './support/test-world';
import { ofType } from './support/test-world';
import { fixtureWorld, linkEverywhere, MOBILE, PIN } from './support/fixture';
import { getLink, isPinBlocked, linksOf } from '../../src/domain';
import type { AppNotice, AppScreen, Link } from '../../src/domain';
import { describeEvent } from '../../src/i18n/describe-event';

const WRONG_PIN = '9999';
const NEW_PIN = '5678';

function linkAt(w: TestWorld, orgId: string, mobile: string): Link {
  const link = getLink(w.state.server, orgId, mobile);
  if (!link) throw new Error(`no link ${orgId}/${mobile}`);
  return link;
}

/** R-BLK-1: three wrong PINs in the app block every link of the phone's holder. */
function blockByWrongPins(w: TestWorld, phoneId: string): void {
  for (let i = 0; i < 3; i++) w.ok({ type: 'AppEnterPin', phoneId, pin: WRONG_PIN });
}

/** The app's unblock screens up to typing the UBC for `orgId`. */
function chooseOrg(w: TestWorld, phoneId: string, orgId: string): void {
  w.ok({ type: 'AppOpenUnblock', phoneId });
  w.ok({ type: 'AppChooseUnblockOrg', phoneId, orgId });
}

/** Types a UBC in the app; returns what the screen then shows. */
function typeUbc(w: TestWorld, phoneId: string, ubc: string): { screen: AppScreen; notice: AppNotice | null } {
  w.ok({ type: 'AppEnterUbc', phoneId, ubc });
  const { screen, notice } = w.phone(phoneId).app;
  return { screen, notice };
}

/** A 9-digit UBC that is not `ubc`. */
function otherUbc(ubc: string): string {
  return ubc === '123456789' ? '987654321' : '123456789';
}

/** Runs the offline unblock flow in the app and returns the 9-digit code its screen shows now. */
function offlineUnblockScreen(w: TestWorld, phoneId: string, orgId: string, ubc: string, newPin: string): string {
  chooseOrg(w, phoneId, orgId);
  expect(typeUbc(w, phoneId, ubc).screen).toEqual({ kind: 'unblock-new-pin', orgId, ubc });
  w.ok({ type: 'AppSetUnblockPin', phoneId, newPin, repeat: newPin });
  const screen = w.phone(phoneId).app.screen;
  if (screen.kind !== 'unblock-offline-code') throw new Error(`expected the offline unblock code, got ${screen.kind}`);
  return w.shownCode(phoneId, screen.firstStep, screen.codes);
}

describe('R-UBC-1 a blocked link gets a fresh 9-digit UBC; Display UBC shows it and is audited', () => {
  it('R-UBC-1 given carol linked at three orgs, when her PIN is blocked, then each link has its own 9-digit UBC', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'carol');
    linkEverywhere(w, 'bob');
    w.ok({ type: 'BlockPin', by: 'acme-useradmin', orgId: 'acme', mobile: MOBILE.bob });
    const { events } = w.when({ type: 'AppEnterPin', phoneId: 'carol-phone', pin: WRONG_PIN });
    expect(ofType(events, 'LinkBlocked')).toEqual([]);
    blockByWrongPins(w, 'carol-phone');

    const ubcs = linksOf(w.state.server, MOBILE.carol).map((l) => l.ubc);
    expect(ubcs).toHaveLength(3);
    for (const ubc of ubcs) expect(ubc).toMatch(/^\d{9}$/);
    const outstanding = [...ubcs, linkAt(w, 'acme', MOBILE.bob).ubc];
    expect(new Set(outstanding).size).toBe(4);
    expect(w.displayUbc('acme-super', 'acme', MOBILE.carol)).toBe(linkAt(w, 'acme', MOBILE.carol).ubc);
    expect(w.displayUbc('bank-useradmin', 'bank', MOBILE.carol)).toBe(linkAt(w, 'bank', MOBILE.carol).ubc);
    expect(w.displayUbc('city-useradmin', 'city', MOBILE.carol)).toBe(linkAt(w, 'city', MOBILE.carol).ubc);
  });

  it('R-UBC-1 when a USERADMIN and a SUPERUSER display the UBC, then each display writes its own audit entry', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'alice');
    w.ok({ type: 'BlockPin', by: 'acme-super', orgId: 'acme', mobile: MOBILE.alice });
    const auditBefore = w.auditLog.length;

    const first = w.displayUbc('acme-useradmin', 'acme', MOBILE.alice);
    w.advance(30_000);
    const second = w.displayUbc('acme-useradmin', 'acme', MOBILE.alice);
    const third = w.displayUbc('acme-super', 'acme', MOBILE.alice);

    expect(second).toBe(first);
    expect(third).toBe(first);
    const displays = w.auditLog.slice(auditBefore);
    expect(displays.map((e) => [e.adminId, e.targetUsername, e.action.kind])).toEqual([
      ['acme-useradmin', 'alice', 'ubc-displayed'],
      ['acme-useradmin', 'alice', 'ubc-displayed'],
      ['acme-super', 'alice', 'ubc-displayed'],
    ]);
    expect(displays[1]!.at - displays[0]!.at).toBe(30_000);
  });

  it('R-UBC-1 given a link that is not blocked, when Display UBC is asked for, then it is refused and nothing is audited', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'alice');
    const { result, events } = w.when({ type: 'DisplayUbc', by: 'acme-useradmin', orgId: 'acme', mobile: MOBILE.alice });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/R-UBC-1/);
    expect(events).toEqual([]);
    expect(linkAt(w, 'acme', MOBILE.alice).ubc).toBeNull();
  });

  it('R-UBC-1 given a link unblocked with its UBC, when it is blocked again, then it gets a fresh UBC', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'bob');
    w.ok({ type: 'BlockPin', by: 'acme-useradmin', orgId: 'acme', mobile: MOBILE.bob });
    const first = w.displayUbc('acme-useradmin', 'acme', MOBILE.bob);
    chooseOrg(w, 'bob-phone', 'acme');
    typeUbc(w, 'bob-phone', first);
    expect(linkAt(w, 'acme', MOBILE.bob).blocked).toBe(false);
    w.ok({ type: 'BlockPin', by: 'acme-useradmin', orgId: 'acme', mobile: MOBILE.bob });
    const second = w.displayUbc('acme-useradmin', 'acme', MOBILE.bob);
    expect(second).toMatch(/^\d{9}$/);
    expect(second).not.toBe(first);
  });
});

describe('R-UBC-2 online unblock in the app', () => {
  it('R-UBC-2 when a wrong UBC is typed, then its counter grows, the app says how many attempts remain and the link stays blocked', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'alice');
    blockByWrongPins(w, 'alice-phone');
    const ubc = w.displayUbc('acme-useradmin', 'acme', MOBILE.alice);
    chooseOrg(w, 'alice-phone', 'acme');

    expect(typeUbc(w, 'alice-phone', otherUbc(ubc))).toEqual({ screen: { kind: 'unblock-ubc', orgId: 'acme' }, notice: { kind: 'wrong-ubc', attemptsRemaining: 2 } });
    expect(linkAt(w, 'acme', MOBILE.alice)).toMatchObject({ blocked: true, ubc, ubcFailures: 1, ubcBlocked: false });
    expect(w.lastLog('acme').type).toBe('UBC_Denied');
    expect(describeEvent(w.lastLog('acme').reason)).toBe('Wrong UBC entered in the app. 2 attempts remaining');
    expect(typeUbc(w, 'alice-phone', otherUbc(ubc)).notice).toEqual({ kind: 'wrong-ubc', attemptsRemaining: 1 });
    expect(linkAt(w, 'acme', MOBILE.alice).ubcFailures).toBe(2);
  });

  it('R-UBC-2 given the PIN blocked, when the right UBC is typed, then the app asks for a new PIN twice, sets it, unblocks and spends the UBC', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'alice');
    blockByWrongPins(w, 'alice-phone');
    expect(w.holder(MOBILE.alice).pinFailures).toBe(3);
    const ubc = w.displayUbc('acme-useradmin', 'acme', MOBILE.alice);
    chooseOrg(w, 'alice-phone', 'acme');

    expect(typeUbc(w, 'alice-phone', ubc).screen).toEqual({ kind: 'unblock-new-pin', orgId: 'acme', ubc });
    expect(linkAt(w, 'acme', MOBILE.alice).blocked).toBe(true); // nothing happens before the new PIN
    expect(w.refused({ type: 'AppSetUnblockPin', phoneId: 'alice-phone', newPin: NEW_PIN, repeat: '5679' }).field).toBe('repeat');
    const short = w.refused({ type: 'AppSetUnblockPin', phoneId: 'alice-phone', newPin: '56789', repeat: '56789' });
    expect(short.field).toBe('newPin');
    expect(short.message).toMatch(/"newPin"/);
    expect(linkAt(w, 'acme', MOBILE.alice).blocked).toBe(true);

    const { events } = w.when({ type: 'AppSetUnblockPin', phoneId: 'alice-phone', newPin: NEW_PIN, repeat: NEW_PIN });
    expect(ofType(events, 'PinSet').map((e) => e.reason)).toEqual(['unblock']);
    expect(w.phone('alice-phone').app.screen).toEqual({ kind: 'pin' });
    expect(w.phone('alice-phone').app.notice).toEqual({ kind: 'unblocked', orgName: 'Acme Corp', newPinSet: true });
    expect(w.phone('alice-phone').app.links).toEqual([{ orgId: 'acme', orgName: 'Acme Corp', blocked: false }]);
    expect(linkAt(w, 'acme', MOBILE.alice)).toMatchObject({ blocked: false, blockCause: null, ubc: null, ubcFailures: 0 });
    expect(w.holder(MOBILE.alice).pinFailures).toBe(0);
    expect(isPinBlocked(w.state.server, MOBILE.alice)).toBe(false);
    const entry = w.lastLog('acme');
    expect(entry).toMatchObject({ type: 'PIN_Unblocked', username: 'alice', accessServerId: null });
    expect(describeEvent(entry.reason)).toBe('PIN unblocked in the app with the UBC, new PIN set');

    // The new PIN works, the old one does not.
    expect(w.login('acme', 'vpn', 'alice', w.code('alice-phone', NEW_PIN)).accepted).toBe(true);
    w.ok({ type: 'AppEnterPin', phoneId: 'alice-phone', pin: PIN.alice });
    expect(w.phone('alice-phone').app.notice).toEqual({ kind: 'wrong-pin', attemptsRemaining: 2 });
  });

  it('R-UBC-2 given a UBC that unblocked the link, when it is typed again, then it is refused and unblocks nothing', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'alice');
    blockByWrongPins(w, 'alice-phone');
    const ubc = w.displayUbc('acme-useradmin', 'acme', MOBILE.alice);
    chooseOrg(w, 'alice-phone', 'acme');
    typeUbc(w, 'alice-phone', ubc);
    w.ok({ type: 'AppSetUnblockPin', phoneId: 'alice-phone', newPin: NEW_PIN, repeat: NEW_PIN });

    chooseOrg(w, 'alice-phone', 'acme');
    const { events } = w.when({ type: 'AppEnterUbc', phoneId: 'alice-phone', ubc });
    // R-SEC-3: a spent UBC is a reuse: refused, logged as one, nothing counted or unblocked.
    expect(w.phone('alice-phone').app.notice).toEqual({ kind: 'ubc-used' });
    expect(ofType(events, 'LinkUnblocked')).toEqual([]);
    expect(ofType(events, 'PinSet')).toEqual([]);
    expect(ofType(events, 'UbcAttemptFailed')).toEqual([]);
    expect(w.lastLog('acme')).toMatchObject({ type: 'UBC_Denied', reason: { kind: 'app-ubc-used' } });
  });

  it('R-UBC-2 given other orgs still open, when the right UBC is typed, then the link is unblocked with the current PIN kept', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'bob');
    w.ok({ type: 'BlockPin', by: 'acme-useradmin', orgId: 'acme', mobile: MOBILE.bob });
    const ubc = w.displayUbc('acme-useradmin', 'acme', MOBILE.bob);
    chooseOrg(w, 'bob-phone', 'acme');
    const sealedBefore = w.holder(MOBILE.bob).sealedPin;

    const { events } = w.when({ type: 'AppEnterUbc', phoneId: 'bob-phone', ubc });
    expect(ofType(events, 'PinSet')).toEqual([]);
    expect(w.phone('bob-phone').app.screen).toEqual({ kind: 'pin' });
    expect(w.phone('bob-phone').app.notice).toEqual({ kind: 'unblocked', orgName: 'Acme Corp', newPinSet: false });
    expect(linkAt(w, 'acme', MOBILE.bob)).toMatchObject({ blocked: false, ubc: null });
    expect(w.holder(MOBILE.bob).sealedPin).toEqual(sealedBefore);
    expect(describeEvent(w.lastLog('acme').reason)).toBe('PIN unblocked in the app with the UBC, current PIN kept');
    expect(w.login('acme', 'vpn', 'bob', w.code('bob-phone', PIN.bob)).accepted).toBe(true);
  });

  it('R-UBC-2 bad input: a UBC of the wrong length and an org the app is not linked to are refused naming the field', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'alice');
    blockByWrongPins(w, 'alice-phone');
    w.ok({ type: 'AppOpenUnblock', phoneId: 'alice-phone' });
    expect(w.refused({ type: 'AppChooseUnblockOrg', phoneId: 'alice-phone', orgId: 'no-such-org' }).field).toBe('orgId');
    w.ok({ type: 'AppChooseUnblockOrg', phoneId: 'alice-phone', orgId: 'acme' });
    expect(w.refused({ type: 'AppEnterUbc', phoneId: 'alice-phone', ubc: '12345678' }).field).toBe('ubc');
    expect(linkAt(w, 'acme', MOBILE.alice).ubcFailures).toBe(0);
  });
});

describe('R-UBC-3 the 3rd wrong entry blocks the UBC; Generate new UBC replaces it', () => {
  it('R-UBC-3 online: given three wrong UBCs in the app, then the UBC is blocked and takes no 4th entry, not even the right one', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'alice');
    blockByWrongPins(w, 'alice-phone');
    const ubc = w.displayUbc('acme-useradmin', 'acme', MOBILE.alice);
    chooseOrg(w, 'alice-phone', 'acme');
    typeUbc(w, 'alice-phone', otherUbc(ubc));
    typeUbc(w, 'alice-phone', otherUbc(ubc));

    expect(typeUbc(w, 'alice-phone', otherUbc(ubc)).notice).toEqual({ kind: 'ubc-blocked' });
    expect(linkAt(w, 'acme', MOBILE.alice)).toMatchObject({ blocked: true, ubcFailures: 3, ubcBlocked: true });
    expect(describeEvent(w.lastLog('acme').reason)).toBe('Wrong UBC entered in the app; UBC is now blocked');

    const logBefore = w.eventLog.length;
    expect(typeUbc(w, 'alice-phone', otherUbc(ubc)).notice).toEqual({ kind: 'ubc-blocked' });
    expect(typeUbc(w, 'alice-phone', ubc).notice).toEqual({ kind: 'ubc-blocked' });
    expect(linkAt(w, 'acme', MOBILE.alice)).toMatchObject({ blocked: true, ubcFailures: 3, ubcBlocked: true });
    expect(w.eventLog.length).toBe(logBefore);
  });

  it('R-UBC-3 given a blocked UBC, then Display UBC is refused and Generate new UBC gives a fresh UBC with a fresh counter', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'alice');
    blockByWrongPins(w, 'alice-phone');
    const old = w.displayUbc('acme-useradmin', 'acme', MOBILE.alice);
    chooseOrg(w, 'alice-phone', 'acme');
    for (let i = 0; i < 3; i++) typeUbc(w, 'alice-phone', otherUbc(old));

    const display = w.when({ type: 'DisplayUbc', by: 'acme-useradmin', orgId: 'acme', mobile: MOBILE.alice });
    expect(display.result.ok).toBe(false);
    if (!display.result.ok) expect(display.result.error.rule).toBe('R-UBC-3');
    expect(display.events).toEqual([]);

    const generated = w.when({ type: 'GenerateNewUbc', by: 'acme-useradmin', orgId: 'acme', mobile: MOBILE.alice });
    expect(generated.result.ok).toBe(true);
    expect(ofType(generated.events, 'UbcReplaced')).toHaveLength(1);
    expect(w.lastAudit('acme')).toMatchObject({ adminId: 'acme-useradmin', targetUsername: 'alice', action: { kind: 'ubc-regenerated' } });
    const fresh = linkAt(w, 'acme', MOBILE.alice);
    expect(fresh).toMatchObject({ blocked: true, ubcFailures: 0, ubcBlocked: false });
    expect(fresh.ubc).toMatch(/^\d{9}$/);
    expect(fresh.ubc).not.toBe(old);
    expect(w.displayUbc('acme-useradmin', 'acme', MOBILE.alice)).toBe(fresh.ubc);

    // The old UBC is now just a wrong one; the fresh one unblocks.
    chooseOrg(w, 'alice-phone', 'acme');
    expect(typeUbc(w, 'alice-phone', old).notice).toEqual({ kind: 'wrong-ubc', attemptsRemaining: 2 });
    expect(typeUbc(w, 'alice-phone', fresh.ubc!).screen.kind).toBe('unblock-new-pin');
    w.ok({ type: 'AppSetUnblockPin', phoneId: 'alice-phone', newPin: NEW_PIN, repeat: NEW_PIN });
    expect(linkAt(w, 'acme', MOBILE.alice).blocked).toBe(false);
  });

  it('R-UBC-3 when the UBC is not blocked, then Generate new UBC is refused and the UBC stays', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'bob');
    w.ok({ type: 'BlockPin', by: 'acme-useradmin', orgId: 'acme', mobile: MOBILE.bob });
    const ubc = linkAt(w, 'acme', MOBILE.bob).ubc;
    for (const orgId of ['acme', 'bank'] as const) {
      const { result, events } = w.when({ type: 'GenerateNewUbc', by: orgId === 'acme' ? 'acme-super' : 'bank-super', orgId, mobile: MOBILE.bob });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.rule).toBe('R-UBC-3');
      expect(events).toEqual([]);
    }
    expect(linkAt(w, 'acme', MOBILE.bob).ubc).toBe(ubc);
  });

  it('R-UBC-3 offline: given three 9-digit unblock codes that do not verify, then the UBC is blocked and a 4th entry is not counted', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'alice');
    w.ok({ type: 'BlockPin', by: 'acme-useradmin', orgId: 'acme', mobile: MOBILE.alice });
    const ubc = w.displayUbc('acme-useradmin', 'acme', MOBILE.alice);
    const wrongUbcCode = w.unblockCodeFor('alice-phone', 'acme', otherUbc(ubc), NEW_PIN);

    const descriptions = [wrongUbcCode, '123456789', '000000000'].map((code) => {
      const { accepted, entry, description } = w.login('acme', 'vpn', 'alice', code);
      expect(accepted).toBe(false);
      expect(entry.type).toBe('Access_Denied_Offline');
      return description;
    });
    expect(descriptions).toEqual([
      'Offline unblock code did not verify (wrong UBC, or a code older than 120 s). 2 attempts remaining',
      'Offline unblock code did not verify (wrong UBC, or a code older than 120 s). 1 attempts remaining',
      'Offline unblock code did not verify; UBC is now blocked',
    ]);
    expect(linkAt(w, 'acme', MOBILE.alice)).toMatchObject({ blocked: true, ubcFailures: 3, ubcBlocked: true });

    // Not even the right code gets through a blocked UBC, and it is not counted.
    const right = w.unblockCodeFor('alice-phone', 'acme', ubc, NEW_PIN);
    const fourth = w.login('acme', 'vpn', 'alice', right);
    expect(fourth.accepted).toBe(false);
    expect(fourth.description).toBe('UBC is blocked: generate a new UBC in Manager');
    expect(linkAt(w, 'acme', MOBILE.alice)).toMatchObject({ blocked: true, ubcFailures: 3, ubcBlocked: true });
    expect(w.refused({ type: 'DisplayUbc', by: 'acme-useradmin', orgId: 'acme', mobile: MOBILE.alice }).rule).toBe('R-UBC-3');

    w.ok({ type: 'GenerateNewUbc', by: 'acme-super', orgId: 'acme', mobile: MOBILE.alice });
    const fresh = w.displayUbc('acme-super', 'acme', MOBILE.alice);
    expect(w.login('acme', 'vpn', 'alice', w.unblockCodeFor('alice-phone', 'acme', fresh, NEW_PIN)).accepted).toBe(true);
  });

  it('R-UBC-3 wrong entries online and offline count together: two in the app and one at a login block the UBC', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'alice');
    blockByWrongPins(w, 'alice-phone');
    const ubc = w.displayUbc('acme-useradmin', 'acme', MOBILE.alice);
    chooseOrg(w, 'alice-phone', 'acme');
    typeUbc(w, 'alice-phone', otherUbc(ubc));
    typeUbc(w, 'alice-phone', otherUbc(ubc));
    expect(w.login('acme', 'vpn', 'alice', '123456789').description).toBe('Offline unblock code did not verify; UBC is now blocked');
    expect(linkAt(w, 'acme', MOBILE.alice)).toMatchObject({ ubcFailures: 3, ubcBlocked: true });
  });
});

describe('R-UBC-4 offline unblock with a 9-digit code', () => {
  it('R-UBC-4 given the phone offline, when the user types UBC and a new PIN twice, then the app shows a 9-digit code that changes every 30 s', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'alice');
    w.ok({ type: 'BlockPin', by: 'acme-useradmin', orgId: 'acme', mobile: MOBILE.alice });
    const ubc = w.displayUbc('acme-useradmin', 'acme', MOBILE.alice);
    w.ok({ type: 'AppShowLinks', phoneId: 'alice-phone' }); // the app learns its links while online
    w.setOnline('alice-phone', false);

    const code = offlineUnblockScreen(w, 'alice-phone', 'acme', ubc, NEW_PIN);
    expect(code).toMatch(/^\d{9}$/);
    expect(code).toBe(w.unblockCodeFor('alice-phone', 'acme', ubc, NEW_PIN));
    const screen = w.phone('alice-phone').app.screen;
    if (screen.kind !== 'unblock-offline-code') throw new Error('no code on screen');
    expect(new Set(screen.codes).size).toBe(screen.codes.length);
    // The app could not check anything offline: the server has not changed.
    expect(linkAt(w, 'acme', MOBILE.alice)).toMatchObject({ blocked: true, ubc, ubcFailures: 0 });

    w.advance(30_000);
    const next = w.shownCode('alice-phone', screen.firstStep, screen.codes);
    expect(next).not.toBe(code);
    expect(next).toBe(w.unblockCodeFor('alice-phone', 'acme', ubc, NEW_PIN));
  });

  it('R-UBC-4 when the shown code is typed at the org within 120 s, then the login is granted, the PIN set, the link unblocked and the UBC spent', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'alice');
    w.ok({ type: 'BlockPin', by: 'acme-useradmin', orgId: 'acme', mobile: MOBILE.alice });
    const ubc = w.displayUbc('acme-useradmin', 'acme', MOBILE.alice);
    w.ok({ type: 'AppShowLinks', phoneId: 'alice-phone' }); // the app learns its links while online
    w.setOnline('alice-phone', false);
    const code = offlineUnblockScreen(w, 'alice-phone', 'acme', ubc, NEW_PIN);
    w.advance(90_000);

    const before = w.events.length;
    const { accepted, entry, description } = w.login('acme', 'vpn', 'alice', code);
    expect(accepted).toBe(true);
    expect(entry.type).toBe('Access_Granted_Offline');
    expect(description).toBe('PIN unblocked, new PIN set');
    expect(ofType(w.events.slice(before), 'PinSet').map((e) => e.reason)).toEqual(['offline-unblock']);
    expect(linkAt(w, 'acme', MOBILE.alice)).toMatchObject({ blocked: false, ubc: null, ubcFailures: 0 });
    expect(isPinBlocked(w.state.server, MOBILE.alice)).toBe(false);
    expect(w.refused({ type: 'DisplayUbc', by: 'acme-useradmin', orgId: 'acme', mobile: MOBILE.alice }).rule).toBe('R-UBC-1');

    // Back online: the new PIN works, the old one does not.
    w.setOnline('alice-phone', true);
    expect(w.login('acme', 'vpn', 'alice', w.code('alice-phone', NEW_PIN)).accepted).toBe(true);
    w.ok({ type: 'AppEnterPin', phoneId: 'alice-phone', pin: PIN.alice });
    expect(w.phone('alice-phone').app.notice).toEqual({ kind: 'wrong-pin', attemptsRemaining: 2 });
  });

  it('R-UBC-4 a code is accepted 119 s after its step began and refused at 120 s of server time, where it counts as a wrong UBC entry', () => {
    const accepted = fixtureWorld();
    const late = fixtureWorld();
    for (const w of [accepted, late]) {
      linkEverywhere(w, 'alice');
      w.ok({ type: 'BlockPin', by: 'acme-useradmin', orgId: 'acme', mobile: MOBILE.alice });
    }
    expect(accepted.now % 30_000).toBe(0); // the code's step begins now

    const ubcA = accepted.displayUbc('acme-useradmin', 'acme', MOBILE.alice);
    const codeA = accepted.unblockCodeFor('alice-phone', 'acme', ubcA, NEW_PIN);
    accepted.advance(119_000);
    expect(accepted.login('acme', 'vpn', 'alice', codeA).accepted).toBe(true);

    const ubcL = late.displayUbc('acme-useradmin', 'acme', MOBILE.alice);
    const codeL = late.unblockCodeFor('alice-phone', 'acme', ubcL, NEW_PIN);
    late.advance(120_000);
    const { accepted: ok, entry, description } = late.login('acme', 'vpn', 'alice', codeL);
    expect(ok).toBe(false);
    expect(entry.type).toBe('Access_Denied_Offline');
    expect(description).toBe('Offline unblock code did not verify (wrong UBC, or a code older than 120 s). 2 attempts remaining');
    expect(linkAt(late, 'acme', MOBILE.alice)).toMatchObject({ blocked: true, ubc: ubcL, ubcFailures: 1 });
  });

  it('R-UBC-4 at an access server without offline codes, the unblock code is refused without counting', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'alice');
    w.ok({ type: 'BlockPin', by: 'acme-useradmin', orgId: 'acme', mobile: MOBILE.alice });
    const ubc = w.displayUbc('acme-useradmin', 'acme', MOBILE.alice);
    const code = w.unblockCodeFor('alice-phone', 'acme', ubc, NEW_PIN);

    for (const server of ['portal', 'manager']) {
      const { accepted, entry, description } = w.login('acme', server, 'alice', code);
      expect(accepted).toBe(false);
      expect(entry.type).toBe('Access_Denied_Offline');
      expect(description).toBe('offline codes are not accepted here');
    }
    expect(linkAt(w, 'acme', MOBILE.alice)).toMatchObject({ blocked: true, ubc, ubcFailures: 0 });
    expect(w.login('acme', 'vpn', 'alice', code).accepted).toBe(true);
  });

  it('R-UBC-4 a code made for another org does not unblock this one and counts as a wrong entry', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'bob');
    blockByWrongPins(w, 'bob-phone');
    const acmeUbc = w.displayUbc('acme-useradmin', 'acme', MOBILE.bob);
    const forAcme = w.unblockCodeFor('bob-phone', 'acme', acmeUbc, NEW_PIN);
    expect(w.login('bank', 'vpn', 'bob.b', forAcme).accepted).toBe(false);
    expect(linkAt(w, 'bank', MOBILE.bob)).toMatchObject({ blocked: true, ubcFailures: 1 });
    expect(linkAt(w, 'acme', MOBILE.bob)).toMatchObject({ blocked: true, ubcFailures: 0 });
  });
});

describe('R-UBC-5 several orgs: one UBC per blocked link', () => {
  it('R-UBC-5 online: the first unblock sets a new PIN; the other orgs need their own UBC and keep that PIN', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'carol');
    blockByWrongPins(w, 'carol-phone');
    const ubc = {
      acme: w.displayUbc('acme-useradmin', 'acme', MOBILE.carol),
      bank: w.displayUbc('bank-useradmin', 'bank', MOBILE.carol),
      city: w.displayUbc('city-useradmin', 'city', MOBILE.carol),
    };
    expect(new Set(Object.values(ubc)).size).toBe(3);

    chooseOrg(w, 'carol-phone', 'bank');
    expect(typeUbc(w, 'carol-phone', ubc.bank).screen.kind).toBe('unblock-new-pin');
    w.ok({ type: 'AppSetUnblockPin', phoneId: 'carol-phone', newPin: NEW_PIN, repeat: NEW_PIN });
    expect(w.phone('carol-phone').app.notice).toEqual({ kind: 'unblocked', orgName: 'Northbank', newPinSet: true });
    expect(linkAt(w, 'acme', MOBILE.carol).blocked).toBe(true);
    expect(linkAt(w, 'city', MOBILE.carol).blocked).toBe(true);

    // bank's (spent) UBC is no key to acme.
    chooseOrg(w, 'carol-phone', 'acme');
    expect(typeUbc(w, 'carol-phone', ubc.bank).notice).toEqual({ kind: 'wrong-ubc', attemptsRemaining: 2 });
    for (const orgId of ['acme', 'city'] as const) {
      chooseOrg(w, 'carol-phone', orgId);
      const shown = typeUbc(w, 'carol-phone', ubc[orgId]);
      expect(shown.screen).toEqual({ kind: 'pin' });
      expect(shown.notice).toMatchObject({ kind: 'unblocked', newPinSet: false });
    }
    expect(linksOf(w.state.server, MOBILE.carol).every((l) => !l.blocked)).toBe(true);
    expect(w.login('city', 'web', 'carol', w.code('carol-phone', NEW_PIN)).accepted).toBe(true);
    w.ok({ type: 'AppEnterPin', phoneId: 'carol-phone', pin: PIN.carol });
    expect(w.phone('carol-phone').app.notice).toEqual({ kind: 'wrong-pin', attemptsRemaining: 2 });
  });

  it('R-UBC-5 offline: every unblock sets the PIN again and the last one verified wins', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'carol');
    blockByWrongPins(w, 'carol-phone');
    const acmeUbc = w.displayUbc('acme-useradmin', 'acme', MOBILE.carol);
    const bankUbc = w.displayUbc('bank-useradmin', 'bank', MOBILE.carol);
    w.setOnline('carol-phone', false);

    const forAcme = offlineUnblockScreen(w, 'carol-phone', 'acme', acmeUbc, '5555');
    const forBank = offlineUnblockScreen(w, 'carol-phone', 'bank', bankUbc, '6666');
    // Made acme first, verified bank first: acme's PIN is the last one verified.
    const bank = w.login('bank', 'vpn', 'carol.c', forBank);
    const acme = w.login('acme', 'vpn', 'carol', forAcme);
    for (const { accepted, description } of [bank, acme]) {
      expect(accepted).toBe(true);
      expect(description).toBe('PIN unblocked, new PIN set');
    }
    expect(ofType(w.events, 'PinSet').filter((e) => e.reason === 'offline-unblock')).toHaveLength(2);
    expect(linkAt(w, 'city', MOBILE.carol).blocked).toBe(true);

    w.setOnline('carol-phone', true);
    expect(w.login('acme', 'vpn', 'carol', w.code('carol-phone', '5555')).accepted).toBe(true);
    w.ok({ type: 'AppEnterPin', phoneId: 'carol-phone', pin: '6666' });
    expect(w.phone('carol-phone').app.notice).toEqual({ kind: 'wrong-pin', attemptsRemaining: 2 });
  });
});

describe('R-UBC-6 a PIN blocked while the holder has no link gives no UBC', () => {
  it('R-UBC-6 given dave with no link, when his third wrong PIN blocks it, then the app says there is no UBC', () => {
    const w = fixtureWorld();
    w.ok({ type: 'AppEnterPin', phoneId: 'dave-phone', pin: WRONG_PIN });
    w.ok({ type: 'AppEnterPin', phoneId: 'dave-phone', pin: WRONG_PIN });
    const { events } = w.when({ type: 'AppEnterPin', phoneId: 'dave-phone', pin: WRONG_PIN });
    expect(ofType(events, 'PinBlockedWithoutLink')).toHaveLength(1);
    expect(ofType(events, 'LinkBlocked')).toEqual([]);
    expect(w.phone('dave-phone').app.notice).toEqual({ kind: 'pin-blocked', hasUbc: false });
  });

  it('R-UBC-6 given dave with no link, when the third wrong PIN is his current PIN in Change PIN, then the app says there is no UBC', () => {
    const w = fixtureWorld();
    for (let i = 0; i < 2; i++) w.ok({ type: 'AppEnterPin', phoneId: 'dave-phone', pin: WRONG_PIN });
    w.ok({ type: 'AppOpenChangePin', phoneId: 'dave-phone' });
    w.ok({ type: 'AppChangePin', phoneId: 'dave-phone', currentPin: WRONG_PIN, newPin: NEW_PIN, repeat: NEW_PIN });
    expect(isPinBlocked(w.state.server, MOBILE.dave)).toBe(true);
    expect(w.phone('dave-phone').app.notice).toEqual({ kind: 'pin-blocked', hasUbc: false });
  });

  it('R-UBC-6 given dave\'s PIN blocked with no link, then the app says there is no UBC, no org has one and logins are refused', () => {
    const w = fixtureWorld();
    for (let i = 0; i < 3; i++) w.ok({ type: 'AppEnterPin', phoneId: 'dave-phone', pin: WRONG_PIN });
    w.ok({ type: 'AppEnterPin', phoneId: 'dave-phone', pin: PIN.dave });
    expect(w.phone('dave-phone').app.notice).toEqual({ kind: 'pin-blocked', hasUbc: false });
    expect(isPinBlocked(w.state.server, MOBILE.dave)).toBe(true);
    expect(linksOf(w.state.server, MOBILE.dave)).toEqual([]);
    expect(w.refused({ type: 'DisplayUbc', by: 'acme-useradmin', orgId: 'acme', mobile: MOBILE.dave }).field).toBe('mobile');
    w.ok({ type: 'AppOpenUnblock', phoneId: 'dave-phone' });
    expect(w.phone('dave-phone').app.links).toEqual([]);
    expect(w.refused({ type: 'AppChooseUnblockOrg', phoneId: 'dave-phone', orgId: 'acme' }).field).toBe('orgId');
    const { accepted, description } = w.login('acme', 'vpn', 'dave', '123456');
    expect(accepted).toBe(false);
    expect(description).toBe('PIN is blocked at every organization; no UBC exists here');
    expect(linksOf(w.state.server, MOBILE.dave)).toEqual([]);
  });

  it('R-UBC-6 the way out is R-ACT-3: reset the app and activate again with a new PIN', () => {
    const w = fixtureWorld();
    for (let i = 0; i < 3; i++) w.ok({ type: 'AppEnterPin', phoneId: 'dave-phone', pin: WRONG_PIN });
    w.ok({ type: 'AppReset', phoneId: 'dave-phone' });
    w.activate('dave-phone', NEW_PIN);
    expect(isPinBlocked(w.state.server, MOBILE.dave)).toBe(false);
    expect(w.login('acme', 'vpn', 'dave', w.code('dave-phone', NEW_PIN)).accepted).toBe(true);
  });
});

// R-OFF-1: more than 10 out-of-window offline codes lock a holder out of offline logins for 15 minutes of server time.
import { describe, it, expect, beforeAll } from 'vitest';
import { TestWorld } from './support/test-world';
import { fixtureWorld, linkEverywhere, MOBILE, PIN } from './support/fixture';
import { offlineLockoutRunning } from '../../src/domain';

const FIFTEEN_MIN = 15 * 60_000;

/** Where bob's out-of-window codes go, alternating: the lockout belongs to the holder, not to one org. */
const SERVERS = [['acme', 'vpn', 'bob'], ['bank', 'vpn', 'bob.b']] as const;

interface Locked {
  world: TestWorld;
  descriptions: string[];
  types: string[];
  afterTen: { outOfWindow: number; lockedUntil: number | null };
  eleventhAt: number;
}

/**
 * bob, linked at acme and bank, with his phone 10 minutes fast and offline, logs in eleven times with
 * offline codes of the right PIN, 30 s apart. Each such attempt costs a PIN-space search, so this runs once.
 */
function lockBobOut(): Locked {
  const w = fixtureWorld();
  linkEverywhere(w, 'bob');
  w.ok({ type: 'SetPhoneClockOffset', phoneId: 'bob-phone', offsetMs: 10 * 60_000 });
  w.setOnline('bob-phone', false);
  const descriptions: string[] = [];
  const types: string[] = [];
  let afterTen = { outOfWindow: -1, lockedUntil: null as number | null };
  for (let i = 0; i < 11; i++) {
    w.advance(30_000);
    const [orgId, server, username] = SERVERS[i % 2]!;
    const { accepted, entry, description } = w.login(orgId, server, username, w.code('bob-phone', PIN.bob));
    expect(accepted).toBe(false);
    descriptions.push(description);
    types.push(entry.type);
    if (i === 9) afterTen = { outOfWindow: w.holder(MOBILE.bob).offlineOutOfWindow, lockedUntil: w.holder(MOBILE.bob).offlineLockedUntil };
  }
  return { world: w, descriptions, types, afterTen, eleventhAt: w.now };
}

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

/** Puts bob's phone clock right, so its offline codes are inside the window. */
function fixClock(w: TestWorld): void {
  w.ok({ type: 'SetPhoneClockOffset', phoneId: 'bob-phone', offsetMs: 0 });
}

describe('R-OFF-1 more than 10 out-of-window offline codes start a 15-minute offline lockout', () => {
  let locked: Locked;
  beforeAll(() => {
    locked = lockBobOut();
  });

  it('R-OFF-1 given ten out-of-window codes, then there is no lockout yet; the 11th starts one and its description names when it ends', () => {
    expect(locked.types).toEqual(Array(11).fill('Access_Denied_Offline'));
    expect(locked.afterTen).toEqual({ outOfWindow: 10, lockedUntil: null });
    locked.descriptions.slice(0, 10).forEach((description, i) => {
      // The phone time the code was made for: server 09:00:30 + 30 s per entry, plus the phone's 10 minutes.
      const phoneTime = new Date(Date.UTC(2026, 0, 5, 9, 10, 30 + 30 * i)).toISOString().slice(0, 19).replace('T', ' ');
      expect(description).toBe(`OTP is no longer valid: made for phone time ${phoneTime} (phone clock out of sync?)`);
    });
    expect(locked.eleventhAt).toBe(Date.UTC(2026, 0, 5, 9, 5, 30));
    expect(locked.descriptions[10]).toBe('OTP is no longer valid: made for phone time 2026-01-05 09:15:30 (phone clock out of sync?); offline logins locked until 09:20:30');
    const holder = locked.world.holder(MOBILE.bob);
    expect(holder.offlineLockedUntil).toBe(locked.eleventhAt + FIFTEEN_MIN);
    expect(offlineLockoutRunning(holder, locked.world.now)).toBe(true);
  });

  it('R-OFF-1 during the lockout, 8-digit codes are refused at every org with the end time, and nothing is counted', () => {
    const w = fork(locked.world);
    fixClock(w);
    w.advance(60_000);
    const holderBefore = w.holder(MOBILE.bob);
    const linksBefore = w.state.server.links;
    for (const [orgId, server, username] of SERVERS) {
      const code = w.code('bob-phone', PIN.bob);
      expect(code).toMatch(/^\d{8}$/);
      const { accepted, entry, description } = w.login(orgId, server, username, code);
      expect(accepted).toBe(false);
      expect(entry.type).toBe('Access_Denied_Offline');
      expect(description).toBe('Offline logins are locked until 09:20:30');
    }
    expect(w.holder(MOBILE.bob)).toEqual(holderBefore);
    expect(w.state.server.links).toEqual(linksBefore);
  });

  it('R-OFF-1 during the lockout, online codes keep working', () => {
    const w = fork(locked.world);
    w.setOnline('bob-phone', true);
    for (const [orgId, server, username] of SERVERS) {
      const { accepted, entry } = w.login(orgId, server, username, w.code('bob-phone', PIN.bob));
      expect(accepted).toBe(true);
      expect(entry.type).toBe('Access_Granted');
    }
    expect(offlineLockoutRunning(w.holder(MOBILE.bob), w.now)).toBe(true);
  });

  it('R-OFF-1 the lockout ends by itself after 15 minutes of server time', () => {
    const w = fork(locked.world);
    fixClock(w);
    w.advance(FIFTEEN_MIN - 1_000);
    expect(w.login('acme', 'vpn', 'bob', w.code('bob-phone', PIN.bob)).description).toBe('Offline logins are locked until 09:20:30');
    w.advance(1_000);
    expect(w.now).toBe(locked.eleventhAt + FIFTEEN_MIN);
    const { accepted, entry } = w.login('acme', 'vpn', 'bob', w.code('bob-phone', PIN.bob));
    expect(accepted).toBe(true);
    expect(entry.type).toBe('Access_Granted_Offline');
  });

  it('R-OFF-1 Manager shows the time left; Offline unlock by a USERADMIN ends the lockout at once and is audited', () => {
    const w = fork(locked.world);
    fixClock(w);
    w.advance(4 * 60_000);
    const holder = w.holder(MOBILE.bob);
    expect((holder.offlineLockedUntil ?? 0) - w.now).toBe(11 * 60_000);

    const { result, events } = w.when({ type: 'OfflineUnlock', by: 'acme-useradmin', orgId: 'acme', mobile: MOBILE.bob });
    expect(result.ok).toBe(true);
    expect(events.map((e) => e.type)).toEqual(['OfflineLockoutEnded', 'AuditRecorded']);
    expect(w.lastAudit('acme')).toMatchObject({ at: w.now, adminId: 'acme-useradmin', targetUsername: 'bob', action: { kind: 'offline-unlocked' } });
    expect(offlineLockoutRunning(w.holder(MOBILE.bob), w.now)).toBe(false);
    const { accepted, entry } = w.login('bank', 'vpn', 'bob.b', w.code('bob-phone', PIN.bob));
    expect(accepted).toBe(true);
    expect(entry.type).toBe('Access_Granted_Offline');
  });

  it('R-OFF-1 a HELPDESK administrator may not end the lockout: refused naming R-MGR-1, audited, lockout still running', () => {
    const w = fork(locked.world);
    const auditBefore = w.auditLog.length;
    const { result, events } = w.when({ type: 'OfflineUnlock', by: 'acme-helpdesk', orgId: 'acme', mobile: MOBILE.bob });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/R-MGR-1/);
    expect(events.map((e) => e.type)).toEqual(['AuditRecorded']);
    expect(w.auditLog.slice(auditBefore).map((e) => [e.adminId, e.action.kind])).toEqual([['acme-helpdesk', 'refused']]);
    expect(w.holder(MOBILE.bob).offlineLockedUntil).toBe(locked.eleventhAt + FIFTEEN_MIN);
  });

  it('R-OFF-1 Offline unlock with no lockout running is refused and changes nothing', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'bob');
    const { result, events } = w.when({ type: 'OfflineUnlock', by: 'acme-useradmin', orgId: 'acme', mobile: MOBILE.bob });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.rule).toBe('R-OFF-1');
    expect(events).toEqual([]);
  });
});

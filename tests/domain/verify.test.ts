// R-VER: verifying username + code at an access server, step by step, one event-log entry per attempt.
import { describe, it, expect, beforeAll } from 'vitest';
import { fixtureWorld, MOBILE, PIN, linkEverywhere } from './support/fixture';
import type { TestWorld } from './support/test-world';
import { evolve, policy } from '../../src/domain';
import type { WorldEvent, EventLogType, WorldCommand } from '../../src/domain';

/** Given: folds events into the world as if they had happened (emmett's given(events)). */
function given(w: TestWorld, ...events: WorldEvent[]): void {
  for (const event of events) {
    w.events.push(event);
    w.state = evolve(w.state, event);
  }
}

/** The counters R-VER-2 and R-VER-4 say must not move. */
function counters(w: TestWorld, orgId: string, mobile: string) {
  const link = w.link(orgId, mobile);
  const holder = w.holder(mobile);
  return {
    codeFailures: link?.codeFailures,
    ubcFailures: link?.ubcFailures,
    pinFailures: holder.pinFailures,
    offlineOutOfWindow: holder.offlineOutOfWindow,
  };
}

/** Makes the link's code counter non-zero and the holder's PIN counter non-zero, so "unchanged" means something. */
function withCountersAtOne(w: TestWorld, person: 'alice' | 'bob', orgId: string, username: string): void {
  const wrong = wrongOnlineCode(w, MOBILE[person]);
  expect(w.login(orgId, 'vpn', username, wrong).description).toBe('OTP verification failed. 2 attempts remaining');
  w.ok({ type: 'AppEnterPin', phoneId: `${person}-phone`, pin: '9999' });
  expect(counters(w, orgId, MOBILE[person])).toMatchObject({ codeFailures: 1, pinFailures: 1 });
}

/** A 6-digit code that was never issued to this holder. */
function wrongOnlineCode(w: TestWorld, mobile: string): string {
  const issued = new Set(w.holder(mobile).onlineCodes.map((c) => c.code));
  const code = ['000000', '111111', '222222'].find((c) => !issued.has(c));
  if (!code) throw new Error('no unissued code');
  return code;
}

/** An offline code made with the right PIN, from the phone going offline now. */
function offlineCode(w: TestWorld, person: 'alice' | 'bob', pin: string = PIN[person]): string {
  w.setOnline(`${person}-phone`, false);
  const code = w.code(`${person}-phone`, pin);
  w.setOnline(`${person}-phone`, true);
  return code;
}

describe('R-VER-1 the username is looked up in the org\'s directories in order', () => {
  it('R-VER-1 given a username in no directory, then Access_Error "User not found in LDAP/HTTP" naming the directories tried, in order', () => {
    const w = fixtureWorld();
    const { accepted, entry, description } = w.login('acme', 'vpn', 'nobody', '123456');
    expect(accepted).toBe(false);
    expect(entry).toMatchObject({ type: 'Access_Error', username: 'nobody', mobile: null, at: w.now });
    expect(description).toBe('User not found in LDAP/HTTP (tried: Corp LDAP (LDAP), Partner HTTP (HTTP))');

    w.ok({ type: 'MoveDirectory', orgId: 'acme', directoryId: 'partner-http', toIndex: 0 });
    expect(w.login('acme', 'vpn', 'nobody', '123456').description).toBe('User not found in LDAP/HTTP (tried: Partner HTTP (HTTP), Corp LDAP (LDAP))');
  });

  it('R-VER-1 given a username in two directories, then the first directory in order decides', () => {
    const w = fixtureWorld();
    // "alice" in partner-http too, but with dave's number: the corp-ldap entry comes first.
    w.ok({ type: 'AddDirectoryEntry', orgId: 'acme', directoryId: 'partner-http', entry: { username: 'alice', mobile: MOBILE.dave } });
    expect(w.login('acme', 'vpn', 'alice', w.code('alice-phone', PIN.alice)).accepted).toBe(true);
    expect(w.link('acme', MOBILE.alice)).toBeDefined();
    expect(w.link('acme', MOBILE.dave)).toBeUndefined();
    // And a user only in the second directory is found there.
    expect(w.login('acme', 'vpn', 'dave', w.code('dave-phone', PIN.dave)).accepted).toBe(true);
  });

  it('R-VER-1 given an entry without a mobile number, then Access_Error saying the mobile number is missing', () => {
    const w = fixtureWorld();
    const { accepted, entry, description } = w.login('acme', 'vpn', 'nomobile', '123456');
    expect(accepted).toBe(false);
    expect(entry.type).toBe('Access_Error');
    expect(description).toBe('Entry in Corp LDAP has no mobile number');
  });

  it('R-VER-1 given an entry without an App-ID in a directory that checks App-IDs, then Access_Error saying the App-ID is missing', () => {
    const w = fixtureWorld();
    w.ok({ type: 'AddDirectory', orgId: 'acme', directoryId: 'strict-ldap', name: 'Strict LDAP', kind: 'LDAP', checksAppId: true });
    w.ok({ type: 'AddDirectoryEntry', orgId: 'acme', directoryId: 'strict-ldap', entry: { username: 'frank', mobile: MOBILE.bob } });
    const { accepted, entry, description } = w.login('acme', 'vpn', 'frank', w.code('bob-phone', PIN.bob));
    expect(accepted).toBe(false);
    expect(entry.type).toBe('Access_Error');
    expect(description).toBe('Entry in Strict LDAP has no App-ID, and this directory checks App-IDs');
    expect(w.link('acme', MOBILE.bob)).toBeUndefined();
  });
});

describe('R-VER-1 bad input at the login page is refused naming the field, with no event', () => {
  const cases: { name: string; command: Extract<WorldCommand, { type: 'Login' }>; field: string }[] = [
    { name: 'an unknown org', command: { type: 'Login', orgId: 'nowhere', accessServerId: 'vpn', username: 'alice', code: '123456' }, field: 'orgId' },
    { name: 'an unknown access server', command: { type: 'Login', orgId: 'acme', accessServerId: 'ftp', username: 'alice', code: '123456' }, field: 'accessServerId' },
    { name: 'an empty username', command: { type: 'Login', orgId: 'acme', accessServerId: 'vpn', username: '', code: '123456' }, field: 'username' },
    { name: 'a username of spaces', command: { type: 'Login', orgId: 'acme', accessServerId: 'vpn', username: '   ', code: '123456' }, field: 'username' },
    { name: 'an empty code', command: { type: 'Login', orgId: 'acme', accessServerId: 'vpn', username: 'alice', code: '' }, field: 'code' },
  ];
  for (const { name, command, field } of cases) {
    it(`R-VER-1 when a login names ${name}, then refused naming "${field}", no event, no log entry`, () => {
      const w = fixtureWorld();
      const logBefore = w.eventLog.length;
      const { result, events } = w.when(command);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.field).toBe(field);
      expect(events).toEqual([]);
      expect(w.eventLog).toHaveLength(logBefore);
    });
  }
});

describe('R-VER-2 an inactive user is denied before anything is counted', () => {
  it('R-VER-2 given alice set Inactive, when any code is typed, then Access_Denied "User is inactive" and no counter changes', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'alice');
    withCountersAtOne(w, 'alice', 'acme', 'alice');
    const goodOffline = offlineCode(w, 'alice');
    const goodOnline = w.code('alice-phone', PIN.alice); // resets the PIN counter: a right PIN at the app
    w.ok({ type: 'AppEnterPin', phoneId: 'alice-phone', pin: '9999' });
    w.ok({ type: 'SetUserStatus', by: 'acme-useradmin', orgId: 'acme', mobile: MOBILE.alice, status: 'inactive' });
    const before = counters(w, 'acme', MOBILE.alice);
    expect(before).toMatchObject({ codeFailures: 1, pinFailures: 1 });

    for (const code of [goodOnline, wrongOnlineCode(w, MOBILE.alice), goodOffline, '87654321', '12ab', '123456789']) {
      const { accepted, entry, description } = w.login('acme', 'vpn', 'alice', code);
      expect(accepted).toBe(false);
      expect(entry.type).toBe('Access_Denied');
      expect(description).toBe('User is inactive');
      expect(counters(w, 'acme', MOBILE.alice)).toEqual(before);
    }
    // The online code was not spent by the refused attempt.
    expect(w.holder(MOBILE.alice).onlineCodes.find((c) => c.code === goodOnline)?.usedAt).toBeNull();
  });
});

describe('R-VER-3 the number (and App-ID where checked) must match the holder\'s current device', () => {
  function withStrictDirectory(w: TestWorld, entries: { username: string; appId: string }[]): void {
    w.ok({ type: 'AddDirectory', orgId: 'acme', directoryId: 'strict-ldap', name: 'Strict LDAP', kind: 'LDAP', checksAppId: true });
    for (const { username, appId } of entries) {
      w.ok({ type: 'AddDirectoryEntry', orgId: 'acme', directoryId: 'strict-ldap', entry: { username, mobile: MOBILE.alice, appId } });
    }
  }

  it('R-VER-3 given a directory that checks App-IDs listing another App-ID, then Access_Denied handset mismatch naming both', () => {
    const w = fixtureWorld();
    const current = w.phone('alice-phone').app.device?.appId ?? '';
    const listed = current === '1234567890' ? '1234567891' : '1234567890';
    withStrictDirectory(w, [{ username: 'alice.s', appId: listed }]);
    const { accepted, entry, description } = w.login('acme', 'vpn', 'alice.s', w.code('alice-phone', PIN.alice));
    expect(accepted).toBe(false);
    expect(entry.type).toBe('Access_Denied');
    expect(description).toBe(`Handset mismatch: the directory lists App-ID ${listed}, the current app is ${current}`);
    expect(w.link('acme', MOBILE.alice)).toBeUndefined();
  });

  it('R-VER-3 given a directory listing the current App-ID, then granted; after re-activation the listed App-ID is stale and denied', () => {
    const w = fixtureWorld();
    const current = w.phone('alice-phone').app.device?.appId ?? '';
    withStrictDirectory(w, [{ username: 'alice.s', appId: current }]);
    expect(w.login('acme', 'vpn', 'alice.s', w.code('alice-phone', PIN.alice)).accepted).toBe(true);

    w.ok({ type: 'AppReset', phoneId: 'alice-phone' });
    w.activate('alice-phone', PIN.alice);
    const renewed = w.phone('alice-phone').app.device?.appId ?? '';
    const { accepted, description } = w.login('acme', 'vpn', 'alice.s', w.code('alice-phone', PIN.alice));
    expect(accepted).toBe(false);
    expect(description).toBe(`Handset mismatch: the directory lists App-ID ${current}, the current app is ${renewed}`);
  });

  it('R-VER-3 given a number with no activated Code app, then Access_Denied handset mismatch naming the number', () => {
    const w = fixtureWorld();
    const erin = '+4790000005';
    w.ok({ type: 'AddDirectoryEntry', orgId: 'acme', directoryId: 'corp-ldap', entry: { username: 'erin', mobile: erin } });
    const first = w.login('acme', 'vpn', 'erin', '123456');
    expect(first).toMatchObject({ accepted: false, description: `Handset mismatch: no Code app is activated for ${erin}` });
    expect(first.entry.type).toBe('Access_Denied');
    // An activation started (SMS sent) but never confirmed is still no device.
    w.ok({ type: 'AddPerson', personId: 'erin', name: 'erin', mobile: erin });
    w.ok({ type: 'AddPhone', phoneId: 'erin-phone', personId: 'erin', label: "erin's phone" });
    w.ok({ type: 'AppStartActivation', phoneId: 'erin-phone', mobile: erin });
    expect(w.login('acme', 'vpn', 'erin', '12345678').description).toBe(`Handset mismatch: no Code app is activated for ${erin}`);
  });
});

describe('R-VER-4 at a blocked link only a 9-digit offline unblock code is considered', () => {
  it('R-VER-4 given alice blocked at acme, when any other code is typed, then "PIN is blocked at this organization" and no counter changes', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'alice');
    const goodOnline = w.code('alice-phone', PIN.alice);
    const goodOffline = offlineCode(w, 'alice');
    w.ok({ type: 'BlockPin', by: 'acme-useradmin', orgId: 'acme', mobile: MOBILE.alice });
    const before = counters(w, 'acme', MOBILE.alice);

    for (const code of [goodOnline, wrongOnlineCode(w, MOBILE.alice), goodOffline, '87654321', '12ab', '1234567', '1234567890']) {
      const { accepted, entry, description } = w.login('acme', 'vpn', 'alice', code);
      expect(accepted).toBe(false);
      expect(entry.type).toBe('Access_Denied');
      expect(description).toBe('PIN is blocked at this organization');
      expect(counters(w, 'acme', MOBILE.alice)).toEqual(before);
    }
    expect(w.holder(MOBILE.alice).onlineCodes.find((c) => c.code === goodOnline)?.usedAt).toBeNull();
    expect(w.link('acme', MOBILE.alice)?.blocked).toBe(true);
  });

  it('R-VER-4 given alice blocked at acme, when a 9-digit code is typed, then it is considered as an unblock code (counted on the UBC)', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'alice');
    w.ok({ type: 'BlockPin', by: 'acme-useradmin', orgId: 'acme', mobile: MOBILE.alice });
    const { accepted, entry, description } = w.login('acme', 'vpn', 'alice', '123456789');
    expect(accepted).toBe(false);
    expect(entry.type).toBe('Access_Denied_Offline');
    expect(description).not.toBe('PIN is blocked at this organization');
    expect(w.link('acme', MOBILE.alice)?.ubcFailures).toBe(1);
  });
});

describe('R-VER-5 an offline lockout refuses offline codes with the time it ends; online codes keep working', () => {
  /** Given alice linked at acme and an offline lockout running until 15 min from now. */
  function aliceLockedOut(): { w: TestWorld; until: number } {
    const w = fixtureWorld();
    linkEverywhere(w, 'alice');
    const until = w.now + policy.DEFAULT_OFFLINE_LOCKOUT_MS;
    given(w, { type: 'OfflineLockoutStarted', mobile: MOBILE.alice, until });
    return { w, until };
  }

  it('R-VER-5 given a lockout until 09:15:00, when a right-PIN 8-digit code is typed, then Access_Denied_Offline naming 09:15:00', () => {
    const { w } = aliceLockedOut();
    // The fixture clock starts at 2026-01-05 09:00:00 UTC and has not moved; the lockout lasts 15 min.
    expect(w.now).toBe(Date.UTC(2026, 0, 5, 9, 0, 0));
    const { accepted, entry, description } = w.login('acme', 'vpn', 'alice', offlineCode(w, 'alice'));
    expect(accepted).toBe(false);
    expect(entry.type).toBe('Access_Denied_Offline');
    expect(description).toBe('Offline logins are locked until 09:15:00');
  });

  it('R-VER-5 given a lockout running, when an online code is typed, then Access_Granted', () => {
    const { w } = aliceLockedOut();
    const { accepted, entry } = w.login('acme', 'vpn', 'alice', w.code('alice-phone', PIN.alice));
    expect(accepted).toBe(true);
    expect(entry.type).toBe('Access_Granted');
  });

  it('R-VER-5 given a lockout, when it has ended on the server clock, then a right-PIN offline code is granted again', () => {
    const { w, until } = aliceLockedOut();
    w.advance(until - w.now);
    expect(w.login('acme', 'vpn', 'alice', offlineCode(w, 'alice'))).toMatchObject({ accepted: true, description: 'Offline OTP verified' });
  });
});

describe('R-VER-6 a 6-digit code: granted, used, too old, or failed', () => {
  it('R-VER-6 given no link, when alice\'s fresh online code is typed, then Access_Granted, the link is created and shown active, the code spent', () => {
    const w = fixtureWorld();
    expect(w.link('acme', MOBILE.alice)).toBeUndefined();
    const code = w.code('alice-phone', PIN.alice);
    w.advance(30_000);
    const { accepted, entry, description } = w.login('acme', 'vpn', 'alice', code);
    expect(accepted).toBe(true);
    expect(entry).toMatchObject({ type: 'Access_Granted', username: 'alice', mobile: MOBILE.alice, accessServerId: 'vpn', at: w.now });
    expect(description).toBe('OTP verified');
    expect(w.link('acme', MOBILE.alice)).toMatchObject({ username: 'alice', status: 'active', blocked: false, createdAt: w.now, codeFailures: 0 });
    expect(w.holder(MOBILE.alice).onlineCodes.find((c) => c.code === code)?.usedAt).toBe(w.now);
  });

  it('R-VER-6 given a code accepted, when typed again, then Access_Denied "OTP already used"', () => {
    const w = fixtureWorld();
    const code = w.code('alice-phone', PIN.alice);
    expect(w.login('acme', 'vpn', 'alice', code).accepted).toBe(true);
    const { accepted, entry, description } = w.login('acme', 'vpn', 'alice', code);
    expect(accepted).toBe(false);
    expect(entry.type).toBe('Access_Denied');
    expect(description).toBe('OTP already used');
  });

  it('R-VER-6 given a code issued at 09:00:45, when typed 120 s later, then Access_Denied "OTP is no longer valid" with its creation time', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'alice');
    w.advance(45_000); // the fixture starts at 09:00:00
    const code = w.code('alice-phone', PIN.alice);
    w.advance(policy.ONLINE_CODE_VALIDITY_MS);
    const { accepted, entry, description } = w.login('acme', 'vpn', 'alice', code);
    expect(accepted).toBe(false);
    expect(entry.type).toBe('Access_Denied');
    expect(description).toBe('OTP is no longer valid (created 09:00:45)');
  });

  it('R-VER-6 given a link, when a wrong 6-digit code is typed, then "OTP verification failed. 2 attempts remaining" and the code counter grows', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'alice');
    for (const [failures, remaining] of [[1, 2], [2, 1]] as const) {
      const { accepted, entry, description } = w.login('acme', 'vpn', 'alice', wrongOnlineCode(w, MOBILE.alice));
      expect(accepted).toBe(false);
      expect(entry.type).toBe('Access_Denied');
      expect(description).toBe(`OTP verification failed. ${remaining} attempts remaining`);
      expect(w.link('acme', MOBILE.alice)?.codeFailures).toBe(failures);
    }
    expect(w.holder(MOBILE.alice).pinFailures).toBe(0);
  });

  it('R-VER-6 given another holder\'s live code, when typed as alice\'s, then it fails as a wrong code (a code belongs to its holder)', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'alice');
    const bobs = w.code('bob-phone', PIN.bob);
    const { accepted, description } = w.login('acme', 'vpn', 'alice', bobs);
    expect(accepted).toBe(false);
    expect(description).toBe('OTP verification failed. 2 attempts remaining');
    expect(w.login('acme', 'vpn', 'bob', bobs).accepted).toBe(true);
  });
});

describe('R-VER-7 an 8-digit code, and any other input', () => {
  it('R-VER-7 given an access server without offline codes, when an 8-digit code is typed, then Access_Denied_Offline "offline codes are not accepted here", no counter', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'alice');
    const code = offlineCode(w, 'alice');
    const before = counters(w, 'acme', MOBILE.alice);
    const { accepted, entry, description } = w.login('acme', 'portal', 'alice', code);
    expect(accepted).toBe(false);
    expect(entry).toMatchObject({ type: 'Access_Denied_Offline', accessServerId: 'portal' });
    expect(description).toBe('offline codes are not accepted here');
    expect(counters(w, 'acme', MOBILE.alice)).toEqual(before);
  });

  it('R-VER-7 given a right-PIN code in the window, then Access_Granted_Offline and the PIN counter is reset', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'alice');
    w.ok({ type: 'AppEnterPin', phoneId: 'alice-phone', pin: '9999' });
    expect(w.holder(MOBILE.alice).pinFailures).toBe(1);
    const { accepted, entry, description } = w.login('acme', 'vpn', 'alice', offlineCode(w, 'alice'));
    expect(accepted).toBe(true);
    expect(entry.type).toBe('Access_Granted_Offline');
    expect(description).toBe('Offline OTP verified');
    expect(w.holder(MOBILE.alice).pinFailures).toBe(0);
  });

  it('R-VER-7 given right-PIN codes made 90 s ago and 25 s ahead (inside 120 s back / 30 s ahead), then both are granted', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'alice');
    w.advance(10 * 60_000);
    for (const at of [w.now - 90_000, w.now + 25_000]) {
      const { accepted, entry } = w.login('acme', 'vpn', 'alice', w.offlineCodeFor('alice-phone', PIN.alice, at));
      expect(accepted).toBe(true);
      expect(entry.type).toBe('Access_Granted_Offline');
    }
  });

  it('R-VER-7 given a code made with a wrong PIN, then "Offline OTP was generated using wrong PIN. 2 attempt(s) remaining" and the PIN counter grows', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'alice');
    const { accepted, entry, description } = w.login('acme', 'vpn', 'alice', offlineCode(w, 'alice', '9999'));
    expect(accepted).toBe(false);
    expect(entry.type).toBe('Access_Denied_Offline');
    expect(description).toBe('Offline OTP was generated using wrong PIN. 2 attempt(s) remaining');
    expect(w.holder(MOBILE.alice).pinFailures).toBe(1);
    expect(w.link('acme', MOBILE.alice)?.codeFailures).toBe(0);
  });

  it('R-VER-7 given a right-PIN code made for a phone clock 3 min slow, then "OTP is no longer valid" with that phone time, and the lockout counter grows', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'alice');
    w.ok({ type: 'SetPhoneClockOffset', phoneId: 'alice-phone', offsetMs: -3 * 60_000 });
    const code = offlineCode(w, 'alice');
    const { accepted, entry, description } = w.login('acme', 'vpn', 'alice', code);
    expect(accepted).toBe(false);
    expect(entry.type).toBe('Access_Denied_Offline');
    // Server time 09:00:00, phone 3 min behind: the code was made for 08:57:00.
    expect(description).toBe('OTP is no longer valid: made for phone time 2026-01-05 08:57:00 (phone clock out of sync?)');
    expect(w.holder(MOBILE.alice)).toMatchObject({ offlineOutOfWindow: 1, pinFailures: 0 });
    expect(w.link('acme', MOBILE.alice)?.codeFailures).toBe(0);
  });

  it('R-VER-7 given 8 random digits, then "OTP verification failed. 2 attempts remaining" on the code counter', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'alice');
    const code = '31415926';
    expect(code).not.toBe(w.offlineCodeFor('alice-phone', PIN.alice));
    const { accepted, entry, description } = w.login('acme', 'vpn', 'alice', code);
    expect(accepted).toBe(false);
    expect(entry.type).toBe('Access_Denied');
    expect(description).toBe('OTP verification failed. 2 attempts remaining');
    expect(counters(w, 'acme', MOBILE.alice)).toMatchObject({ codeFailures: 1, pinFailures: 0, offlineOutOfWindow: 0 });
  });

  it('R-VER-7 given an unblocked link, when "12ab", 7 digits, then 9 digits are typed, then each fails on the code counter; the third blocks the link', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'alice');
    const steps = [
      ['12ab', 1, 'OTP verification failed. 2 attempts remaining'],
      ['1234567', 2, 'OTP verification failed. 1 attempts remaining'],
      ['123456789', 3, 'OTP verification failed. 0 attempts remaining; PIN blocked at this organization'],
    ] as const;
    for (const [code, failures, text] of steps) {
      const { accepted, entry, description } = w.login('acme', 'vpn', 'alice', code);
      expect(accepted).toBe(false);
      expect(entry.type).toBe('Access_Denied');
      expect(description).toBe(text);
      expect(w.link('acme', MOBILE.alice)?.codeFailures).toBe(failures);
    }
    expect(w.link('acme', MOBILE.alice)).toMatchObject({ blocked: true, blockCause: 'code-attempts' });
    expect(w.holder(MOBILE.alice).pinFailures).toBe(0);
  });
});

describe('R-VER-8 every attempt writes exactly one event-log entry whose description tells the cases apart', () => {
  interface Case {
    name: string;
    type: EventLogType;
    /** Run in a fresh fixture world; returns the world and the attempt as [org, access server, username, code]. */
    arrange: (w: TestWorld) => [string, string, string, string];
    /** R-VER-7: "as in R-VER-6": cases that by rule share the failed-code description. */
    sameAs?: string;
  }
  const linked = (w: TestWorld): void => linkEverywhere(w, 'alice');
  const cases: Case[] = [
    { name: 'R-VER-1 user not found', type: 'Access_Error', arrange: () => ['acme', 'vpn', 'nobody', '123456'] },
    { name: 'R-VER-1 entry without mobile', type: 'Access_Error', arrange: () => ['acme', 'vpn', 'nomobile', '123456'] },
    {
      name: 'R-VER-1 entry without App-ID', type: 'Access_Error', arrange: (w) => {
        w.ok({ type: 'AddDirectory', orgId: 'acme', directoryId: 'strict-ldap', name: 'Strict LDAP', kind: 'LDAP', checksAppId: true });
        w.ok({ type: 'AddDirectoryEntry', orgId: 'acme', directoryId: 'strict-ldap', entry: { username: 'frank', mobile: MOBILE.bob } });
        return ['acme', 'vpn', 'frank', '123456'];
      },
    },
    {
      name: 'R-VER-2 user inactive', type: 'Access_Denied', arrange: (w) => {
        linked(w);
        w.ok({ type: 'SetUserStatus', by: 'acme-useradmin', orgId: 'acme', mobile: MOBILE.alice, status: 'inactive' });
        return ['acme', 'vpn', 'alice', w.code('alice-phone', PIN.alice)];
      },
    },
    {
      name: 'R-VER-3 number not activated', type: 'Access_Denied', arrange: (w) => {
        w.ok({ type: 'AddDirectoryEntry', orgId: 'acme', directoryId: 'corp-ldap', entry: { username: 'erin', mobile: '+4790000005' } });
        return ['acme', 'vpn', 'erin', '123456'];
      },
    },
    {
      name: 'R-VER-3 App-ID mismatch', type: 'Access_Denied', arrange: (w) => {
        w.ok({ type: 'AddDirectory', orgId: 'acme', directoryId: 'strict-ldap', name: 'Strict LDAP', kind: 'LDAP', checksAppId: true });
        const other = w.phone('bob-phone').app.device?.appId ?? '';
        w.ok({ type: 'AddDirectoryEntry', orgId: 'acme', directoryId: 'strict-ldap', entry: { username: 'alice.s', mobile: MOBILE.alice, appId: other } });
        return ['acme', 'vpn', 'alice.s', w.code('alice-phone', PIN.alice)];
      },
    },
    {
      name: 'R-ACT-2 code from an older device', type: 'Access_Denied', arrange: (w) => {
        linked(w);
        const code = w.code('alice-phone', PIN.alice);
        w.ok({ type: 'AddPhone', phoneId: 'alice-phone-2', personId: 'alice', label: 'new phone' });
        w.activate('alice-phone-2', PIN.alice);
        return ['acme', 'vpn', 'alice', code];
      },
    },
    {
      name: 'R-VER-4 link blocked', type: 'Access_Denied', arrange: (w) => {
        linked(w);
        w.ok({ type: 'BlockPin', by: 'acme-useradmin', orgId: 'acme', mobile: MOBILE.alice });
        return ['acme', 'vpn', 'alice', '123456'];
      },
    },
    {
      name: 'R-VER-4 PIN blocked everywhere, no link here', type: 'Access_Denied', arrange: (w) => {
        for (let i = 0; i < policy.MAX_PIN_ATTEMPTS; i++) w.ok({ type: 'AppEnterPin', phoneId: 'alice-phone', pin: '9999' });
        return ['acme', 'vpn', 'alice', '123456'];
      },
    },
    {
      name: 'R-VER-5 offline lockout', type: 'Access_Denied_Offline', arrange: (w) => {
        linked(w);
        given(w, { type: 'OfflineLockoutStarted', mobile: MOBILE.alice, until: w.now + policy.DEFAULT_OFFLINE_LOCKOUT_MS });
        return ['acme', 'vpn', 'alice', offlineCode(w, 'alice')];
      },
    },
    { name: 'R-VER-6 granted', type: 'Access_Granted', arrange: (w) => ['acme', 'vpn', 'alice', w.code('alice-phone', PIN.alice)] },
    {
      name: 'R-VER-6 used', type: 'Access_Denied', arrange: (w) => {
        const code = w.code('alice-phone', PIN.alice);
        w.login('acme', 'vpn', 'alice', code);
        return ['acme', 'vpn', 'alice', code];
      },
    },
    {
      name: 'R-VER-6 too old', type: 'Access_Denied', arrange: (w) => {
        const code = w.code('alice-phone', PIN.alice);
        w.advance(policy.ONLINE_CODE_VALIDITY_MS);
        return ['acme', 'vpn', 'alice', code];
      },
    },
    { name: 'R-VER-6 failed', type: 'Access_Denied', arrange: (w) => (linked(w), ['acme', 'vpn', 'alice', wrongOnlineCode(w, MOBILE.alice)]) },
    {
      name: 'R-VER-6 failed, 3rd in a row blocks the link', type: 'Access_Denied', arrange: (w) => {
        linked(w);
        w.login('acme', 'vpn', 'alice', '12ab');
        w.login('acme', 'vpn', 'alice', '12ab');
        return ['acme', 'vpn', 'alice', wrongOnlineCode(w, MOBILE.alice)];
      },
    },
    { name: 'R-VER-6 failed, no link yet', type: 'Access_Denied', arrange: (w) => ['acme', 'vpn', 'alice', wrongOnlineCode(w, MOBILE.alice)] },
    { name: 'R-VER-7 offline not allowed', type: 'Access_Denied_Offline', arrange: (w) => (linked(w), ['acme', 'portal', 'alice', offlineCode(w, 'alice')]) },
    { name: 'R-VER-7 offline granted', type: 'Access_Granted_Offline', arrange: (w) => (linked(w), ['acme', 'vpn', 'alice', offlineCode(w, 'alice')]) },
    {
      name: 'R-VER-7 offline used (R-SEC-3)', type: 'Access_Denied_Offline', arrange: (w) => {
        linked(w);
        const code = offlineCode(w, 'alice');
        w.login('acme', 'vpn', 'alice', code);
        return ['acme', 'vpn', 'alice', code];
      },
    },
    { name: 'R-VER-7 offline wrong PIN', type: 'Access_Denied_Offline', arrange: (w) => (linked(w), ['acme', 'vpn', 'alice', offlineCode(w, 'alice', '9999')]) },
    {
      name: 'R-VER-7 offline right PIN out of window', type: 'Access_Denied_Offline', arrange: (w) => {
        linked(w);
        return ['acme', 'vpn', 'alice', w.offlineCodeFor('alice-phone', PIN.alice, w.now + 10 * 60_000)];
      },
    },
    { name: 'R-VER-7 random 8 digits', type: 'Access_Denied', sameAs: 'R-VER-6 failed', arrange: (w) => (linked(w), ['acme', 'vpn', 'alice', '31415926']) },
    { name: 'R-VER-7 other input', type: 'Access_Denied', sameAs: 'R-VER-6 failed', arrange: (w) => (linked(w), ['acme', 'vpn', 'alice', '12ab']) },
    { name: 'R-VER-7 9 digits at an unblocked link', type: 'Access_Denied', sameAs: 'R-VER-6 failed', arrange: (w) => (linked(w), ['acme', 'vpn', 'alice', '123456789']) },
  ];

  const outcomes = new Map<string, { type: EventLogType; description: string; newEntries: number; at: number; now: number; username: string; typed: string }>();
  beforeAll(() => {
    for (const c of cases) {
      const w = fixtureWorld();
      const [orgId, accessServerId, username, code] = c.arrange(w);
      const before = w.eventLog.length;
      const { entry, description } = w.login(orgId, accessServerId, username, code);
      outcomes.set(c.name, { type: entry.type, description, newEntries: w.eventLog.length - before, at: entry.at, now: w.now, username: entry.username, typed: username });
    }
  });

  for (const c of cases) {
    it(`R-VER-8 ${c.name}: exactly one entry, with time, type ${c.type} and username`, () => {
      const outcome = outcomes.get(c.name);
      expect(outcome).toMatchObject({ newEntries: 1, type: c.type });
      expect(outcome?.at).toBe(outcome?.now);
      expect(outcome?.username).toBe(outcome?.typed);
      expect(outcome?.description.length).toBeGreaterThan(0);
    });
  }

  it('R-VER-8 the descriptions of all distinct cases are pairwise different', () => {
    const distinct = cases.filter((c) => !c.sameAs);
    const seen = new Map<string, string>();
    for (const c of distinct) {
      const description = outcomes.get(c.name)?.description ?? '';
      expect(seen.get(description), `"${c.name}" has the same description as "${seen.get(description)}": ${description}`).toBeUndefined();
      seen.set(description, c.name);
    }
    expect(seen.size).toBe(distinct.length);
  });

  it('R-VER-8 random 8 digits and any other input are described as a failed code, as R-VER-7 says ("as in R-VER-6")', () => {
    for (const c of cases.filter((x) => x.sameAs)) {
      expect(outcomes.get(c.name)?.description).toBe(outcomes.get(c.sameAs ?? '')?.description);
    }
  });
});

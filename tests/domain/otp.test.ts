// R-OTP: online and offline codes in the Code app, where codes may be used, and changing the PIN.
import { describe, it, expect } from 'vitest';
import { fixtureWorld, MOBILE, PIN, linkEverywhere } from './support/fixture';
import { ofType } from './support/test-world';
import type { TestWorld } from './support/test-world';
import { policy } from '../../src/domain';
import type { WorldEvent } from '../../src/domain';

const PHONE_EVENTS = new Set(['PhoneAdded', 'PhoneOnlineSet', 'PhoneClockOffsetSet', 'SmsDelivered', 'AppActivated', 'AppScreenShown', 'AppLinksUpdated', 'AppWiped']);

/** Every key and every string leaf in a JSON-like value. */
function keysAndStrings(value: unknown, out: { keys: string[]; strings: string[] } = { keys: [], strings: [] }): { keys: string[]; strings: string[] } {
  if (typeof value === 'string') out.strings.push(value);
  else if (Array.isArray(value)) for (const item of value) keysAndStrings(item, out);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      out.keys.push(key);
      keysAndStrings(item, out);
    }
  }
  return out;
}

/** R-SEC-1 / R-OTP-2: the phone keeps no field holding a PIN, and its events carry none. */
function expectNoPinOnPhone(w: TestWorld, phoneId: string, pins: readonly string[], events: readonly WorldEvent[] = []): void {
  const phone = keysAndStrings(w.phone(phoneId));
  const phoneEvents = keysAndStrings(events.filter((e) => PHONE_EVENTS.has(e.type)));
  for (const found of [phone, phoneEvents]) {
    expect(found.keys.filter((k) => /^(pin|currentPin|newPin|repeat)$/i.test(k))).toEqual([]);
    for (const pin of pins) expect(found.strings).not.toContain(pin);
  }
}

describe('R-OTP-1 online: a right PIN gives a 6-digit code valid 120 s and resets the PIN counter; a wrong one counts', () => {
  it('R-OTP-1 given a phone online, when the right PIN is typed, then a 6-digit code valid 120 s is shown and issued by the server', () => {
    const w = fixtureWorld();
    const { events } = w.when({ type: 'AppEnterPin', phoneId: 'alice-phone', pin: PIN.alice });
    const screen = w.phone('alice-phone').app.screen;
    expect(screen.kind).toBe('online-code');
    if (screen.kind !== 'online-code') return;
    expect(screen.code).toMatch(/^\d{6}$/);
    expect(screen.validForMs).toBe(policy.ONLINE_CODE_VALIDITY_MS);
    expect(screen.validForMs).toBe(120_000);
    const [issued] = ofType(events, 'OnlineCodeIssued');
    expect(issued).toMatchObject({ mobile: MOBILE.alice, code: screen.code, at: w.now });
  });

  it('R-OTP-1 given a code issued, when typed 119 s later, then it is still accepted', () => {
    const w = fixtureWorld();
    const code = w.code('alice-phone', PIN.alice);
    w.advance(119_000);
    expect(w.login('acme', 'vpn', 'alice', code).accepted).toBe(true);
  });

  it('R-OTP-1 given a code issued, when typed 120 s later, then it is no longer valid', () => {
    const w = fixtureWorld();
    const code = w.code('alice-phone', PIN.alice);
    w.advance(120_000);
    const { accepted, description } = w.login('acme', 'vpn', 'alice', code);
    expect(accepted).toBe(false);
    expect(description).toMatch(/^OTP is no longer valid/);
  });

  it('R-OTP-1 when wrong PINs are typed, then the PIN counter grows and the app says 2, then 1 attempts remain; no code', () => {
    const w = fixtureWorld();
    for (const [failures, remaining] of [[1, 2], [2, 1]] as const) {
      const { events } = w.when({ type: 'AppEnterPin', phoneId: 'alice-phone', pin: '9999' });
      expect(ofType(events, 'PinAttemptFailed')).toEqual([{ type: 'PinAttemptFailed', mobile: MOBILE.alice }]);
      expect(ofType(events, 'OnlineCodeIssued')).toEqual([]);
      expect(w.holder(MOBILE.alice).pinFailures).toBe(failures);
      expect(w.phone('alice-phone').app.notice).toEqual({ kind: 'wrong-pin', attemptsRemaining: remaining });
      expect(w.phone('alice-phone').app.screen).toEqual({ kind: 'pin' });
    }
  });

  it('R-OTP-1 given two wrong PINs, when the right PIN is typed, then the PIN counter is reset to 0', () => {
    const w = fixtureWorld();
    w.ok({ type: 'AppEnterPin', phoneId: 'alice-phone', pin: '9999' });
    w.ok({ type: 'AppEnterPin', phoneId: 'alice-phone', pin: '9998' });
    expect(w.holder(MOBILE.alice).pinFailures).toBe(2);
    const { events } = w.when({ type: 'AppEnterPin', phoneId: 'alice-phone', pin: PIN.alice });
    expect(ofType(events, 'PinCounterReset')).toEqual([{ type: 'PinCounterReset', mobile: MOBILE.alice }]);
    expect(w.holder(MOBILE.alice).pinFailures).toBe(0);
    // "In a row": after the reset, a wrong PIN starts again at 2 remaining.
    w.ok({ type: 'AppEnterPin', phoneId: 'alice-phone', pin: '9999' });
    expect(w.phone('alice-phone').app.notice).toEqual({ kind: 'wrong-pin', attemptsRemaining: 2 });
  });
});

describe('R-OTP-2 offline: the app shows an 8-digit code from device key, PIN typed and phone time step', () => {
  it('R-OTP-2 given a phone offline, when the right PIN is typed, then the 8-digit code for key, PIN and step is shown and the server hears nothing', () => {
    const w = fixtureWorld();
    w.setOnline('alice-phone', false);
    const { events } = w.when({ type: 'AppEnterPin', phoneId: 'alice-phone', pin: PIN.alice });
    expect(events.map((e) => e.type)).toEqual(['AppScreenShown']);
    const screen = w.phone('alice-phone').app.screen;
    if (screen.kind !== 'offline-code') throw new Error(`expected an offline code, got ${screen.kind}`);
    const shown = w.shownCode('alice-phone', screen.firstStep, screen.codes);
    expect(shown).toMatch(/^\d{8}$/);
    expect(shown).toBe(w.offlineCodeFor('alice-phone', PIN.alice));
  });

  it('R-OTP-2 given a phone offline, when a wrong PIN is typed, then a code is still shown (from that PIN) and no PIN counter moves', () => {
    const w = fixtureWorld();
    w.setOnline('alice-phone', false);
    const { events } = w.when({ type: 'AppEnterPin', phoneId: 'alice-phone', pin: '9999' });
    expect(ofType(events, 'PinAttemptFailed')).toEqual([]);
    expect(w.holder(MOBILE.alice).pinFailures).toBe(0);
    expect(w.phone('alice-phone').app.notice).toBeNull();
    const screen = w.phone('alice-phone').app.screen;
    if (screen.kind !== 'offline-code') throw new Error(`expected an offline code, got ${screen.kind}`);
    const shown = w.shownCode('alice-phone', screen.firstStep, screen.codes);
    expect(shown).toMatch(/^\d{8}$/);
    expect(shown).toBe(w.offlineCodeFor('alice-phone', '9999'));
    expect(shown).not.toBe(w.offlineCodeFor('alice-phone', PIN.alice));
  });

  it('R-OTP-2 the code on screen changes with each 30-s step of phone time', () => {
    const w = fixtureWorld();
    w.ok({ type: 'SetPhoneClockOffset', phoneId: 'alice-phone', offsetMs: 7_000 });
    w.setOnline('alice-phone', false);
    w.ok({ type: 'AppEnterPin', phoneId: 'alice-phone', pin: PIN.alice });
    const screen = w.phone('alice-phone').app.screen;
    if (screen.kind !== 'offline-code') throw new Error(`expected an offline code, got ${screen.kind}`);
    expect(screen.codes).toHaveLength(policy.OFFLINE_CODE_SCREEN_STEPS);
    screen.codes.forEach((code, i) => expect(code).toBe(w.offlineCodeFor('alice-phone', PIN.alice, w.now + i * policy.OFFLINE_STEP_MS)));
    expect(new Set(screen.codes).size).toBe(screen.codes.length);

    const first = w.shownCode('alice-phone', screen.firstStep, screen.codes);
    w.advance(policy.OFFLINE_STEP_MS);
    const next = w.shownCode('alice-phone', screen.firstStep, screen.codes);
    expect(next).not.toBe(first);
    expect(next).toBe(w.offlineCodeFor('alice-phone', PIN.alice));
    // Within one step the code stays: 7 s + 22 s of phone time is still the same step.
    w.advance(22_000);
    expect(w.shownCode('alice-phone', screen.firstStep, screen.codes)).toBe(next);
  });

  it('R-OTP-2 the codes on screen are not the PIN: the phone state never holds the PIN typed as a field, online or offline', () => {
    const w = fixtureWorld();
    const online = w.when({ type: 'AppEnterPin', phoneId: 'alice-phone', pin: PIN.alice });
    expectNoPinOnPhone(w, 'alice-phone', [PIN.alice], online.events);
    w.setOnline('alice-phone', false);
    const right = w.when({ type: 'AppEnterPin', phoneId: 'alice-phone', pin: PIN.alice });
    expectNoPinOnPhone(w, 'alice-phone', [PIN.alice], right.events);
    const wrong = w.when({ type: 'AppEnterPin', phoneId: 'alice-phone', pin: '9876' });
    expectNoPinOnPhone(w, 'alice-phone', [PIN.alice, '9876'], wrong.events);
    const screen = w.phone('alice-phone').app.screen;
    if (screen.kind !== 'offline-code') throw new Error(`expected an offline code, got ${screen.kind}`);
    for (const code of screen.codes) expect(code).not.toBe('9876');
  });
});

describe('R-OTP-3 a code is used at any org of the holder, once; the Manager login never accepts offline codes', () => {
  it('R-OTP-3 given bob\'s online code issued, when typed at bank, then granted there: the code is not tied to one org', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'bob');
    const code = w.code('bob-phone', PIN.bob);
    const { accepted, entry } = w.login('bank', 'vpn', 'bob.b', code);
    expect(accepted).toBe(true);
    expect(entry).toMatchObject({ type: 'Access_Granted', orgId: 'bank', username: 'bob.b' });
  });

  it('R-OTP-3 given a code accepted once, when typed again, at the same org or another, then "OTP already used"', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'bob');
    const code = w.code('bob-phone', PIN.bob);
    expect(w.login('acme', 'vpn', 'bob', code).accepted).toBe(true);
    for (const [orgId, username] of [['acme', 'bob'], ['bank', 'bob.b']] as const) {
      const { accepted, entry, description } = w.login(orgId, 'vpn', username, code);
      expect(accepted).toBe(false);
      expect(entry.type).toBe('Access_Denied');
      expect(description).toBe('OTP already used');
    }
  });

  it('R-OTP-3 given an offline code accepted once, when typed again, then refused as already used', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'alice');
    w.setOnline('alice-phone', false);
    const code = w.code('alice-phone', PIN.alice);
    expect(w.login('acme', 'vpn', 'alice', code).accepted).toBe(true);
    const again = w.login('acme', 'vpn', 'alice', code);
    expect(again.accepted).toBe(false);
    expect(again.description).toMatch(/^Offline OTP already used/);
  });

  it('R-OTP-3 the Manager login accepts an online code (administrators are holders too)', () => {
    const w = fixtureWorld();
    const { accepted, entry } = w.login('acme', 'manager', 'alice', w.code('alice-phone', PIN.alice));
    expect(accepted).toBe(true);
    expect(entry).toMatchObject({ type: 'Access_Granted', accessServerId: 'manager' });
  });

  it('R-OTP-3 the Manager login refuses an 8-digit offline code: "offline codes are not accepted here", no counter', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'alice');
    w.setOnline('alice-phone', false);
    const code = w.code('alice-phone', PIN.alice);
    const { accepted, entry, description } = w.login('acme', 'manager', 'alice', code);
    expect(accepted).toBe(false);
    expect(entry).toMatchObject({ type: 'Access_Denied_Offline', accessServerId: 'manager' });
    expect(description).toBe('offline codes are not accepted here');
    expect(w.link('acme', MOBILE.alice)?.codeFailures).toBe(0);
    expect(w.holder(MOBILE.alice).pinFailures).toBe(0);
    // Refused, not spent: the same code still works at the VPN, which allows offline codes.
    expect(w.login('acme', 'vpn', 'alice', code).accepted).toBe(true);
  });
});

describe('R-OTP-4 changing the PIN needs the network, the current PIN and the new PIN twice', () => {
  const NEW_PIN = '6543';

  it('R-OTP-4 given a phone offline, when the PIN is changed, then refused because it needs the network, no event, PIN kept', () => {
    const w = fixtureWorld();
    w.setOnline('alice-phone', false);
    const { result, events } = w.when({ type: 'AppChangePin', phoneId: 'alice-phone', currentPin: PIN.alice, newPin: NEW_PIN, repeat: NEW_PIN });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.rule).toBe('R-OTP-4');
      expect(result.error.message).toMatch(/network/);
    }
    expect(events).toEqual([]);
    w.setOnline('alice-phone', true);
    expect(w.code('alice-phone', PIN.alice)).toMatch(/^\d{6}$/);
  });

  it('R-OTP-4 when the new PIN is not typed the same twice, or is not 4 digits, then refused naming the field and no event', () => {
    const w = fixtureWorld();
    for (const [newPin, repeat, field] of [[NEW_PIN, '6544', 'repeat'], ['654', '654', 'newPin'], ['65a3', '65a3', 'newPin']] as const) {
      const { result, events } = w.when({ type: 'AppChangePin', phoneId: 'alice-phone', currentPin: PIN.alice, newPin, repeat });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.field).toBe(field);
      expect(events).toEqual([]);
    }
  });

  it('R-OTP-4 given a wrong current PIN, when the PIN is changed, then it counts as a wrong PIN and the PIN is not changed', () => {
    const w = fixtureWorld();
    const sealedBefore = w.holder(MOBILE.alice).sealedPin;
    const { events } = w.when({ type: 'AppChangePin', phoneId: 'alice-phone', currentPin: '9999', newPin: NEW_PIN, repeat: NEW_PIN });
    expect(ofType(events, 'PinAttemptFailed')).toEqual([{ type: 'PinAttemptFailed', mobile: MOBILE.alice }]);
    expect(ofType(events, 'PinSet')).toEqual([]);
    expect(w.holder(MOBILE.alice).pinFailures).toBe(1);
    expect(w.holder(MOBILE.alice).sealedPin).toEqual(sealedBefore);
    expect(w.phone('alice-phone').app.notice).toEqual({ kind: 'wrong-pin', attemptsRemaining: 2 });
    // It shares the counter with code requests: one more wrong PIN anywhere leaves 1.
    w.ok({ type: 'AppEnterPin', phoneId: 'alice-phone', pin: '9998' });
    expect(w.phone('alice-phone').app.notice).toEqual({ kind: 'wrong-pin', attemptsRemaining: 1 });
  });

  it('R-OTP-4 given the current PIN and the new PIN twice, then the new PIN gives codes (online and offline) and the old one does not', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'alice');
    const { events } = w.when({ type: 'AppChangePin', phoneId: 'alice-phone', currentPin: PIN.alice, newPin: NEW_PIN, repeat: NEW_PIN });
    expect(ofType(events, 'PinSet')).toEqual([expect.objectContaining({ mobile: MOBILE.alice, reason: 'change' })]);
    expect(w.phone('alice-phone').app.notice).toEqual({ kind: 'pin-changed' });
    expectNoPinOnPhone(w, 'alice-phone', [PIN.alice, NEW_PIN], events);

    expect(w.login('acme', 'vpn', 'alice', w.code('alice-phone', NEW_PIN)).accepted).toBe(true);
    w.ok({ type: 'AppEnterPin', phoneId: 'alice-phone', pin: PIN.alice });
    expect(w.phone('alice-phone').app.notice).toEqual({ kind: 'wrong-pin', attemptsRemaining: 2 });

    w.setOnline('alice-phone', false);
    const offline = w.login('acme', 'vpn', 'alice', w.code('alice-phone', NEW_PIN));
    expect(offline).toMatchObject({ accepted: true, description: 'Offline OTP verified' });
  });
});

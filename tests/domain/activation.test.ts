// R-ACT: activating the Code app (SMS code, App-ID, device key, first PIN), the newest device wins, and Reset app.
import { describe, it, expect } from 'vitest';
import { fixtureWorld, MOBILE, PIN, linkEverywhere } from './support/fixture';
import { ofType } from './support/test-world';
import type { TestWorld } from './support/test-world';
import { policy } from '../../src/domain';

const ERIN = { mobile: '+4790000005', pin: '8642' } as const;

/** A fixture world with erin, whose phone has a freshly installed, never activated app. */
function worldWithErin(): TestWorld {
  const w = fixtureWorld();
  w.ok({ type: 'AddPerson', personId: 'erin', name: 'erin', mobile: ERIN.mobile });
  w.ok({ type: 'AddPhone', phoneId: 'erin-phone', personId: 'erin', label: "erin's phone" });
  return w;
}

/** A 6-digit code that differs from `code` in its last digit. */
function otherCode(code: string): string {
  const last = Number(code.at(-1));
  return `${code.slice(0, -1)}${(last + 1) % 10}`;
}

describe('R-ACT-1 activation: SMS code, unique App-ID, fresh device key, a first PIN typed twice, network needed', () => {
  it('R-ACT-1 given a fresh app, when activation starts, then the SMS code the server sent arrives on the phone as a notification', () => {
    const w = worldWithErin();
    const { events } = w.when({ type: 'AppStartActivation', phoneId: 'erin-phone', mobile: ERIN.mobile });
    const [sent] = ofType(events, 'SmsCodeSent');
    expect(sent).toMatchObject({ mobile: ERIN.mobile, at: w.now });
    expect(sent?.code).toMatch(new RegExp(`^\\d{${policy.SMS_CODE_DIGITS}}$`));
    expect(ofType(events, 'SmsDelivered')).toEqual([{ type: 'SmsDelivered', phoneId: 'erin-phone', at: w.now, code: sent?.code }]);
    expect(w.phone('erin-phone').inbox.at(-1)).toEqual({ at: w.now, code: sent?.code });
    expect(w.phone('erin-phone').app.screen).toEqual({ kind: 'activate-sms', mobile: ERIN.mobile });
    expect(w.phone('erin-phone').app.notice).toEqual({ kind: 'sms-sent', mobile: ERIN.mobile });
  });

  it('R-ACT-1 given an SMS code, when a wrong code is typed, then refused naming "smsCode", no event, still waiting', () => {
    const w = worldWithErin();
    w.ok({ type: 'AppStartActivation', phoneId: 'erin-phone', mobile: ERIN.mobile });
    const sms = w.phone('erin-phone').inbox.at(-1)?.code ?? '';
    for (const smsCode of [otherCode(sms), '12345', 'abcdef']) {
      const { result, events } = w.when({ type: 'AppConfirmSms', phoneId: 'erin-phone', smsCode });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.field).toBe('smsCode');
      expect(events).toEqual([]);
    }
    expect(w.phone('erin-phone').app.device).toBeNull();
    expect(w.phone('erin-phone').app.screen.kind).toBe('activate-sms');
    // The right code still works afterwards: the wrong ones did not spend it.
    w.ok({ type: 'AppConfirmSms', phoneId: 'erin-phone', smsCode: sms });
    expect(w.phone('erin-phone').app.device).not.toBeNull();
  });

  it('R-ACT-1 given an SMS code older than its validity, when typed, then refused naming "smsCode" and no event', () => {
    const w = worldWithErin();
    w.ok({ type: 'AppStartActivation', phoneId: 'erin-phone', mobile: ERIN.mobile });
    const sms = w.phone('erin-phone').inbox.at(-1)?.code ?? '';
    w.advance(policy.SMS_CODE_VALIDITY_MS + 1_000);
    const { result, events } = w.when({ type: 'AppConfirmSms', phoneId: 'erin-phone', smsCode: sms });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.field).toBe('smsCode');
    expect(events).toEqual([]);
    expect(w.phone('erin-phone').app.device).toBeNull();
  });

  it('R-ACT-1 every activation gets a unique 10-digit App-ID and a fresh 32-byte device key, shared by app and server', () => {
    const w = fixtureWorld();
    // Four phones activated by the fixture, then alice's phone reset and activated again five times.
    for (let i = 0; i < 5; i++) {
      w.ok({ type: 'AppReset', phoneId: 'alice-phone' });
      w.activate('alice-phone', PIN.alice);
    }
    const activations = ofType(w.events, 'DeviceActivated');
    expect(activations).toHaveLength(4 + 5);
    expect(new Set(activations.map((a) => a.appId)).size).toBe(activations.length);
    expect(new Set(activations.map((a) => a.deviceKey)).size).toBe(activations.length);
    for (const a of activations) {
      expect(a.appId).toMatch(new RegExp(`^\\d{${policy.APP_ID_DIGITS}}$`));
      expect(a.deviceKey).toMatch(new RegExp(`^[0-9a-f]{${2 * policy.DEVICE_KEY_BYTES}}$`));
    }
    const device = w.phone('alice-phone').app.device;
    const latest = activations.at(-1);
    expect(device).toMatchObject({ mobile: MOBILE.alice, appId: latest?.appId, deviceKey: latest?.deviceKey });
    expect(w.state.server.devices[device?.deviceId ?? '']).toMatchObject({ appId: device?.appId, deviceKey: device?.deviceKey });
    expect(w.holder(MOBILE.alice).currentDeviceId).toBe(device?.deviceId);
  });

  it('R-ACT-1 given a holder with no PIN, when the SMS code is confirmed, then the app asks for a new 4-digit PIN typed twice', () => {
    const w = worldWithErin();
    w.ok({ type: 'AppStartActivation', phoneId: 'erin-phone', mobile: ERIN.mobile });
    w.ok({ type: 'AppConfirmSms', phoneId: 'erin-phone', smsCode: w.phone('erin-phone').inbox.at(-1)?.code ?? '' });
    expect(w.phone('erin-phone').app.screen).toEqual({ kind: 'first-pin' });
    // No code before a PIN exists.
    expect(w.refused({ type: 'AppEnterPin', phoneId: 'erin-phone', pin: ERIN.pin }).rule).toBe('R-ACT-1');

    const mismatch = w.when({ type: 'AppSetFirstPin', phoneId: 'erin-phone', pin: ERIN.pin, repeat: '8643' });
    expect(mismatch.result.ok).toBe(false);
    if (!mismatch.result.ok) expect(mismatch.result.error.field).toBe('repeat');
    expect(mismatch.events).toEqual([]);
    const short = w.when({ type: 'AppSetFirstPin', phoneId: 'erin-phone', pin: '864', repeat: '864' });
    expect(short.result.ok).toBe(false);
    expect(short.events).toEqual([]);

    const { events } = w.when({ type: 'AppSetFirstPin', phoneId: 'erin-phone', pin: ERIN.pin, repeat: ERIN.pin });
    expect(ofType(events, 'PinSet')).toEqual([expect.objectContaining({ mobile: ERIN.mobile, reason: 'activation' })]);
    expect(w.phone('erin-phone').app.screen).toEqual({ kind: 'pin' });
    expect(w.holder(ERIN.mobile).sealedPin).not.toBeNull();
    expect(w.code('erin-phone', ERIN.pin)).toMatch(/^\d{6}$/);
  });

  it('R-ACT-1 given a holder who has a PIN, when a second phone of the same person is activated, then no PIN is asked and the PIN is kept', () => {
    const w = fixtureWorld();
    const sealedBefore = w.holder(MOBILE.alice).sealedPin;
    w.ok({ type: 'AddPhone', phoneId: 'alice-phone-2', personId: 'alice', label: "alice's new phone" });
    w.ok({ type: 'AppStartActivation', phoneId: 'alice-phone-2', mobile: MOBILE.alice });
    const { events } = w.when({ type: 'AppConfirmSms', phoneId: 'alice-phone-2', smsCode: w.phone('alice-phone-2').inbox.at(-1)?.code ?? '' });
    expect(w.phone('alice-phone-2').app.screen).toEqual({ kind: 'pin' });
    expect(ofType(events, 'PinSet')).toEqual([]);
    expect(ofType(events, 'PinCleared')).toEqual([]);
    expect(w.holder(MOBILE.alice).sealedPin).toEqual(sealedBefore);
    expect(w.code('alice-phone-2', PIN.alice)).toMatch(/^\d{6}$/);
  });

  it('R-ACT-1 given a phone offline, when activation starts, then refused because it needs the network, and no event (no SMS)', () => {
    const w = worldWithErin();
    w.setOnline('erin-phone', false);
    const { result, events } = w.when({ type: 'AppStartActivation', phoneId: 'erin-phone', mobile: ERIN.mobile });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.rule).toBe('R-ACT-1');
      expect(result.error.message).toMatch(/network/);
    }
    expect(events).toEqual([]);
    expect(w.phone('erin-phone').inbox).toEqual([]);
    expect(w.state.server.holders[ERIN.mobile]).toBeUndefined();
  });

  it('R-ACT-1 given an SMS received, when the phone goes offline before confirming or before setting the PIN, then refused and no event', () => {
    const w = worldWithErin();
    w.ok({ type: 'AppStartActivation', phoneId: 'erin-phone', mobile: ERIN.mobile });
    const sms = w.phone('erin-phone').inbox.at(-1)?.code ?? '';
    w.setOnline('erin-phone', false);
    const confirm = w.when({ type: 'AppConfirmSms', phoneId: 'erin-phone', smsCode: sms });
    expect(confirm.result.ok).toBe(false);
    if (!confirm.result.ok) expect(confirm.result.error.rule).toBe('R-ACT-1');
    expect(confirm.events).toEqual([]);
    expect(w.phone('erin-phone').app.device).toBeNull();

    w.setOnline('erin-phone', true);
    w.ok({ type: 'AppConfirmSms', phoneId: 'erin-phone', smsCode: sms });
    w.setOnline('erin-phone', false);
    const setPin = w.when({ type: 'AppSetFirstPin', phoneId: 'erin-phone', pin: ERIN.pin, repeat: ERIN.pin });
    expect(setPin.result.ok).toBe(false);
    if (!setPin.result.ok) expect(setPin.result.error.rule).toBe('R-ACT-1');
    expect(setPin.events).toEqual([]);
    expect(w.holder(ERIN.mobile).sealedPin).toBeNull();
  });
});

describe('R-ACT-2 only the most recently activated device of a number gives valid codes', () => {
  /** alice activates a second phone for her number; her first phone keeps its (now old) device. */
  function aliceWithNewPhone(): { w: TestWorld; oldAppId: string; newAppId: string } {
    const w = fixtureWorld();
    linkEverywhere(w, 'alice');
    const oldAppId = w.phone('alice-phone').app.device?.appId ?? '';
    w.ok({ type: 'AddPhone', phoneId: 'alice-phone-2', personId: 'alice', label: "alice's new phone" });
    w.activate('alice-phone-2', PIN.alice);
    const newAppId = w.phone('alice-phone-2').app.device?.appId ?? '';
    expect(newAppId).not.toBe(oldAppId);
    return { w, oldAppId, newAppId };
  }

  it('R-ACT-2 given an online code the old phone got before the new activation, when it is typed, then Access_Denied with a handset mismatch naming the old App-ID', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'alice');
    const oldAppId = w.phone('alice-phone').app.device?.appId ?? '';
    const code = w.code('alice-phone', PIN.alice);
    w.ok({ type: 'AddPhone', phoneId: 'alice-phone-2', personId: 'alice', label: "alice's new phone" });
    w.activate('alice-phone-2', PIN.alice);
    const newAppId = w.phone('alice-phone-2').app.device?.appId ?? '';
    const { accepted, entry, description } = w.login('acme', 'vpn', 'alice', code);
    expect(accepted).toBe(false);
    expect(entry.type).toBe('Access_Denied');
    expect(description).toBe(`Handset mismatch: code from an older device (App-ID ${oldAppId}); the current app is ${newAppId}`);
  });

  it('R-ACT-2 given a newer device, when the old phone asks for an online code, then it gets none, the app says it was replaced, and no PIN attempt is counted', () => {
    const { w } = aliceWithNewPhone();
    const { events } = w.when({ type: 'AppEnterPin', phoneId: 'alice-phone', pin: '9999' });
    expect(events.filter((e) => e.type === 'OnlineCodeIssued' || e.type === 'PinAttemptFailed')).toEqual([]);
    expect(w.phone('alice-phone').app.notice).toEqual({ kind: 'replaced' });
    expect(w.holder(MOBILE.alice).pinFailures).toBe(0);
    const change = w.when({ type: 'AppChangePin', phoneId: 'alice-phone', currentPin: PIN.alice, newPin: '7777', repeat: '7777' });
    expect(change.events.filter((e) => e.type === 'PinSet')).toEqual([]);
    expect(w.login('acme', 'vpn', 'alice', w.code('alice-phone-2', PIN.alice)).accepted).toBe(true);
  });

  it('R-ACT-2 given a newer device, when the old phone\'s offline code is typed, then Access_Denied with a handset mismatch naming the old App-ID', () => {
    const { w, oldAppId, newAppId } = aliceWithNewPhone();
    w.setOnline('alice-phone', false);
    const code = w.code('alice-phone', PIN.alice);
    expect(code).toMatch(/^\d{8}$/);
    const { accepted, entry, description } = w.login('acme', 'vpn', 'alice', code);
    expect(accepted).toBe(false);
    expect(entry.type).toBe('Access_Denied');
    expect(description).toBe(`Handset mismatch: code from an older device (App-ID ${oldAppId}); the current app is ${newAppId}`);
  });

  it('R-ACT-2 given a newer device, when the new phone\'s online and offline codes are typed, then both are granted', () => {
    const { w } = aliceWithNewPhone();
    expect(w.login('acme', 'vpn', 'alice', w.code('alice-phone-2', PIN.alice)).accepted).toBe(true);
    w.setOnline('alice-phone-2', false);
    const offline = w.login('acme', 'vpn', 'alice', w.code('alice-phone-2', PIN.alice));
    expect(offline).toMatchObject({ accepted: true, description: 'Offline OTP verified' });
  });
});

describe('R-ACT-3 Reset app wipes local data; after a PIN block with no link, reset and re-activation with a new PIN is the way out', () => {
  it('R-ACT-3 given an activated app, when reset, then its local data is gone and it must be activated again', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'alice');
    w.ok({ type: 'AppShowLinks', phoneId: 'alice-phone' });
    expect(w.phone('alice-phone').app.links).not.toEqual([]);
    const oldAppId = w.phone('alice-phone').app.device?.appId;

    const { events } = w.when({ type: 'AppReset', phoneId: 'alice-phone' });
    expect(events).toEqual([{ type: 'AppWiped', phoneId: 'alice-phone' }]);
    expect(w.phone('alice-phone').app).toEqual({ device: null, links: [], pinBlocked: false, screen: { kind: 'activate' }, notice: null });
    expect(w.refused({ type: 'AppEnterPin', phoneId: 'alice-phone', pin: PIN.alice }).rule).toBe('R-ACT-1');

    w.activate('alice-phone', PIN.alice);
    expect(w.phone('alice-phone').app.device?.appId).not.toBe(oldAppId);
    expect(w.login('acme', 'vpn', 'alice', w.code('alice-phone', PIN.alice)).accepted).toBe(true);
  });

  it('R-ACT-3 given a holder with no link, when the 3rd wrong PIN blocks the PIN, then no link and no UBC exist, and the right PIN gives no code', () => {
    const w = fixtureWorld();
    expect(w.link('acme', MOBILE.alice)).toBeUndefined();
    for (const remaining of [2, 1]) {
      w.ok({ type: 'AppEnterPin', phoneId: 'alice-phone', pin: '9999' });
      expect(w.phone('alice-phone').app.notice).toEqual({ kind: 'wrong-pin', attemptsRemaining: remaining });
    }
    const third = w.when({ type: 'AppEnterPin', phoneId: 'alice-phone', pin: '9999' });
    expect(ofType(third.events, 'PinBlockedWithoutLink')).toEqual([{ type: 'PinBlockedWithoutLink', mobile: MOBILE.alice }]);
    expect(ofType(third.events, 'LinkBlocked')).toEqual([]);
    expect(Object.values(w.state.server.links).filter((l) => l.mobile === MOBILE.alice)).toEqual([]);
    // No user at acme, so Manager has no UBC to display.
    expect(w.refused({ type: 'DisplayUbc', by: 'acme-useradmin', orgId: 'acme', mobile: MOBILE.alice }).field).toBe('mobile');
    const { events } = w.when({ type: 'AppEnterPin', phoneId: 'alice-phone', pin: PIN.alice });
    expect(ofType(events, 'OnlineCodeIssued')).toEqual([]);
    expect(w.phone('alice-phone').app.notice).toEqual({ kind: 'pin-blocked', hasUbc: false });
  });

  it('R-ACT-3 given a holder with no link, when the 3rd wrong PIN blocks the PIN, then the app\'s notice says there is no UBC (R-UBC-6)', () => {
    const w = fixtureWorld();
    for (let i = 0; i < policy.MAX_PIN_ATTEMPTS; i++) w.ok({ type: 'AppEnterPin', phoneId: 'alice-phone', pin: '9999' });
    expect(w.holder(MOBILE.alice).pinBlockedWithoutLink).toBe(true);
    // The notice of the blocking attempt itself must not send the holder to look for a UBC that does not exist.
    expect(w.phone('alice-phone').app.notice).toEqual({ kind: 'pin-blocked', hasUbc: false });
  });

  it('R-ACT-3 given a PIN blocked with no link, when the app is reset and activated again, then it asks for a new PIN which works', () => {
    const w = fixtureWorld();
    for (let i = 0; i < policy.MAX_PIN_ATTEMPTS; i++) w.ok({ type: 'AppEnterPin', phoneId: 'alice-phone', pin: '9999' });
    expect(w.holder(MOBILE.alice).pinBlockedWithoutLink).toBe(true);

    w.ok({ type: 'AppReset', phoneId: 'alice-phone' });
    w.ok({ type: 'AppStartActivation', phoneId: 'alice-phone', mobile: MOBILE.alice });
    const { events } = w.when({ type: 'AppConfirmSms', phoneId: 'alice-phone', smsCode: w.phone('alice-phone').inbox.at(-1)?.code ?? '' });
    expect(ofType(events, 'PinCleared')).toEqual([{ type: 'PinCleared', mobile: MOBILE.alice }]);
    expect(w.phone('alice-phone').app.screen).toEqual({ kind: 'first-pin' });
    const newPin = '5678';
    w.ok({ type: 'AppSetFirstPin', phoneId: 'alice-phone', pin: newPin, repeat: newPin });
    expect(w.holder(MOBILE.alice)).toMatchObject({ pinFailures: 0, pinBlockedWithoutLink: false });

    const { accepted } = w.login('acme', 'vpn', 'alice', w.code('alice-phone', newPin));
    expect(accepted).toBe(true);
    w.ok({ type: 'AppEnterPin', phoneId: 'alice-phone', pin: PIN.alice });
    expect(w.phone('alice-phone').app.notice).toEqual({ kind: 'wrong-pin', attemptsRemaining: 2 });
  });
});

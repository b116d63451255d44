// What the server decides on requests from the Code app: activation, codes, PIN changes and unblocking (R-ACT, R-OTP, R-UBC-2).
import type { AppRequest, AppLinkView, ServerReply } from './commands';
import type { ServerResult } from './transaction';
import type { Transaction } from './transaction';
import type { Device, Holder } from './state';
import { isPinBlocked, linksOf, getLink } from './state';
import { invalidField, unknown, notNow } from '../errors';
import { refusal } from '../refusals';
import { constantTimeEqual, isDigits, bytesToHex } from '../crypto/bytes';
import { normalizeMobile } from '../text';
import {
  SMS_CODE_DIGITS, SMS_CODE_VALIDITY_MS, APP_ID_DIGITS, DEVICE_KEY_BYTES, ONLINE_CODE_DIGITS,
  ONLINE_CODE_VALIDITY_MS, UBC_DIGITS, SPENT_UBC_MEMORY_MS,
} from '../policy';
import { checkPinFormat, sealFor, pinMatches, countWrongPin, resetPinCounter } from './pin';
import { countWrongUbc } from './blocking';

/** Decides one request from the app. */
export function decideAppRequest(request: AppRequest, tx: Transaction): ServerResult {
  switch (request.type) {
    case 'RequestSmsCode':
      return requestSmsCode(tx, request.mobile);
    case 'ActivateDevice':
      return activateDevice(tx, request.mobile, request.smsCode);
    case 'SetFirstPin':
      return setFirstPin(tx, request.deviceId, request.pin);
    case 'RequestOnlineCode':
      return requestOnlineCode(tx, request.deviceId, request.pin);
    case 'ChangePin':
      return changePin(tx, request.deviceId, request.currentPin, request.newPin);
    case 'ListLinks':
      return withDevice(tx, request.deviceId, (device) => tx.ok(linksReply(tx, device.mobile)));
    case 'EnterUbc':
      return enterUbc(tx, request.deviceId, request.orgId, request.ubc, null);
    case 'UnblockWithNewPin':
      return enterUbc(tx, request.deviceId, request.orgId, request.ubc, request.newPin);
    default:
      return assertNever(request);
  }
}

function withDevice(tx: Transaction, deviceId: string, then: (device: Device, holder: Holder) => ServerResult): ServerResult {
  const device = tx.state.devices[deviceId];
  const holder = device ? tx.state.holders[device.mobile] : undefined;
  if (!device || !holder) return tx.fail(unknown('deviceId', 'unknownDevice', deviceId, {}));
  return then(device, holder);
}

/** The links the app's icon shows: which orgs it is linked to and which are blocked. */
export function linksReply(tx: Transaction, mobile: string): { kind: 'links'; links: AppLinkView[]; pinBlocked: boolean } {
  const links = linksOf(tx.state, mobile).map((link) => ({
    orgId: link.orgId,
    orgName: tx.state.orgs[link.orgId]?.name ?? link.orgId,
    blocked: link.blocked,
  }));
  return { kind: 'links', links, pinBlocked: isPinBlocked(tx.state, mobile) };
}

// R-ACT-1: activation starts with an SMS code sent to the mobile number.
function requestSmsCode(tx: Transaction, typed: string): ServerResult {
  const mobile = normalizeMobile(typed);
  if (!mobile) return tx.fail(invalidField('mobile', 'mobileFormat', {}, 'R-ACT-1'));
  tx.emit({ type: 'SmsCodeSent', mobile, code: tx.ctx.random.digits(SMS_CODE_DIGITS), at: tx.ctx.now });
  return tx.ok({ kind: 'sms-sent', mobile });
}

// R-ACT-1: the SMS code confirms the number; a new device with a unique App-ID and a fresh key. R-ACT-2: it becomes the current one.
function activateDevice(tx: Transaction, typed: string, smsCode: string): ServerResult {
  const mobile = normalizeMobile(typed);
  if (!mobile) return tx.fail(invalidField('mobile', 'mobileFormat', {}, 'R-ACT-1'));
  const pending = tx.state.holders[mobile]?.pendingSms;
  if (!pending || tx.ctx.now - pending.sentAt > SMS_CODE_VALIDITY_MS) {
    return tx.fail(notNow(refusal('noSmsPending', {}), 'R-ACT-1', 'smsCode'));
  }
  if (!isDigits(smsCode, SMS_CODE_DIGITS) || !constantTimeEqual(smsCode, pending.code)) {
    return tx.fail(invalidField('smsCode', 'smsCodeMismatch', {}, 'R-ACT-1'));
  }
  const deviceId = freshDeviceId(tx);
  const appId = freshAppId(tx);
  const deviceKey = bytesToHex(tx.ctx.random.bytes(DEVICE_KEY_BYTES));
  tx.emit({ type: 'DeviceActivated', mobile, deviceId, appId, deviceKey, at: tx.ctx.now });
  const holder = tx.state.holders[mobile];
  // R-ACT-3, R-UBC-6: a PIN blocked with no link has no UBC; re-activation with a new PIN is the way out.
  if (holder?.pinBlockedWithoutLink) tx.emit({ type: 'PinCleared', mobile });
  const needsPin = !tx.state.holders[mobile]?.sealedPin;
  return tx.ok({ kind: 'activated', deviceId, appId, deviceKey, needsPin });
}

function freshDeviceId(tx: Transaction): string {
  for (;;) {
    const id = `dev-${bytesToHex(tx.ctx.random.bytes(6))}`;
    if (!tx.state.devices[id]) return id;
  }
}

// R-ACT-1: App-IDs are unique.
function freshAppId(tx: Transaction): string {
  const taken = new Set(Object.values(tx.state.devices).map((d) => d.appId));
  for (;;) {
    const id = tx.ctx.random.digits(APP_ID_DIGITS);
    if (!taken.has(id) && id[0] !== '0') return id;
  }
}

// R-ACT-1: a holder with no PIN sets one (typed twice on the phone; the app checks the two match).
function setFirstPin(tx: Transaction, deviceId: string, pin: string): ServerResult {
  return withDevice(tx, deviceId, (device, holder) => {
    const badPin = checkPinFormat('pin', pin, 'R-ACT-1');
    if (badPin) return tx.fail(badPin);
    // R-ACT-2: a replaced app is told so, in the one reply every request of it gets.
    if (holder.currentDeviceId !== device.id) return tx.ok({ kind: 'device-replaced' });
    if (holder.sealedPin) return tx.fail(notNow(refusal('pinAlreadySet', {}), 'R-OTP-4'));
    tx.emit({ type: 'PinSet', mobile: holder.mobile, sealedPin: sealFor(tx, holder.mobile, pin), reason: 'activation' });
    resetPinCounter(tx, holder);
    return tx.ok();
  });
}

// R-OTP-1: a correct PIN gives a 6-digit code valid 120 s and resets the PIN counter; a wrong one counts.
function requestOnlineCode(tx: Transaction, deviceId: string, pin: string): ServerResult {
  return withDevice(tx, deviceId, (device, holder) => {
    const badPin = checkPinFormat('pin', pin);
    if (badPin) return tx.fail(badPin);
    if (!holder.sealedPin) return tx.fail(notNow(refusal('noPinYet', {}), 'R-ACT-1', 'pin'));
    // R-ACT-2: a replaced app gets no more codes and cannot use up the holder's PIN attempts.
    if (holder.currentDeviceId !== device.id) return tx.ok({ kind: 'device-replaced' });
    if (isPinBlocked(tx.state, holder.mobile)) return tx.ok(pinBlockedReply(tx, holder.mobile));
    if (!pinMatches(tx, holder, pin)) return tx.ok(wrongPin(tx, holder.mobile));
    resetPinCounter(tx, holder);
    const code = freshOnlineCode(tx, holder);
    tx.emit({ type: 'OnlineCodeIssued', mobile: holder.mobile, deviceId: device.id, code, at: tx.ctx.now });
    return tx.ok({ kind: 'code', code, issuedAt: tx.ctx.now, expiresAt: tx.ctx.now + ONLINE_CODE_VALIDITY_MS });
  });
}

/** R-UBC-6: a PIN blocked with no link has no UBC; the app must say so. */
function pinBlockedReply(tx: Transaction, mobile: string): ServerReply {
  return { kind: 'pin-blocked', hasUbc: linksOf(tx.state, mobile).length > 0 };
}

/** R-OTP-1: counts a wrong PIN and says how many attempts remain, and whether a UBC exists if it blocked. */
function wrongPin(tx: Transaction, mobile: string): ServerReply {
  const counted = countWrongPin(tx, mobile);
  return { kind: 'pin-wrong', ...counted, hasUbc: linksOf(tx.state, mobile).length > 0 };
}

// R-SEC-3: a code the server still remembers for the holder is never issued again.
function freshOnlineCode(tx: Transaction, holder: Holder): string {
  for (;;) {
    const code = tx.ctx.random.digits(ONLINE_CODE_DIGITS);
    if (!holder.onlineCodes.some((c) => c.code === code)) return code;
  }
}

// R-OTP-4: changing the PIN needs the current PIN and the new one (typed twice on the phone).
function changePin(tx: Transaction, deviceId: string, currentPin: string, newPin: string): ServerResult {
  return withDevice(tx, deviceId, (device, holder) => {
    const bad = checkPinFormat('currentPin', currentPin, 'R-OTP-4') ?? checkPinFormat('newPin', newPin, 'R-OTP-4');
    if (bad) return tx.fail(bad);
    if (!holder.sealedPin) return tx.fail(notNow(refusal('noPinYet', {}), 'R-ACT-1', 'currentPin'));
    if (holder.currentDeviceId !== device.id) return tx.ok({ kind: 'device-replaced' });
    if (isPinBlocked(tx.state, holder.mobile)) return tx.ok(pinBlockedReply(tx, holder.mobile));
    if (!pinMatches(tx, holder, currentPin)) return tx.ok(wrongPin(tx, holder.mobile));
    resetPinCounter(tx, holder);
    tx.emit({ type: 'PinSet', mobile: holder.mobile, sealedPin: sealFor(tx, holder.mobile, newPin), reason: 'change' });
    return tx.ok();
  });
}

/**
 * R-UBC-2: online unblock. A wrong UBC counts (R-UBC-3: the 3rd blocks it). A right UBC unblocks the link.
 * The server decides from its own state whether a new PIN is taken: only while the PIN is blocked, whatever
 * the app sends (an app that was offline a moment ago may think the PIN is still blocked).
 */
function enterUbc(tx: Transaction, deviceId: string, orgId: string, ubc: string, newPin: string | null): ServerResult {
  return withDevice(tx, deviceId, (device, holder) => {
    const org = tx.state.orgs[orgId];
    if (!org) return tx.fail(unknown('orgId', 'unknownOrg', orgId, {}));
    if (!isDigits(ubc, UBC_DIGITS)) return tx.fail(invalidField('ubc', 'exactDigits', { count: UBC_DIGITS }, 'R-UBC-1'));
    if (newPin !== null) {
      const badPin = checkPinFormat('newPin', newPin, 'R-UBC-2');
      if (badPin) return tx.fail(badPin);
    }
    if (holder.currentDeviceId !== device.id) return tx.ok({ kind: 'device-replaced' });
    const link = getLink(tx.state, orgId, holder.mobile);
    const entry = link ? ({ orgId, username: link.username, mobile: holder.mobile, accessServerId: null } as const) : null;
    // R-SEC-3: a UBC this link has spent is a reuse: refused, logged as one, nothing counted.
    if (link && entry && link.spentUbcs.some((spent) => tx.ctx.now - spent.spentAt < SPENT_UBC_MEMORY_MS && constantTimeEqual(spent.ubc, ubc))) {
      tx.log({ ...entry, type: 'UBC_Denied', reason: { kind: 'app-ubc-used' } });
      return tx.ok({ kind: 'ubc-used' });
    }
    if (!link || !entry || !link.blocked || link.ubc === null) {
      if (entry) tx.log({ ...entry, type: 'UBC_Denied', reason: { kind: 'app-ubc-not-blocked' } });
      return tx.fail(notNow(refusal('pinNotBlockedAt', { org: org.name }), 'R-UBC-2', 'orgId'));
    }
    // R-UBC-3: a blocked UBC takes no more entries, so it never counts a 4th wrong one.
    if (link.ubcBlocked) return tx.ok({ kind: 'ubc-blocked' });
    if (!constantTimeEqual(ubc, link.ubc)) {
      const result = countWrongUbc(tx, orgId, holder.mobile);
      tx.log({ ...entry, type: 'UBC_Denied', reason: { kind: 'app-ubc-wrong', ...result } });
      return tx.ok({ kind: 'ubc-wrong', ...result });
    }
    // R-UBC-2: the server's own state decides whether a new PIN is taken now.
    const setsPin = isPinBlocked(tx.state, holder.mobile);
    if (setsPin && newPin === null) return tx.ok({ kind: 'ubc-ok-new-pin-needed' });
    if (setsPin && newPin !== null) {
      tx.emit({ type: 'PinSet', mobile: holder.mobile, sealedPin: sealFor(tx, holder.mobile, newPin), reason: 'unblock' });
      resetPinCounter(tx, holder);
    }
    tx.emit({ type: 'LinkUnblocked', orgId, mobile: holder.mobile, at: tx.ctx.now });
    tx.log({ ...entry, type: 'PIN_Unblocked', reason: { kind: 'app-unblocked', newPinSet: setsPin } });
    return tx.ok({ kind: 'unblocked', newPinSet: setsPin });
  });
}

function assertNever(value: never): never {
  throw new Error(`Unhandled app request ${JSON.stringify(value)}`);
}

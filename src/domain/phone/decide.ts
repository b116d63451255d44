// The Code app's decisions: what it shows and what it asks the server, through the Network only. Refusals are values, not exceptions.
import type { AppCommand } from './commands';
import type { AppDevice, AppNotice, AppScreen, PhoneState } from './state';
import type { PhoneEvent } from './events';
import type { Network } from './network';
import type { AppRequest, ServerReply } from '../server/commands';
import type { RuleId } from '../errors';
import { DomainError, invalidField, notNow } from '../errors';
import { refusal } from '../refusals';
import { isDigits, hexToBytes } from '../crypto/bytes';
import { offlineCode } from '../crypto/offline-code';
import { makeOfflineUnblockCode } from '../crypto/offline-unblock';
import { normalizeMobile } from '../text';
import { PIN_DIGITS, UBC_DIGITS, SMS_CODE_DIGITS, ONLINE_CODE_VALIDITY_MS, OFFLINE_CODE_SCREEN_STEPS } from '../policy';
import { stepOf } from '../server/windows';
import { hasBack } from './view';

/** What the app may read besides its own state: its own clock (R-CLK-2) and the network. */
export interface PhoneContext {
  /** Phone time: server clock + this phone's offset. */
  phoneNow: number;
  network: Network;
}

export type PhoneResult = { ok: true; events: PhoneEvent[] } | { ok: false; error: DomainError };

/** A step of a decision: a value, or the refusal that ends it. */
type Step<T> = T | DomainError;

/** Decides one app command on one phone. */
export function decideApp(command: AppCommand, phone: PhoneState, ctx: PhoneContext): PhoneResult {
  const out = new Output(phone);
  const refused = run(command, phone, ctx, out);
  return refused ? { ok: false, error: refused } : { ok: true, events: out.events };
}

/**
 * R-SEC-3, R-UBC-4: what the app does when its phone comes back online: it refreshes the links it shows, and an
 * unblock screen for an organization that is no longer blocked stops offering codes for that UBC.
 */
export function syncApp(phone: PhoneState, ctx: PhoneContext): PhoneEvent[] {
  const device = phone.app.device;
  if (!device) return [];
  const out = new Output(phone);
  const links = refreshLinks(phone, ctx, out, device);
  const screen = phone.app.screen;
  if (links && (screen.kind === 'unblock-offline-code' || screen.kind === 'unblock-new-pin' || screen.kind === 'unblock-ubc')) {
    const link = links.find((candidate) => candidate.orgId === screen.orgId);
    if (link && !link.blocked) out.show({ kind: 'pin' }, { kind: 'unblock-confirmed', orgName: link.orgName });
  }
  return out.events;
}

class Output {
  readonly events: PhoneEvent[] = [];
  constructor(private readonly phone: PhoneState) {}
  show(screen: AppScreen, notice: AppNotice | null = null): undefined {
    this.events.push({ type: 'AppScreenShown', phoneId: this.phone.id, screen, notice });
    return undefined;
  }
  push(event: PhoneEvent): undefined {
    this.events.push(event);
    return undefined;
  }
}

function deviceOf(phone: PhoneState): Step<AppDevice> {
  return phone.app.device ?? notNow(refusal('notActivated', {}), 'R-ACT-1');
}

function digitsError(field: string, value: string, length: number, rule: RuleId): DomainError | null {
  return isDigits(value, length) ? null : invalidField(field, 'exactDigits', { count: length }, rule);
}

function samePinError(pin: string, repeat: string, rule: RuleId): DomainError | null {
  return digitsError('newPin', pin, PIN_DIGITS, rule) ?? (pin === repeat ? null : invalidField('repeat', 'samePinAgain', {}, rule));
}

/** Sends a request: the reply, the server's refusal, or null because the phone is offline. */
function call(ctx: PhoneContext, request: AppRequest): Step<ServerReply | null> {
  const result = ctx.network.send(request);
  if (result.ok) return result.reply;
  return result.reason === 'refused' ? result.error : null;
}

/** A request that cannot be done offline. */
function needNetwork(ctx: PhoneContext, what: 'activationNeedsNetwork' | 'setPinNeedsNetwork' | 'changePinNeedsNetwork', rule: RuleId, request: AppRequest): Step<ServerReply> {
  const reply = call(ctx, request);
  return reply === null ? notNow(refusal(what, {}), rule) : reply;
}

/** Refreshes the icon's list of linked orgs; keeps the old one when offline. Returns the fresh list, or null. */
function refreshLinks(phone: PhoneState, ctx: PhoneContext, out: Output, device: AppDevice) {
  const reply = call(ctx, { type: 'ListLinks', deviceId: device.deviceId });
  if (reply instanceof DomainError || reply?.kind !== 'links') return null;
  out.push({ type: 'AppLinksUpdated', phoneId: phone.id, links: reply.links, pinBlocked: reply.pinBlocked });
  return reply.links;
}

function unexpected(reply: ServerReply): never {
  // A reply the app does not expect is a bug in the core, not a refusal: fail loudly.
  throw new Error(`The server gave an unexpected reply: ${reply.kind}`);
}

/** The offline codes for this step and the next ones: the screen shows the one for the current phone time. */
function codesAhead(make: (step: number) => string, phoneNow: number): { firstStep: number; codes: string[] } {
  const firstStep = stepOf(phoneNow);
  const codes = Array.from({ length: OFFLINE_CODE_SCREEN_STEPS }, (_, i) => make(firstStep + i));
  return { firstStep, codes };
}

/** Runs one command; returns the refusal, or nothing when it went through. */
function run(command: AppCommand, phone: PhoneState, ctx: PhoneContext, out: Output): DomainError | undefined {
  const app = phone.app;
  switch (command.type) {
    case 'AppStartActivation': {
      // R-ACT-1: activation needs the network; the server sends an SMS code.
      if (app.device) return notNow(refusal('alreadyActivated', {}), 'R-ACT-3');
      const mobile = normalizeMobile(command.mobile);
      if (!mobile) return invalidField('mobile', 'mobileFormat', {}, 'R-ACT-1');
      const reply = needNetwork(ctx, 'activationNeedsNetwork', 'R-ACT-1', { type: 'RequestSmsCode', mobile });
      if (reply instanceof DomainError) return reply;
      return out.show({ kind: 'activate-sms', mobile }, { kind: 'sms-sent', mobile });
    }
    case 'AppConfirmSms': {
      if (app.screen.kind !== 'activate-sms') return notNow(refusal('noActivationWaiting', {}), 'R-ACT-1');
      const bad = digitsError('smsCode', command.smsCode, SMS_CODE_DIGITS, 'R-ACT-1');
      if (bad) return bad;
      const mobile = app.screen.mobile;
      const reply = needNetwork(ctx, 'activationNeedsNetwork', 'R-ACT-1', { type: 'ActivateDevice', mobile, smsCode: command.smsCode });
      if (reply instanceof DomainError) return reply;
      if (reply.kind !== 'activated') return unexpected(reply);
      const device: AppDevice = { deviceId: reply.deviceId, appId: reply.appId, deviceKey: reply.deviceKey, mobile };
      out.push({ type: 'AppActivated', phoneId: phone.id, device });
      refreshLinks(phone, ctx, out, device);
      return out.show(reply.needsPin ? { kind: 'first-pin' } : { kind: 'pin' });
    }
    case 'AppSetFirstPin': {
      const device = deviceOf(phone);
      if (device instanceof DomainError) return device;
      if (app.screen.kind !== 'first-pin') return notNow(refusal('notAskingFirstPin', {}), 'R-ACT-1');
      const bad = samePinError(command.pin, command.repeat, 'R-ACT-1');
      if (bad) return bad;
      const reply = needNetwork(ctx, 'setPinNeedsNetwork', 'R-ACT-1', { type: 'SetFirstPin', deviceId: device.deviceId, pin: command.pin });
      if (reply instanceof DomainError) return reply;
      if (reply.kind === 'device-replaced') return out.show({ kind: 'pin' }, { kind: 'replaced' });
      return out.show({ kind: 'pin' }, { kind: 'pin-set' });
    }
    case 'AppEnterPin':
      return enterPin(command.pin, phone, ctx, out);
    case 'AppOpenUnblock': {
      const device = deviceOf(phone);
      if (device instanceof DomainError) return device;
      refreshLinks(phone, ctx, out, device);
      return out.show({ kind: 'unblock-org' });
    }
    case 'AppChooseUnblockOrg': {
      const device = deviceOf(phone);
      if (device instanceof DomainError) return device;
      if (!app.links.some((link) => link.orgId === command.orgId)) return invalidField('orgId', 'linkedOrg', {}, 'R-UBC-2');
      return out.show({ kind: 'unblock-ubc', orgId: command.orgId });
    }
    case 'AppEnterUbc':
      return enterUbc(command.ubc, phone, ctx, out);
    case 'AppSetUnblockPin':
      return setUnblockPin(command.newPin, command.repeat, phone, ctx, out);
    case 'AppOpenChangePin': {
      const device = deviceOf(phone);
      if (device instanceof DomainError) return device;
      return out.show({ kind: 'change-pin' });
    }
    case 'AppChangePin':
      return changePin(command, phone, ctx, out);
    case 'AppShowLinks': {
      const device = deviceOf(phone);
      if (device instanceof DomainError) return device;
      refreshLinks(phone, ctx, out, device);
      return out.show({ kind: 'links' });
    }
    case 'AppBack':
      // Only a screen with a Back control can be left with it: the screens and a scenario get the same answer.
      if (!hasBack(app.screen)) return notNow(refusal('nothingToGoBack', {}));
      // A blocked PIN stays said on the PIN screen until it is unblocked (R-BLK-1, R-UBC-2).
      if (!app.device) return out.show({ kind: 'activate' });
      return out.show({ kind: 'pin' }, app.pinBlocked ? { kind: 'pin-blocked', hasUbc: app.links.length > 0 } : null);
    case 'AppReset':
      // R-ACT-3: wipes the app's local data; it must be activated again.
      return out.push({ type: 'AppWiped', phoneId: phone.id });
    default:
      return assertNever(command);
  }
}

// R-OTP-1 online, R-OTP-2 offline.
function enterPin(pin: string, phone: PhoneState, ctx: PhoneContext, out: Output): DomainError | undefined {
  const device = deviceOf(phone);
  if (device instanceof DomainError) return device;
  if (phone.app.screen.kind === 'first-pin') return notNow(refusal('setPinFirst', {}), 'R-ACT-1');
  const bad = digitsError('pin', pin, PIN_DIGITS, 'R-OTP-1');
  if (bad) return bad;
  const reply = call(ctx, { type: 'RequestOnlineCode', deviceId: device.deviceId, pin });
  if (reply instanceof DomainError) return reply;
  if (!reply) {
    // R-OTP-2: offline the app cannot check the PIN; it always shows a code from key, PIN and phone time.
    const key = hexToBytes(device.deviceKey);
    const { firstStep, codes } = codesAhead((step) => offlineCode(key, device.appId, pin, step), ctx.phoneNow);
    return out.show({ kind: 'offline-code', firstStep, codes });
  }
  switch (reply.kind) {
    case 'code':
      refreshLinks(phone, ctx, out, device);
      return out.show({ kind: 'online-code', code: reply.code, shownAt: ctx.phoneNow, validForMs: ONLINE_CODE_VALIDITY_MS });
    case 'pin-wrong':
      refreshLinks(phone, ctx, out, device);
      return out.show({ kind: 'pin' }, reply.pinBlocked ? { kind: 'pin-blocked', hasUbc: reply.hasUbc } : { kind: 'wrong-pin', attemptsRemaining: reply.attemptsRemaining });
    case 'device-replaced':
      return out.show({ kind: 'pin' }, { kind: 'replaced' });
    case 'pin-blocked':
      refreshLinks(phone, ctx, out, device);
      return out.show({ kind: 'pin' }, { kind: 'pin-blocked', hasUbc: reply.hasUbc });
    default:
      return unexpected(reply);
  }
}

// R-UBC-2 online; R-UBC-4 offline the app cannot check the UBC and goes on to the new PIN.
function enterUbc(ubc: string, phone: PhoneState, ctx: PhoneContext, out: Output): DomainError | undefined {
  const device = deviceOf(phone);
  if (device instanceof DomainError) return device;
  const screen = phone.app.screen;
  if (screen.kind !== 'unblock-ubc') return notNow(refusal('chooseOrgFirst', {}), 'R-UBC-2');
  const bad = digitsError('ubc', ubc, UBC_DIGITS, 'R-UBC-2');
  if (bad) return bad;
  const reply = call(ctx, { type: 'EnterUbc', deviceId: device.deviceId, orgId: screen.orgId, ubc });
  if (reply instanceof DomainError) return reply;
  if (!reply || reply.kind === 'ubc-ok-new-pin-needed') return out.show({ kind: 'unblock-new-pin', orgId: screen.orgId, ubc });
  return showUbcReply(phone, ctx, out, device, screen.orgId, reply);
}

// R-UBC-2 online: the server decides whether the new PIN is taken. R-UBC-4 offline: the 9-digit code.
function setUnblockPin(newPin: string, repeat: string, phone: PhoneState, ctx: PhoneContext, out: Output): DomainError | undefined {
  const device = deviceOf(phone);
  if (device instanceof DomainError) return device;
  const screen = phone.app.screen;
  if (screen.kind !== 'unblock-new-pin') return notNow(refusal('typeUbcFirst', {}), 'R-UBC-2');
  const bad = samePinError(newPin, repeat, 'R-UBC-2');
  if (bad) return bad;
  const { orgId, ubc } = screen;
  const reply = call(ctx, { type: 'UnblockWithNewPin', deviceId: device.deviceId, orgId, ubc, newPin });
  if (reply instanceof DomainError) return reply;
  if (!reply) {
    // R-UBC-4: the 9-digit code from UBC + new PIN, changing every 30 s, shown with a red circle.
    const key = hexToBytes(device.deviceKey);
    const { firstStep, codes } = codesAhead((step) => makeOfflineUnblockCode({ deviceKey: key, orgId, ubc, newPin, step }), ctx.phoneNow);
    return out.show({ kind: 'unblock-offline-code', orgId, firstStep, codes });
  }
  return showUbcReply(phone, ctx, out, device, orgId, reply);
}

// R-OTP-4: changing the PIN needs the network, the current PIN and the new PIN twice.
function changePin(command: Extract<AppCommand, { type: 'AppChangePin' }>, phone: PhoneState, ctx: PhoneContext, out: Output): DomainError | undefined {
  const device = deviceOf(phone);
  if (device instanceof DomainError) return device;
  const bad = digitsError('currentPin', command.currentPin, PIN_DIGITS, 'R-OTP-4') ?? samePinError(command.newPin, command.repeat, 'R-OTP-4');
  if (bad) return bad;
  const reply = needNetwork(ctx, 'changePinNeedsNetwork', 'R-OTP-4', {
    type: 'ChangePin', deviceId: device.deviceId, currentPin: command.currentPin, newPin: command.newPin,
  });
  if (reply instanceof DomainError) return reply;
  refreshLinks(phone, ctx, out, device);
  switch (reply.kind) {
    case 'done':
      return out.show({ kind: 'pin' }, { kind: 'pin-changed' });
    case 'device-replaced':
      return out.show({ kind: 'pin' }, { kind: 'replaced' });
    case 'pin-wrong':
      return reply.pinBlocked
        ? out.show({ kind: 'pin' }, { kind: 'pin-blocked', hasUbc: reply.hasUbc })
        : out.show({ kind: 'change-pin' }, { kind: 'wrong-pin', attemptsRemaining: reply.attemptsRemaining });
    case 'pin-blocked':
      return out.show({ kind: 'pin' }, { kind: 'pin-blocked', hasUbc: reply.hasUbc });
    default:
      return unexpected(reply);
  }
}

function showUbcReply(phone: PhoneState, ctx: PhoneContext, out: Output, device: AppDevice, orgId: string, reply: ServerReply): undefined {
  refreshLinks(phone, ctx, out, device);
  const orgName = phone.app.links.find((link) => link.orgId === orgId)?.orgName ?? orgId;
  switch (reply.kind) {
    case 'unblocked':
      return out.show({ kind: 'pin' }, { kind: 'unblocked', orgName, newPinSet: reply.newPinSet });
    case 'ubc-wrong':
      return out.show({ kind: 'unblock-ubc', orgId }, reply.ubcBlocked ? { kind: 'ubc-blocked' } : { kind: 'wrong-ubc', attemptsRemaining: reply.attemptsRemaining });
    case 'ubc-blocked':
      return out.show({ kind: 'unblock-ubc', orgId }, { kind: 'ubc-blocked' });
    case 'ubc-used':
      // R-SEC-3: a spent UBC is refused as a reuse; the app offers nothing for it.
      return out.show({ kind: 'unblock-ubc', orgId }, { kind: 'ubc-used' });
    case 'device-replaced':
      return out.show({ kind: 'pin' }, { kind: 'replaced' });
    default:
      return unexpected(reply);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unhandled app command ${JSON.stringify(value)}`);
}

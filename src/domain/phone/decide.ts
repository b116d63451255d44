// The Code app's decisions: what it shows and what it asks the server, through the Network only.
import type { AppCommand } from './commands';
import type { AppDevice, AppNotice, AppScreen, PhoneState } from './state';
import type { PhoneEvent } from './events';
import type { Network, NetworkResult } from './network';
import type { ServerReply } from '../server/commands';
import { DomainError, invalidField, notNow } from '../errors';
import { isDigits, hexToBytes } from '../crypto/bytes';
import { offlineCode } from '../crypto/offline-code';
import { makeOfflineUnblockCode } from '../crypto/offline-unblock';
import { normalizeMobile } from '../text';
import { PIN_DIGITS, UBC_DIGITS, SMS_CODE_DIGITS, ONLINE_CODE_VALIDITY_MS, OFFLINE_CODE_SCREEN_STEPS } from '../policy';
import { stepOf } from '../server/windows';

/** What the app may read besides its own state: its own clock (R-CLK-2) and the network. */
export interface PhoneContext {
  /** Phone time: server clock + this phone's offset. */
  phoneNow: number;
  network: Network;
}

export type PhoneResult = { ok: true; events: PhoneEvent[] } | { ok: false; error: DomainError };

/** Decides one app command on one phone. */
export function decideApp(command: AppCommand, phone: PhoneState, ctx: PhoneContext): PhoneResult {
  const out = new Output(phone);
  try {
    run(command, phone, ctx, out);
    return { ok: true, events: out.events };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, error };
    throw error;
  }
}

class Output {
  readonly events: PhoneEvent[] = [];
  constructor(private readonly phone: PhoneState) {}
  show(screen: AppScreen, notice: AppNotice | null = null): void {
    this.events.push({ type: 'AppScreenShown', phoneId: this.phone.id, screen, notice });
  }
  push(event: PhoneEvent): void {
    this.events.push(event);
  }
}

function requireDevice(phone: PhoneState): AppDevice {
  if (!phone.app.device) throw notNow('The app is not activated yet', 'R-ACT-1');
  return phone.app.device;
}

function requireDigits(field: string, value: string, length: number, rule: `R-${string}-${number}`): void {
  if (!isDigits(value, length)) throw invalidField(field, `must be exactly ${length} digits`, rule);
}

function requireSamePin(pin: string, repeat: string, rule: `R-${string}-${number}`): void {
  requireDigits('newPin', pin, PIN_DIGITS, rule);
  if (pin !== repeat) throw invalidField('repeat', 'must be the same PIN typed again', rule);
}

/** Sends a request; a refusal becomes a thrown DomainError, being offline stays a value. */
function call(ctx: PhoneContext, request: Parameters<Network['send']>[0]): ServerReply | null {
  const result: NetworkResult = ctx.network.send(request);
  if (result.ok) return result.reply;
  if (result.reason === 'refused') throw result.error;
  return null;
}

function needNetwork(ctx: PhoneContext, what: string, rule: `R-${string}-${number}`, request: Parameters<Network['send']>[0]): ServerReply {
  const reply = call(ctx, request);
  if (!reply) throw notNow(`${what} needs the network: turn data traffic on`, rule);
  return reply;
}

/** Refreshes the icon's list of linked orgs; silently keeps the old one when offline. */
function refreshLinks(phone: PhoneState, ctx: PhoneContext, out: Output, device: AppDevice): void {
  const reply = call(ctx, { type: 'ListLinks', deviceId: device.deviceId });
  if (reply?.kind === 'links') out.push({ type: 'AppLinksUpdated', phoneId: phone.id, links: reply.links, pinBlocked: reply.pinBlocked });
}

function unexpected(reply: ServerReply): never {
  throw new Error(`The server gave an unexpected reply: ${reply.kind}`);
}

/** The offline codes for this step and the next ones: the screen shows the one for the current phone time. */
function codesAhead(make: (step: number) => string, phoneNow: number): { firstStep: number; codes: string[] } {
  const firstStep = stepOf(phoneNow);
  const codes = Array.from({ length: OFFLINE_CODE_SCREEN_STEPS }, (_, i) => make(firstStep + i));
  return { firstStep, codes };
}

function run(command: AppCommand, phone: PhoneState, ctx: PhoneContext, out: Output): void {
  const app = phone.app;
  switch (command.type) {
    case 'AppStartActivation': {
      // R-ACT-1: activation needs the network; the server sends an SMS code.
      if (app.device) throw notNow('The app is activated already; reset it to activate again', 'R-ACT-3');
      const mobile = normalizeMobile(command.mobile);
      if (!mobile) throw invalidField('mobile', 'must be a phone number of 6 to 15 digits, optionally starting with +', 'R-ACT-1');
      needNetwork(ctx, 'Activation', 'R-ACT-1', { type: 'RequestSmsCode', mobile });
      return out.show({ kind: 'activate-sms', mobile }, { kind: 'sms-sent', mobile });
    }
    case 'AppConfirmSms': {
      if (app.screen.kind !== 'activate-sms') throw notNow('No activation is waiting for an SMS code', 'R-ACT-1');
      requireDigits('smsCode', command.smsCode, SMS_CODE_DIGITS, 'R-ACT-1');
      const mobile = app.screen.mobile;
      const reply = needNetwork(ctx, 'Activation', 'R-ACT-1', { type: 'ActivateDevice', mobile, smsCode: command.smsCode });
      if (reply.kind !== 'activated') return unexpected(reply);
      const device: AppDevice = { deviceId: reply.deviceId, appId: reply.appId, deviceKey: reply.deviceKey, mobile };
      out.push({ type: 'AppActivated', phoneId: phone.id, device });
      refreshLinks(phone, ctx, out, device);
      return out.show(reply.needsPin ? { kind: 'first-pin' } : { kind: 'pin' });
    }
    case 'AppSetFirstPin': {
      const device = requireDevice(phone);
      if (app.screen.kind !== 'first-pin') throw notNow('The app is not asking for a first PIN', 'R-ACT-1');
      requireSamePin(command.pin, command.repeat, 'R-ACT-1');
      needNetwork(ctx, 'Setting the PIN', 'R-ACT-1', { type: 'SetFirstPin', deviceId: device.deviceId, pin: command.pin });
      return out.show({ kind: 'pin' }, { kind: 'pin-set' });
    }
    case 'AppEnterPin': {
      const device = requireDevice(phone);
      if (app.screen.kind === 'first-pin') throw notNow('Set a PIN first', 'R-ACT-1');
      requireDigits('pin', command.pin, PIN_DIGITS, 'R-OTP-1');
      const reply = call(ctx, { type: 'RequestOnlineCode', deviceId: device.deviceId, pin: command.pin });
      if (!reply) {
        // R-OTP-2: offline the app cannot check the PIN; it always shows a code from key, PIN and phone time.
        const key = hexToBytes(device.deviceKey);
        const { firstStep, codes } = codesAhead((step) => offlineCode(key, device.appId, command.pin, step), ctx.phoneNow);
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
    case 'AppOpenUnblock': {
      requireDevice(phone);
      refreshLinks(phone, ctx, out, requireDevice(phone));
      return out.show({ kind: 'unblock-org' });
    }
    case 'AppChooseUnblockOrg': {
      requireDevice(phone);
      if (!app.links.some((link) => link.orgId === command.orgId)) throw invalidField('orgId', 'must be one of the organizations the app is linked to', 'R-UBC-2');
      return out.show({ kind: 'unblock-ubc', orgId: command.orgId });
    }
    case 'AppEnterUbc': {
      const device = requireDevice(phone);
      if (app.screen.kind !== 'unblock-ubc') throw notNow('Choose the organization to unblock first', 'R-UBC-2');
      requireDigits('ubc', command.ubc, UBC_DIGITS, 'R-UBC-2');
      const orgId = app.screen.orgId;
      const reply = call(ctx, { type: 'EnterUbc', deviceId: device.deviceId, orgId, ubc: command.ubc });
      // R-UBC-4: offline the app cannot check the UBC; it goes on to the new PIN and the 9-digit code.
      if (!reply || reply.kind === 'ubc-ok-new-pin-needed') return out.show({ kind: 'unblock-new-pin', orgId, ubc: command.ubc });
      return showUbcReply(phone, ctx, out, device, orgId, reply);
    }
    case 'AppSetUnblockPin': {
      const device = requireDevice(phone);
      if (app.screen.kind !== 'unblock-new-pin') throw notNow('Type the UBC first', 'R-UBC-2');
      requireSamePin(command.newPin, command.repeat, 'R-UBC-2');
      const { orgId, ubc } = app.screen;
      const reply = call(ctx, { type: 'UnblockWithNewPin', deviceId: device.deviceId, orgId, ubc, newPin: command.newPin });
      if (!reply) {
        // R-UBC-4: the 9-digit code from UBC + new PIN, changing every 30 s, shown with a red circle.
        const key = hexToBytes(device.deviceKey);
        const { firstStep, codes } = codesAhead(
          (step) => makeOfflineUnblockCode({ deviceKey: key, orgId, ubc, newPin: command.newPin, step }),
          ctx.phoneNow,
        );
        return out.show({ kind: 'unblock-offline-code', orgId, firstStep, codes });
      }
      return showUbcReply(phone, ctx, out, device, orgId, reply);
    }
    case 'AppOpenChangePin':
      requireDevice(phone);
      return out.show({ kind: 'change-pin' });
    case 'AppChangePin': {
      const device = requireDevice(phone);
      requireDigits('currentPin', command.currentPin, PIN_DIGITS, 'R-OTP-4');
      requireSamePin(command.newPin, command.repeat, 'R-OTP-4');
      // R-OTP-4: changing the PIN needs the network.
      const reply = needNetwork(ctx, 'Changing the PIN', 'R-OTP-4', {
        type: 'ChangePin', deviceId: device.deviceId, currentPin: command.currentPin, newPin: command.newPin,
      });
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
    case 'AppShowLinks': {
      const device = requireDevice(phone);
      refreshLinks(phone, ctx, out, device);
      return out.show({ kind: 'links' });
    }
    case 'AppBack':
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

function showUbcReply(phone: PhoneState, ctx: PhoneContext, out: Output, device: AppDevice, orgId: string, reply: ServerReply): void {
  refreshLinks(phone, ctx, out, device);
  const orgName = phone.app.links.find((link) => link.orgId === orgId)?.orgName ?? orgId;
  switch (reply.kind) {
    case 'unblocked':
      return out.show({ kind: 'pin' }, { kind: 'unblocked', orgName, newPinSet: reply.newPinSet });
    case 'ubc-wrong':
      return out.show({ kind: 'unblock-ubc', orgId }, reply.ubcBlocked ? { kind: 'ubc-blocked' } : { kind: 'wrong-ubc', attemptsRemaining: reply.attemptsRemaining });
    case 'ubc-blocked':
      return out.show({ kind: 'unblock-ubc', orgId }, { kind: 'ubc-blocked' });
    default:
      return unexpected(reply);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unhandled app command ${JSON.stringify(value)}`);
}

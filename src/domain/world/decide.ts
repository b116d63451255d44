// decide for the world: lab commands here; server commands to the server; app commands to the phone, whose network reaches the server.
import type { WorldCommand, LabCommand } from './commands';
import type { WorldEvent } from './events';
import type { WorldState } from './state';
import type { DecideContext } from '../server/transaction';
import type { ServerReply, AppRequest } from '../server/commands';
import type { ServerState } from '../server/state';
import type { Network, NetworkResult } from '../phone/network';
import type { PhoneState } from '../phone/state';
import { DomainError, invalidField, unknown, notNow } from '../errors';
import { refusal } from '../refusals';
import { decideServer } from '../server/decide';
import { evolveServer } from '../server/evolve';
import { decideApp, syncApp } from '../phone/decide';
import { normalizeMobile, normalizeName } from '../text';
import { phonesWithNumber } from './state';
import { validSpeed } from './clock';
import { MAX_CLOCK_DRIFT_SEARCH_MS, MIN_CLOCK_SPEED, MAX_CLOCK_SPEED } from '../policy';

export type { DecideContext };

export type DecideResult =
  | { ok: true; events: WorldEvent[]; reply: ServerReply }
  | { ok: false; error: DomainError; events: WorldEvent[] };

const ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

/**
 * Decides one world command at server time `ctx.now`. Same state, command and context (seeded random)
 * give the same events, byte for byte. A refused command emits no event (a refused Manager action only
 * its audit entry, R-MGR-1).
 */
export function decide(command: WorldCommand, state: WorldState, ctx: DecideContext): DecideResult {
  const refusedTime = checkTime(state, ctx.now);
  if (refusedTime) return { ok: false, error: refusedTime, events: [] };
  // Every command type starting with "App" is an AppCommand (phone/commands.ts); TS cannot narrow on a prefix.
  if (command.type.startsWith('App')) return decideOnPhone(command as Extract<WorldCommand, { phoneId: string; type: `App${string}` }>, state, ctx);
  switch (command.type) {
    case 'AddPerson':
    case 'AddPhone':
    case 'SetPhoneOnline':
    case 'SetPhoneClockOffset':
    case 'PauseClock':
    case 'ResumeClock':
    case 'SetClockSpeed':
    case 'AdvanceClock':
    case 'SetClock': {
      const result = decideLab(command, state, ctx);
      return result instanceof DomainError ? { ok: false, error: result, events: [] } : { ok: true, events: result, reply: { kind: 'done' } };
    }
    default: {
      // Lab and app commands were handled above; what remains is a server command.
      const result = decideServer(command as Exclude<WorldCommand, LabCommand | { type: `App${string}` }>, state.server, ctx);
      return result.ok ? { ok: true, events: result.events, reply: result.reply } : { ok: false, error: result.error, events: result.events };
    }
  }
}

/**
 * R-CLK-1: the server clock never goes back, not before its last clock event and not before the last command
 * decided; while it is paused, every command happens at the paused time and no other.
 */
function checkTime(state: WorldState, now: number): DomainError | null {
  const { clock } = state;
  if (!Number.isSafeInteger(now)) return new DomainError('clock-backwards', refusal('timeNotWhole', { now: String(now) }), { rule: 'R-CLK-1' });
  const floor = Math.max(clock.now, clock.lastCommandAt);
  if (now < floor) {
    return new DomainError('clock-backwards', refusal('clockBackwards', { now: formatIso(now), floor: formatIso(floor) }), { rule: 'R-CLK-1' });
  }
  if (!clock.running && now !== clock.now) {
    return new DomainError('clock-paused', refusal('clockPaused', { pausedAt: formatIso(clock.now), at: formatIso(now) }), { rule: 'R-CLK-1' });
  }
  return null;
}

function formatIso(ms: number): string {
  return Number.isFinite(ms) && Math.abs(ms) < 8.64e15 ? new Date(ms).toISOString() : String(ms);
}

function decideLab(command: LabCommand, state: WorldState, ctx: DecideContext): WorldEvent[] | DomainError {
  switch (command.type) {
    case 'AddPerson': {
      if (!ID.test(command.personId)) return invalidField('personId', 'labIdFormat', {});
      if (state.people[command.personId]) return new DomainError('already-exists', refusal('personExists', { personId: command.personId }), { field: 'personId' });
      const name = normalizeName(command.name);
      if (name.length === 0 || command.name.trim().length > 80) return invalidField('name', 'textLength', { min: 1, max: 80 });
      const mobile = normalizeMobile(command.mobile);
      if (!mobile) return invalidField('mobile', 'mobileFormat', {});
      if (Object.values(state.people).some((p) => p.mobile === mobile)) {
        return new DomainError('already-exists', refusal('mobileTaken', { mobile }), { field: 'mobile' });
      }
      return [{ type: 'PersonAdded', personId: command.personId, name, mobile }];
    }
    case 'AddPhone': {
      if (!ID.test(command.phoneId)) return invalidField('phoneId', 'labIdFormat', {});
      if (state.phones[command.phoneId]) return new DomainError('already-exists', refusal('phoneExists', { phoneId: command.phoneId }), { field: 'phoneId' });
      if (!state.people[command.personId]) return unknown('personId', 'unknownPerson', command.personId, {});
      const label = normalizeName(command.label);
      if (label.length === 0 || command.label.trim().length > 40) return invalidField('label', 'textLength', { min: 1, max: 40 });
      return [{ type: 'PhoneAdded', phoneId: command.phoneId, personId: command.personId, label }];
    }
    case 'SetPhoneOnline': {
      const phone = state.phones[command.phoneId];
      if (!phone) return unknown('phoneId', 'unknownPhone', command.phoneId, {});
      if (phone.online === command.online) return notNow(refusal(phone.online ? 'phoneOnlineAlready' : 'phoneOfflineAlready', { phone: phone.label }), 'R-CLK-2', 'online');
      const set: WorldEvent = { type: 'PhoneOnlineSet', phoneId: command.phoneId, online: command.online };
      if (!command.online) return [set];
      // Back online, the app syncs with the server (R-SEC-3: an unblock screen for a spent UBC closes).
      const online = { ...phone, online: true };
      return [set, ...syncApp(online, { phoneNow: ctx.now + phone.clockOffsetMs, network: serverNetwork(online, state, ctx, []) })];
    }
    case 'SetPhoneClockOffset':
      // R-CLK-2: drift within the range the server searches for it.
      if (!state.phones[command.phoneId]) return unknown('phoneId', 'unknownPhone', command.phoneId, {});
      if (!Number.isInteger(command.offsetMs) || Math.abs(command.offsetMs) > MAX_CLOCK_DRIFT_SEARCH_MS) {
        return invalidField('offsetMs', 'offsetRange', { max: MAX_CLOCK_DRIFT_SEARCH_MS }, 'R-CLK-2');
      }
      return [{ type: 'PhoneClockOffsetSet', phoneId: command.phoneId, offsetMs: command.offsetMs }];
    case 'PauseClock':
      if (!state.clock.running) return notNow(refusal('clockPausedAlready', {}), 'R-CLK-1');
      return [{ type: 'ClockPaused', at: ctx.now }];
    case 'ResumeClock':
      if (state.clock.running) return notNow(refusal('clockRunningAlready', {}), 'R-CLK-1');
      return [{ type: 'ClockResumed', at: ctx.now }];
    case 'SetClockSpeed':
      if (!validSpeed(command.speed)) return invalidField('speed', 'speedRange', { min: MIN_CLOCK_SPEED, max: MAX_CLOCK_SPEED }, 'R-CLK-1');
      return [{ type: 'ClockSpeedSet', at: ctx.now, speed: command.speed }];
    case 'AdvanceClock':
      if (!Number.isInteger(command.byMs) || command.byMs <= 0) return invalidField('byMs', 'advancePositive', {}, 'R-CLK-1');
      return [{ type: 'ClockSet', from: ctx.now, to: ctx.now + command.byMs }];
    case 'SetClock':
      if (!Number.isInteger(command.toMs) || command.toMs < ctx.now) return invalidField('toMs', 'clockNotBefore', {}, 'R-CLK-1');
      return [{ type: 'ClockSet', from: ctx.now, to: command.toMs }];
    default:
      return assertNever(command);
  }
}

/** Runs an app command on its phone. Requests go through a Network that reaches the server only when the phone is online. */
function decideOnPhone(command: Parameters<typeof decideApp>[0], state: WorldState, ctx: DecideContext): DecideResult {
  const phone = state.phones[command.phoneId];
  if (!phone) return { ok: false, error: unknown('phoneId', 'unknownPhone', command.phoneId, {}), events: [] };
  const events: WorldEvent[] = [];
  const network = serverNetwork(phone, state, ctx, events);
  const result = decideApp(command, phone, { phoneNow: ctx.now + phone.clockOffsetMs, network });
  // A refused app command keeps only what the server recorded about it (such as a logged UBC reuse).
  if (!result.ok) return { ok: false, error: result.error, events };
  return { ok: true, events: [...events, ...result.events], reply: { kind: 'done' } };
}

/** The phone's data connection: reaches the server only while the phone is online. Server events are collected into `events`. */
function serverNetwork(phone: PhoneState, state: WorldState, ctx: DecideContext, events: WorldEvent[]): Network {
  let server: ServerState = state.server;
  return {
    online: phone.online,
    send(request: AppRequest): NetworkResult {
      if (!phone.online) return { ok: false, reason: 'offline' };
      const result = decideServer(request, server, ctx);
      // Events of a refusal (its log or audit entry) are facts too: they are kept with the refusal.
      for (const event of result.events) {
        events.push(event);
        server = evolveServer(server, event);
        // The simulated SMS arrives on every phone with that number (R-ACT-1).
        if (event.type === 'SmsCodeSent') {
          for (const phoneId of phonesWithNumber(state, event.mobile)) events.push({ type: 'SmsDelivered', phoneId, at: event.at, code: event.code });
        }
      }
      return result.ok ? { ok: true, reply: result.reply } : { ok: false, reason: 'refused', error: result.error };
    },
  };
}

function assertNever(value: never): never {
  throw new Error(`Unhandled lab command ${JSON.stringify(value)}`);
}

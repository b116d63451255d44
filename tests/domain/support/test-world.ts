// A world to run rules against in tests: commands in, events folded, a seeded random source and a server clock the test moves.
import { expect } from 'vitest';
import { decide, applyDecided, initialState, makeSeededRandom, DEFAULT_CLOCK_START } from '../../../src/domain';
import type { WorldState, WorldCommand, WorldEvent, DecideResult, DomainError, EventLogEntry, Link, Holder, PhoneState, AuditEntry } from '../../../src/domain';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes, hexToBytes } from '../../../src/domain/crypto/bytes';
import { offlineCode } from '../../../src/domain/crypto/offline-code';
import { makeOfflineUnblockCode } from '../../../src/domain/crypto/offline-unblock';
import { stepOf } from '../../../src/domain/server/windows';
import { describeEvent } from '../../../src/i18n/describe-event';

/** Runs commands against a world and keeps every event, as the journal will. */
export class TestWorld {
  state: WorldState;
  readonly events: WorldEvent[] = [];
  /** The event log and the audit log as their read models hold them (R-MGR-4, R-MGR-5). */
  readonly eventLog: EventLogEntry[] = [];
  readonly auditLog: AuditEntry[] = [];
  /** Every command that produced events: when it ran and what it produced, as the journal keeps them. */
  readonly journal: { at: number; events: WorldEvent[] }[] = [];
  now: number;
  private seq = 0;
  private readonly serverKey: Uint8Array;

  constructor(readonly seed = 'test-seed', start = DEFAULT_CLOCK_START) {
    this.state = initialState(start);
    this.now = start;
    this.serverKey = sha256(utf8ToBytes(`server-key:${seed}`));
  }

  /** Decides one command at the current server time and folds its events, refused or not. */
  run(command: WorldCommand): DecideResult {
    this.seq += 1;
    const result = decide(command, this.state, { now: this.now, random: makeSeededRandom(this.seed, this.seq), serverKey: this.serverKey });
    this.events.push(...result.events);
    for (const event of result.events) {
      if (event.type === 'EventLogged') this.eventLog.push(event.entry);
      if (event.type === 'AuditRecorded') this.auditLog.push(event.entry);
    }
    // As the journal: a command that produced no event is not kept, and changes nothing (R-CLK-1 included).
    if (result.events.length > 0) {
      this.journal.push({ at: this.now, events: result.events });
      this.state = applyDecided(this.state, this.now, result.events);
    }
    return result;
  }

  /** The world folded again from nothing, entry by entry, as replay does. */
  replay(start = DEFAULT_CLOCK_START): WorldState {
    return this.journal.reduce((state, entry) => applyDecided(state, entry.at, entry.events), initialState(start));
  }

  /** Runs a command that must succeed. */
  ok(command: WorldCommand): Extract<DecideResult, { ok: true }> {
    const result = this.run(command);
    if (!result.ok) throw new Error(`${command.type} was refused: ${result.error.message}`);
    return result;
  }

  /** Runs a command that must be refused; returns the error. */
  refused(command: WorldCommand): DomainError {
    const result = this.run(command);
    if (result.ok) throw new Error(`${command.type} was accepted, expected a refusal`);
    return result.error;
  }

  /** Runs a command and returns only the events it produced (given / when / then). */
  when(command: WorldCommand): { result: DecideResult; events: WorldEvent[] } {
    const before = this.events.length;
    const result = this.run(command);
    return { result, events: this.events.slice(before) };
  }

  /** Moves the server clock forward (the test's clock, R-CLK-1). */
  advance(ms: number): void {
    this.ok({ type: 'AdvanceClock', byMs: ms });
    this.now += ms;
  }

  phone(phoneId: string): PhoneState {
    const phone = this.state.phones[phoneId];
    if (!phone) throw new Error(`no phone ${phoneId}`);
    return phone;
  }

  holder(mobile: string): Holder {
    const holder = this.state.server.holders[mobile];
    if (!holder) throw new Error(`no holder ${mobile}`);
    return holder;
  }

  link(orgId: string, mobile: string): Link | undefined {
    return Object.values(this.state.server.links).find((l) => l.orgId === orgId && l.mobile === mobile);
  }

  /** The newest event-log entry at an org. */
  lastLog(orgId: string): EventLogEntry {
    const entries = this.eventLog.filter((e) => e.orgId === orgId);
    const last = entries[entries.length - 1];
    if (!last) throw new Error(`no event-log entry at ${orgId}`);
    return last;
  }

  lastAudit(orgId: string): AuditEntry {
    const entries = this.auditLog.filter((e) => e.orgId === orgId);
    const last = entries[entries.length - 1];
    if (!last) throw new Error(`no audit entry at ${orgId}`);
    return last;
  }

  /** Types username + code at an access server; returns whether it was accepted and the entry it wrote. */
  login(orgId: string, accessServerId: string, username: string, code: string): { accepted: boolean; entry: EventLogEntry; description: string } {
    const before = this.state.server.eventLogCount;
    const result = this.ok({ type: 'Login', orgId, accessServerId, username, code });
    // R-VER-8: exactly one entry per attempt.
    expect(this.eventLog.filter((e) => e.seq > before && e.orgId === orgId && e.accessServerId !== null)).toHaveLength(1);
    const entry = this.lastLog(orgId);
    if (result.reply.kind !== 'login') throw new Error('a login must reply accepted or not');
    return { accepted: result.reply.accepted, entry, description: describeEvent(entry.reason) };
  }

  /** Activates the app on a phone with its owner's number and sets `pin` when asked for one (R-ACT-1). */
  activate(phoneId: string, pin: string): void {
    const phone = this.phone(phoneId);
    const mobile = this.state.people[phone.personId]?.mobile;
    if (!mobile) throw new Error(`phone ${phoneId} has no owner`);
    this.ok({ type: 'AppStartActivation', phoneId, mobile });
    const sms = this.phone(phoneId).inbox.at(-1);
    if (!sms) throw new Error('no SMS arrived');
    this.ok({ type: 'AppConfirmSms', phoneId, smsCode: sms.code });
    if (this.phone(phoneId).app.screen.kind === 'first-pin') this.ok({ type: 'AppSetFirstPin', phoneId, pin, repeat: pin });
  }

  /** Types the PIN on the phone; returns the code its screen shows (6 digits online, 8 offline). */
  code(phoneId: string, pin: string): string {
    this.ok({ type: 'AppEnterPin', phoneId, pin });
    const screen = this.phone(phoneId).app.screen;
    if (screen.kind === 'online-code') return screen.code;
    if (screen.kind === 'offline-code') return this.shownCode(phoneId, screen.firstStep, screen.codes);
    throw new Error(`no code on screen, notice: ${JSON.stringify(this.phone(phoneId).app.notice)}`);
  }

  /** The code of a per-step screen for the phone's current time (R-CLK-2). */
  shownCode(phoneId: string, firstStep: number, codes: string[]): string {
    const code = codes[stepOf(this.now + this.phone(phoneId).clockOffsetMs) - firstStep];
    if (!code) throw new Error('the code on screen has run out');
    return code;
  }

  /** An offline code as the app would compute it for this phone's time, without touching the world. */
  offlineCodeFor(phoneId: string, pin: string, atServerTime = this.now): string {
    const device = this.phone(phoneId).app.device;
    if (!device) throw new Error('not activated');
    return offlineCode(hexToBytes(device.deviceKey), device.appId, pin, stepOf(atServerTime + this.phone(phoneId).clockOffsetMs));
  }

  /** An offline unblock code as the app would compute it, without touching the world. */
  unblockCodeFor(phoneId: string, orgId: string, ubc: string, newPin: string, atServerTime = this.now): string {
    const device = this.phone(phoneId).app.device;
    if (!device) throw new Error('not activated');
    return makeOfflineUnblockCode({ deviceKey: hexToBytes(device.deviceKey), orgId, ubc, newPin, step: stepOf(atServerTime + this.phone(phoneId).clockOffsetMs) });
  }

  /** The UBC an administrator reads out with Display UBC (R-UBC-1). */
  displayUbc(adminId: string, orgId: string, mobile: string): string {
    const result = this.ok({ type: 'DisplayUbc', by: adminId, orgId, mobile });
    if (result.reply.kind !== 'ubc') throw new Error('Display UBC must reply with the UBC');
    return result.reply.ubc;
  }

  setOnline(phoneId: string, online: boolean): void {
    this.ok({ type: 'SetPhoneOnline', phoneId, online });
  }
}

/** Events of one type from a list. */
export function ofType<T extends WorldEvent['type']>(events: readonly WorldEvent[], type: T): Extract<WorldEvent, { type: T }>[] {
  return events.filter((e): e is Extract<WorldEvent, { type: T }> => e.type === type);
}

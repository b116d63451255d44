// Collects the events one command decides, folding them as it goes so later checks see earlier effects.
import type { RandomSource } from '../random';
import type { DomainError } from '../errors';
import type { ServerEvent } from './events';
import type { ServerReply } from './commands';
import type { ServerState } from './state';
import type { EventLogEntry, AuditEntry } from './log';
import { evolveServer } from './evolve';

/** What a decision may read besides state: server time (R-CLK-1), randomness and the server key (R-SEC-1). */
export interface DecideContext {
  /** Server clock, ms since the Unix epoch. */
  now: number;
  random: RandomSource;
  /** R-SEC-1: the key the PIN is sealed under. */
  serverKey: Uint8Array;
  /**
   * Optional memory of sealed PINs already opened under `serverKey` (replay decides thousands of commands
   * against the same few sealed PINs). Keyed by the sealed object itself; never stored anywhere (R-SEC-1).
   */
  openedPins?: WeakMap<object, string | null>;
}

export type ServerResult =
  | { ok: true; events: ServerEvent[]; reply: ServerReply }
  | { ok: false; error: DomainError; events: ServerEvent[] };

/** A scratch fold of one command's events. Local mutation only; the result is plain data. */
export class Transaction {
  readonly events: ServerEvent[] = [];
  private current: ServerState;

  constructor(
    start: ServerState,
    readonly ctx: DecideContext,
  ) {
    this.current = start;
  }

  get state(): ServerState {
    return this.current;
  }

  emit(...events: ServerEvent[]): void {
    for (const event of events) {
      this.events.push(event);
      this.current = evolveServer(this.current, event);
    }
  }

  /** R-MGR-4, R-VER-8: appends one event-log entry, numbered after the ones before it. */
  log(entry: Omit<EventLogEntry, 'seq' | 'at'>): void {
    this.emit({ type: 'EventLogged', entry: { seq: this.current.eventLogCount + 1, at: this.ctx.now, ...entry } });
  }

  /** R-MGR-5: appends one audit entry. */
  audit(entry: Omit<AuditEntry, 'seq' | 'at'>): void {
    this.emit({ type: 'AuditRecorded', entry: { seq: this.current.auditLogCount + 1, at: this.ctx.now, ...entry } });
  }

  ok(reply: ServerReply = { kind: 'done' }): ServerResult {
    return { ok: true, events: this.events, reply };
  }

  /** A refusal. Keeps only the events that record the refusal itself (R-MGR-1 audit), which the caller emitted. */
  fail(error: DomainError): ServerResult {
    return { ok: false, error, events: this.events };
  }
}

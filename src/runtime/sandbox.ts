// One open sandbox: its state from the newest checkpoint and the journal after it, commands appended one transaction each, verified in full in the background.
import { initialState, simulatedNow, DomainError } from '../domain';
import type { WorldCommand, WorldState, ServerReply, WorldEvent } from '../domain';
import type { SandboxDb, SandboxRow, JournalRow, CheckpointRow } from '../storage/db';
import { JOURNAL_FORMAT_VERSION, sandboxRange } from '../storage/db';
import { GENESIS_HASH, verifyChain } from './hash-chain';
import { foldEntries, serverKeyFor } from './journal';
import type { Entry } from './journal';
import { DexieLogs, logRowsOf } from './dexie-logs';
import type { LogReader } from './log-read-model';
import type { VerifyProgress, VerifyReport } from './verify';
import type { Finding } from './reverify';
import { CHECKPOINT_EVERY } from './sandbox-store';
import { announce, listen } from './tab-signal';
import { SANDBOX_PROBLEMS_EN, renderSandboxProblem, sandboxProblem } from './sandbox-problems';
import type { SandboxProblem } from './sandbox-problems';

export { CHECKPOINT_EVERY };

/** The world after journal entry `seq` (whose hash is `hash`), as the runtime kept it: a checkpoint row without its sandbox. */
export type Checkpoint = Omit<CheckpointRow, 'sandboxId'>;

/** Whether the sandbox's history proved itself: still being checked, checked, or the first difference found. */
export type Integrity =
  | { ok: true; verifying: VerifyProgress | null }
  | { ok: false; problem: Finding; verified: number };

export type DispatchResult =
  | { ok: true; seq: number; entry: Entry; reply: ServerReply; refusal: DomainError | null }
  | { ok: false; error: DomainError | SandboxError };

/** Runs the full verification of a sandbox somewhere (a Web Worker in the browser, in process in Node). */
export type VerifierPort = (dbName: string, db: SandboxDb, sandboxId: string, onProgress: (p: VerifyProgress) => void) => Promise<VerifyReport>;

/** In process: what Node (the headless runner, the tests) uses. The verifier and the deciding core load with it. */
export const inProcessVerifier: VerifierPort = async (_name, db, sandboxId, onProgress) => (await import('./verify')).verifySandbox(db, sandboxId, onProgress);

/** The deciding core (append.ts and with it decide and the crypto): loaded with the first command, not with the page. */
let appendModule: Promise<typeof import('./append')> | null = null;
function loadAppend(): Promise<typeof import('./append')> {
  // A load that failed (the network gone before the first visit was cached) is tried again with the next command.
  appendModule ??= import('./append').catch((error: unknown) => {
    appendModule = null;
    throw error;
  });
  return appendModule;
}

/** Loads the deciding core ahead of the first command (a page calls this once it is idle after painting). */
export function prepareCommands(): void {
  void loadAppend();
}

/** Refusals of the runtime itself (a damaged journal, a sandbox deleted in another tab, storage full, the past being replayed). */
export class SandboxError extends Error {
  override readonly name = 'SandboxError';
  /** The runtime's own refusals as data (src/i18n renders them in either language); null for words given ready-made. */
  readonly text: SandboxProblem | null;
  /** `words`: the problem as data, or words already in the screen's language (the screens' own refusals: replaying, guarded). */
  constructor(
    readonly code: 'journal-damaged' | 'sandbox-missing' | 'storage-full' | 'storage-failed' | 'replaying' | 'guarded',
    words: string | SandboxProblem,
  ) {
    super(typeof words === 'string' ? words : renderSandboxProblem(SANDBOX_PROBLEMS_EN, words));
    this.text = typeof words === 'string' ? null : words;
  }
}

/** How often one dispatch catches up with other tabs before it gives up (they would have to write faster than it decides). */
const MAX_CATCH_UPS = 1_000;

/** The stored head moved on since this tab decided: another tab appended or reset. */
class StaleHead extends Error {
  override readonly name = 'StaleHead';
}

const CLOCK_EVENTS: ReadonlySet<WorldEvent['type']> = new Set(['ClockPaused', 'ClockResumed', 'ClockSpeedSet', 'ClockSet']);

type Head = { seq: number; hash: string; at: number };

function toEntry(row: JournalRow): Entry {
  return { seq: row.seq, at: row.at, command: row.command, events: row.events, prevHash: row.prevHash, hash: row.hash };
}

/** Reads journal rows after `afterSeq`, in order. */
export function readJournal(db: SandboxDb, sandboxId: string, afterSeq = 0): Promise<JournalRow[]> {
  return db.journal.where('[sandboxId+seq]').between(...sandboxRange(sandboxId, afterSeq + 1), true, true).toArray();
}

/** The state after entry `seq`: the newest checkpoint at or before it, and the entries after that folded on. */
export async function stateAt(db: SandboxDb, sandboxId: string, seq: number): Promise<{ state: WorldState; head: Head }> {
  const checkpoint = seq > 0 ? await db.checkpoints.where('[sandboxId+seq]').between(...sandboxRange(sandboxId, 1, seq), true, true).last() : undefined;
  const from = checkpoint?.seq ?? 0;
  const rows = await db.journal.where('[sandboxId+seq]').between(...sandboxRange(sandboxId, from + 1, seq), true, true).toArray();
  const state = foldEntries(checkpoint?.state ?? initialState(), rows.map(toEntry));
  const last = rows[rows.length - 1];
  const head = last ? { seq: last.seq, hash: last.hash, at: last.at } : { seq: from, hash: checkpoint?.hash ?? GENESIS_HASH, at: state.clock.lastCommandAt };
  return { state, head };
}

/**
 * The world just before and just after entry `seq` (replay and its inspector), with that entry: one checkpoint read
 * and one range of the journal, the entry folded last.
 */
export async function statesAround(db: SandboxDb, sandboxId: string, seq: number): Promise<{ before: WorldState; after: WorldState; entry: Entry | null }> {
  const checkpoint = seq > 1 ? await db.checkpoints.where('[sandboxId+seq]').between(...sandboxRange(sandboxId, 1, seq - 1), true, true).last() : undefined;
  const from = checkpoint?.seq ?? 0;
  const rows = (await db.journal.where('[sandboxId+seq]').between(...sandboxRange(sandboxId, from + 1, seq), true, true).toArray()).map(toEntry);
  const last = rows[rows.length - 1];
  const entry = last && last.seq === seq ? last : null;
  const before = foldEntries(checkpoint?.state ?? initialState(), entry ? rows.slice(0, -1) : rows);
  return { before, after: entry ? foldEntries(before, [entry]) : before, entry };
}

/**
 * Quick checks at open, before the full verification: the tail links to the checkpoint and ends at the row's head.
 * Returns how many tail entries hold, and the first problem.
 */
function quickCheck(row: SandboxRow, from: { seq: number; hash: string }, tail: readonly Entry[]): { good: number; problem: Finding | null } {
  const chain = verifyChain(tail, from.seq, from.hash);
  if (chain.problem) {
    const { kind, seq } = chain.problem;
    return { good: chain.good, problem: kind === 'head-mismatch' ? { kind: 'head', seq, headSeq: row.headSeq } : { kind, seq } };
  }
  const lastSeq = from.seq + tail.length;
  if (lastSeq !== row.headSeq || chain.lastHash !== row.headHash) return { good: chain.good, problem: { kind: 'head', seq: Math.min(lastSeq, row.headSeq) + 1, headSeq: row.headSeq } };
  return { good: chain.good, problem: null };
}

export class Sandbox {
  private listeners = new Set<() => void>();
  private unwatch: (() => void) | null = null;
  /** This tab's name as a writer, so it ignores the signals of its own commands. */
  private readonly writer = crypto.randomUUID();
  private queue: Promise<unknown> = Promise.resolve();
  private lastNow = 0;
  private closed = false;
  private verification: Promise<Integrity> = Promise.resolve({ ok: true, verifying: null });
  /** Event-log and audit-log queries, on the read models written with each entry. */
  readonly logs: LogReader;

  private constructor(
    private readonly db: SandboxDb,
    private row: SandboxRow,
    private current: WorldState,
    private head: Head,
    private integrityState: Integrity,
    private readonly wallClock: () => number,
    private readonly serverKey: Uint8Array,
  ) {
    this.logs = new DexieLogs(db, row.id);
  }

  /**
   * Opens a sandbox with usable state at once (the newest checkpoint and the entries after it), then verifies the
   * whole history in the background through `verifier`; a difference found there refuses further commands.
   */
  static async open(db: SandboxDb, sandboxId: string, wallClock: () => number = () => Date.now(), verifier: VerifierPort = inProcessVerifier): Promise<Sandbox> {
    const first = await db.sandboxes.get(sandboxId);
    if (!first) throw new SandboxError('sandbox-missing', sandboxProblem('noSandbox', { sandboxId }));
    if ((first.format ?? 1) < JOURNAL_FORMAT_VERSION) {
      const { upgradeSandbox } = await import('./upgrade');
      await upgradeSandbox(db, sandboxId);
      return Sandbox.open(db, sandboxId, wallClock, verifier);
    }
    // The row, the checkpoint and the journal read together: another tab appending meanwhile cannot split them.
    const read = await db.transaction('r', [db.sandboxes, db.checkpoints, db.journal], async () => {
      const row = await db.sandboxes.get(sandboxId);
      return row ? { row, loaded: await Sandbox.load(db, row) } : null;
    });
    if (!read) throw new SandboxError('sandbox-missing', sandboxProblem('noSandbox', { sandboxId }));
    const { row, loaded } = read;
    const sandbox = new Sandbox(db, row, loaded.state, loaded.head, loaded.problem ? { ok: false, problem: loaded.problem, verified: loaded.head.seq } : { ok: true, verifying: { checked: 0, total: row.headSeq } }, wallClock, serverKeyFor(row.seed));
    // Even when the quick check found something, the full check runs: it names the first difference, which may lie earlier.
    sandbox.startVerification(verifier);
    return sandbox;
  }

  private static async load(db: SandboxDb, row: SandboxRow): Promise<{ state: WorldState; head: Head; problem: Finding | null }> {
    const checkpoint = await db.checkpoints.where('[sandboxId+seq]').between(...sandboxRange(row.id, 1), true, true).last();
    const from = checkpoint ? { seq: checkpoint.seq, hash: checkpoint.hash } : { seq: 0, hash: GENESIS_HASH };
    const tail = (await readJournal(db, row.id, from.seq)).map(toEntry);
    // A damaged tail: only the entries before the damage are shown.
    const { good, problem } = quickCheck(row, from, tail);
    const held = tail.slice(0, good);
    const state = foldEntries(checkpoint?.state ?? initialState(), held);
    const last = held[held.length - 1];
    const head = last ? { seq: last.seq, hash: last.hash, at: last.at } : { seq: from.seq, hash: from.hash, at: state.clock.lastCommandAt };
    return { state, head, problem };
  }

  /** Settles when the background verification has finished: the integrity it found. */
  whenVerified(): Promise<Integrity> {
    return this.verification;
  }

  private startVerification(verifier: VerifierPort): void {
    const quick = this.integrityState.ok ? null : this.integrityState;
    this.verification = verifier(this.db.name, this.db, this.row.id, (progress) => {
      if (this.closed || !this.integrityState.ok) return;
      this.integrityState = { ok: true, verifying: progress };
      this.notify();
    }).then(
      (report) => {
        if (this.closed) return this.integrityState;
        if (report.ok) this.integrityState = quick ?? { ok: true, verifying: null };
        else this.integrityState = { ok: false, problem: report.finding ?? { kind: 'changed', seq: report.checked + 1 }, verified: report.checked };
        this.notify();
        return this.integrityState;
      },
      (error: unknown) => {
        if (this.closed) return this.integrityState;
        // A verifier that cannot run proves nothing: say so rather than claim the history is good.
        console.error(error);
        this.integrityState = { ok: false, problem: { kind: 'changed', seq: 0 }, verified: 0 };
        this.notify();
        return this.integrityState;
      },
    );
  }

  get id(): string {
    return this.row.id;
  }
  get info(): Readonly<SandboxRow> {
    return this.row;
  }
  get state(): WorldState {
    return this.current;
  }
  get seq(): number {
    return this.head.seq;
  }
  get integrity(): Integrity {
    return this.integrityState;
  }

  /** Simulated server time now (R-CLK-1): the clock's time, run on from its wall-clock anchor; never before the last entry. */
  now(): number {
    return this.timeAt(this.current, this.row, this.head.at);
  }

  /**
   * R-CLK-1: a paused clock reads exactly its time (the same in every tab); a running one runs on from its
   * anchor and never goes back, even when the wall clock is set back. Never before the last entry.
   */
  private timeAt(state: WorldState, row: SandboxRow, lastAt: number): number {
    if (!state.clock.running) return state.clock.now;
    this.lastNow = Math.max(simulatedNow(state.clock, this.wallClock() - row.clockAnchorWall), lastAt, state.clock.lastCommandAt, this.lastNow);
    return this.lastNow;
  }

  /** Calls `listener` whenever the state or the integrity changes, here or in another tab. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  /** Follows the journal as other tabs append to it, reset it or rename the sandbox (a BroadcastChannel signal). */
  watchOtherTabs(): void {
    if (this.unwatch) return;
    this.unwatch = listen(this.db.name, this.row.id, this.writer, () => void this.serialized(() => this.catchUp()));
  }

  close(): void {
    this.closed = true;
    this.unwatch?.();
    this.unwatch = null;
    this.listeners.clear();
  }

  /** Runs tasks of this tab one after another. */
  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Brings state up to the stored head: the entries other tabs appended, or everything again after a reset elsewhere. */
  private async follow(row: SandboxRow, state: WorldState, head: Head): Promise<{ state: WorldState; head: Head; problem: Finding | null }> {
    if (row.headSeq === head.seq && row.headHash === head.hash) return { state, head, problem: null };
    const tail = row.headSeq > head.seq ? (await readJournal(this.db, row.id, head.seq)).map(toEntry) : [];
    if (tail.length > 0 && quickCheck(row, head, tail).problem === null) {
      const last = tail[tail.length - 1] as Entry; // tail is not empty
      return { state: foldEntries(state, tail), head: { seq: last.seq, hash: last.hash, at: last.at }, problem: null };
    }
    // Not an append to what we hold: the journal was replaced (reset in another tab). Load it afresh.
    this.lastNow = 0;
    return Sandbox.load(this.db, row);
  }

  /** Reads what other tabs appended since our head and folds it; reloads everything if the journal was replaced. */
  async catchUp(): Promise<void> {
    const db = this.db;
    // Read as one: the row and the entries it names, so entries appended meanwhile do not look like damage.
    const read = await db.transaction('r', [db.sandboxes, db.checkpoints, db.journal], async () => {
      const row = await db.sandboxes.get(this.row.id);
      return row ? { row, followed: await this.follow(row, this.current, this.head) } : null;
    });
    if (!read) return;
    const { row, followed } = read;
    this.current = followed.state;
    this.head = followed.head;
    if (followed.problem) this.integrityState = { ok: false, problem: followed.problem, verified: followed.head.seq };
    this.row = row;
    this.notify();
  }

  /**
   * Decides `command` at the current simulated time and appends it, its read-model rows and (every
   * CHECKPOINT_EVERY entries) a checkpoint in one transaction, so entries from several tabs interleave without loss.
   */
  dispatch(command: WorldCommand): Promise<DispatchResult> {
    return this.serialized(() => this.dispatchNow(command));
  }

  /**
   * Decides on the state this tab holds, then writes in one transaction over only the tables the entry touches,
   * after checking that the stored head is still ours. Another tab appended or reset meanwhile: catch up, decide
   * again. So the transaction does one read and the writes, and a refusal writes nothing.
   */
  private async dispatchNow(command: WorldCommand): Promise<DispatchResult> {
    const db = this.db;
    const { append } = await loadAppend();
    for (let attempt = 0; ; attempt++) {
      if (!this.integrityState.ok) {
        return { ok: false, error: new SandboxError('journal-damaged', sandboxProblem('journalDamaged', { seq: this.integrityState.problem.seq })) };
      }
      const { current: state, head, row } = this;
      const wall = this.wallClock();
      const result = append(state, head, command, this.timeAt(state, row, head.at), row.seed, this.serverKey);
      const logs = result.ok ? logRowsOf(row.id, result.entry) : { events: [], audits: [] };
      const checkpoint = result.ok && result.entry.seq % CHECKPOINT_EVERY === 0;
      const tables = [db.sandboxes, ...(result.ok ? [db.journal] : []), ...(logs.events.length > 0 ? [db.eventLog] : []), ...(logs.audits.length > 0 ? [db.auditLog] : []), ...(checkpoint ? [db.checkpoints] : [])];
      let nextRow: SandboxRow | null = null;
      try {
        const outcome = await db.transaction(result.ok ? 'rw' : 'r', tables, async (): Promise<DispatchResult> => {
          const stored = await db.sandboxes.get(row.id);
          if (!stored) return { ok: false, error: new SandboxError('sandbox-missing', sandboxProblem('deletedElsewhere', {})) };
          if (stored.headSeq !== head.seq || stored.headHash !== head.hash) throw new StaleHead();
          if (!result.ok) return { ok: false, error: result.error };
          const { entry } = result;
          const movesClock = entry.events.some((event) => CLOCK_EVENTS.has(event.type));
          // From the stored row: a rename in another tab is kept.
          nextRow = { ...stored, headSeq: entry.seq, headHash: entry.hash, clockAnchorWall: movesClock ? wall : stored.clockAnchorWall };
          await db.journal.add({ sandboxId: row.id, ...entry });
          if (logs.events.length > 0) await db.eventLog.bulkAdd(logs.events);
          if (logs.audits.length > 0) await db.auditLog.bulkAdd(logs.audits);
          if (checkpoint) await db.checkpoints.put({ sandboxId: row.id, seq: entry.seq, hash: entry.hash, state: result.state });
          await db.sandboxes.put(nextRow);
          return { ok: true, seq: entry.seq, entry, reply: result.reply, refusal: result.refusal };
        });
        // Only after the transaction committed does this tab's state move on.
        if (result.ok && nextRow) {
          this.current = result.state;
          this.head = { seq: result.entry.seq, hash: result.entry.hash, at: result.entry.at };
          this.row = nextRow;
          announce({ dbName: db.name, sandboxId: row.id, from: this.writer });
          this.notify();
        }
        return outcome;
      } catch (error) {
        if (!(error instanceof StaleHead) || attempt >= MAX_CATCH_UPS) return { ok: false, error: storageError(error) };
        await this.catchUp();
      }
    }
  }

  /** The journal entries of this sandbox, for the replay view and export. */
  async entries(): Promise<Entry[]> {
    return (await readJournal(this.db, this.row.id)).map(toEntry);
  }

  /**
   * The journal with checkpoints along it (the replay's starting worlds), read in one transaction so they belong to
   * the same chain: at most `most` checkpoints, evenly spaced, so a long journal costs a bounded read.
   */
  async history(most = 64): Promise<{ entries: Entry[]; checkpoints: Checkpoint[] }> {
    const id = this.row.id;
    return this.db.transaction('r', [this.db.journal, this.db.checkpoints], async () => {
      const entries = (await readJournal(this.db, id)).map(toEntry);
      const count = Math.floor(entries.length / CHECKPOINT_EVERY);
      const every = CHECKPOINT_EVERY * Math.max(1, Math.ceil(count / most));
      const keys = Array.from({ length: Math.floor(entries.length / every) }, (_, i): [string, number] => [id, (i + 1) * every]);
      const rows = await this.db.checkpoints.bulkGet(keys);
      const checkpoints = rows.flatMap((row) => (row ? [{ seq: row.seq, hash: row.hash, state: row.state }] : []));
      return { entries, checkpoints };
    });
  }

  /** The world as it was after entry `seq` (replay, fork): from the nearest checkpoint. */
  async stateAt(seq: number): Promise<WorldState> {
    return (await stateAt(this.db, this.row.id, seq)).state;
  }
}

/** A storage failure in words a person can act on; nothing of the command was written. */
export function storageError(error: unknown): SandboxError {
  const name = error instanceof Error ? error.name : '';
  const inner = error instanceof Error && 'inner' in error ? (error as { inner?: unknown }).inner : undefined; // Dexie wraps the DOMException in `inner`
  const innerName = inner instanceof Error ? inner.name : '';
  if (name === 'QuotaExceededError' || innerName === 'QuotaExceededError') {
    return new SandboxError('storage-full', sandboxProblem('storageFull', {}));
  }
  return new SandboxError('storage-failed', sandboxProblem('storageFailed', { errorName: name }));
}

export { DomainError };

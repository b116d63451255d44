// One open sandbox: its state folded from the journal in IndexedDB, the running clock, and commands appended one transaction each.
import { liveQuery } from 'dexie';
import type { Subscription } from 'dexie';
import { initialState, simulatedNow, DomainError } from '../domain';
import type { WorldCommand, WorldState, ServerReply, WorldEvent } from '../domain';
import type { SandboxDb, SandboxRow, JournalRow } from '../storage/db';
import { verifyChain, GENESIS_HASH } from './hash-chain';
import type { ChainProblem } from './hash-chain';
import { append, foldEntries, serverKeyFor } from './journal';
import { stateHash } from './state-hash';
import type { Entry } from './journal';

/** Fold a snapshot into storage every this many entries, so opening a long journal stays quick. */
export const SNAPSHOT_EVERY = 250;

export type Integrity = { ok: true } | { ok: false; problem: ChainProblem; verified: number };

export type DispatchResult =
  | { ok: true; seq: number; reply: ServerReply; refusal: DomainError | null }
  | { ok: false; error: DomainError | SandboxError };

/** Refusals of the runtime itself (a damaged journal, a sandbox deleted in another tab). */
export class SandboxError extends Error {
  override readonly name = 'SandboxError';
  constructor(
    readonly code: 'journal-damaged' | 'sandbox-missing',
    message: string,
  ) {
    super(message);
  }
}

const CLOCK_EVENTS: ReadonlySet<WorldEvent['type']> = new Set(['ClockPaused', 'ClockResumed', 'ClockSpeedSet', 'ClockSet']);

/** Whether another tab replaced the journal (a reset) rather than appending to it: then this tab loads afresh. */
function journalReplaced(row: SandboxRow, head: { seq: number; hash: string }, checked: ReturnType<typeof verifyChain>): boolean {
  if (row.headSeq < head.seq) return true;
  if (row.headSeq === head.seq) return row.headHash !== head.hash;
  return checked.problem?.kind === 'broken-link' && checked.good === 0;
}

function toEntry(row: JournalRow): Entry {
  return { seq: row.seq, at: row.at, command: row.command, events: row.events, prevHash: row.prevHash, hash: row.hash };
}

/** Reads journal rows after `afterSeq`, in order. */
export function readJournal(db: SandboxDb, sandboxId: string, afterSeq = 0): Promise<JournalRow[]> {
  return db.journal.where('[sandboxId+seq]').between([sandboxId, afterSeq + 1], [sandboxId, Number.MAX_SAFE_INTEGER], true, true).toArray();
}

export class Sandbox {
  private listeners = new Set<() => void>();
  private watch: Subscription | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private lastNow = 0;

  private constructor(
    private readonly db: SandboxDb,
    private row: SandboxRow,
    private current: WorldState,
    private head: { seq: number; hash: string; at: number },
    private integrityState: Integrity,
    private readonly wallClock: () => number,
    private readonly serverKey: Uint8Array,
  ) {}

  /** Opens a sandbox: verifies the hash chain of its whole journal and folds it (from a snapshot when one fits). */
  static async open(db: SandboxDb, sandboxId: string, wallClock: () => number = () => Date.now()): Promise<Sandbox> {
    const row = await db.sandboxes.get(sandboxId);
    if (!row) throw new SandboxError('sandbox-missing', `There is no sandbox "${sandboxId}"`);
    const loaded = await Sandbox.load(db, row);
    return new Sandbox(db, row, loaded.state, loaded.head, loaded.integrity, wallClock, serverKeyFor(row.seed));
  }

  private static async load(db: SandboxDb, row: SandboxRow) {
    const rows = await readJournal(db, row.id);
    const entries = rows.map(toEntry);
    const checked = verifyChain(entries);
    let problem = checked.problem;
    if (!problem && checked.lastHash !== row.headHash) problem = { kind: 'head-mismatch', seq: entries.length };
    const good = entries.slice(0, checked.good);
    // The newest snapshot within the verified prefix whose hash is that entry's hash.
    const snapshots = await db.snapshots.where('[sandboxId+seq]').between([row.id, 1], [row.id, checked.good], true, true).reverse().toArray();
    // A snapshot is used only when it belongs to the verified chain and its state is unchanged.
    const snapshot = snapshots.find((s) => good[s.seq - 1]?.hash === s.hash && s.stateHash === stateHash(s.state));
    const state = snapshot ? foldEntries(snapshot.state, good.slice(snapshot.seq)) : foldEntries(initialState(), good);
    const last = good[good.length - 1];
    const head = last ? { seq: last.seq, hash: last.hash, at: last.at } : { seq: 0, hash: GENESIS_HASH, at: state.clock.now };
    const integrity: Integrity = problem ? { ok: false, problem, verified: checked.good } : { ok: true };
    return { state, head, integrity };
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
    if (!state.clock.running) return Math.max(state.clock.now, lastAt);
    this.lastNow = Math.max(simulatedNow(state.clock, this.wallClock() - row.clockAnchorWall), lastAt, this.lastNow);
    return this.lastNow;
  }

  /** Calls `listener` whenever the state changes, here or in another tab. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  /** Follows the journal as other tabs append to it (Dexie liveQuery works across tabs). */
  watchOtherTabs(): void {
    if (this.watch) return;
    this.watch = liveQuery(() => this.db.sandboxes.get(this.row.id)).subscribe({
      next: (row) => {
        if (row && (row.headSeq !== this.head.seq || row.headHash !== this.head.hash || row.clockAnchorWall !== this.row.clockAnchorWall)) {
          void this.serialized(() => this.catchUp());
        }
      },
      error: () => {},
    });
  }

  close(): void {
    this.watch?.unsubscribe();
    this.watch = null;
    this.listeners.clear();
  }

  /** Runs tasks of this tab one after another. */
  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Reads what other tabs appended since our head and folds it; reloads everything if the journal was replaced. */
  async catchUp(): Promise<void> {
    const row = await this.db.sandboxes.get(this.row.id);
    if (!row) return;
    if (row.headSeq === this.head.seq && row.headHash === this.head.hash) {
      if (row.clockAnchorWall !== this.row.clockAnchorWall) {
        this.row = row;
        this.notify();
      }
      return;
    }
    const rows = await readJournal(this.db, row.id, this.head.seq);
    const entries = rows.map(toEntry);
    const checked = verifyChain(entries, this.head.seq, this.head.hash);
    if (journalReplaced(row, this.head, checked)) {
      // Reset or replaced in another tab: load afresh.
      const loaded = await Sandbox.load(this.db, row);
      this.lastNow = 0; // a reset starts the clock again
      this.current = loaded.state;
      this.head = loaded.head;
      this.integrityState = loaded.integrity;
    } else {
      const good = entries.slice(0, checked.good);
      this.current = foldEntries(this.current, good);
      const last = good[good.length - 1];
      if (last) this.head = { seq: last.seq, hash: last.hash, at: last.at };
      if (checked.problem) this.integrityState = { ok: false, problem: checked.problem, verified: this.head.seq };
    }
    this.row = row;
    this.notify();
  }

  /**
   * Decides `command` at the current simulated time and appends it to the journal in one transaction, after
   * catching up with any entries other tabs appended, so entries from several tabs interleave without loss.
   */
  dispatch(command: WorldCommand): Promise<DispatchResult> {
    return this.serialized(() => this.dispatchNow(command));
  }

  private async dispatchNow(command: WorldCommand): Promise<DispatchResult> {
    if (!this.integrityState.ok) {
      return { ok: false, error: new SandboxError('journal-damaged', `The journal is damaged at entry ${this.integrityState.problem.seq}; reset the sandbox or import a good copy`) };
    }
    const db = this.db;
    let committed: { state: WorldState; head: { seq: number; hash: string; at: number }; row: SandboxRow; result: DispatchResult } | null = null;
    const outcome = await db.transaction('rw', db.sandboxes, db.journal, db.snapshots, async (): Promise<DispatchResult> => {
      const row = await db.sandboxes.get(this.row.id);
      if (!row) return { ok: false, error: new SandboxError('sandbox-missing', 'This sandbox was deleted in another tab') };
      let state = this.current;
      let head = this.head;
      if (row.headSeq !== head.seq || row.headHash !== head.hash) {
        const rows = await readJournal(db, row.id, head.seq);
        const entries = rows.map(toEntry);
        const checked = verifyChain(entries, head.seq, head.hash);
        if (journalReplaced(row, head, checked)) {
          const loaded = await Sandbox.load(db, row);
          if (!loaded.integrity.ok) return { ok: false, error: new SandboxError('journal-damaged', 'The journal is damaged; reload the page') };
          state = loaded.state;
          head = loaded.head;
        } else if (checked.problem || checked.lastHash !== row.headHash) {
          return { ok: false, error: new SandboxError('journal-damaged', `The journal is damaged at entry ${checked.problem?.seq ?? row.headSeq}; reload the page`) };
        } else {
          state = foldEntries(state, entries);
          const last = entries[entries.length - 1];
          if (last) head = { seq: last.seq, hash: last.hash, at: last.at };
        }
      }
      const wall = this.wallClock();
      const at = this.timeAt(state, row, head.at);
      const result = append(state, head, command, at, row.seed, this.serverKey);
      if (!result.ok) {
        committed = { state, head, row, result: { ok: false, error: result.error } };
        return committed.result;
      }
      const { entry } = result;
      await db.journal.add({ sandboxId: row.id, ...entry });
      const movesClock = entry.events.some((event) => CLOCK_EVENTS.has(event.type));
      const nextRow: SandboxRow = { ...row, headSeq: entry.seq, headHash: entry.hash, clockAnchorWall: movesClock ? wall : row.clockAnchorWall };
      await db.sandboxes.put(nextRow);
      if (entry.seq % SNAPSHOT_EVERY === 0) await db.snapshots.put({ sandboxId: row.id, seq: entry.seq, hash: entry.hash, stateHash: stateHash(result.state), state: result.state });
      committed = {
        state: result.state,
        head: { seq: entry.seq, hash: entry.hash, at: entry.at },
        row: nextRow,
        result: { ok: true, seq: entry.seq, reply: result.reply, refusal: result.refusal },
      };
      return committed.result;
    });
    // Only after the transaction committed does this tab's state move on.
    if (committed) {
      const done = committed as { state: WorldState; head: { seq: number; hash: string; at: number }; row: SandboxRow };
      const changed = done.head.seq !== this.head.seq;
      this.current = done.state;
      this.head = done.head;
      this.row = done.row;
      if (changed) this.notify();
    }
    return outcome;
  }

  /** The journal entries of this sandbox, for the replay view and export. */
  async entries(): Promise<Entry[]> {
    return (await readJournal(this.db, this.row.id)).map(toEntry);
  }
}

export { DomainError };

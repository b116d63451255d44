// A journal kept in memory: commands decided and hash-chained exactly as a stored sandbox does, with no storage.
// The default world is built on it, and the headless scenario runner runs whole scenarios on it.
import { initialState } from '../domain';
import type { WorldCommand, WorldState, WorldEvent } from '../domain';
import { GENESIS_HASH } from './hash-chain';
import { serverKeyFor } from './journal';
import { append } from './append';
import type { AppendResult, Entry, Head } from './journal';

export class MemoryJournal {
  readonly entries: Entry[] = [];
  state: WorldState;
  head: Head = { seq: 0, hash: GENESIS_HASH };
  private readonly serverKey: Uint8Array;

  /** A new journal starts where every journal starts (initialState): a stored sandbox folds from there too. */
  constructor(readonly seed: string) {
    this.state = initialState();
    this.serverKey = serverKeyFor(seed);
  }

  /**
   * Decides `command` at `at` (by default the clock's time: a run in memory has no wall clock, so time moves only by
   * clock commands) and appends it when it is journaled. Returns what `append` returned.
   */
  run(command: WorldCommand, at = this.now()): AppendResult {
    const result = append(this.state, this.head, command, at, this.seed, this.serverKey);
    if (result.ok) {
      this.entries.push(result.entry);
      this.state = result.state;
      this.head = { seq: result.entry.seq, hash: result.entry.hash };
    }
    return result;
  }

  /** The server time now: the clock's time, or the last command's when that is later (R-CLK-1). */
  now(): number {
    const { clock } = this.state;
    return clock.running ? Math.max(clock.now, clock.lastCommandAt) : clock.now;
  }

  /** The events of the entries after `seq`. */
  eventsAfter(seq: number): WorldEvent[] {
    return this.entries.slice(seq).flatMap((entry) => entry.events);
  }
}

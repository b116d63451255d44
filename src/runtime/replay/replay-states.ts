// The worlds of a replay folded in memory from the journal the timeline already holds, so moving the position reads
// no storage: a world every `spacing` entries, folded one from the other from the empty world (so they share every
// part that did not change), then at most spacing - 1 entries folded on to the moment asked for. Until the fold gets
// there, the runtime's checkpoints (read with the journal) are where a moment folds from, so the first moments asked
// for right after the timeline opens fold a few hundred entries, not thousands.
import { initialState } from '../../domain';
import type { WorldState } from '../../domain';
import { foldEntries } from '../journal';
import type { Entry } from '../journal';
import type { Checkpoint } from '../sandbox';
import { GENESIS_HASH } from '../hash-chain';

/** Entries between two kept worlds at least (a fold of this many takes about a millisecond)... */
const MIN_SPACING = 250;
/** ...and at most this many worlds kept, so a very long journal costs a bounded memory. */
const MAX_KEPT = 64;
/** How many entries a moment beyond the fold may fold on at once, rather than read storage. */
const ON_DEMAND = 1_500;
/** Entries folded between two looks at the time left. */
const STEP = 10;

export interface StatesAround {
  before: WorldState;
  after: WorldState;
  entry: Entry;
}

export class ReplayStates {
  readonly spacing: number;
  /** kept[i]: the world after entry i * spacing. */
  private readonly kept: WorldState[] = [initialState()];
  /** How far the fold has come: the world after entry `seq`. */
  private folded: { seq: number; state: WorldState } = { seq: 0, state: this.kept[0] as WorldState };

  /** The checkpoints of this journal (each on its entry's hash), by seq; dropped once the fold is complete. */
  private seeds: Checkpoint[];

  constructor(readonly entries: readonly Entry[], checkpoints: readonly Checkpoint[] = []) {
    this.spacing = Math.max(MIN_SPACING, Math.ceil(entries.length / MAX_KEPT));
    this.seeds = checkpoints.filter((c) => c.seq > 0 && entries[c.seq - 1]?.hash === c.hash).sort((a, b) => a.seq - b.seq);
  }

  /** Whether these are the entries of a journal whose head is `head` (else the journal changed since they were read). */
  holds(head: { headSeq: number; headHash: string }): boolean {
    return this.entries.length === head.headSeq && (this.entries[this.entries.length - 1]?.hash ?? GENESIS_HASH) === head.headHash;
  }

  /** Whether every world to keep is folded. */
  get complete(): boolean {
    return this.folded.seq >= this.entries.length;
  }

  /**
   * Folds on, a few entries at a time, until `enough()` says so or all worlds to keep are there (so one call can be
   * held to a slice of idle time); returns whether more are left.
   */
  extend(enough: () => boolean): boolean {
    while (!this.complete) {
      const { seq, state } = this.folded;
      const to = Math.min(this.entries.length, seq + STEP, (Math.floor(seq / this.spacing) + 1) * this.spacing);
      this.folded = { seq: to, state: foldEntries(state, this.entries.slice(seq, to)) };
      if (to % this.spacing === 0) this.kept.push(this.folded.state);
      if (enough()) break;
    }
    if (this.complete) this.seeds = [];
    return !this.complete;
  }

  /**
   * The worlds just before and just after entry `seq`, folded from the nearest kept world or checkpoint before it.
   * When neither is near but the fold is at most `reach` entries short of it, it folds on to it first (a few
   * milliseconds, less than reading storage); further, null.
   */
  around(seq: number, reach = ON_DEMAND): StatesAround | null {
    const entry = this.entries[seq - 1];
    if (!entry) return null;
    const k = Math.floor((seq - 1) / this.spacing);
    const seed = this.seedBefore(seq);
    const short = seq - 1 - this.folded.seq;
    if (!this.kept[k] && short > 0 && short <= reach && (!seed || seed.seq < this.folded.seq)) this.extend(() => this.folded.seq >= seq - 1);
    const kept = this.kept[k];
    const from = kept && (!seed || seed.seq <= k * this.spacing) ? { seq: k * this.spacing, state: kept } : seed;
    if (!from || seq - 1 - from.seq > Math.max(reach, this.spacing)) return null;
    const before = foldEntries(from.state, this.entries.slice(from.seq, seq - 1));
    return { before, after: foldEntries(before, [entry]), entry };
  }

  /** The last checkpoint at or before the world just before entry `seq`. */
  private seedBefore(seq: number): Checkpoint | undefined {
    let found: Checkpoint | undefined;
    for (const seed of this.seeds) {
      if (seed.seq > seq - 1) break;
      found = seed;
    }
    return found;
  }
}

// Re-deciding a journal from its seed, entry by entry: the one check behind open-time verification, import and exported results.
import { initialState } from '../domain';
import type { WorldState } from '../domain';
import { GENESIS_HASH, entryHash } from './hash-chain';
import { append, serverKeyFor } from './journal';
import type { Entry } from './journal';
import { openCommand } from './command-secrets';
import { canonicalJson } from './canonical-json';

/** The first thing found wrong in a journal or what is derived from it, with the position it was found at. */
export type Finding =
  | { kind: 'missing'; seq: number }
  | { kind: 'broken-link'; seq: number }
  | { kind: 'changed'; seq: number }
  | { kind: 'sealed-pin'; seq: number }
  | { kind: 'refused'; seq: number; message: string }
  | { kind: 'events-differ'; seq: number; command: string }
  | { kind: 'command-differs'; seq: number; command: string }
  | { kind: 'checkpoint'; seq: number }
  | { kind: 'head'; seq: number; headSeq: number }
  | { kind: 'read-model'; seq: number; log: 'event' | 'audit' };

/**
 * Folds a journal by deciding every command again from the seed, as the core decides it now: the chain must link,
 * and each entry must be exactly what its command decides (its events, its sealed PINs, its hash).
 */
export class Reverifier {
  private current: WorldState = initialState();
  private prevHash = GENESIS_HASH;
  private seq = 0;
  private readonly key: Uint8Array;

  constructor(private readonly seed: string) {
    this.key = serverKeyFor(seed);
  }

  get state(): WorldState {
    return this.current;
  }
  get position(): number {
    return this.seq;
  }
  get lastHash(): string {
    return this.prevHash;
  }

  /** Checks one entry after the ones before it; folds it when it holds. */
  step(entry: Entry): Finding | null {
    const seq = this.seq + 1;
    if (entry.seq !== seq) return { kind: 'missing', seq };
    if (entry.prevHash !== this.prevHash) return { kind: 'broken-link', seq };
    if (entryHash(this.prevHash, entry) !== entry.hash) return { kind: 'changed', seq };
    const command = openCommand(entry.command, this.key, seq);
    if (!command) return { kind: 'sealed-pin', seq };
    const result = append(this.current, { seq: this.seq, hash: this.prevHash }, command, entry.at, this.seed, this.key);
    if (!result.ok) return { kind: 'refused', seq, message: result.error.message };
    if (result.entry.hash !== entry.hash) {
      const eventsSame = canonicalJson(result.entry.events) === canonicalJson(entry.events);
      return eventsSame ? { kind: 'command-differs', seq, command: command.type } : { kind: 'events-differ', seq, command: command.type };
    }
    this.current = result.state;
    this.prevHash = entry.hash;
    this.seq = seq;
    return null;
  }
}

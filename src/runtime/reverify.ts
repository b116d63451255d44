// Re-deciding a journal from its seed, entry by entry: the one check behind open-time verification, import and exported results.
import { initialState, decide, applyDecided } from '../domain';
import type { DomainError, WorldState } from '../domain';
import { GENESIS_HASH, hashParts } from './hash-chain';
import { serverKeyFor } from './journal';
import { randomFor } from './append';
import type { Entry } from './journal';
import { openCommand } from './command-secrets';
import { canonicalJson, sameJson } from './canonical-json';

/** The first thing found wrong in a journal or what is derived from it, with the position it was found at. */
export type Finding =
  | { kind: 'missing'; seq: number }
  | { kind: 'broken-link'; seq: number }
  | { kind: 'changed'; seq: number }
  | { kind: 'sealed-pin'; seq: number }
  /** `message` in English (reports, exports); `refusal` the same as data, for the screens to word in their language. */
  | { kind: 'refused'; seq: number; message: string; refusal: Pick<DomainError, 'text' | 'rule'> }
  | { kind: 'events-differ'; seq: number; command: string }
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
  /** Sealed PINs opened once, not once per command (R-SEC-1: only in this verifier's memory). */
  private readonly openedPins = new WeakMap<object, string | null>();

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

  /**
   * Checks one entry after the ones before it; folds it when it holds. The stored entry must hash to its hash
   * (so its command, sealed PINs included, and its events are what was chained), its sealed PINs must open under
   * this sandbox's key (their AEAD tags bind them to the command, field and position), and deciding the opened
   * command again at its time must give exactly its events.
   */
  step(entry: Entry): Finding | null {
    const seq = this.seq + 1;
    if (entry.seq !== seq) return { kind: 'missing', seq };
    if (entry.prevHash !== this.prevHash) return { kind: 'broken-link', seq };
    const storedEvents = canonicalJson(entry.events);
    if (hashParts(this.prevHash, entry, storedEvents) !== entry.hash) return { kind: 'changed', seq };
    const command = openCommand(entry.command, this.key, seq);
    if (!command) return { kind: 'sealed-pin', seq };
    const result = decide(command, this.current, { now: entry.at, random: randomFor(this.seed, seq), serverKey: this.key, openedPins: this.openedPins });
    if (!result.ok && result.events.length === 0) return { kind: 'refused', seq, message: result.error.message, refusal: { text: result.error.text, rule: result.error.rule } };
    if (!sameJson(result.events, entry.events)) return { kind: 'events-differ', seq, command: command.type };
    this.current = applyDecided(this.current, entry.at, result.events);
    this.prevHash = entry.hash;
    this.seq = seq;
    return null;
  }
}

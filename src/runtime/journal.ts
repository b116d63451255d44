// The journal's entries, the server key a sandbox seals PINs under, and folding entries into state. Deciding a new
// entry is append.ts: it brings the deciding core and its crypto, which the page loads with the first command.
import { sha256Text } from '../domain/crypto/sha256-stream';
import { applyDecided } from '../domain';
import type { WorldCommand, WorldEvent, WorldState, DomainError, ServerReply } from '../domain';

/** A journal entry as it is stored, exported and imported (the sandbox id is the storage's business). PINs in `command` are sealed (R-SEC-1). */
export interface Entry {
  seq: number;
  /** Server time the command ran at (R-CLK-1). */
  at: number;
  command: WorldCommand;
  events: WorldEvent[];
  prevHash: string;
  hash: string;
}

/** Where a journal ends. */
export interface Head {
  seq: number;
  hash: string;
}

/** R-SEC-1: the server key the PIN is sealed under, derived from the sandbox's seed. */
export function serverKeyFor(seed: string): Uint8Array {
  // The block kernel's SHA-256 of the text's UTF-8: the same digest as noble's, without noble on the page's first load.
  return sha256Text(`code-sandbox/server-key/v1\n${seed}`);
}

export type AppendResult =
  | { ok: true; entry: Entry; state: WorldState; reply: ServerReply; refusal: DomainError | null }
  | { ok: false; error: DomainError };

/** Folds every entry: its events, at its time (R-CLK-1). */
export function foldEntries(state: WorldState, entries: readonly Entry[]): WorldState {
  let next = state;
  for (const entry of entries) next = applyDecided(next, entry.at, entry.events);
  return next;
}

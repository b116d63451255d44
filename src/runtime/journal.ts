// Turning a command into a journal entry (decide at a server time, hash-chained) and folding entries into state.
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '../domain/crypto/bytes';
import { decide, applyDecided, makeSeededRandom, seedDigestOf } from '../domain';
import type { WorldCommand, WorldEvent, WorldState, DomainError, ServerReply } from '../domain';
import { entryHash } from './hash-chain';
import { sealCommand } from './command-secrets';

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
  return sha256(utf8ToBytes(`code-sandbox/server-key/v1\n${seed}`));
}

/** The random source of the command at journal position `seq`: the same seed and position give the same values. */
export function randomFor(seed: string, seq: number) {
  if (lastSeed?.seed !== seed) lastSeed = { seed, digest: seedDigestOf(seed) };
  return makeSeededRandom(seed, seq, lastSeed.digest);
}

/** The seed whose digest was made last: a sandbox decides its commands from one seed. */
let lastSeed: { seed: string; digest: Uint8Array } | null = null;

export type AppendResult =
  | { ok: true; entry: Entry; state: WorldState; reply: ServerReply; refusal: DomainError | null }
  | { ok: false; error: DomainError };

/**
 * Decides `command` at server time `at` after `head`. A refused command with no events is not journaled;
 * a refused Manager action is, with the audit entry that records the refusal (R-MGR-1).
 */
export function append(state: WorldState, head: Head, command: WorldCommand, at: number, seed: string, serverKey: Uint8Array = serverKeyFor(seed)): AppendResult {
  const seq = head.seq + 1;
  const result = decide(command, state, { now: at, random: randomFor(seed, seq), serverKey });
  if (!result.ok && result.events.length === 0) return { ok: false, error: result.error };
  // R-SEC-1: the journal keeps the command with its PINs sealed.
  const body = { seq, at, command: sealCommand(command, serverKey, seq), events: result.events };
  const entry: Entry = { ...body, prevHash: head.hash, hash: entryHash(head.hash, body) };
  return {
    ok: true,
    entry,
    state: applyDecided(state, at, result.events),
    reply: result.ok ? result.reply : { kind: 'done' },
    refusal: result.ok ? null : result.error,
  };
}

/** Folds every entry: its events, at its time (R-CLK-1). */
export function foldEntries(state: WorldState, entries: readonly Entry[]): WorldState {
  let next = state;
  for (const entry of entries) next = applyDecided(next, entry.at, entry.events);
  return next;
}

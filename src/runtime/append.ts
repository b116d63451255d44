// Turning a command into a journal entry: decided at a server time by the core, its PINs sealed, hash-chained. The page
// loads this (the deciding core and its crypto) with the first command, not with the page (runtime/sandbox.ts).
import { decide, applyDecided, makeSeededRandom, seedDigestOf } from '../domain';
import type { WorldCommand, WorldState } from '../domain';
import { entryHash } from './hash-chain';
import { sealCommand } from './command-secrets';
import { serverKeyFor } from './journal';
import type { AppendResult, Entry, Head } from './journal';

/** The random source of the command at journal position `seq`: the same seed and position give the same values. */
export function randomFor(seed: string, seq: number) {
  if (lastSeed?.seed !== seed) lastSeed = { seed, digest: seedDigestOf(seed) };
  return makeSeededRandom(seed, seq, lastSeed.digest);
}

/** The seed whose digest was made last: a sandbox decides its commands from one seed. */
let lastSeed: { seed: string; digest: Uint8Array } | null = null;

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


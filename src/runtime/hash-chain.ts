// The journal's hash chain: each entry's hash is SHA-256 over the previous hash and the entry's canonical JSON.
import { sha256TextHex } from '../domain/crypto/sha256-stream';
import { canonicalJson } from './canonical-json';
import type { WorldCommand, WorldEvent } from '../domain';

/** The hash before the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** What an entry's hash covers. Not the sandbox id: the same seed and commands give the same chain in any sandbox. */
export interface HashedBody {
  seq: number;
  at: number;
  command: WorldCommand;
  events: WorldEvent[];
}

/** SHA-256(prevHash ‖ "\n" ‖ canonical JSON of the body), hex. */
export function entryHash(prevHash: string, body: HashedBody): string {
  return hashParts(prevHash, body, canonicalJson(body.events));
}

/**
 * entryHash with the events' canonical JSON already made. The body's keys in sorted order are at, command, events,
 * seq: this is exactly canonicalJson of the body. SHA-256 of the text's UTF-8, on the block kernel (sha256-stream.ts:
 * the same digest as noble's sha256 of TextEncoder's bytes, in about half the time).
 */
export function hashParts(prevHash: string, body: Pick<HashedBody, 'seq' | 'at' | 'command'>, eventsJson: string): string {
  const payload = `{"at":${canonicalJson(body.at)},"command":${canonicalJson(body.command)},"events":${eventsJson},"seq":${canonicalJson(body.seq)}}`;
  return sha256TextHex(`${prevHash}\n${payload}`);
}

/** Where a chain stops being trustworthy. */
export type ChainProblem =
  | { kind: 'missing'; seq: number }
  | { kind: 'changed'; seq: number }
  | { kind: 'broken-link'; seq: number }
  | { kind: 'head-mismatch'; seq: number };

/**
 * Checks entries in order from `startSeq` (after `startHash`): consecutive seqs, each linked to the one
 * before and hashing to what it says. Returns how many entries are good and the first problem, if any.
 */
export function verifyChain(
  entries: readonly (HashedBody & { prevHash: string; hash: string })[],
  startSeq = 0,
  startHash = GENESIS_HASH,
): { good: number; lastHash: string; problem: ChainProblem | null } {
  let expectedSeq = startSeq + 1;
  let prev = startHash;
  let good = 0;
  for (const entry of entries) {
    if (entry.seq !== expectedSeq) return { good, lastHash: prev, problem: { kind: 'missing', seq: expectedSeq } };
    if (entry.prevHash !== prev) return { good, lastHash: prev, problem: { kind: 'broken-link', seq: entry.seq } };
    if (entryHash(prev, entry) !== entry.hash) return { good, lastHash: prev, problem: { kind: 'changed', seq: entry.seq } };
    prev = entry.hash;
    expectedSeq += 1;
    good += 1;
  }
  return { good, lastHash: prev, problem: null };
}

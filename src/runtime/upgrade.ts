// Upgrading a sandbox written by an earlier release: its commands decided again by the current core, without loss.
import type { SandboxDb } from '../storage/db';
import { sandboxRange } from '../storage/db';
import { initialState } from '../domain';
import type { WorldCommand, WorldState } from '../domain';
import { GENESIS_HASH, verifyChain } from './hash-chain';
import { serverKeyFor } from './journal';
import { append } from './append';
import type { Entry, Head } from './journal';
import { openCommand } from './command-secrets';
import { writeSandbox } from './sandbox-store';

export interface UpgradeResult {
  /** Entries in the old journal, and in the new one. */
  before: number;
  after: number;
  /** Commands the current rules refuse with nothing to record: an earlier release let them through. */
  dropped: { seq: number; type: string; reason: string }[];
}

/**
 * Commands are the truth: every command of an old journal (its PINs sealed the old way, R-SEC-1) is decided again
 * at its own time by the current core, which seals with today's construction and derives today's events, read
 * models and checkpoints. The old chain must verify first; a command the current rules refuse outright is
 * dropped and reported. Returns the new entries.
 */
export function redecide(seed: string, oldEntries: readonly Entry[]): { entries: Entry[]; state: WorldState; dropped: UpgradeResult['dropped'] } {
  const key = serverKeyFor(seed);
  let state = initialState();
  let head: Head = { seq: 0, hash: GENESIS_HASH };
  const entries: Entry[] = [];
  const dropped: UpgradeResult['dropped'] = [];
  for (const old of oldEntries) {
    const command = openCommand(old.command as WorldCommand, key, old.seq);
    if (!command) {
      dropped.push({ seq: old.seq, type: old.command.type, reason: 'a sealed PIN does not open with this sandbox\'s key' });
      continue;
    }
    const result = append(state, head, command, Math.max(old.at, state.clock.lastCommandAt), seed, key);
    if (!result.ok) {
      dropped.push({ seq: old.seq, type: command.type, reason: result.error.message });
      continue;
    }
    entries.push(result.entry);
    state = result.state;
    head = { seq: result.entry.seq, hash: result.entry.hash };
  }
  return { entries, state, dropped };
}

/** Upgrades one stored sandbox of format 1 in place. A journal whose old chain is broken is left as it is. */
export async function upgradeSandbox(db: SandboxDb, id: string): Promise<UpgradeResult | null> {
  const row = await db.sandboxes.get(id);
  if (!row || (row.format ?? 1) >= 2) return null;
  const rows = await db.journal.where('[sandboxId+seq]').between(...sandboxRange(id), true, true).toArray();
  const old: Entry[] = rows.map((r) => ({ seq: r.seq, at: r.at, command: r.command, events: r.events, prevHash: r.prevHash, hash: r.hash }));
  const chain = verifyChain(old);
  if (chain.problem || chain.lastHash !== row.headHash) {
    // Damaged before the upgrade: mark it upgraded as it is, so the verifier reports where (nothing is rewritten).
    await db.sandboxes.put({ ...row, format: 2 });
    return null;
  }
  const { entries, dropped } = redecide(row.seed, old);
  await writeSandbox(db, { id: row.id, name: row.name, seed: row.seed, createdAt: row.createdAt, clockAnchorWall: row.clockAnchorWall }, entries);
  return { before: old.length, after: entries.length, dropped };
}

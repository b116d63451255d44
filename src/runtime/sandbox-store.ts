// Writing and removing a whole sandbox: its row, journal, read models and checkpoints, in one transaction.
import type { SandboxDb, SandboxRow, EventLogRow, AuditLogRow, CheckpointRow } from '../storage/db';
import { JOURNAL_FORMAT_VERSION, sandboxRange, sandboxTables } from '../storage/db';
import { initialState } from '../domain';
import { GENESIS_HASH } from './hash-chain';
import { applyDecided } from '../domain';
import type { Entry } from './journal';
import { logRowsOf } from './dexie-logs';
import { announce } from './tab-signal';

/** A checkpoint of the folded state every this many entries: opening folds at most this many, replay too. */
export const CHECKPOINT_EVERY = 500;

/** The tables a whole-sandbox write touches. */
export function sandboxWriteTables(db: SandboxDb) {
  return [db.sandboxes, ...sandboxTables(db)];
}

/** Deletes every row of a sandbox but its row in `sandboxes`. Call inside a transaction over sandboxWriteTables. */
export async function clearSandboxRows(db: SandboxDb, id: string): Promise<void> {
  for (const table of sandboxTables(db)) await table.where('[sandboxId+seq]').between(...sandboxRange(id), true, true).delete();
}

/**
 * Replaces a sandbox's rows with `entries` (already decided and verified): the journal, both read models and a
 * checkpoint every CHECKPOINT_EVERY entries, with the row's head. Inside a transaction over sandboxWriteTables,
 * or in one of its own.
 */
export async function writeSandbox(db: SandboxDb, row: Omit<SandboxRow, 'headSeq' | 'headHash' | 'format'>, entries: readonly Entry[]): Promise<void> {
  const last = entries[entries.length - 1];
  const events: EventLogRow[] = [];
  const audits: AuditLogRow[] = [];
  const checkpoints: CheckpointRow[] = [];
  let state = initialState();
  for (const entry of entries) {
    const logs = logRowsOf(row.id, entry);
    events.push(...logs.events);
    audits.push(...logs.audits);
    state = applyDecided(state, entry.at, entry.events);
    if (entry.seq % CHECKPOINT_EVERY === 0) checkpoints.push({ sandboxId: row.id, seq: entry.seq, hash: entry.hash, state });
  }
  await db.transaction('rw', sandboxWriteTables(db), async () => {
    await clearSandboxRows(db, row.id);
    await db.journal.bulkAdd(entries.map((entry) => ({ sandboxId: row.id, ...entry })));
    await db.eventLog.bulkAdd(events);
    await db.auditLog.bulkAdd(audits);
    await db.checkpoints.bulkAdd(checkpoints);
    await db.sandboxes.put({ ...row, headSeq: last?.seq ?? 0, headHash: last?.hash ?? GENESIS_HASH, format: JOURNAL_FORMAT_VERSION });
  });
  announce({ dbName: db.name, sandboxId: row.id, from: null });
}

/** Deletes a sandbox and every row it has. */
export async function removeSandbox(db: SandboxDb, id: string): Promise<void> {
  await db.transaction('rw', sandboxWriteTables(db), async () => {
    await clearSandboxRows(db, id);
    await db.sandboxes.delete(id);
  });
  announce({ dbName: db.name, sandboxId: id, from: null });
}

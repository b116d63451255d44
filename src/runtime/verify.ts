// Verifying a stored sandbox in full: every command decided again, every checkpoint, the head and both read models compared.
import type { SandboxDb, EventLogRow, AuditLogRow } from '../storage/db';
import { sandboxRange } from '../storage/db';
import type { Entry } from './journal';
import { Reverifier } from './reverify';
import type { Finding } from './reverify';
import { canonicalJson } from './canonical-json';
import { logRowsOf } from './dexie-logs';

/** How many journal rows are read at a time. */
const CHUNK = 2_000;
/** Entries decided between two calls of `pace` (about ten milliseconds of work). */
const PACE_EVERY = 250;

export interface VerifyProgress {
  checked: number;
  total: number;
}

export interface VerifyReport {
  ok: boolean;
  /** Entries that verified before the finding (all of them when ok). */
  checked: number;
  total: number;
  finding: Finding | null;
  /** Wall time of the whole check, and the part spent deciding logins with 8-digit codes (the PIN searches). */
  ms: number;
  pinSearchMs: number;
}

function toEntry(row: Entry & { sandboxId?: string }): Entry {
  return { seq: row.seq, at: row.at, command: row.command, events: row.events, prevHash: row.prevHash, hash: row.hash };
}

function isOfflineLogin(entry: Entry): boolean {
  return entry.command.type === 'Login' && /^\s*\d{8}\s*$/.test(entry.command.code);
}

/**
 * Decides every command of a sandbox again from its seed and compares, in order: the chain and each entry's events,
 * each checkpoint's state, the sandbox row's head, and the event-log and audit-log rows. Reports the first difference.
 * `clock` is the caller's wall clock in ms (performance.now in a worker); it only times the check. `pace`, awaited
 * every PACE_EVERY entries, lets the caller hold the check while something more urgent runs (the worker gives way to
 * the timeline's replay that way); it changes when the check runs, never what it finds.
 */
export async function verifySandbox(
  db: SandboxDb,
  sandboxId: string,
  onProgress: (p: VerifyProgress) => void = () => {},
  clock: () => number = () => 0,
  pace: (() => Promise<void>) | null = null,
): Promise<VerifyReport> {
  const started = clock();
  let pinSearchMs = 0;
  let row = await db.sandboxes.get(sandboxId);
  const total = await db.journal.where('[sandboxId+seq]').between(...sandboxRange(sandboxId), true, true).count();
  const report = (finding: Finding | null, checked: number): VerifyReport => ({ ok: finding === null, checked, total, finding, ms: clock() - started, pinSearchMs });
  if (!row) return report({ kind: 'head', seq: 0, headSeq: 0 }, 0);
  const checkpoints = new Map((await db.checkpoints.where('[sandboxId+seq]').between(...sandboxRange(sandboxId), true, true).toArray()).map((cp) => [cp.seq, cp]));
  const verifier = new Reverifier(row.seed);
  const derivedEvents: Omit<EventLogRow, 'sandboxId'>[] = [];
  const derivedAudits: Omit<AuditLogRow, 'sandboxId'>[] = [];
  let after = 0;
  for (;;) {
    const rows = await db.journal.where('[sandboxId+seq]').between(...sandboxRange(sandboxId, after + 1), true, true).limit(CHUNK).toArray();
    for (const stored of rows) {
      if (pace && stored.seq % PACE_EVERY === 0) await pace();
      const entry = toEntry(stored);
      const t0 = isOfflineLogin(entry) ? clock() : 0;
      const finding = verifier.step(entry);
      if (t0) pinSearchMs += clock() - t0;
      if (finding) return report(finding, verifier.position);
      const logs = logRowsOf(sandboxId, entry);
      derivedEvents.push(...logs.events);
      derivedAudits.push(...logs.audits);
      const checkpoint = checkpoints.get(entry.seq);
      if (checkpoint && (checkpoint.hash !== entry.hash || canonicalJson(checkpoint.state) !== canonicalJson(verifier.state))) {
        return report({ kind: 'checkpoint', seq: entry.seq }, verifier.position);
      }
    }
    onProgress({ checked: verifier.position, total: Math.max(total, verifier.position) });
    after = verifier.position;
    if (rows.length < CHUNK) {
      // Commands may have been appended while this ran: go on while the journal grew toward the row's head.
      row = await db.sandboxes.get(sandboxId);
      if (!row || row.headSeq <= after || rows.length === 0) break;
    }
  }
  if (!row) return report({ kind: 'head', seq: 0, headSeq: 0 }, verifier.position);
  const checked = verifier.position;
  // A checkpoint past the journal's end belongs to no entry of it.
  const stray = [...checkpoints.keys()].find((seq) => seq > checked);
  if (stray !== undefined) return report({ kind: 'checkpoint', seq: stray }, checked);
  if (row.headSeq !== checked || row.headHash !== verifier.lastHash) return report({ kind: 'head', seq: Math.min(row.headSeq, checked) + 1, headSeq: row.headSeq }, checked);
  const eventFinding = await compareRows(db.eventLog.where('[sandboxId+seq]').between(...sandboxRange(sandboxId), true, true).toArray(), derivedEvents, 'event');
  if (eventFinding) return report(eventFinding, checked);
  const auditFinding = await compareRows(db.auditLog.where('[sandboxId+seq]').between(...sandboxRange(sandboxId), true, true).toArray(), derivedAudits, 'audit');
  return report(auditFinding, checked);
}

/** The first read-model row that differs from the one derived from the journal, named by its journal position. */
async function compareRows<T extends { sandboxId: string; journalSeq: number }>(stored: Promise<T[]>, derived: readonly Omit<T, 'sandboxId'>[], log: 'event' | 'audit'): Promise<Finding | null> {
  // Rows of entries appended after the check read the journal are not part of it.
  const lastSeq = derived.length > 0 ? (derived[derived.length - 1] as Omit<T, 'sandboxId'>).journalSeq : 0;
  const rows = (await stored).filter((row, i) => row.journalSeq <= lastSeq || i < derived.length);
  const length = Math.max(rows.length, derived.length);
  for (let i = 0; i < length; i++) {
    const have = rows[i];
    const want = derived[i];
    if (!have || !want || canonicalJson({ ...have, sandboxId: '' }) !== canonicalJson({ ...want, sandboxId: '' })) {
      return { kind: 'read-model', seq: want?.journalSeq ?? have?.journalSeq ?? 0, log };
    }
  }
  return null;
}

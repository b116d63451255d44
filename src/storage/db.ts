// The one Dexie database of the sandbox: its schema, its versions and its row types. No domain logic here.
import Dexie from 'dexie';
import type { Table } from 'dexie';
import type { WorldCommand, WorldEvent, WorldState, EventLogEntry, AuditEntry } from '../domain';

/** The journal format a sandbox's rows are written in: 2 re-decided by the current core, sealed with synthetic nonces. */
export const JOURNAL_FORMAT_VERSION = 2;

/** One named sandbox: its seed and where its journal ends. */
export interface SandboxRow {
  id: string;
  name: string;
  /** Determinism: UBCs, device keys, App-IDs, SMS and online codes all come from this seed. */
  seed: string;
  createdAt: number;
  /** The last journal entry: seq 0 and the genesis hash when the journal is empty. */
  headSeq: number;
  headHash: string;
  /** Wall time at which the world's clock state (its `now`) was last set; simulated time runs from here (R-CLK-1). */
  clockAnchorWall: number;
  /** JOURNAL_FORMAT_VERSION the rows are in; absent in sandboxes written by schema version 1 (upgraded on open). */
  format?: number;
  /** Named points of this sandbox's history to come back to (a new sandbox from there; this one is untouched). */
  points?: SavePoint[];
  /** Set on a sandbox made by Undo: the sandbox it was undone from. Undo again in it goes back in place. */
  undoOf?: string;
}

/** A named position in a sandbox's journal. */
export interface SavePoint {
  name: string;
  /** The last entry at that point. */
  seq: number;
  /** Server time of that entry (R-CLK-1), to show beside the name. */
  at: number;
}

/** One command and the events it produced, hash-chained to the entry before it. */
export interface JournalRow {
  sandboxId: string;
  seq: number;
  /** Server time the command ran at (R-CLK-1). */
  at: number;
  command: WorldCommand;
  events: WorldEvent[];
  prevHash: string;
  hash: string;
}

/**
 * The folded state after entry `seq` (bounded: no logs in it), so opening and replay need not fold from the start.
 * Derived, never trusted: the verifier folds the journal again and compares.
 */
export interface CheckpointRow {
  sandboxId: string;
  seq: number;
  /** The hash of journal entry `seq`, so a checkpoint belongs to one chain. */
  hash: string;
  state: WorldState;
}

/** Read model of the event log (R-MGR-4): one row per EventLogged event, written with its journal entry. */
export interface EventLogRow extends EventLogEntry {
  sandboxId: string;
  /** The journal entry whose events hold this entry. */
  journalSeq: number;
  /** The username in lower case, for the case-insensitive username filter. */
  userKey: string;
}

/** Read model of the audit log (R-MGR-5). */
export interface AuditLogRow extends AuditEntry {
  sandboxId: string;
  journalSeq: number;
}

/**
 * A guided training session (issue: guided training): which case, whose, in which sandbox, and what happened besides
 * the journal (the caller's answers, the hints). The result is set when the case is finished. The case's file is kept
 * so a reload picks the session up again.
 */
export interface TrainingRow {
  id: string;
  sandboxId: string;
  trainee: string;
  caseId: string;
  fileName: string;
  text: string;
  /** Wall time the call began. */
  startedAt: number;
  /** The journal position the call began after (the setup's last entry). */
  startSeq: number;
  /** What the caller remembers (values their steps kept). */
  kept: Record<string, string>;
  hints: { goal: string; level: number; at: number }[];
  talk: { at: number; request: string; said: string | null; ok: boolean; reply: { en: string; nb: string } }[];
  /** Set when finished: the result as exported (the scenario layer's TrainingResult). */
  result: unknown;
  finishedAt: number | null;
}

export interface SettingRow {
  key: string;
  value: string;
}

export const DATABASE_NAME = 'code-sandbox';

/** Options for tests: fake-indexeddb's factory and key range. */
export interface DbOptions {
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

export class SandboxDb extends Dexie {
  sandboxes!: Table<SandboxRow, string>;
  journal!: Table<JournalRow, [string, number]>;
  checkpoints!: Table<CheckpointRow, [string, number]>;
  eventLog!: Table<EventLogRow, [string, number]>;
  auditLog!: Table<AuditLogRow, [string, number]>;
  settings!: Table<SettingRow, string>;
  trainings!: Table<TrainingRow, string>;

  constructor(name = DATABASE_NAME, options: DbOptions = {}) {
    super(name, options.indexedDB ? { indexedDB: options.indexedDB, IDBKeyRange: options.IDBKeyRange } : undefined);
    this.version(1).stores({
      sandboxes: 'id, name',
      journal: '[sandboxId+seq]',
      snapshots: '[sandboxId+seq]',
      settings: 'key',
    });
    // Version 2: logs out of the state into read models with the indexes Manager filters on; small checkpoints
    // instead of whole-state snapshots. Journals themselves are upgraded by the runtime on open (format 1 -> 2).
    this.version(2).stores({
      sandboxes: 'id, name',
      journal: '[sandboxId+seq]',
      snapshots: null,
      checkpoints: '[sandboxId+seq]',
      eventLog: '[sandboxId+seq], [sandboxId+orgId+at], [sandboxId+orgId+userKey], [sandboxId+orgId+type+at], [sandboxId+orgId+userKey+at], [sandboxId+orgId+mobile+at], [sandboxId+journalSeq]',
      auditLog: '[sandboxId+seq], [sandboxId+orgId+at], [sandboxId+journalSeq]',
      settings: 'key',
    });
    // Version 3: guided training sessions and their results, per trainee.
    this.version(3).stores({
      trainings: 'id, sandboxId, trainee, finishedAt',
    });
  }
}

/** Every table holding rows of one sandbox, keyed by [sandboxId+seq]: what delete, reset and import clear. */
export function sandboxTables(db: SandboxDb) {
  return [db.journal, db.checkpoints, db.eventLog, db.auditLog] as const;
}

/** The whole key range of one sandbox in a [sandboxId+seq] table. */
export function sandboxRange(sandboxId: string, from = 0, to = Number.MAX_SAFE_INTEGER): [[string, number], [string, number]] {
  return [[sandboxId, from], [sandboxId, to]];
}

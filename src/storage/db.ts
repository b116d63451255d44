// The one Dexie database of the sandbox: its schema, its versions and its row types. No domain logic here.
import Dexie from 'dexie';
import type { Table } from 'dexie';
import type { WorldCommand, WorldEvent, WorldState } from '../domain';

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

/** The folded state after entry `seq`, so a long journal need not be folded from the start. */
export interface SnapshotRow {
  sandboxId: string;
  seq: number;
  hash: string;
  /** SHA-256 of the state's canonical JSON: a changed snapshot is not used. */
  stateHash: string;
  state: WorldState;
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
  snapshots!: Table<SnapshotRow, [string, number]>;
  settings!: Table<SettingRow, string>;

  constructor(name = DATABASE_NAME, options: DbOptions = {}) {
    super(name, options.indexedDB ? { indexedDB: options.indexedDB, IDBKeyRange: options.IDBKeyRange } : undefined);
    this.version(1).stores({
      sandboxes: 'id, name',
      journal: '[sandboxId+seq]',
      snapshots: '[sandboxId+seq]',
      settings: 'key',
    });
  }
}

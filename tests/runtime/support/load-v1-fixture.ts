// Writes the schema-1 database fixture (tests/fixtures/db-v1.json) into an IndexedDB database with the raw API, for the upgrade tests.
import { readFileSync } from 'node:fs';
import * as v from 'valibot';

/*
 * The row shapes below are a frozen copy of what release 10fa93c (Dexie schema version 1) stored. They do not
 * import src/storage or src/domain on purpose: this helper must keep compiling and loading the same bytes
 * after those change. Commands, events and states are left `unknown`: they are the old domain's JSON.
 */

const IndexShape = v.strictObject({
  name: v.string(),
  keyPath: v.union([v.string(), v.array(v.string())]),
  unique: v.boolean(),
  multiEntry: v.boolean(),
});

const StoreShape = v.strictObject({
  keyPath: v.union([v.string(), v.array(v.string()), v.null()]),
  autoIncrement: v.boolean(),
  indexes: v.array(IndexShape),
});

const SandboxRow = v.strictObject({
  id: v.string(),
  name: v.string(),
  seed: v.string(),
  createdAt: v.number(),
  headSeq: v.number(),
  headHash: v.string(),
  clockAnchorWall: v.number(),
});

const JournalRow = v.strictObject({
  sandboxId: v.string(),
  seq: v.number(),
  at: v.number(),
  command: v.unknown(),
  events: v.array(v.unknown()),
  prevHash: v.string(),
  hash: v.string(),
});

const SnapshotRow = v.strictObject({
  sandboxId: v.string(),
  seq: v.number(),
  hash: v.string(),
  stateHash: v.string(),
  state: v.unknown(),
});

const SettingRow = v.strictObject({ key: v.string(), value: v.string() });

const V1FixtureSchema = v.strictObject({
  dexieVersion: v.literal(1),
  idbVersion: v.number(),
  /** The Dexie store definitions of version 1, as `this.version(1).stores({...})` gave them. */
  stores: v.record(v.string(), v.string()),
  /** What IndexedDB itself holds: each object store's keyPath, autoIncrement and indexes. */
  objectStores: v.record(v.string(), StoreShape),
  tables: v.strictObject({
    sandboxes: v.array(SandboxRow),
    journal: v.array(JournalRow),
    snapshots: v.array(SnapshotRow),
    settings: v.array(SettingRow),
  }),
});

export type V1Fixture = v.InferInput<typeof V1FixtureSchema>;
export type V1SandboxRow = v.InferInput<typeof SandboxRow>;
export type V1JournalRow = v.InferInput<typeof JournalRow>;
export type V1SnapshotRow = v.InferInput<typeof SnapshotRow>;
export type V1SettingRow = v.InferInput<typeof SettingRow>;

/** The IndexedDB database name the app uses (DATABASE_NAME of release 10fa93c). */
export const V1_DATABASE_NAME = 'code-sandbox';

/** The fixture's two sandboxes. */
export const V1_FIXTURE_SANDBOXES = {
  /** Seed "fixture-v1-a": every PIN path; 524 journal entries, snapshots at 250 and 500. */
  a: 'sbx-f1a0000a',
  /** Seed "fixture-v1-b": the default world and a few commands; 86 entries, no snapshot. */
  b: 'sbx-f1b0000b',
} as const;

/** The PINs in the fixture: every PIN the server holds at the end, per sandbox, and the ones only ever typed. */
export const V1_FIXTURE_PINS = {
  /** Sandbox A at its last entry: the PIN each holder's sealed PIN opens to. */
  a: { ingrid: '8264', ola: '5172', kari: '4826', per: '4567', lars: '7391' },
  /** Sandbox B: the default world's PINs, unchanged (Lars is not activated). */
  b: { ingrid: '1234', ola: '2345', kari: '3456', per: '4567' },
  /** Sandbox A's PINs of the default world, replaced since (still sealed in its early journal commands). */
  aReplaced: { ingrid: '1234', ola: '2345', kari: '3456' },
  /** Typed in sandbox A but never the server's PIN: the wrong PIN, and Per's new PIN in an offline unblock code fjord refused. */
  typedOnly: ['0000', '6093'],
} as const;

const FIXTURE_URL = new URL('../../fixtures/db-v1.json', import.meta.url);

let cached: V1Fixture | null = null;

/** The fixture as written, checked against the v1 row shapes. Callers get a fresh copy each time. */
export function readV1Fixture(): V1Fixture {
  if (!cached) {
    const data: unknown = JSON.parse(readFileSync(FIXTURE_URL, 'utf8'));
    if (!v.is(V1FixtureSchema, data)) {
      const issues = v.safeParse(V1FixtureSchema, data).issues ?? [];
      throw new Error(`tests/fixtures/db-v1.json does not have the v1 shape: ${issues.map((issue) => issue.message).join('; ')}`);
    }
    cached = data;
  }
  return structuredClone(cached);
}

/**
 * Creates database `name` as release 10fa93c's Dexie left it: version `idbVersion` (Dexie's 1 is IndexedDB's 10),
 * the same object stores, keyPaths and indexes, and every row of the fixture. Uses raw IndexedDB, not Dexie,
 * so it does not depend on the current schema. The database must not exist yet.
 */
export async function loadV1Fixture(indexedDB: IDBFactory, name: string): Promise<void> {
  const fixture = readV1Fixture();
  const rows: Record<string, readonly unknown[]> = fixture.tables;
  for (const storeName of Object.keys(fixture.objectStores)) {
    if (!rows[storeName]) throw new Error(`The fixture has no rows for store "${storeName}"`);
  }
  await new Promise<void>((resolve, reject) => {
    let upgraded = false;
    const request = indexedDB.open(name, fixture.idbVersion);
    request.onblocked = () => reject(new Error(`Database "${name}" is open elsewhere`));
    request.onerror = () => reject(request.error ?? new Error(`Could not open "${name}"`));
    request.onsuccess = () => {
      request.result.close();
      // No upgrade means a database at this version was there already: its rows are not the fixture's.
      if (upgraded) resolve();
      else reject(new Error(`Database "${name}" exists already (version ${fixture.idbVersion})`));
    };
    request.onupgradeneeded = (event) => {
      upgraded = true;
      const upgrade = request.transaction;
      if (!upgrade) return reject(new Error('No versionchange transaction'));
      if (event.oldVersion !== 0) {
        upgrade.abort();
        return reject(new Error(`Database "${name}" exists already (version ${event.oldVersion})`));
      }
      const created = request.result;
      // Stores, then rows, all in the versionchange transaction: the database appears whole or not at all.
      for (const [storeName, shape] of Object.entries(fixture.objectStores)) {
        const store = created.createObjectStore(storeName, { keyPath: shape.keyPath, autoIncrement: shape.autoIncrement });
        for (const index of shape.indexes) store.createIndex(index.name, index.keyPath, { unique: index.unique, multiEntry: index.multiEntry });
      }
      for (const storeName of Object.keys(fixture.objectStores)) {
        const store = upgrade.objectStore(storeName);
        for (const row of rows[storeName] ?? []) store.put(row);
      }
    };
  });
}

// Checks that loadV1Fixture writes the schema-1 fixture into IndexedDB whole, read back with raw IndexedDB only.
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { describe, it, expect } from 'vitest';
import { loadV1Fixture, readV1Fixture, V1_FIXTURE_SANDBOXES } from './support/load-v1-fixture';

function requestDone<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function openExisting(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onupgradeneeded = () => reject(new Error(`"${name}" did not exist`));
    request.onerror = () => reject(request.error ?? new Error(`Could not open "${name}"`));
    request.onsuccess = () => resolve(request.result);
  });
}

function uniqueName(label: string): string {
  return `v1-fixture-${label}-${Math.random().toString(36).slice(2, 10)}`;
}

describe('the schema-1 fixture loader', () => {
  it('recreates the v1 object stores, keyPaths and indexes at the v1 IndexedDB version', async () => {
    const fixture = readV1Fixture();
    const name = uniqueName('shape');
    await loadV1Fixture(indexedDB, name);
    const db = await openExisting(name);
    try {
      expect(fixture.dexieVersion).toBe(1);
      expect(db.version).toBe(fixture.idbVersion);
      expect(db.version).toBe(10); // Dexie 4 opens its version 1 as IndexedDB version 10
      expect(Array.from(db.objectStoreNames).sort()).toEqual(['journal', 'sandboxes', 'settings', 'snapshots']);
      const tx = db.transaction(Array.from(db.objectStoreNames), 'readonly');
      for (const [storeName, shape] of Object.entries(fixture.objectStores)) {
        const store = tx.objectStore(storeName);
        expect(store.keyPath, storeName).toEqual(shape.keyPath);
        expect(store.autoIncrement, storeName).toBe(shape.autoIncrement);
        const indexes = Array.from(store.indexNames).map((indexName) => {
          const index = store.index(indexName);
          return { name: index.name, keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
        });
        expect(indexes, storeName).toEqual(shape.indexes);
      }
      expect(tx.objectStore('journal').keyPath).toEqual(['sandboxId', 'seq']);
      expect(tx.objectStore('sandboxes').indexNames.contains('name')).toBe(true);
    } finally {
      db.close();
    }
  });

  it('puts every row: sandboxes, journal per sandbox, snapshots and settings match the dump', async () => {
    const fixture = readV1Fixture();
    const name = uniqueName('rows');
    await loadV1Fixture(indexedDB, name);
    const db = await openExisting(name);
    try {
      const tx = db.transaction(['sandboxes', 'journal', 'snapshots', 'settings'], 'readonly');
      const sandboxes = await requestDone(tx.objectStore('sandboxes').getAll());
      expect(sandboxes).toEqual(fixture.tables.sandboxes);
      expect(sandboxes.map((row: { id: string }) => row.id)).toEqual([V1_FIXTURE_SANDBOXES.a, V1_FIXTURE_SANDBOXES.b]);

      const journal = tx.objectStore('journal');
      expect(await requestDone(journal.count())).toBe(fixture.tables.journal.length);
      for (const sandbox of fixture.tables.sandboxes) {
        const range = IDBKeyRange.bound([sandbox.id, 0], [sandbox.id, Number.MAX_SAFE_INTEGER]);
        const expected = fixture.tables.journal.filter((row) => row.sandboxId === sandbox.id);
        expect(await requestDone(journal.count(range)), sandbox.id).toBe(expected.length);
        expect(expected.length, sandbox.id).toBe(sandbox.headSeq);
        const rows = await requestDone(journal.getAll(range));
        expect(rows, sandbox.id).toEqual(expected);
      }
      expect(fixture.tables.journal.filter((row) => row.sandboxId === V1_FIXTURE_SANDBOXES.a)).toHaveLength(524);
      expect(fixture.tables.journal.filter((row) => row.sandboxId === V1_FIXTURE_SANDBOXES.b)).toHaveLength(86);

      const snapshots = await requestDone(tx.objectStore('snapshots').getAll());
      expect(snapshots).toEqual(fixture.tables.snapshots);
      expect(fixture.tables.snapshots.map((row) => `${row.sandboxId}@${row.seq}`)).toEqual([`${V1_FIXTURE_SANDBOXES.a}@250`, `${V1_FIXTURE_SANDBOXES.a}@500`]);
      expect(await requestDone(tx.objectStore('settings').getAll())).toEqual(fixture.tables.settings);
    } finally {
      db.close();
    }
  });

  it('refuses a database that exists already', async () => {
    const name = uniqueName('twice');
    await loadV1Fixture(indexedDB, name);
    await expect(loadV1Fixture(indexedDB, name)).rejects.toThrow(/exist/);
  });
});

// The event log and audit log read models (R-MGR-4, R-MGR-5): IndexedDB and memory give the same pages for the same queries.
import { describe, it, expect, beforeAll } from 'vitest';
import { agedJournal, BENCH_SEED } from '../bench/aged-journal';
import { writeSandbox } from '../../src/runtime/sandbox-store';
import { DexieLogs } from '../../src/runtime/dexie-logs';
import { MemoryLogs, COUNT_AHEAD } from '../../src/runtime/log-read-model';
import type { EventQuery } from '../../src/runtime/log-read-model';
import { freshDb } from './support/fixture';

describe('R-MGR-4 the event log read model in IndexedDB and in memory', () => {
  let dexie: DexieLogs;
  const memory = new MemoryLogs();
  let start = 0;
  beforeAll(async () => {
    const { entries } = agedJournal(16_000);
    for (const entry of entries) memory.append(entry.events);
    start = entries[0]?.at ?? 0;
    const db = freshDb('logs');
    await writeSandbox(db, { id: 'logs', name: 'Logs', seed: BENCH_SEED, createdAt: 0, clockAnchorWall: 0 }, entries);
    dexie = new DexieLogs(db, 'logs');
  }, 120_000);

  const queries: [string, () => EventQuery][] = [
    ['the whole org', () => ({ orgId: 'acme' })],
    ['a username, in other case', () => ({ orgId: 'acme', username: 'INGRID' })],
    ['a type', () => ({ orgId: 'northbank', type: 'Access_Granted' })],
    ['a time range', () => ({ orgId: 'acme', from: start + 600_000, to: start + 3_600_000 })],
    ['a holder', () => ({ orgId: 'fjord', mobile: '+4791234504' })],
    ['part of a username (checked row by row)', () => ({ orgId: 'northbank', match: (e) => e.username.includes('nordm') })],
  ];

  // fake-indexeddb scans thousands of rows here: on a busy 2-core machine that can pass vitest's default 5 s, which
  // says nothing about the read model (its speed is measured by npm run bench, not by a test).
  it.each(queries)('%s: the same rows, newest first, and the same count', { timeout: 30_000 }, async (_name, query) => {
    for (const offset of [0, 50, 1_000]) {
      const [fromDb, fromMemory] = await Promise.all([dexie.events(query(), offset, 50), memory.events(query(), offset, 50)]);
      expect(fromDb.rows).toEqual(fromMemory.rows);
      // IndexedDB counts at most COUNT_AHEAD past the page, and says so.
      const cap = offset + 50 + COUNT_AHEAD;
      expect(fromDb).toMatchObject(fromMemory.total > cap ? { total: cap, more: true } : { total: fromMemory.total, more: false });
    }
  });

  it('a page past a count capped at COUNT_AHEAD is counted further', { timeout: 30_000 }, async () => {
    expect((await memory.events({ orgId: 'acme' }, 0, 1)).total).toBeGreaterThan(50 + COUNT_AHEAD);
    const first = await dexie.events({ orgId: 'acme' }, 0, 50);
    expect(first.more).toBe(true);
    const later = await dexie.events({ orgId: 'acme' }, 1_050, 50);
    expect(later.total).toBeGreaterThan(first.total);
  });

  it('R-MGR-5 the audit log and the usernames agree too', async () => {
    expect(await dexie.audit('acme', 0, 10)).toEqual(await memory.audit('acme', 0, 10));
    expect(await dexie.usernames('acme')).toEqual((await memory.usernames('acme')).map((name) => name.toLowerCase()));
  });
});

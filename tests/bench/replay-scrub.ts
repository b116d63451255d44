// Scrubbing a 10,000-entry sandbox (issue 10): the moments replay shows, read as replay reads them (statesAround: the newest checkpoint, then at most 500 entries folded, the world before the entry and after it) and the first event-log page of the past, on fake-indexeddb in Node.
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { SandboxDb } from '../../src/storage/db';
import { writeSandbox } from '../../src/runtime/sandbox-store';
import { statesAround } from '../../src/runtime/sandbox';
import { DexieLogs } from '../../src/runtime/dexie-logs';
import { logsUpTo } from '../../src/runtime/replay/replay-logs';
import type { Entry } from '../../src/runtime/journal';

export interface ScrubFigures {
  entries: number;
  moments: number;
  statesAroundMedianMs: number;
  statesAroundP95Ms: number;
  statesAroundMaxMs: number;
  /** statesAround and the first 20 event-log rows of the past together, as one scrub shows them. */
  scrubMedianMs: number;
  scrubP95Ms: number;
  scrubMaxMs: number;
  budgetMs: number;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;

/** Writes `entries` as a sandbox and times `moments` positions chosen by a seeded random source (the worst, 499 past a checkpoint, among them). */
export async function measureScrub(entries: readonly Entry[], moments = 200): Promise<ScrubFigures> {
  const db = new SandboxDb(`scrub-${Date.now()}`, { indexedDB, IDBKeyRange });
  await writeSandbox(db, { id: 'scrub', name: 'Scrub', seed: 'scrub', createdAt: 0, clockAnchorWall: 0 }, entries);
  const logs = new DexieLogs(db, 'scrub');
  // A fixed sequence (a plain LCG), so every run times the same moments; the first five lie 499 past a checkpoint.
  let x = 12_345;
  const next = () => (x = (x * 1_103_515_245 + 12_345) % 2_147_483_648);
  const positions = Array.from({ length: moments }, (_, i) => (i < 5 ? 499 + 1_500 * i : 1 + (next() % entries.length)));
  const states: number[] = [];
  const scrubs: number[] = [];
  for (const seq of positions) {
    const t0 = performance.now();
    const { after: state, entry } = await statesAround(db, 'scrub', seq);
    const t1 = performance.now();
    await logsUpTo(logs, { lastEvent: state.server.eventLogCount, lastAudit: state.server.auditLogCount, at: entry?.at ?? 0 }).events({ orgId: 'acme' }, 0, 20);
    const t2 = performance.now();
    states.push(t1 - t0);
    scrubs.push(t2 - t0);
  }
  db.close();
  states.sort((a, b) => a - b);
  scrubs.sort((a, b) => a - b);
  const r = (n: number) => +n.toFixed(1);
  return {
    entries: entries.length, moments,
    statesAroundMedianMs: r(quantile(states, 0.5)), statesAroundP95Ms: r(quantile(states, 0.95)), statesAroundMaxMs: r(states.at(-1) ?? 0),
    scrubMedianMs: r(quantile(scrubs, 0.5)), scrubP95Ms: r(quantile(scrubs, 0.95)), scrubMaxMs: r(scrubs.at(-1) ?? 0), budgetMs: 100,
  };
}

// The Chromium bench page (npm run bench): builds journals in the page, writes them where the app reads them, and times the runtime's IndexedDB work. Driven by scripts/bench-browser.mjs through window.bench; built into dist-bench only.
import Dexie from 'dexie';
import type { Collection } from 'dexie';
import { SandboxDb } from '../../../src/storage/db';
import type { EventLogRow, SandboxRow } from '../../../src/storage/db';
import { Sandbox, SandboxError, inProcessVerifier, readJournal } from '../../../src/runtime/sandbox';
import type { VerifierPort } from '../../../src/runtime/sandbox';
import { writeSandbox } from '../../../src/runtime/sandbox-store';
import { createSandbox } from '../../../src/runtime/sandboxes';
import { DexieLogs } from '../../../src/runtime/dexie-logs';
import type { EventQuery } from '../../../src/runtime/log-read-model';
import type { Entry } from '../../../src/runtime/journal';
import { PAGE_SIZE } from '../../../src/ui/manager/create-pages';
import { agedJournal, agingCommands, oneOrgJournal, BENCH_SEED } from '../aged-journal';
import type { BuiltJournal } from '../aged-journal';
import type { BenchApi, QuerySamples, StorageReport, WriteReport } from './bench-api';

/** The key src/ui/sandbox/sandbox-provider.tsx reads to open a sandbox. */
const CURRENT_KEY = 'code-sandbox:current';
const ORG = 'acme';

/** Chromium adds a per-system breakdown to the standard estimate. */
interface ChromiumEstimate extends StorageEstimate {
  usageDetails?: { indexedDB?: number };
}

let appDb: SandboxDb | null = null;
/** The app's own database (same name, same origin): what the app page opens after navigation. */
const db = (): SandboxDb => (appDb ??= new SandboxDb());

const status = (text: string): void => {
  const line = document.getElementById('status');
  if (line) line.textContent = text;
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function eventRows(entries: readonly Entry[]): { all: number; org: number } {
  let all = 0;
  let org = 0;
  for (const entry of entries) {
    for (const event of entry.events) {
      if (event.type !== 'EventLogged') continue;
      all += 1;
      if (event.entry.orgId === ORG) org += 1;
    }
  }
  return { all, org };
}

async function write(id: string, name: string, build: () => BuiltJournal): Promise<WriteReport> {
  status(`building ${name}`);
  const t0 = performance.now();
  const built = build();
  const t1 = performance.now();
  status(`writing ${name}`);
  const now = Date.now();
  await writeSandbox(db(), { id, name, seed: BENCH_SEED, createdAt: now, clockAnchorWall: now }, built.entries);
  const t2 = performance.now();
  const rows = eventRows(built.entries);
  status(`${name} written`);
  return { sandboxId: id, entries: built.entries.length, eventRows: rows.all, orgEventRows: rows.org, generateMs: t1 - t0, writeMs: t2 - t1 };
}

async function estimate(): Promise<StorageReport> {
  const reading: ChromiumEstimate = await navigator.storage.estimate();
  return { usage: reading.usage ?? 0, indexedDb: reading.usageDetails?.indexedDB ?? null };
}

/** The index range DexieLogs walks for these queries, repeated here by hand for the diagnostic: counted and paged apart. */
function indexRange(id: string, query: EventQuery): Collection<EventLogRow, [string, number]> {
  const table = db().eventLog;
  const { username, type } = query;
  if (username !== undefined) return table.where('[sandboxId+orgId+userKey+at]').between([id, ORG, username, -Infinity], [id, ORG, username, Infinity], true, true);
  if (type !== undefined) return table.where('[sandboxId+orgId+type+at]').between([id, ORG, type, -Infinity], [id, ORG, type, Infinity], true, true);
  return table.where('[sandboxId+orgId+at]').between([id, ORG, query.from ?? -Infinity], [id, ORG, query.to ?? Infinity], true, true);
}

async function samples(times: number, run: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await run();
    out.push(performance.now() - t0);
  }
  return out;
}

async function timeQuery(id: string, name: string, query: EventQuery, times: number): Promise<QuerySamples> {
  const logs = new DexieLogs(db(), id);
  let total = 0;
  let rows = 0;
  let more = false;
  const samplesMs = await samples(times, async () => {
    const page = await logs.events(query, 0, PAGE_SIZE);
    total = page.total;
    more = page.more;
    rows = page.rows.length;
  });
  const range = indexRange(id, query);
  const counted = await range.clone().count();
  // The query counts at most COUNT_AHEAD past its page and says so (`more`); otherwise it counts them all.
  if (more ? counted <= total : counted !== total) throw new Error(`${name}: the diagnostic range counts ${counted}, the query ${total}${more ? ' or more' : ''}`);
  const countSamplesMs = await samples(times, () => range.clone().count());
  const pageSamplesMs = await samples(times, () => range.clone().reverse().limit(PAGE_SIZE).toArray());
  return { name, samplesMs, total, rows, countSamplesMs, pageSamplesMs };
}

/** Opening without the background check: the bench times what the screens wait for, not the worker. */
const neverVerifies: VerifierPort = () => new Promise(() => {});

const bench: BenchApi = {
  pageSize: PAGE_SIZE,

  writeAged: (id, size) => write(id, `Aged ${size.toLocaleString('en')}`, () => agedJournal(size)),

  writeOneOrg: (id, rows) => write(id, `Acme ${rows.toLocaleString('en')} events`, () => oneOrgJournal(rows)),

  makeCurrent(id) {
    localStorage.setItem(CURRENT_KEY, id);
  },

  async storage() {
    appDb?.close();
    appDb = null;
    let last = await estimate();
    for (let i = 0; i < 20; i++) {
      await sleep(250);
      const next = await estimate();
      if (next.usage === last.usage && next.indexedDb === last.indexedDb) return next;
      last = next;
    }
    return last;
  },

  async openRuntime(id, times) {
    const samples: number[] = [];
    for (let i = 0; i < times; i++) {
      const t0 = performance.now();
      const box = await Sandbox.open(db(), id, () => Date.now(), neverVerifies);
      samples.push(performance.now() - t0);
      box.close();
    }
    return samples;
  },

  async queryLogs(id, times) {
    const byTime = db().eventLog.where('[sandboxId+orgId+at]').between([id, ORG, -Infinity], [id, ORG, Infinity], true, true);
    const oldest = (await byTime.clone().first())?.at ?? 0;
    const newest = (await byTime.clone().last())?.at ?? 0;
    const third = Math.floor((newest - oldest) / 3);
    return [
      await timeQuery(id, 'username ola', { orgId: ORG, username: 'ola' }, times),
      await timeQuery(id, 'type Access_Granted', { orgId: ORG, type: 'Access_Granted' }, times),
      await timeQuery(id, 'time range (the middle third)', { orgId: ORG, from: oldest + third, to: newest - third }, times),
      await timeQuery(id, 'unfiltered (reference)', { orgId: ORG }, times),
    ];
  },

  async dispatchVsRaw(commands, blocks) {
    const blockSize = Math.ceil(commands / blocks);
    await Dexie.delete('bench-dispatch');
    await Dexie.delete('bench-raw');
    const runtimeDb = new SandboxDb('bench-dispatch');
    const rawDb = new SandboxDb('bench-raw');
    // Both databases start from the same default world.
    const id = await createSandbox(runtimeDb, 'Dispatch', { seed: BENCH_SEED });
    const first = await runtimeDb.sandboxes.get(id);
    if (!first) throw new Error('the dispatch sandbox was not written');
    await writeSandbox(rawDb, first, await readJournal(runtimeDb, id));
    // As the app opens it: verified first (a few dozen entries), following other tabs.
    const sandbox = await Sandbox.open(runtimeDb, id, () => Date.now(), inProcessVerifier);
    await sandbox.whenVerified();
    sandbox.watchOtherTabs();
    /** The sandbox the commands go to: the aging commands read its world. */
    let current = sandbox;
    const source = agingCommands(() => current.state);
    let refused = 0;
    /** blockSize commands through `box`: the time, and the sandbox row as each command left it. */
    const dispatchBlock = async (box: Sandbox): Promise<{ ms: number; from: number; sandboxRows: SandboxRow[] }> => {
      const from = box.seq;
      const sandboxRows: SandboxRow[] = [];
      const t0 = performance.now();
      while (box.seq < from + blockSize) {
        const before = box.seq;
        const result = await box.dispatch(source.next().value);
        if (!result.ok && result.error instanceof SandboxError) throw result.error;
        if (box.seq === before) refused += 1;
        else sandboxRows.push({ ...box.info });
      }
      return { ms: performance.now() - t0, from, sandboxRows };
    };
    /** The very rows that block wrote, one add and one put per transaction. */
    const rawBlock = async (written: { from: number; sandboxRows: SandboxRow[] }): Promise<number> => {
      const journalRows = await readJournal(runtimeDb, id, written.from);
      if (journalRows.length !== written.sandboxRows.length) throw new Error(`${journalRows.length} journal rows, ${written.sandboxRows.length} sandbox rows`);
      const t0 = performance.now();
      for (let i = 0; i < journalRows.length; i++) {
        const journalRow = journalRows[i];
        const sandboxRow = written.sandboxRows[i];
        if (!journalRow || !sandboxRow) throw new Error(`row ${i} missing`);
        await rawDb.transaction('rw', rawDb.journal, rawDb.sandboxes, async () => {
          await rawDb.journal.add(journalRow);
          await rawDb.sandboxes.put(sandboxRow);
        });
      }
      return performance.now() - t0;
    };
    const dispatchBlocksMs: number[] = [];
    const rawBlocksMs: number[] = [];
    for (let block = 0; block < blocks; block++) {
      status(`dispatch and raw block ${block + 1} of ${blocks}`);
      const written = await dispatchBlock(sandbox);
      dispatchBlocksMs.push(written.ms);
      rawBlocksMs.push(await rawBlock(written));
    }
    const measuredRefusals = refused;
    sandbox.close();
    // Diagnostic: the same again with no liveQuery following other tabs.
    status('diagnostic block');
    const unwatched = await Sandbox.open(runtimeDb, id, () => Date.now(), neverVerifies);
    current = unwatched;
    const written = await dispatchBlock(unwatched);
    const unwatchedRawMs = await rawBlock(written);
    unwatched.close();
    runtimeDb.close();
    rawDb.close();
    status('dispatch measured');
    return { commands: blockSize * blocks, refused: measuredRefusals, dispatchBlocksMs, rawBlocksMs, blockSize, unwatchedDispatchMs: written.ms, unwatchedRawMs };
  },
};

window.bench = bench;
status('ready');

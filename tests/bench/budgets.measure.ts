// Issue budgets at scale (npm run bench): medians measured in Node with the command that reproduces them, merged into bench/results.json (the Chromium ones, scripts/bench-browser.mjs, sit next to them). Never a timed test: nothing here fails on a figure.
import { it } from 'vitest';
import { writeFileSync, mkdirSync, readFileSync, existsSync } from 'node:fs';
import type { WorldCommand } from '../../src/domain';
import { foldEntries, serverKeyFor } from '../../src/runtime/journal';
import { append } from '../../src/runtime/append';
import { initialState } from '../../src/domain';
import { Reverifier } from '../../src/runtime/reverify';
import { agedJournal, BENCH_SEED as SEED } from './aged-journal';
import { measureScrub } from './replay-scrub';

const KEY = serverKeyFor(SEED);
const RESULTS = 'bench/results.json';
const COMMAND = 'npm run bench (tests/bench/budgets.measure.ts)';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function time(run: () => void, times: number): number {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    run();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

it('measures the budgets of issues 7, 10 and 14', async () => {
  const SIZE = 100_000;
  const t0 = performance.now();
  const { entries, states } = agedJournal(SIZE, [1_000, 10_000, SIZE]);
  const buildMs = performance.now() - t0;

  const fold100k = time(() => foldEntries(initialState(), entries), 3);
  const fold10k = time(() => foldEntries(initialState(), entries.slice(0, 10_000)), 5);

  // One command (decide + fold) at 1,000 and at 100,000 entries: the same three commands from each state.
  const commandCost = (at: number): number => {
    const start = states.get(at);
    if (!start) throw new Error(`no state at ${at}`);
    return time(() => {
      let { state, head } = start;
      for (const command of [
        { type: 'AppEnterPin', phoneId: 'ingrid-phone', pin: '1234' },
        { type: 'AppShowLinks', phoneId: 'kari-phone' },
        { type: 'AdvanceClock', byMs: 1_000 },
      ] as WorldCommand[]) {
        const result = append(state, head, command, state.clock.now, SEED, KEY);
        if (!result.ok) throw new Error(result.error.message);
        state = result.state;
        head = { seq: result.entry.seq, hash: result.entry.hash };
      }
    }, 201) / 3;
  };
  const cmd1k = commandCost(1_000);
  const cmd100k = commandCost(SIZE);

  // Re-deciding the whole journal (the verifying worker's work), with the PIN searches timed apart.
  const verifier = new Reverifier(SEED);
  let pinMs = 0;
  let searches = 0;
  const v0 = performance.now();
  for (const entry of entries) {
    const search = entry.command.type === 'Login' && entry.command.code.length === 8;
    const s0 = search ? performance.now() : 0;
    const finding = verifier.step(entry);
    if (search) { pinMs += performance.now() - s0; searches += 1; }
    if (finding) throw new Error(`verification found ${JSON.stringify(finding)}`);
  }
  const verifyMs = performance.now() - v0;
  const perSecond = (entries.length - searches) / ((verifyMs - pinMs) / 1000);
  // Issue 10: any moment of a 10,000-entry sandbox, through stateAt and the past's first event-log page, on fake-indexeddb.
  const scrub = await measureScrub(entries.slice(0, 10_000));
  const stateBytes = (n: number) => JSON.stringify(states.get(n)?.state).length;

  const results = {
    measuredAt: new Date().toISOString(),
    command: COMMAND,
    machine: `${process.platform} ${process.arch}, node ${process.version}`,
    journalBuiltMs: Math.round(buildMs),
    budgets: [
      { name: 'fold of 100,000 entries', medianMs: +fold100k.toFixed(1), budgetMs: 1000 },
      { name: 'fold(100,000) / fold(10,000)', ratio: +(fold100k / fold10k).toFixed(2), budgetRatio: 12, fold10kMs: +fold10k.toFixed(1) },
      { name: 'one command (decide + fold) at 100,000 entries / at 1,000', ratio: +(cmd100k / cmd1k).toFixed(2), budgetRatio: 1.5, at1kMs: +cmd1k.toFixed(3), at100kMs: +cmd100k.toFixed(3) },
      { name: 're-decided per second (commands that do not search the PIN space)', perSecond: Math.round(perSecond), budgetPerSecond: 20_000 },
      { name: 'verifying the 100,000-entry sandbox in full', totalMs: Math.round(verifyMs), pinSearchMs: Math.round(pinMs), pinSearchShare: +(pinMs / verifyMs).toFixed(3), pinSearches: searches },
      { name: 'scrubbing a 10,000-entry sandbox (statesAround, then the first 20 event-log rows of the past), fake-indexeddb', ...scrub },
      { name: 'state size (JSON bytes) at 1,000 / 10,000 / 100,000 entries', bytes: [stateBytes(1_000), stateBytes(10_000), stateBytes(SIZE)] },
    ],
  };
  // The Chromium figures (scripts/bench-browser.mjs, "browser") and the scenario runner's (scripts/bench-scenarios.ts,
  // "scenarios") live in the same file: kept as they are.
  const previous: unknown = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : null;
  const others = typeof previous === 'object' && previous !== null ? Object.fromEntries(Object.entries(previous).filter(([key]) => key === 'browser' || key === 'scenarios')) : {};
  mkdirSync('bench', { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify({ ...results, ...others }, null, 2)}\n`);
  console.log(JSON.stringify(results, null, 2));
}, 600_000);

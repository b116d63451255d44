// The scenario runner's budgets (the last part of npm run bench; alone: npx tsx scripts/bench-scenarios.ts):
//  1. wall time of `tsx scripts/scenarios.ts` on the built-in library as a whole process (start-up, loading, running,
//     printing), budget <= 5 s;
//  2. steps per second of runScenario for steps that do not search the PIN space, budget >= 1,000/s.
// Merged into bench/results.json under "scenarios" (read, modify, write at the end: other benches write the same file).
// Figures only: nothing here fails on one.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseScenarioFile } from '../src/scenario/gherkin';
import type { LoadedScenario } from '../src/scenario/load';
import { runScenario } from '../src/scenario/run';
import { SCENARIO_FILE } from '../src/scenario/cli/select';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const LIBRARY = join(ROOT, 'src/scenario/library');
const RESULTS = join(ROOT, 'bench/results.json');
const COMMAND = 'npx tsx scripts/bench-scenarios.ts (the last part of npm run bench)';
const CLI_RUNS = 5;
const IN_PROCESS_ROUNDS = 5;

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

function libraryScenarios(): LoadedScenario[] {
  const files = readdirSync(LIBRARY).filter((name) => SCENARIO_FILE.test(name)).sort();
  return files.flatMap((name) => {
    const loaded = parseScenarioFile(name, readFileSync(join(LIBRARY, name), 'utf8'));
    if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
    return loaded.scenarios;
  });
}

/** 1. The whole CLI on the library, as CI runs it: a fresh process each time, output to a pipe (no colour). */
function cliWall() {
  const tsx = join(ROOT, 'node_modules/.bin/tsx');
  const samples: number[] = [];
  let exitCode: number | null = null;
  for (let i = 0; i < CLI_RUNS; i++) {
    const started = performance.now();
    const run = spawnSync(tsx, ['scripts/scenarios.ts'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    samples.push(performance.now() - started);
    exitCode = run.status;
  }
  const medianMs = Math.round(median(samples));
  return { name: 'npm run scenarios on the built-in library, whole process (wall)', medianMs, samplesMs: samples.map(Math.round), budgetMs: 5_000, met: medianMs <= 5_000, exitCode };
}

/**
 * 2. Steps per second. A step's time is from the end of the step before it to its own end (runScenario's onStep), so
 * it holds the step's commands, the core deciding them, reading kept values and checking its expectations. The first
 * step of each scenario is left out (its time includes building the world), as are 'log in' steps: a login decides
 * codes, and a wrong 8-digit code searches every PIN over the window (R-VER-7). The library runs IN_PROCESS_ROUNDS
 * times after one warm-up round.
 */
function stepsPerSecond(scenarios: readonly LoadedScenario[]) {
  const by = { other: { steps: 0, ms: 0 }, login: { steps: 0, ms: 0 } };
  let worldAndFirstMs = 0;
  let scenarioRuns = 0;
  let failed = 0;
  for (let round = 0; round <= IN_PROCESS_ROUNDS; round++) {
    for (const loaded of scenarios) {
      const started = performance.now();
      let last = started;
      const run = runScenario(loaded.scenario, {
        onStep: (outcome) => {
          const now = performance.now();
          if (round > 0 && outcome.status !== 'skipped') {
            if (outcome.index === 0) worldAndFirstMs += now - last;
            else {
              const bucket = outcome.step.action === 'log in' ? by.login : by.other;
              bucket.steps++;
              bucket.ms += now - last;
            }
          }
          last = now;
        },
      });
      if (round > 0) {
        scenarioRuns++;
        if (run.status !== 'passed') failed++;
      }
    }
  }
  const rate = (bucket: { steps: number; ms: number }) => Math.round((bucket.steps / bucket.ms) * 1000);
  return {
    name: "runScenario steps per second, steps other than 'log in' (no PIN search), world building and each first step left out",
    perSecond: rate(by.other),
    budgetPerSecond: 1_000,
    met: rate(by.other) >= 1_000,
    steps: by.other.steps,
    ms: +by.other.ms.toFixed(1),
    loginSteps: { steps: by.login.steps, ms: +by.login.ms.toFixed(1), perSecond: rate(by.login) },
    worldAndFirstStepMsPerScenario: +(worldAndFirstMs / scenarioRuns).toFixed(1),
    scenarioRuns,
    failedRuns: failed,
  };
}

const scenarios = libraryScenarios();
const wall = cliWall();
const steps = stepsPerSecond(scenarios);
const figures = {
  measuredAt: new Date().toISOString(),
  command: COMMAND,
  machine: `${platform()} ${arch()}, node ${process.version}`,
  library: { scenarios: scenarios.length, steps: scenarios.reduce((sum, loaded) => sum + loaded.scenario.steps.length, 0) },
  budgets: [wall, steps],
};

// Read, modify, write at the very end, keeping every other key as it is now.
const current: unknown = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : {};
const merged = typeof current === 'object' && current !== null && !Array.isArray(current) ? { ...current, scenarios: figures } : { scenarios: figures };
mkdirSync(dirname(RESULTS), { recursive: true });
writeFileSync(RESULTS, `${JSON.stringify(merged, null, 2)}\n`);

const yes = (met: boolean) => (met ? 'met' : 'NOT met');
console.log(`scenario runner, ${figures.library.scenarios} library scenarios (${figures.library.steps} steps), ${figures.machine}`);
console.log(`  whole CLI on the library: median ${wall.medianMs} ms of ${CLI_RUNS} runs (${wall.samplesMs.join(', ')}), budget <= 5000 ms: ${yes(wall.met)}; exit code ${wall.exitCode}`);
console.log(`  steps other than 'log in': ${steps.perSecond}/s (${steps.steps} steps in ${steps.ms} ms), budget >= 1000/s: ${yes(steps.met)}`);
console.log(`  'log in' steps: ${steps.loginSteps.perSecond}/s (${steps.loginSteps.steps} in ${steps.loginSteps.ms} ms); world + first step: ${steps.worldAndFirstStepMsPerScenario} ms a scenario`);
console.log(`written to ${relative(process.cwd(), RESULTS)} (under "scenarios")`);

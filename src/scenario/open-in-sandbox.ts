// Opening a scenario file in the browser: it becomes a new sandbox in which its steps have run, through the same step
// loop as the headless runner, so the sandbox's journal is the runner's journal, entry for entry.
import type { SandboxDb } from '../storage/db';
import { writeSandbox } from '../runtime/sandbox-store';
import { newSandboxId, clockAnchorAfter } from '../runtime/sandboxes';
import { parseScenarioFile } from './gherkin';
import { runScenario } from './run';
import type { ScenarioRun, StepOutcome } from './run';
import type { LoadedScenario } from './load';
import type { Lang } from './text';
import type { Scenario } from './format';
import { SCENARIO_FORMAT, SCENARIO_VERSION } from './format';

export type OpenResult =
  | { ok: true; sandboxId: string; loaded: LoadedScenario; run: ScenarioRun; /** Other scenarios in the same file, not opened. */ others: number }
  | { ok: false; errors: string[] };

/** The first step that did not pass, when one did not. */
export function firstProblem(run: ScenarioRun): StepOutcome | undefined {
  return run.steps.find((step) => step.status === 'failed' || step.status === 'error');
}

/**
 * A new sandbox holding only a scenario's world (the default one), built by the same loop as every scenario with the
 * clock paused: what a recording starts from, so the recording plays back to the same journal.
 */
export async function createWorldSandbox(db: SandboxDb, options: { name: string; seed: string; wallNow?: number }): Promise<string> {
  const run = runScenario({ format: SCENARIO_FORMAT, version: SCENARIO_VERSION, title: { en: options.name, nb: options.name }, description: { en: options.name, nb: options.name }, seed: options.seed, world: 'default', steps: [] });
  if (run.worldError !== null) throw new Error(run.worldError);
  const wallNow = options.wallNow ?? Date.now();
  const sandboxId = newSandboxId();
  await writeSandbox(db, { id: sandboxId, name: options.name.slice(0, 60), seed: options.seed, createdAt: wallNow, clockAnchorWall: clockAnchorAfter(run.entries, run.state.clock, wallNow) }, run.entries);
  return sandboxId;
}

/**
 * A new sandbox holding only this scenario's world (its own commands, or the default world) at its start time, built by
 * the same loop as every scenario: what a demo plays its steps on, one at a time, so the sandbox ends with the runner's
 * journal. Throws when the world cannot be built.
 */
export async function createScenarioWorldSandbox(db: SandboxDb, scenario: Scenario, options: { name: string; wallNow?: number }): Promise<string> {
  const run = runScenario({ ...scenario, steps: [] });
  if (run.worldError !== null) throw new Error(run.worldError);
  const wallNow = options.wallNow ?? Date.now();
  const sandboxId = newSandboxId();
  await writeSandbox(db, { id: sandboxId, name: options.name.slice(0, 60), seed: scenario.seed, createdAt: wallNow, clockAnchorWall: clockAnchorAfter(run.entries, run.state.clock, wallNow) }, run.entries);
  return sandboxId;
}

/**
 * Reads a scenario file (JSON or Gherkin), runs its first scenario (or the one with id `pick`) and stores the journal
 * that came out as a new sandbox, named after the scenario's title. A bad file stores nothing. A run that stops at a
 * failed step still stores the world as it was there, so the person can see why.
 */
export async function openScenarioFile(db: SandboxDb, fileName: string, text: string, options: { lang: Lang; pick?: string; wallNow?: number }): Promise<OpenResult> {
  const parsed = parseScenarioFile(fileName, text);
  if (!parsed.ok) return parsed;
  const loaded = (options.pick ? parsed.scenarios.find((candidate) => candidate.id === options.pick) : undefined) ?? parsed.scenarios[0];
  if (!loaded) return { ok: false, errors: [`${fileName}: no scenario "${options.pick ?? ''}"`] };
  const run = runScenario(loaded.scenario, { lang: options.lang });
  if (run.worldError !== null) return { ok: false, errors: [`${fileName}: ${run.worldError}`] };
  const wallNow = options.wallNow ?? Date.now();
  const sandboxId = newSandboxId();
  const title = loaded.scenario.title[options.lang].trim().slice(0, 60) || loaded.id;
  // The scenario's clock is paused; should a step have resumed it, simulated time goes on from the last entry.
  await writeSandbox(db, { id: sandboxId, name: title, seed: loaded.scenario.seed, createdAt: wallNow, clockAnchorWall: clockAnchorAfter(run.entries, run.state.clock, wallNow) }, run.entries);
  return { ok: true, sandboxId, loaded, run, others: parsed.scenarios.length - 1 };
}

// The step loop on a stored sandbox: each command dispatched to the sandbox like a person's, one transaction each.
// Training runs the caller's steps this way; a test runs whole scenarios this way to show the journal is the runner's.
import { DomainError } from '../domain';
import type { Sandbox } from '../runtime/sandbox';
import type { AppendResult } from '../runtime/journal';
import { scenarioLoop } from './run';
import type { RunOptions, ScenarioRun, HostAnswer } from './run';
import type { WorldCommand } from '../domain';
import type { Scenario } from './format';

/** A failure of the sandbox itself (storage full, a damaged journal): the run cannot go on. */
export class HostError extends Error {
  override readonly name = 'HostError';
}

/**
 * Runs `scenario` on an open sandbox, which must be empty (the scenario builds its own world) and hold the scenario's
 * seed. Resolves with the same ScenarioRun the headless runner gives.
 */
export async function runOnSandbox(scenario: Scenario, sandbox: Sandbox, options: RunOptions = {}): Promise<ScenarioRun> {
  if (sandbox.seq !== 0) throw new HostError('A scenario runs on an empty sandbox');
  if (sandbox.info.seed !== scenario.seed) throw new HostError(`The sandbox's seed is not the scenario's ("${scenario.seed}")`);
  return driveSandbox(scenarioLoop(scenario, { state: sandbox.state, now: sandbox.now() }, options), sandbox);
}

/** Runs any step loop (a scenario's, a training caller's) on an open sandbox, each command dispatched like a person's. */
export async function driveSandbox<R>(loop: Generator<WorldCommand, R, HostAnswer>, sandbox: Sandbox): Promise<R> {
  for (let next = loop.next(); ; ) {
    if (next.done) return next.value;
    const dispatched = await sandbox.dispatch(next.value);
    let result: AppendResult;
    if (dispatched.ok) result = { ok: true, entry: dispatched.entry, state: sandbox.state, reply: dispatched.reply, refusal: dispatched.refusal };
    else if (dispatched.error instanceof DomainError) result = { ok: false, error: dispatched.error };
    else throw new HostError(dispatched.error.message);
    next = loop.next({ result, state: sandbox.state, now: sandbox.now() });
  }
}

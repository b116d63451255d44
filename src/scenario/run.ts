// Runs a scenario on the core: its world, then each step's commands through the same decide, hash chain and seeded
// randomness as a sandbox, then its expectations against what a person would see. No browser, no storage.
import type { WorldCommand, WorldState, DomainError, ServerReply, EventLogEntry, AuditEntry } from '../domain';
import { DEFAULT_CLOCK_START } from '../domain';
import { MemoryJournal } from '../runtime/memory-journal';
import { defaultWorldCommands } from '../runtime/default-world';
import { logEntriesOf } from '../runtime/log-read-model';
import type { Entry, AppendResult } from '../runtime/journal';
import type { Scenario, Step } from './format';
import { actionSpec } from './actions';
import type { Actor, Keepable } from './actions';
import { checkExpectation, phoneView } from './expectations';
import type { CheckResult } from './expectations';
import { CHECK_WORDS } from './check-words';
import { describeRefusal } from '../i18n/describe-refusal';
import { findPhone, findAdmin, findAccessServer, StepError } from './resolve';
import { parseTime } from './duration';
import { REFERENCE, NOT_INPUTS } from './load';
import type { Lang } from './text';

export type StepStatus = 'passed' | 'failed' | 'error' | 'skipped';

export interface StepOutcome {
  index: number;
  step: Step;
  status: StepStatus;
  /** Server time the step ran at. */
  at: number;
  /** The commands the step sent, in order (the last one may have been refused). */
  commands: WorldCommand[];
  /** The journal entries it appended. */
  entries: Entry[];
  refusal: DomainError | null;
  checks: CheckResult[];
  /** Why the step could not run (an unknown phone, a value not kept), when it could not. */
  error: string | null;
  /** Values kept by this step. */
  kept: Record<string, string>;
}

export interface ScenarioRun {
  scenario: Scenario;
  status: 'passed' | 'failed' | 'error';
  /** Why the world could not be built, when it could not. */
  worldError: string | null;
  steps: StepOutcome[];
  /** The whole journal: the world, then the steps. */
  entries: Entry[];
  /** How many of `entries` built the world. */
  worldEntries: number;
  state: WorldState;
  /** The newest event-log entries (all orgs), for a failure report. */
  recentEvents: EventLogEntry[];
}

export interface RunOptions {
  lang?: Lang;
  /** Called as each step ends (the pretty printer prints as it goes). */
  onStep?: (outcome: StepOutcome) => void;
}

const RECENT = 8;

/** `{name}` replaced with the value kept under that name. */
function interpolate(text: string, kept: ReadonlyMap<string, string>): string {
  return text.replace(REFERENCE, (_match, name: string) => {
    const value = kept.get(name);
    if (value === undefined) throw new StepError(`No value is kept as "${name}" (kept so far: ${[...kept.keys()].join(', ') || 'none'})`);
    return value;
  });
}

/** The step's inputs (its own fields), with kept values put in. */
export function inputsOf(step: Step, kept: ReadonlyMap<string, string>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(step)) {
    if (NOT_INPUTS.has(key)) continue;
    input[key] = typeof value === 'string' ? interpolate(value, kept) : value;
  }
  return input;
}

export function actorOf(step: Step, world: WorldState): Actor {
  const actor: unknown = 'actor' in step ? step.actor : undefined;
  if (actor === undefined) return { kind: 'none' };
  if (actor === 'lab') return { kind: 'lab' };
  // The step schema allows exactly these shapes for `actor`.
  const shape = actor as { phone?: string; admin?: string; loginPage?: string; org?: string };
  if (shape.phone !== undefined) return { kind: 'phone', phone: findPhone(world, shape.phone) };
  if (shape.admin !== undefined) {
    const admin = findAdmin(world, shape.admin, shape.org);
    const org = world.server.orgs[admin.orgId];
    if (!org) throw new StepError(`${admin.username}'s organization is gone`);
    return { kind: 'admin', admin, org };
  }
  if (shape.loginPage !== undefined) return { kind: 'loginPage', ...findAccessServer(world, shape.loginPage, shape.org) };
  return { kind: 'none' };
}

/** A value read off a screen after the step, to keep. */
function readValue(what: Keepable, actor: Actor, world: WorldState, now: number, reply: ServerReply | null): string {
  if (what === 'ubc') {
    if (reply?.kind === 'ubc') return reply.ubc;
    throw new StepError('Manager shows no UBC after this step');
  }
  if (actor.kind !== 'phone') throw new StepError(`Only a phone shows a ${what}`);
  const phone = world.phones[actor.phone.id];
  const view = phoneView(world, actor.phone.id, now);
  if (!phone || !view) throw new StepError(`${actor.phone.label} is gone`);
  switch (what) {
    case 'code':
      if (view.code && view.screen !== 'unblock-offline-code') return view.code;
      throw new StepError(`${phone.label} shows no code (screen: ${view.screen})`);
    case 'unblockCode':
      if (view.code && view.screen === 'unblock-offline-code') return view.code;
      throw new StepError(`${phone.label} shows no offline unblock code (screen: ${view.screen})`);
    case 'sms': {
      const sms = phone.inbox.at(-1);
      if (sms) return sms.code;
      throw new StepError(`${phone.label} has no SMS`);
    }
    case 'appId':
      if (phone.app.device) return phone.app.device.appId;
      throw new StepError(`${phone.label}'s app is not activated`);
  }
}

/** What the host answers after running a command: its result, and the world and server time after it. */
export interface HostAnswer {
  result: AppendResult;
  state: WorldState;
  now: number;
}

/** The server time a scenario's world starts at. */
export function scenarioStart(scenario: Scenario): number {
  return scenario.start === undefined ? DEFAULT_CLOCK_START : (parseTime(scenario.start) ?? DEFAULT_CLOCK_START);
}

/**
 * The step loop. It knows no host: it yields each command and is given back what the host did with it, so the runner
 * (a journal in memory) and the browser (a sandbox on IndexedDB) run the same loop, and the same file gives the same
 * journal by construction. `initial` is an empty journal's world (every journal starts at the same time, so a stored
 * sandbox folds it the same way): a later start time is the world's first command, SetClock.
 */
export function* scenarioLoop(scenario: Scenario, initial: { state: WorldState; now: number }, options: RunOptions = {}): Generator<WorldCommand, ScenarioRun, HostAnswer> {
  const steps: StepOutcome[] = [];
  const entries: Entry[] = [];
  let world = initial.state;
  let now = initial.now;
  /** Sends one command to the host and takes in what it did. */
  function* send(command: WorldCommand): Generator<WorldCommand, AppendResult, HostAnswer> {
    const answer = yield command;
    world = answer.state;
    now = answer.now;
    if (answer.result.ok) entries.push(answer.result.entry);
    return answer.result;
  }

  const start = scenarioStart(scenario);
  if (start !== world.clock.now) {
    const result = yield* send({ type: 'SetClock', toMs: start });
    const error = result.ok ? result.refusal : result.error;
    if (error) return { scenario, status: 'error', worldError: `start: ${describeRefusal(error, options.lang ?? 'en')}`, steps, entries, worldEntries: entries.length, state: world, recentEvents: [] };
  }
  // The world: the default one, or the file's own commands. A refused world command is an error naming it.
  const worldSource = scenario.world ?? 'default';
  const worldCommands: Generator<WorldCommand, void, WorldState> =
    worldSource === 'default'
      ? defaultWorldCommands({ resumeClock: false })
      : // The schema checked each command field by field (WorldCommandSchema); the core decides them like any other.
        (function* () { for (const command of worldSource.commands) yield command as WorldCommand; })();
  let index = 0;
  for (let next = worldCommands.next(world); !next.done; next = worldCommands.next(world), index++) {
    const result = yield* send(next.value);
    const error = result.ok ? result.refusal : result.error;
    if (error) {
      // Where, as the file's own field names say it (the same in either language): `world` ("default") or the command's path.
      const where = worldSource === 'default' ? 'world' : `world.commands[${index}]`;
      return { scenario, status: 'error', worldError: `${where}: ${next.value.type} ${CHECK_WORDS[options.lang ?? 'en'].refusedBecause(describeRefusal(error, options.lang ?? 'en'))}`, steps, entries, worldEntries: entries.length, state: world, recentEvents: [] };
    }
  }
  const worldEntries = entries.length;
  const run = yield* stepsLoop(scenario.steps, { state: world, now }, options);
  entries.push(...run.entries);
  const failed = run.steps.some((outcome) => outcome.status === 'failed' || outcome.status === 'error');
  return { scenario, status: failed ? 'failed' : 'passed', worldError: null, steps: run.steps, entries, worldEntries, state: run.state, recentEvents: run.recentEvents };
}

/** What a run of steps did: each step's outcome, the entries written, the world after, and the values kept. */
export interface StepsRun {
  steps: StepOutcome[];
  entries: Entry[];
  state: WorldState;
  now: number;
  kept: Map<string, string>;
  recentEvents: EventLogEntry[];
}

export interface StepsOptions extends RunOptions {
  /** Values kept before these steps (a training case's caller remembers what the trainee said). */
  kept?: ReadonlyMap<string, string>;
  /** Index of the first step, for outcomes and messages (steps taken from the middle of a scenario). */
  firstIndex?: number;
}

/**
 * Runs steps on the world the host holds: each step's commands yielded to the host, then its values kept and its
 * expectations checked. After a step fails (or cannot run), the rest are skipped. The scenario loop and a training
 * case's caller both run steps through here.
 */
export function* stepsLoop(stepList: readonly Step[], initial: { state: WorldState; now: number }, options: StepsOptions = {}): Generator<WorldCommand, StepsRun, HostAnswer> {
  const lang = options.lang ?? 'en';
  const steps: StepOutcome[] = [];
  const recent: EventLogEntry[] = [];
  const entries: Entry[] = [];
  let world = initial.state;
  let now = initial.now;
  function* send(command: WorldCommand): Generator<WorldCommand, AppendResult, HostAnswer> {
    const answer = yield command;
    world = answer.state;
    now = answer.now;
    if (answer.result.ok) entries.push(answer.result.entry);
    return answer.result;
  }
  const kept = new Map<string, string>(options.kept ?? []);
  let stopped = false;

  for (const [offset, step] of stepList.entries()) {
    const stepIndex = (options.firstIndex ?? 0) + offset;
    const outcome: StepOutcome = { index: stepIndex, step, status: 'skipped', at: now, commands: [], entries: [], refusal: null, checks: [], error: null, kept: {} };
    if (stopped) {
      steps.push(outcome);
      options.onStep?.(outcome);
      continue;
    }
    const eventEntries: EventLogEntry[] = [];
    const auditEntries: AuditEntry[] = [];
    let reply: ServerReply | null = null;
    try {
      const spec = actionSpec(step.action);
      if (!spec) throw new StepError(`Unknown action "${step.action}"`);
      const actor = actorOf(step, world);
      outcome.commands = spec.commands(inputsOf(step, kept), { world, actor });
      for (const command of outcome.commands) {
        const result = yield* send(command);
        if (result.ok) {
          outcome.entries.push(result.entry);
          const logged = logEntriesOf(result.entry.events);
          eventEntries.push(...logged.events);
          auditEntries.push(...logged.audits);
          reply = result.reply;
        }
        const refusal = result.ok ? result.refusal : result.error;
        if (refusal) {
          outcome.refusal = refusal;
          break;
        }
      }
      // The keep schema of each action only has keys from KEEPABLE, each naming a kept value.
      const keeps = Object.entries(step.keep ?? {}) as [Keepable, string | undefined][];
      for (const [what, name] of keeps) {
        if (name === undefined) continue;
        const value = readValue(what, actor, world, now, reply);
        kept.set(name, value);
        outcome.kept[name] = value;
      }
      const effects = { world, now, eventEntries, auditEntries, reply, refusal: outcome.refusal, lang };
      for (const expectation of step.expect ?? []) outcome.checks.push(...checkExpectation(expectation, effects));
      const refusalExpected = (step.expect ?? []).some((expectation) => 'refused' in expectation);
      if (outcome.refusal && !refusalExpected) {
        const w = CHECK_WORDS[lang];
        outcome.checks.push({ name: w.refused, expected: w.notRefused, actual: w.refusedBecause(describeRefusal(outcome.refusal, lang)), pass: false });
      }
      outcome.status = outcome.checks.every((result) => result.pass) ? 'passed' : 'failed';
    } catch (error) {
      if (!(error instanceof StepError)) throw error;
      outcome.status = 'error';
      outcome.error = error.message;
    }
    recent.push(...eventEntries);
    if (recent.length > RECENT) recent.splice(0, recent.length - RECENT);
    if (outcome.status !== 'passed') stopped = true;
    steps.push(outcome);
    options.onStep?.(outcome);
  }

  return { steps, entries, state: world, now, kept, recentEvents: recent };
}

/** Runs a scenario on a journal in memory: the headless runner. After a step fails, the rest are skipped. */
export function runScenario(scenario: Scenario, options: RunOptions = {}): ScenarioRun {
  const journal = new MemoryJournal(scenario.seed);
  const loop = scenarioLoop(scenario, { state: journal.state, now: journal.now() }, options);
  for (let next = loop.next(); ; ) {
    if (next.done) return next.value;
    const result = journal.run(next.value);
    next = loop.next({ result, state: journal.state, now: journal.now() });
  }
}

// Guided training on a scenario: the caller's situation (the case's first steps), what the caller does when the
// trainee asks (steps run through the same step loop), goals checked on the world after every command, mistakes named,
// and the result. Pure: the browser keeps the session (training-store.ts) and drives the caller's steps on a sandbox.
import type { WorldCommand, WorldState, EventLogEntry, AuditEntry } from '../domain';
import type { Entry } from '../runtime/journal';
import { logEntriesOf } from '../runtime/log-read-model';
import { describeCommand, describeActor } from '../i18n/describe-command';
import { describeRefusal } from '../i18n/describe-refusal';
import type { Scenario, Training, CallerRequest } from './format';
import { BUILTIN_MISTAKES } from './format';
import { checkExpectation, phoneView } from './expectations';
import type { CheckResult, Expectation } from './expectations';
import { findPhone, findOrg, findAdmin, StepError } from './resolve';
import { stepsLoop, runScenario } from './run';
import type { HostAnswer, StepsRun } from './run';
import { REFERENCE } from './load';
import type { Bilingual, Lang } from './text';

export type BuiltinMistake = (typeof BUILTIN_MISTAKES)[number];

/** The built-in mistakes in words (found in the audit log of what the trainee did in Manager). */
export const BUILTIN_MISTAKE_TEXT: Record<BuiltinMistake, Bilingual> = {
  'ubc-other-user': { en: 'A UBC was displayed or generated for someone other than the caller', nb: 'En opplåsingskode ble vist eller laget for en annen enn den som ringte' },
  'set-inactive': { en: 'A user was set inactive', nb: 'En bruker ble satt inaktiv' },
  'pin-blocked': { en: 'A PIN was blocked from Manager', nb: 'En PIN-kode ble sperret fra Manager' },
  'refused-by-role': { en: 'Manager refused something your role may not do', nb: 'Manager avviste noe rollen din ikke har lov til' },
};

/** What the trainee's actions since the call began wrote, for goals and mistakes. */
export interface TrainingEffects {
  world: WorldState;
  now: number;
  /** Journal entries written since the call began (the trainee's and the caller's). */
  entries: readonly Entry[];
  lang: Lang;
}

export interface GoalState {
  id: string;
  text: Bilingual;
  met: boolean;
  /** The conditions that do not hold yet, named (for the result; the checklist shows only the goal). */
  unmet: CheckResult[];
}

export interface MistakeState {
  id: string;
  text: Bilingual;
}

export interface Assessment {
  goals: GoalState[];
  mistakes: MistakeState[];
}

/** The case's training section, or null for a scenario that is not a training case. */
export function trainingOf(scenario: Scenario): Training | null {
  return scenario.training ?? null;
}

/** The scenario of the situation the caller is in when the call begins: the world and the setup steps. */
export function setupOf(scenario: Scenario, training: Training): Scenario {
  return { ...scenario, steps: scenario.steps.slice(0, training.setup) };
}

function logsOf(entries: readonly Entry[]): { events: EventLogEntry[]; audits: AuditEntry[] } {
  const events: EventLogEntry[] = [];
  const audits: AuditEntry[] = [];
  for (const entry of entries) {
    const logged = logEntriesOf(entry.events);
    events.push(...logged.events);
    audits.push(...logged.audits);
  }
  return { events, audits };
}

/** Built-in mistakes in what the trainee did: the audit entries written since the call began by the trainee's administrator. */
export function builtinMistakes(training: Training, world: WorldState, audits: readonly AuditEntry[]): BuiltinMistake[] {
  const found = new Set<BuiltinMistake>();
  let callerOrg: string | null = null;
  let trainee: string | null = null;
  try {
    callerOrg = findOrg(world, training.caller.org).id;
    trainee = findAdmin(world, training.trainee.admin, training.trainee.org).id;
  } catch {
    // A case naming an org or admin that is gone: every UBC counts as for someone else, every entry as the trainee's.
  }
  const caller = training.caller.username.trim().toLowerCase();
  for (const audit of audits) {
    if (trainee !== null && audit.adminId !== trainee) continue; // another organization's helpdesk, called by the caller
    const kind = audit.action.kind;
    if ((kind === 'ubc-displayed' || kind === 'ubc-regenerated') && (audit.orgId !== callerOrg || audit.targetUsername?.toLowerCase() !== caller)) found.add('ubc-other-user');
    if (audit.action.kind === 'status-set' && audit.action.status === 'inactive') found.add('set-inactive');
    if (kind === 'pin-blocked') found.add('pin-blocked');
    if (kind === 'refused') found.add('refused-by-role');
  }
  return BUILTIN_MISTAKES.filter((id) => found.has(id));
}

/** Checks conditions on the world and on what was written since the call began; a name the world lacks fails the check. */
function holds(conditions: readonly Expectation[], effects: TrainingEffects, logs: { events: EventLogEntry[]; audits: AuditEntry[] }): CheckResult[] {
  const results: CheckResult[] = [];
  for (const condition of conditions) {
    try {
      results.push(...checkExpectation(condition, { world: effects.world, now: effects.now, eventEntries: logs.events, auditEntries: logs.audits, reply: null, refusal: null, lang: effects.lang }));
    } catch (error) {
      if (!(error instanceof StepError)) throw error;
      results.push({ name: error.message, expected: '', actual: '', pass: false });
    }
  }
  return results;
}

/** The goals met and not, and the mistakes made, given the world now and the entries written since the call began. */
export function assess(training: Training, effects: TrainingEffects): Assessment {
  const logs = logsOf(effects.entries);
  const builtin = builtinMistakes(training, effects.world, logs.audits);
  const mistakes: MistakeState[] = builtin.map((id) => ({ id, text: BUILTIN_MISTAKE_TEXT[id] }));
  for (const mistake of training.mistakes ?? []) {
    if (holds(mistake.when, effects, logs).every((check) => check.pass)) mistakes.push({ id: mistake.id, text: mistake.text });
  }
  const goals = training.goals.map((goal): GoalState => {
    const checks = holds(goal.expect, effects, logs);
    const undone = (goal.without ?? []).filter((id) => builtin.includes(id));
    const unmet = [...checks.filter((check) => !check.pass), ...undone.map((id) => ({ name: BUILTIN_MISTAKE_TEXT[id][effects.lang], expected: '', actual: '', pass: false }))];
    return { id: goal.id, text: goal.text, met: unmet.length === 0, unmet };
  });
  return { goals, mistakes };
}

/** The first goal not met: the one a hint is about. */
export function nextGoal(training: Training, assessment: Assessment) {
  const open = assessment.goals.find((goal) => !goal.met);
  return open ? training.goals.find((goal) => goal.id === open.id) ?? null : null;
}

/** The request of a case by id. */
export function requestOf(training: Training, id: string): CallerRequest | null {
  return training.requests.find((request) => request.id === id) ?? null;
}

/**
 * The caller doing what the trainee asked: the request's steps through the step loop, with what the caller remembers
 * (`kept`) and what the trainee said under the request's `ask` name. Yields commands for the host to run.
 */
export function* callerLoop(request: CallerRequest, said: string | undefined, kept: ReadonlyMap<string, string>, initial: { state: WorldState; now: number }, lang: Lang): Generator<WorldCommand, StepsRun, HostAnswer> {
  const memory = new Map(kept);
  // The caller hears "123 456 789" and types the digits: a person does not type the pauses. Everything else they type
  // as heard, and the core decides it as it decides anyone's typing.
  if (request.ask) memory.set(request.ask.name, (said ?? '').replace(/\s+/g, ''));
  return yield* stepsLoop(request.steps, initial, { lang, kept: memory });
}

/** What the caller says after a request: the request's own reply, or what went wrong in the caller's words. */
export interface CallerReply {
  ok: boolean;
  text: Bilingual;
}

const fill = (text: string, kept: ReadonlyMap<string, string>) => text.replace(REFERENCE, (match, name: string) => kept.get(name) ?? match);

/** What the caller reports after `run`, reading their phone and the login page as a person would. */
export function callerReply(training: Training, request: CallerRequest, run: StepsRun): CallerReply {
  const ran = run.steps.filter((step) => step.status !== 'skipped');
  const loginEntry = (ran[ran.length - 1]?.entries ?? []).filter((entry) => entry.command.type === 'Login').pop();
  if (loginEntry) {
    const granted = logEntriesOf(loginEntry.events).events.some((event) => event.type === 'Access_Granted' || event.type === 'Access_Granted_Offline');
    if (!granted) return { ok: false, text: { en: 'The login page says the login failed.', nb: 'Innloggingssiden sier at innloggingen mislyktes.' } };
  }
  let phoneId: string | null = null;
  try {
    phoneId = findPhone(run.state, training.caller.phone).id;
  } catch {
    phoneId = null;
  }
  const view = phoneId ? phoneView(run.state, phoneId, run.now) : null;
  const left = view?.attemptsRemaining ?? 0;
  // A message the app showed before the request is old news; only what this request made the app say is reported.
  switch (run.entries.length > 0 ? view?.notice : undefined) {
    case 'wrong-ubc':
      return { ok: false, text: { en: `The app says the unblocking code is wrong. ${left === 1 ? '1 attempt' : `${left} attempts`} left.`, nb: `Appen sier at opplåsingskoden er feil. ${left === 1 ? '1 forsøk' : `${left} forsøk`} igjen.` } };
    case 'ubc-blocked':
      return { ok: false, text: { en: 'The app says the unblocking code is blocked. I cannot type it any more.', nb: 'Appen sier at opplåsingskoden er sperret. Jeg kan ikke taste den mer.' } };
    case 'ubc-used':
      return { ok: false, text: { en: 'The app says that unblocking code has already been used.', nb: 'Appen sier at den opplåsingskoden allerede er brukt.' } };
    case 'wrong-pin':
      return { ok: false, text: { en: `The app says my PIN is wrong. ${left === 1 ? '1 attempt' : `${left} attempts`} left.`, nb: `Appen sier at PIN-koden er feil. ${left === 1 ? '1 forsøk' : `${left} forsøk`} igjen.` } };
    case 'pin-blocked':
      return { ok: false, text: { en: 'The app says my PIN is blocked.', nb: 'Appen sier at PIN-koden min er sperret.' } };
    default:
      break;
  }
  const problem = run.steps.find((step) => step.status === 'failed' || step.status === 'error');
  const refusal = problem?.refusal;
  if (refusal && refusal.code === 'invalid-field') {
    return { ok: false, text: { en: `The app does not take it: ${describeRefusal(refusal, 'en')}`, nb: `Appen godtar det ikke: ${describeRefusal(refusal, 'nb')}` } };
  }
  if (problem) {
    const screen = view ? `${view.screen}` : '';
    return {
      ok: false,
      text: {
        en: `I can't do that: my app does not offer it right now${screen ? ` (it shows the ${screen} screen)` : ''}.`,
        nb: `Det får jeg ikke til: appen min tilbyr ikke det nå${screen ? ` (den viser skjermen ${screen})` : ''}.`,
      },
    };
  }
  return { ok: true, text: { en: fill(request.reply.en, run.kept), nb: fill(request.reply.nb, run.kept) } };
}

/** One step of a path in words: when, who, what. */
export interface PathStep {
  seq: number;
  at: number;
  actor: Bilingual;
  text: Bilingual;
}

function describe(entry: Entry, world: WorldState): PathStep {
  const both = (f: (lang: Lang) => string): Bilingual => ({ en: f('en'), nb: f('nb') });
  return { seq: entry.seq, at: entry.at, actor: both((lang) => describeActor(entry.command, world, lang)), text: both((lang) => describeCommand(entry.command, world, lang)) };
}

/** Journal entries in words (names looked up in `world`, the world at the end). */
export function pathOf(entries: readonly Entry[], world: WorldState): PathStep[] {
  return entries.map((entry) => describe(entry, world));
}

/** The scenario up to the end of its expected path (`until`): what a trainee's call should come to. */
export function expectedScenario(scenario: Scenario, training: Training): Scenario {
  return training.until === undefined ? scenario : { ...scenario, steps: scenario.steps.slice(0, training.until) };
}

/** The case's expected path: what its steps after the setup (and before `until`) do, run headless. */
export function expectedPath(scenario: Scenario, training: Training): PathStep[] {
  const run = runScenario(expectedScenario(scenario, training));
  const after = run.steps.filter((step) => step.index >= training.setup).flatMap((step) => step.entries);
  return pathOf(after, run.state);
}

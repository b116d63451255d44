// The recorder's core: a command the screens sent becomes a scenario step in the words of the screens (enter PIN,
// display UBC, log in at Acme VPN), checked to give back exactly that command; what the screen showed after it becomes
// a suggested expectation; the recording becomes a scenario file that plays back to the same journal.
import * as v from 'valibot';
import type { WorldCommand, WorldState, DomainError } from '../domain';
import { SCENARIO_FORMAT, SCENARIO_VERSION, Step } from './format';
import type { Scenario } from './format';
import { actionSpec } from './actions';
import { actorOf, inputsOf, runScenario } from './run';
import { phoneView, userView, NOTICES } from './expectations';
import type { Expectation } from './expectations';
import { formatDuration, formatTime } from './duration';
import { sameJson } from '../runtime/canonical-json';
import { logEntriesOf } from '../runtime/log-read-model';
import type { WorldEvent } from '../domain';
import type { Entry } from '../runtime/journal';
import { StepError } from './resolve';
import { describeActor, describeCommand } from '../i18n/describe-command';
import type { Bilingual } from './text';

/** A step as a recording keeps it: the step, and what the screens showed right after it (offered as expectations). */
export interface RecordedStep {
  step: Record<string, unknown>;
  suggested: Expectation[];
  /** Whether the suggested expectations are part of the step. */
  expected: boolean;
  /** What was done, in words, in both languages (for the recorder's list). */
  words: Bilingual;
}

const orgName = (world: WorldState, orgId: string) => world.server.orgs[orgId]?.name ?? orgId;

function usernameOf(world: WorldState, orgId: string, mobile: string): string | null {
  return Object.values(world.server.links).find((link) => link.orgId === orgId && link.mobile === mobile)?.username ?? null;
}

/** The step a person's command says in words, before it is checked: null when no action says it. */
function candidate(command: WorldCommand, world: WorldState): Record<string, unknown> | null {
  const phone = 'phoneId' in command ? world.phones[command.phoneId] : undefined;
  const onPhone = (action: string, inputs: Record<string, unknown> = {}) => (phone ? { actor: { phone: phone.label }, action, ...inputs } : null);
  const pins = (pin: string, repeat: string) => (repeat === pin ? { pin } : { pin, repeat });
  const byAdmin = (action: string, by: string | undefined, orgId: string, inputs: Record<string, unknown>) => {
    const admin = by ? world.server.admins[by] : undefined;
    return admin ? { actor: { admin: admin.username, org: orgName(world, orgId) }, action, ...inputs } : null;
  };
  const onUser = (action: string, c: { by: string; orgId: string; mobile: string }) => {
    const user = usernameOf(world, c.orgId, c.mobile);
    return user ? byAdmin(action, c.by, c.orgId, { user }) : null;
  };
  switch (command.type) {
    case 'AppStartActivation': return onPhone('start activation', { mobile: command.mobile });
    case 'AppConfirmSms': return onPhone('enter SMS code', { code: command.smsCode });
    case 'AppSetFirstPin': return onPhone('set first PIN', pins(command.pin, command.repeat));
    case 'AppEnterPin': return onPhone('enter PIN', { pin: command.pin });
    case 'AppOpenUnblock': return onPhone('open unblock');
    case 'AppChooseUnblockOrg': return onPhone('choose organization', { org: orgName(world, command.orgId) });
    case 'AppEnterUbc': return onPhone('enter UBC', { ubc: command.ubc });
    case 'AppSetUnblockPin': return onPhone('set new PIN', pins(command.newPin, command.repeat));
    case 'AppOpenChangePin': return onPhone('open change PIN');
    case 'AppChangePin': return onPhone('change PIN', { current: command.currentPin, ...pins(command.newPin, command.repeat) });
    case 'AppShowLinks': return onPhone('show linked organizations');
    case 'AppBack': return onPhone('go back');
    case 'AppReset': return onPhone('reset the app');
    case 'SetPhoneOnline': return onPhone(command.online ? 'go online' : 'go offline');
    case 'SetPhoneClockOffset': return onPhone('set phone clock', { offset: command.offsetMs === 0 ? '0' : formatDuration(command.offsetMs) });
    case 'DisplayUbc': return onUser('display UBC', command);
    case 'GenerateNewUbc': return onUser('generate new UBC', command);
    case 'BlockPin': return onUser('block PIN', command);
    case 'OfflineUnlock': return onUser('unlock offline codes', command);
    case 'SetUserStatus': return onUser(command.status === 'inactive' ? 'set user inactive' : 'set user active', command);
    case 'Login': {
      const org = world.server.orgs[command.orgId];
      const server = command.accessServerId === 'manager' ? 'Manager' : org?.accessServers.find((s) => s.id === command.accessServerId)?.name;
      return org && server ? { actor: { loginPage: server, org: org.name }, action: 'log in', username: command.username, code: command.code } : null;
    }
    case 'AdvanceClock': return { actor: 'lab', action: 'advance the clock', by: formatDuration(command.byMs) };
    case 'SetClock': return { actor: 'lab', action: 'set the clock', to: formatTime(command.toMs) };
    case 'PauseClock': return { actor: 'lab', action: 'pause the clock' };
    case 'ResumeClock': return { actor: 'lab', action: 'resume the clock' };
    case 'SetClockSpeed': return { actor: 'lab', action: 'set clock speed', speed: command.speed };
    case 'SetAccessServerOffline': {
      const server = world.server.orgs[command.orgId]?.accessServers.find((s) => s.id === command.accessServerId);
      if (!server) return null;
      const action = command.offlineAllowed ? 'allow offline codes' : 'refuse offline codes';
      return command.by ? byAdmin(action, command.by, command.orgId, { server: server.name }) : { actor: 'lab', action, org: orgName(world, command.orgId), server: server.name };
    }
    default:
      return null;
  }
}

/** Whether `step` sends exactly `command` on `world`, as the runner would run it. */
function givesBack(step: Step, command: WorldCommand, world: WorldState): boolean {
  const spec = actionSpec(step.action);
  if (!spec) return false;
  try {
    return sameJson(spec.commands(inputsOf(step, new Map()), { world, actor: actorOf(step, world) }), [command]);
  } catch (error) {
    if (error instanceof StepError) return false;
    throw error;
  }
}

/**
 * The step for a command the screens sent on `before`: in words when an action says it and gives back exactly this
 * command, otherwise the command itself (`run command`), so a recording always plays back to the same journal.
 */
export function stepFor(command: WorldCommand, before: WorldState): Step {
  const words = candidate(command, before);
  if (words) {
    const parsed = v.safeParse(Step, words);
    if (parsed.success && givesBack(parsed.output, command, before)) return parsed.output;
  }
  return v.parse(Step, { actor: 'lab', action: 'run command', command });
}

/** What the screens showed after the step, as expectations: the phone it acted on, the user it was about, the login page's answer. */
export function suggestExpectations(command: WorldCommand, after: WorldState, now: number, events: readonly WorldEvent[]): Expectation[] {
  const out: Expectation[] = [];
  if ('phoneId' in command) {
    const view = phoneView(after, command.phoneId, now);
    if (view) {
      out.push({
        phone: {
          of: view.label,
          screen: view.screen,
          notice: view.notice as (typeof NOTICES)[number], // phoneView's notice is an AppNotice kind or 'none', the NOTICES list
          pinBlocked: view.pinBlocked,
          blocked: view.blocked.map((id) => orgName(after, id)),
          online: view.online,
          ...(view.attemptsRemaining !== null ? { attemptsRemaining: view.attemptsRemaining } : {}),
        },
      });
    }
  }
  if ('mobile' in command && 'orgId' in command && 'by' in command) {
    const username = usernameOf(after, command.orgId, command.mobile);
    const user = username ? userView(after, command.orgId, username, now) : null;
    if (username && user) {
      out.push({ user: { org: orgName(after, command.orgId), username, blocked: user.blocked, ubc: user.ubc as 'none' | 'outstanding' | 'blocked', pinAttempts: user.pinAttempts, status: user.status } }); // userView's ubc is one of USER_STATES
    }
  }
  if (command.type === 'Login') {
    const granted = logEntriesOf(events).events.some((event) => event.type === 'Access_Granted' || event.type === 'Access_Granted_Offline');
    out.push({ login: granted ? 'accepted' : 'failed' });
  }
  return out;
}

/** A recorded step: the step in words, a refusal the core journaled as expected, and the screens' view after it. */
export function recordStep(command: WorldCommand, before: WorldState, after: WorldState, now: number, entry: { events: readonly WorldEvent[] }, refusal: DomainError | null): RecordedStep {
  const step = stepFor(command, before) as Record<string, unknown>; // a Step is a plain object of its fields
  if (refusal) step.expect = [{ refused: true }];
  const words = { en: `${describeActor(command, before, 'en')}: ${describeCommand(command, before, 'en')}`, nb: `${describeActor(command, before, 'nb')}: ${describeCommand(command, before, 'nb')}` };
  return { step, suggested: suggestExpectations(command, after, now, entry.events), expected: false, words };
}

/** The scenario file of a recording: its steps (with the expectations chosen), starting from the default world. */
export function recordingScenario(input: { id: string; title: string; seed: string; recordedAt: number; steps: readonly RecordedStep[] }): Scenario {
  const when = formatTime(input.recordedAt);
  const description: Bilingual = { en: `Recorded in the sandbox at ${when} (wall time), from the default world.`, nb: `Tatt opp i sandkassen ${when} (veggklokke), fra standardverdenen.` };
  const steps = input.steps.map((recorded) => {
    const own = Array.isArray(recorded.step.expect) ? (recorded.step.expect as Expectation[]) : []; // set by recordStep
    const expect = [...own, ...(recorded.expected ? recorded.suggested : [])];
    return v.parse(Step, { ...recorded.step, ...(expect.length ? { expect } : {}) });
  });
  const title = input.title.trim().slice(0, 120) || 'Recording';
  return { format: SCENARIO_FORMAT, version: SCENARIO_VERSION, id: input.id, title: { en: title, nb: title }, description, seed: input.seed, world: 'default', steps };
}

/** How a recording plays back headless against the journal it came from. */
export type Playback = { same: true; entries: number } | { same: false; at: number; expected: number; got: number; why: string };

/** Runs the recording's scenario headless and compares its journal with the recorded sandbox's, entry by entry. */
export function comparePlayback(scenario: Scenario, recorded: readonly Entry[]): Playback {
  const run = runScenario(scenario);
  const firstBad = run.steps.find((step) => step.status !== 'passed');
  const count = Math.max(run.entries.length, recorded.length);
  for (let i = 0; i < count; i++) {
    if (run.entries[i]?.hash !== recorded[i]?.hash) {
      const why = firstBad ? `steps[${firstBad.index}] (${firstBad.step.action}): ${firstBad.error ?? firstBad.checks.filter((c) => !c.pass).map((c) => `${c.name}: ${c.actual}`).join('; ')}` : 'the entries differ';
      return { same: false, at: i + 1, expected: recorded.length, got: run.entries.length, why };
    }
  }
  if (firstBad) return { same: false, at: run.entries.length, expected: recorded.length, got: run.entries.length, why: `steps[${firstBad.index}] (${firstBad.step.action}) did not pass` };
  return { same: true, entries: recorded.length };
}

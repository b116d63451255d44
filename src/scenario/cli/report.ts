// What a run comes to: each scenario's outcome, the totals, the exit code, and the words of a failure, shared by the
// pretty printer and the JUnit report.
import type { EventLogEntry, WorldState } from '../../domain';
import { describeEvent } from '../../i18n/describe-event';
import { describeRefusal } from '../../i18n/describe-refusal';
import type { LoadedScenario } from '../load';
import type { ScenarioRun, StepOutcome, StepStatus } from '../run';
import type { Lang } from '../text';
import { WORDS } from './catalogue';
import { stepLine } from './describe';

/** One scenario that ran: what came out, how long it took; `crash` when the runner itself threw. */
export interface RunRecord {
  loaded: LoadedScenario;
  run: ScenarioRun | null;
  crash: string | null;
  ms: number;
}

export type ScenarioStatus = 'passed' | 'failed' | 'error';

/** Failed: an expectation did not hold (or a refusal nobody expected). Error: the world or a step could not run. */
export function scenarioStatus(record: RunRecord): ScenarioStatus {
  const { run } = record;
  if (!run || record.crash !== null || run.worldError !== null) return 'error';
  if (run.steps.some((step) => step.status === 'error')) return 'error';
  if (run.steps.some((step) => step.status === 'failed')) return 'failed';
  return 'passed';
}

export interface Totals {
  scenarios: Record<ScenarioStatus, number> & { all: number };
  steps: Record<StepStatus, number> & { all: number };
}

export function tally(records: readonly RunRecord[]): Totals {
  const totals: Totals = { scenarios: { all: 0, passed: 0, failed: 0, error: 0 }, steps: { all: 0, passed: 0, failed: 0, error: 0, skipped: 0 } };
  for (const record of records) {
    totals.scenarios.all++;
    totals.scenarios[scenarioStatus(record)]++;
    for (const step of record.run?.steps ?? []) {
      totals.steps.all++;
      totals.steps[step.status]++;
    }
  }
  return totals;
}

/** What the runner ends with: 0 all passed, 1 a scenario failed or could not run, 2 invalid files or arguments. */
export const EXIT = { passed: 0, failed: 1, invalid: 2 } as const;

export function exitCode(records: readonly RunRecord[]): 0 | 1 {
  return records.every((record) => scenarioStatus(record) === 'passed') ? EXIT.passed : EXIT.failed;
}

/** "3 scenarios (2 passed, 1 failed)" and "25 steps (20 passed, 1 failed, 4 skipped)", then the time. */
export function summaryLines(totals: Totals, ms: number, lang: Lang): string[] {
  const words = WORDS[lang];
  const parts = <K extends string>(counts: Record<K, number>, keys: readonly K[], name: (key: K) => string) =>
    keys.filter((key) => counts[key] > 0).map((key) => `${counts[key]} ${name(key)}`).join(', ');
  const status = (key: StepStatus) => words[key];
  const scenarios = parts(totals.scenarios, ['passed', 'failed', 'error'], status);
  const steps = parts(totals.steps, ['passed', 'failed', 'error', 'skipped'], status);
  return [
    `${words.scenarios(totals.scenarios.all)}${scenarios ? ` (${scenarios})` : ''}`,
    `${words.steps(totals.steps.all)}${steps ? ` (${steps})` : ''}`,
    words.time((ms / 1000).toFixed(3)),
  ];
}

/** An event-log entry in one line: time (UTC), organization, type, username, and what happened in words. */
export function eventLine(entry: EventLogEntry, state: WorldState, lang: Lang): string {
  const time = new Date(entry.at).toISOString().slice(11, 19);
  const org = state.server.orgs[entry.orgId]?.name ?? entry.orgId;
  return `${time}  ${org}  ${entry.type}${entry.username ? ` ${entry.username}` : ''}: ${describeEvent(entry.reason, lang)}`;
}

/** The step that stopped the scenario, if one did. */
export function failedStep(run: ScenarioRun): StepOutcome | undefined {
  return run.steps.find((step) => step.status === 'failed' || step.status === 'error');
}

/** One line saying why a scenario did not pass: the first failed expectation, the step error, the refusal. */
export function failureMessage(record: RunRecord, lang: Lang): string {
  const words = WORDS[lang];
  if (record.crash !== null) return record.crash;
  const run = record.run;
  if (!run) return words.error;
  if (run.worldError !== null) return `${words.worldError}: ${run.worldError}`;
  const step = failedStep(run);
  if (!step) return '';
  const where = `#${step.index + 1} ${stepLine(step.step, lang)}`;
  if (step.error !== null) return `${where}: ${words.stepError}: ${step.error}`;
  const check = step.checks.find((result) => !result.pass);
  if (check) return `${where}: ${check.name}: ${words.expected} ${check.expected}, ${words.actual} ${check.actual}`;
  return step.refusal ? `${where}: ${words.refused}: ${describeRefusal(step.refusal, lang)}` : where;
}

/** The details of a failed or unrunnable step: each failed check with expected and actual, the refusal, the error. */
export function failureDetails(step: StepOutcome, lang: Lang): { kind: 'check' | 'value' | 'note'; text: string }[] {
  const words = WORDS[lang];
  const lines: { kind: 'check' | 'value' | 'note'; text: string }[] = [];
  for (const check of step.checks.filter((result) => !result.pass)) {
    lines.push({ kind: 'check', text: check.name });
    const width = Math.max(words.expected.length, words.actual.length) + 1;
    lines.push({ kind: 'value', text: `${`${words.expected}:`.padEnd(width)} ${check.expected}` });
    lines.push({ kind: 'value', text: `${`${words.actual}:`.padEnd(width)} ${check.actual}` });
  }
  if (step.refusal) lines.push({ kind: 'note', text: `${words.refused}: ${describeRefusal(step.refusal, lang)}` });
  if (step.error !== null) lines.push({ kind: 'note', text: `${words.stepError}: ${step.error}` });
  return lines;
}

/** A failure in full, in plain text: the one-line message, each failed check, the last event-log entries. */
export function failureText(record: RunRecord, lang: Lang): string {
  const words = WORDS[lang];
  const lines = [failureMessage(record, lang)];
  const run = record.run;
  const step = run ? failedStep(run) : undefined;
  if (step) for (const detail of failureDetails(step, lang)) lines.push(`${detail.kind === 'value' ? '    ' : '  '}${detail.text}`);
  if (run?.recentEvents.length) {
    lines.push(`${words.recentEvents}:`);
    for (const entry of run.recentEvents) lines.push(`  ${eventLine(entry, run.state, lang)}`);
  }
  return lines.join('\n');
}

/** The whole story of a scenario in plain text: each step with its result, the failure, the last event-log entries. */
export function plainLog(record: RunRecord, lang: Lang): string {
  const words = WORDS[lang];
  const lines: string[] = [];
  const run = record.run;
  if (record.crash !== null) lines.push(record.crash);
  if (run?.worldError) lines.push(`${words.worldError}: ${run.worldError}`);
  for (const step of run?.steps ?? []) {
    const line = stepLine(step.step, lang);
    lines.push(`${line}${'.'.repeat(Math.max(3, 72 - line.length))}${words[step.status]}`);
    if (step.status === 'failed' || step.status === 'error') for (const detail of failureDetails(step, lang)) lines.push(`    ${detail.kind === 'value' ? '  ' : ''}${detail.text}`);
  }
  if (run && scenarioStatus(record) !== 'passed' && run.recentEvents.length) {
    lines.push(`${words.recentEvents}:`);
    for (const entry of run.recentEvents) lines.push(`    ${eventLine(entry, run.state, lang)}`);
  }
  return lines.join('\n');
}

// The pretty printer, after Cucumber's: each scenario's title, then each step as it runs with a mark for passed,
// failed, could not run or skipped and the expectations it checks; a failure in full (each failed expectation with
// expected and actual, the refusal or the step's error, the last event-log entries); a summary at the end.
import type { LoadedScenario } from '../load';
import type { StepOutcome, StepStatus } from '../run';
import type { Lang } from '../text';
import { WORDS } from './catalogue';
import { stepLine, expectationLines } from './describe';
import { eventLine, failureDetails, scenarioStatus, summaryLines } from './report';
import type { RunRecord, Totals } from './report';

export interface Paint {
  green(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  grey(text: string): string;
  bold(text: string): string;
}

const sgr = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

/** ANSI colours, or none. */
export function paint(color: boolean): Paint {
  if (!color) {
    const plain = (text: string) => text;
    return { green: plain, red: plain, yellow: plain, grey: plain, bold: plain };
  }
  return { green: sgr(32, 39), red: sgr(31, 39), yellow: sgr(33, 39), grey: sgr(90, 39), bold: sgr(1, 22) };
}

export const MARKS: Record<StepStatus, string> = { passed: '✔', failed: '✘', error: '!', skipped: '-' };

export class PrettyPrinter {
  private lastFile: string | null = null;

  constructor(
    private readonly write: (line: string) => void,
    private readonly lang: Lang,
    private readonly paint: Paint,
  ) {}

  private colour(status: StepStatus): (text: string) => string {
    return { passed: this.paint.green, failed: this.paint.red, error: this.paint.yellow, skipped: this.paint.grey }[status];
  }

  /** The file (once per file) and the scenario's title in the chosen language. */
  scenario(loaded: LoadedScenario): void {
    const words = WORDS[this.lang];
    if (loaded.file !== this.lastFile) {
      if (this.lastFile !== null) this.write('');
      this.write(this.paint.grey(`# ${loaded.file}`));
      this.lastFile = loaded.file;
    }
    this.write(`${this.paint.bold(`${words.scenario}:`)} ${loaded.scenario.title[this.lang]}`);
  }

  /** A step without running it (--list). */
  listed(step: LoadedScenario['scenario']['steps'][number]): void {
    this.write(`    ${stepLine(step, this.lang)}`);
    for (const expectation of step.expect ?? []) for (const line of expectationLines(expectation, this.lang)) this.write(this.paint.grey(`      → ${line}`));
  }

  /** A step as it ends. */
  step(outcome: StepOutcome): void {
    const words = WORDS[this.lang];
    const colour = this.colour(outcome.status);
    const kept = Object.entries(outcome.kept).map(([name, value]) => words.kept(name, value));
    const tail = outcome.status === 'error' ? ` (${words.error})` : outcome.status === 'skipped' ? ` (${words.skipped})` : kept.length ? ` (${kept.join(', ')})` : '';
    this.write(`  ${colour(`${MARKS[outcome.status]} ${stepLine(outcome.step, this.lang)}`)}${this.paint.grey(tail)}`);
    const dim = outcome.status === 'skipped' ? this.paint.grey : (text: string) => text;
    for (const expectation of outcome.step.expect ?? []) for (const line of expectationLines(expectation, this.lang)) this.write(`      ${dim(`→ ${line}`)}`);
    if (outcome.status !== 'failed' && outcome.status !== 'error') return;
    for (const detail of failureDetails(outcome, this.lang)) {
      if (detail.kind === 'check') this.write(`      ${this.paint.red(`${MARKS.failed} ${detail.text}`)}`);
      else if (detail.kind === 'value') this.write(`          ${detail.text}`);
      else this.write(`      ${colour(detail.text)}`);
    }
  }

  /** After the scenario: what stopped it, and the last event-log entries when it did not pass. */
  scenarioEnd(record: RunRecord): void {
    const words = WORDS[this.lang];
    const run = record.run;
    if (record.crash !== null) this.write(`  ${this.paint.yellow(`${MARKS.error} ${record.crash}`)}`);
    if (run?.worldError) this.write(`  ${this.paint.yellow(`${MARKS.error} ${words.worldError}: ${run.worldError}`)}`);
    if (run && scenarioStatus(record) !== 'passed') {
      this.write(`  ${words.recentEvents}:${run.recentEvents.length ? '' : ` ${words.noEvents}`}`);
      for (const entry of run.recentEvents) this.write(this.paint.grey(`    ${eventLine(entry, run.state, this.lang)}`));
    }
  }

  summary(totals: Totals, ms: number): void {
    const [scenarios = '', steps = '', time = ''] = summaryLines(totals, ms, this.lang);
    const colour = totals.scenarios.all === totals.scenarios.passed ? this.paint.green : this.paint.red;
    this.write('');
    this.write(colour(scenarios));
    this.write(steps);
    this.write(time);
  }
}

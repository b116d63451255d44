// Reading a scenario file, JSON or Gherkin, and refusing a bad one before anything runs, with a message naming the
// file, the step and the field.
import * as v from 'valibot';
import { formatPath } from '../runtime/command-schema';
import { Scenario } from './format';
import { EXPECTATION_OPTIONS } from './expectations';
import type { Step } from './format';

/** Largest scenario file read: a long case is a few hundred kilobytes. */
export const MAX_SCENARIO_BYTES = 2_000_000;

export interface LoadedScenario {
  /** The file it came from, as given. */
  file: string;
  /** Its id: the file's own, or its file name. */
  id: string;
  scenario: Scenario;
}

export type LoadResult = { ok: true; scenarios: LoadedScenario[] } | { ok: false; errors: string[] };

/** "cases/three-wrong-pins.scenario.json" -> "three-wrong-pins". */
export function idFromFile(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.(scenario\.json|json|feature)$/i, '').toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'scenario';
}

/** `{name}`: a value kept by an earlier step, inserted into a step's own field. */
export const REFERENCE = /\{([A-Za-z][A-Za-z0-9_-]*)\}/g;
/** A step's fields that are not the action's own inputs. */
export const NOT_INPUTS: ReadonlySet<string> = new Set(['action', 'actor', 'keep', 'narration', 'note', 'expect']);

/** Where in a file a path points: `steps[3] (enter PIN).pin`. */
function where(data: unknown, segments: readonly unknown[]): string {
  const path = formatPath(segments);
  if (segments[0] !== 'steps' || typeof segments[1] !== 'number') return path;
  const steps = (data as { steps?: unknown }).steps; // the path came from this value's own structure
  const step: unknown = Array.isArray(steps) ? steps[segments[1]] : undefined;
  const action = step && typeof step === 'object' && 'action' in step && typeof step.action === 'string' ? step.action : null;
  const head = `steps[${segments[1]}]${action ? ` (${action})` : ''}`;
  const rest = formatPath(segments.slice(2));
  return rest ? `${head}${rest.startsWith('[') ? '' : '.'}${rest}` : head;
}

/** Plain words for what valibot says about an object's keys. */
function wording(issue: v.BaseIssue<unknown>): string {
  if (issue.type === 'strict_object' && issue.expected === 'never') return `unknown field ${issue.received}: the format has no such field here`;
  if (issue.received === 'undefined' && issue.expected?.startsWith('"')) return `missing field ${issue.expected}`;
  if (issue.type === 'union' && issue.issues?.length) {
    const nested = issue.issues.find((inner) => inner.path && inner.path.length > (issue.path?.length ?? 0));
    if (nested) return wording(nested);
  }
  return issue.message;
}

/**
 * An expectation that matched none of its kinds: checked again as the kind its one key names, so the message says
 * which field of it is wrong rather than that no kind fits.
 */
function expectationIssue(issue: v.BaseIssue<unknown>): v.BaseIssue<unknown> {
  const input = issue.input;
  if (issue.type !== 'union' || !input || typeof input !== 'object') return issue;
  const keys = Object.keys(input);
  const key = keys.find((candidate): candidate is keyof typeof EXPECTATION_OPTIONS => candidate in EXPECTATION_OPTIONS);
  if (!key || keys.length !== 1) return issue;
  const again = v.safeParse(EXPECTATION_OPTIONS[key], input);
  const first = again.issues?.[0];
  if (!first) return issue;
  const [head, ...rest] = [...(issue.path ?? []), ...(first.path ?? [])];
  return head ? { ...first, path: [head, ...rest] } : first;
}

/** Each schema issue as "file: where: what". At most `limit` of them. */
function describe(file: string, data: unknown, issues: readonly v.BaseIssue<unknown>[], limit = 10): string[] {
  return issues.slice(0, limit).map((issue) => {
    // A union (an actor) says little itself; its most specific inner issue says what is wrong.
    const nested = issue.type === 'union' ? (issue.issues ?? []).reduce<v.BaseIssue<unknown>>((best, next) => ((next.path?.length ?? 0) > (best.path?.length ?? 0) ? next : best), issue) : issue;
    const inner = nested === issue ? expectationIssue(issue) : nested;
    const keys = (inner.path ?? []).map((item) => item.key);
    // A key too many or missing is named by the message; the place is the object that has it or lacks it.
    const aboutKey = (inner.type === 'strict_object' && inner.expected === 'never') || (inner.received === 'undefined' && inner.expected?.startsWith('"'));
    const place = where(data, aboutKey ? keys.slice(0, -1) : keys);
    return `${file}: ${place ? `${place}: ` : ''}${wording(inner)}`;
  });
}

/** Every `{name}` a step uses must be kept by an earlier step. */
function checkReferences(file: string, scenario: Scenario): string[] {
  const errors: string[] = [];
  const kept = new Set<string>();
  scenario.steps.forEach((step: Step, index) => {
    for (const [key, value] of Object.entries(step)) {
      if (NOT_INPUTS.has(key) || typeof value !== 'string') continue;
      for (const match of value.matchAll(REFERENCE)) {
        const name = match[1] ?? '';
        if (!kept.has(name)) errors.push(`${file}: steps[${index}] (${step.action}).${key}: {${name}} is not kept by an earlier step`);
      }
    }
    for (const name of Object.values(step.keep ?? {})) if (typeof name === 'string') kept.add(name);
  });
  return errors;
}

/**
 * A training case's own checks: its setup is part of the steps, and each request's `{name}` is the trainee's words or
 * kept by the setup, by an earlier step of the request, or by another request (the caller remembers what they read).
 */
function checkTraining(file: string, scenario: Scenario): string[] {
  const training = scenario.training;
  if (!training) return [];
  const errors: string[] = [];
  if (training.setup > scenario.steps.length) errors.push(`${file}: training.setup: ${training.setup} is more than the ${scenario.steps.length} steps`);
  if (training.until !== undefined && (training.until <= training.setup || training.until > scenario.steps.length)) {
    errors.push(`${file}: training.until: ${training.until} must be after the setup (${training.setup}) and at most the ${scenario.steps.length} steps`);
  }
  const known = new Set<string>();
  for (const step of scenario.steps.slice(0, training.setup)) for (const name of Object.values(step.keep ?? {})) if (typeof name === 'string') known.add(name);
  for (const request of training.requests) {
    if (request.ask) known.add(request.ask.name);
    for (const step of request.steps) for (const name of Object.values(step.keep ?? {})) if (typeof name === 'string') known.add(name);
  }
  training.requests.forEach((request, r) => {
    request.steps.forEach((step: Step, index) => {
      for (const [key, value] of Object.entries(step)) {
        if (NOT_INPUTS.has(key) || typeof value !== 'string') continue;
        for (const match of value.matchAll(REFERENCE)) {
          const name = match[1] ?? '';
          if (!known.has(name)) errors.push(`${file}: training.requests[${r}] (${request.id}).steps[${index}] (${step.action}).${key}: {${name}} is neither asked nor kept by any step`);
        }
      }
    });
  });
  const ids = new Set<string>();
  for (const [what, list] of [['goals', training.goals], ['requests', training.requests], ['mistakes', training.mistakes ?? []]] as const) {
    for (const item of list) {
      if (ids.has(item.id)) errors.push(`${file}: training.${what}: the id "${item.id}" is used twice`);
      ids.add(item.id);
    }
  }
  return errors;
}

/** Checks parsed data as a scenario; `file` names it in every message. */
export function checkScenario(file: string, data: unknown, fallbackId = idFromFile(file)): LoadResult {
  const parsed = v.safeParse(Scenario, data);
  if (!parsed.success) return { ok: false, errors: describe(file, data, parsed.issues) };
  const errors = [...checkReferences(file, parsed.output), ...checkTraining(file, parsed.output)];
  if (errors.length) return { ok: false, errors };
  return { ok: true, scenarios: [{ file, id: parsed.output.id ?? fallbackId, scenario: parsed.output }] };
}

/** Reads a `.scenario.json` file's text. */
export function parseScenarioJson(file: string, text: string): LoadResult {
  if (text.length > MAX_SCENARIO_BYTES) return { ok: false, errors: [`${file}: the file is larger than ${MAX_SCENARIO_BYTES / 1_000_000} MB`] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`${file}: not JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  return checkScenario(file, data);
}

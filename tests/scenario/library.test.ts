// The built-in scenario library (src/scenario/library): every file loads, every case is described in English and
// Norwegian with the rules it teaches, and every case passes on the core. A Gherkin twin compiles to the same steps as
// its JSON file. A flipped final expectation must fail, so the library's checks are live.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LIBRARY_ORDER } from '../../src/scenario/library-order';
import { describe, expect, it } from 'vitest';
import { parseScenarioFile } from '../../src/scenario/gherkin';
import { runScenario } from '../../src/scenario/run';
import type { ScenarioRun } from '../../src/scenario/run';
import type { LoadedScenario } from '../../src/scenario/load';
import type { Scenario, Step } from '../../src/scenario/format';
import type { Expectation } from '../../src/scenario/expectations';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const LIBRARY = join(ROOT, 'src', 'scenario', 'library');
const RULE_BOOK_IDS = new Set(readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8').match(/R-[A-Z]+-\d+/g) ?? []);

const files = readdirSync(LIBRARY).filter((name) => /\.(scenario\.json|feature)$/.test(name)).sort();

interface Loaded extends LoadedScenario {
  name: string;
  kind: 'json' | 'feature';
}

const loadErrors: string[] = [];
const loaded: Loaded[] = [];
for (const name of files) {
  const result = parseScenarioFile(name, readFileSync(join(LIBRARY, name), 'utf8'));
  if (!result.ok) loadErrors.push(...result.errors);
  else for (const scenario of result.scenarios) loaded.push({ ...scenario, name, kind: name.endsWith('.feature') ? 'feature' : 'json' });
}
const jsonCases = loaded.filter((entry) => entry.kind === 'json');
const featureCases = loaded.filter((entry) => entry.kind === 'feature');

/** What went wrong in a run, step by step, for the assertion message. */
function report(run: ScenarioRun): string {
  if (run.worldError) return `world: ${run.worldError}`;
  const bad = run.steps.filter((step) => step.status === 'failed' || step.status === 'error');
  return bad
    .map((step) => {
      const checks = step.checks.filter((check) => !check.pass).map((check) => `\n    ${check.name}: expected ${check.expected}, got ${check.actual}`);
      return `step ${step.index} (${step.step.action}) ${step.status}${step.error ? `: ${step.error}` : ''}${checks.join('')}`;
    })
    .join('\n');
}

/** The steps without the words for people (narration, notes), which Gherkin writes in one language only. */
function bareSteps(scenario: Scenario): unknown[] {
  return scenario.steps.map((step) => {
    const { narration: _narration, note: _note, ...rest } = step as Step & { narration?: unknown; note?: unknown };
    return rest;
  });
}

/** One expectation turned into its opposite, or null when it has nothing to turn. */
function flipped(expectation: Expectation): Expectation | null {
  if ('login' in expectation) return { login: expectation.login === 'accepted' ? 'failed' : 'accepted' };
  if ('refused' in expectation) return typeof expectation.refused === 'boolean' ? { refused: !expectation.refused } : null;
  if ('eventLog' in expectation) return { eventLog: { ...expectation.eventLog, count: expectation.eventLog.count === undefined ? 0 : expectation.eventLog.count + 1 } };
  if ('auditLog' in expectation) return { auditLog: { ...expectation.auditLog, count: expectation.auditLog.count === undefined ? 0 : expectation.auditLog.count + 1 } };
  if ('user' in expectation) {
    const user = expectation.user;
    if (user.blocked !== undefined) return { user: { ...user, blocked: !user.blocked } };
    if (user.listed !== undefined) return { user: { ...user, listed: !user.listed } };
    if (user.pinAttempts !== undefined) return { user: { ...user, pinAttempts: user.pinAttempts + 1 } };
    if (user.codeAttempts !== undefined) return { user: { ...user, codeAttempts: user.codeAttempts + 1 } };
    return null;
  }
  const phone = expectation.phone;
  if (phone.pinBlocked !== undefined) return { phone: { ...phone, pinBlocked: !phone.pinBlocked } };
  if (phone.codeLength !== undefined) return { phone: { ...phone, codeLength: phone.codeLength === 0 ? 6 : 0 } };
  if (phone.linked?.length) return { phone: { ...phone, linked: [] } };
  if (phone.blocked?.length) return { phone: { ...phone, blocked: [] } };
  return null;
}

describe('the scenario library (src/scenario/library)', () => {
  it('loads every file', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(loadErrors, loadErrors.join('\n')).toEqual([]);
  });

  it('has at least 20 distinct scenario ids', () => {
    expect(new Set(loaded.map((entry) => entry.id)).size).toBeGreaterThanOrEqual(20);
  });

  it('offers every case once in LIBRARY_ORDER (the order the Scenarios dialog lists them in)', () => {
    const ids = [...new Set(loaded.map((entry) => entry.id))].sort();
    expect([...LIBRARY_ORDER].sort()).toEqual(ids);
  });

  it('names each JSON file by its id', () => {
    for (const entry of jsonCases) expect(entry.name, entry.name).toBe(`${entry.id}.scenario.json`);
  });

  describe.each(jsonCases.map((entry) => [`${entry.id} (${(entry.scenario.rules ?? []).join(', ')})`, entry] as const))('%s', (_name, entry) => {
    const { scenario } = entry;

    it('has a title, description and briefing in English and Norwegian', () => {
      for (const field of ['title', 'description', 'briefing'] as const) {
        const text = scenario[field];
        expect(text?.en.trim(), `${entry.id}: ${field}.en`).toBeTruthy();
        expect(text?.nb.trim(), `${entry.id}: ${field}.nb`).toBeTruthy();
        expect(text?.nb, `${entry.id}: ${field} is not translated`).not.toBe(text?.en);
      }
    });

    it('teaches rules of docs/rules.md', () => {
      const rules = scenario.rules ?? [];
      expect(rules.length, `${entry.id}: no rules`).toBeGreaterThan(0);
      for (const rule of rules) expect(RULE_BOOK_IDS.has(rule), `${entry.id}: ${rule} is not in docs/rules.md`).toBe(true);
    });

    it('has a fixed seed, tags and narration in both languages', () => {
      expect(scenario.seed).toBeTruthy();
      expect(scenario.tags?.length ?? 0).toBeGreaterThan(0);
      const narrated = scenario.steps.filter((step) => step.narration);
      expect(narrated.length, `${entry.id}: no narrated step`).toBeGreaterThan(0);
      for (const step of narrated) expect(step.narration?.nb).not.toBe(step.narration?.en);
    });

    it('ends with expectations', () => {
      expect(scenario.steps.at(-1)?.expect?.length ?? 0, `${entry.id}: the last step checks nothing`).toBeGreaterThan(0);
    });

    it('passes', () => {
      const run = runScenario(scenario);
      expect(run.status, `${entry.id}:\n${report(run)}`).toBe('passed');
    });

    it('fails when its final expectation is turned around', () => {
      const last = scenario.steps.at(-1);
      const expectations = last?.expect ?? [];
      const index = expectations.findIndex((expectation) => flipped(expectation) !== null);
      expect(index, `${entry.id}: the last step has no expectation that can be turned around`).toBeGreaterThanOrEqual(0);
      const turned = flipped(expectations[index] as Expectation) as Expectation;
      const steps = [...scenario.steps.slice(0, -1), { ...last, expect: expectations.map((expectation, i) => (i === index ? turned : expectation)) } as Step];
      const run = runScenario({ ...scenario, steps });
      expect(run.status, `${entry.id}: still passes with ${JSON.stringify(turned)}`).toBe('failed');
      expect(run.steps.at(-1)?.status).toBe('failed');
    });
  });

  describe.each(featureCases.map((entry) => [entry.name, entry] as const))('Gherkin %s', (_name, entry) => {
    it('has a JSON twin with the same seed and steps', () => {
      const twin = jsonCases.find((candidate) => candidate.id === entry.id);
      expect(twin, `${entry.name}: no ${entry.id}.scenario.json`).toBeDefined();
      if (!twin) return;
      expect(entry.scenario.seed).toBe(twin.scenario.seed);
      expect(bareSteps(entry.scenario)).toEqual(bareSteps(twin.scenario));
    });

    it('passes', () => {
      const run = runScenario(entry.scenario);
      expect(run.status, `${entry.name}:\n${report(run)}`).toBe('passed');
    });
  });

  it('has Gherkin files in English and in Norwegian', () => {
    const languages = featureCases.map((entry) => (/^#\s*language:\s*no\b/m.test(readFileSync(join(LIBRARY, entry.name), 'utf8')) ? 'no' : 'en'));
    expect(languages).toContain('en');
    expect(languages).toContain('no');
  });
});

// The JSON Schema editors use and docs/scenarios.md are generated from the scenario code; they must not go stale, and
// the JSON Schema must accept what the runner accepts and refuse what it refuses.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import { scenarioJsonSchema, scenarioDocs, SCHEMA_FILE, DOCS_FILE } from '../../scripts/scenario-docs';
import { ACTIONS } from '../../src/scenario/actions';
import { parseScenarioJson } from '../../src/scenario/load';

const STALE = 'is stale: run `npm run docs:scenarios` and commit the result';

describe('generated scenario reference', () => {
  it(`${SCHEMA_FILE} is the schema generated from src/scenario`, () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8') === scenarioJsonSchema(), `${SCHEMA_FILE} ${STALE}`).toBe(true);
  });

  it(`${DOCS_FILE} is generated from the action and expectation tables`, () => {
    expect(readFileSync(DOCS_FILE, 'utf8') === scenarioDocs(), `${DOCS_FILE} ${STALE}`).toBe(true);
  });

  it('documents every action with its Gherkin words in both languages', () => {
    const docs = scenarioDocs();
    for (const spec of ACTIONS) {
      expect(docs).toContain(`### ${spec.action}\n`);
      expect(spec.gherkin.en.length, spec.action).toBe(spec.gherkin.nb.length);
    }
  });
});

describe('the JSON Schema and the runner agree', () => {
  const ajv = new Ajv({ allErrors: false, strict: false });
  const validate = ajv.compile(JSON.parse(scenarioJsonSchema()) as object);
  const base = { format: 'code-sandbox-scenario', version: 1, title: { en: 'T', nb: 'T' }, description: { en: 'D', nb: 'D' }, seed: 's' };

  it('accepts every action example the docs show', () => {
    for (const spec of ACTIONS) {
      const file = { ...base, steps: [spec.example] };
      expect(validate(file), `${spec.action}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(parseScenarioJson('example.scenario.json', JSON.stringify(file)).ok, spec.action).toBe(true);
    }
  });

  const bad: [string, unknown][] = [
    ['an unknown action', { action: 'fly' }],
    ['a PIN given as a number', { actor: { phone: 'Ingrid' }, action: 'enter PIN', pin: 1234 }],
    ['a field the action does not have', { actor: { phone: 'Ingrid' }, action: 'go back', pin: '1' }],
    ['a phone action by an administrator', { actor: { admin: 'anna.admin' }, action: 'enter PIN', pin: '1234' }],
    ['a duration with no unit', { actor: 'lab', action: 'advance the clock', by: '2' }],
    ['an unknown screen', { action: 'check', expect: [{ phone: { of: 'Ingrid', screen: 'moon' } }] }],
    ['an expectation with two subjects', { action: 'check', expect: [{ login: 'accepted', refused: true }] }],
  ];
  for (const [what, step] of bad) {
    it(`both refuse ${what}`, () => {
      const file = { ...base, steps: [step] };
      expect(validate(file)).toBe(false);
      expect(parseScenarioJson('bad.scenario.json', JSON.stringify(file)).ok).toBe(false);
    });
  }
});

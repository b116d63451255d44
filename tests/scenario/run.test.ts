// The scenario runner: steps run on the core, values kept and used, expectations named in failures, determinism, and
// the JSON and Gherkin forms running identically.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/scenario/run';
import { parseScenarioFile } from '../../src/scenario/gherkin';
import { parseScenarioJson } from '../../src/scenario/load';
import { defaultJournal } from '../../src/runtime/default-journal';
import { DEFAULT_CLOCK_START } from '../../src/domain';
import { scenario, ONLINE_UNBLOCK_STEPS, ONLINE_UNBLOCK_FEATURE, ONLINE_UNBLOCK_FEATURE_NB } from './support/scenarios';

const hashes = (run: ReturnType<typeof runScenario>) => run.entries.map((entry) => entry.hash);

function loadOne(file: string, text: string) {
  const loaded = parseScenarioFile(file, text);
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  const [first] = loaded.scenarios;
  if (!first) throw new Error('no scenario');
  return first.scenario;
}

describe('running a scenario on the core', () => {
  it('R-UBC-2: runs the online unblock, keeping the UBC Manager displayed and the code the phone showed', () => {
    const run = runScenario(scenario(ONLINE_UNBLOCK_STEPS));
    expect(run.status, JSON.stringify(run.steps.filter((s) => s.status !== 'passed'))).toBe('passed');
    const display = run.steps[3];
    expect(display?.kept.ubc).toMatch(/^\d{9}$/);
    const enterUbc = run.steps[6];
    expect(enterUbc?.commands).toEqual([{ type: 'AppEnterUbc', phoneId: 'ingrid-phone', ubc: display?.kept.ubc }]);
    expect(run.steps[9]?.commands[0]).toMatchObject({ type: 'Login', orgId: 'acme', accessServerId: 'vpn', username: 'ingrid' });
  });

  it('builds the default world with the clock paused, so time moves only by steps (R-CLK-1)', () => {
    const run = runScenario(scenario([{ action: 'check' }]));
    expect(run.state.clock.running).toBe(false);
    expect(run.state.clock.now).toBe(DEFAULT_CLOCK_START);
    // The same world a sandbox gets, less the final ResumeClock.
    expect(run.worldEntries).toBe(defaultJournal('scenario-test', 0).entries.length - 1);
  });

  it('the same file gives the same journal, hash for hash', () => {
    const first = runScenario(scenario(ONLINE_UNBLOCK_STEPS));
    const second = runScenario(scenario(ONLINE_UNBLOCK_STEPS));
    expect(hashes(second)).toEqual(hashes(first));
    const other = runScenario(scenario(ONLINE_UNBLOCK_STEPS, { seed: 'another seed' }));
    expect(other.entries.at(-1)?.hash).not.toBe(first.entries.at(-1)?.hash);
  });

  it('JSON and Gherkin (English and Norwegian) forms run identically', () => {
    const json = runScenario(scenario(ONLINE_UNBLOCK_STEPS));
    const en = runScenario(loadOne('case.feature', ONLINE_UNBLOCK_FEATURE));
    const nb = runScenario(loadOne('sak.feature', ONLINE_UNBLOCK_FEATURE_NB));
    expect(en.status).toBe('passed');
    expect(nb.status).toBe('passed');
    expect(hashes(en)).toEqual(hashes(json));
    expect(hashes(nb)).toEqual(hashes(json));
  });

  it('a later start time is the world\'s first command; the steps run at it', () => {
    const start = '2026-03-02T08:15:00Z';
    const run = runScenario(scenario([{ actor: 'lab', action: 'advance the clock', by: '2 min' }], { start }));
    expect(run.entries[0]?.command).toEqual({ type: 'SetClock', toMs: Date.parse(start) });
    expect(run.steps[0]?.at).toBe(Date.parse(start));
    expect(run.state.clock.now).toBe(Date.parse(start) + 120_000);
  });

  it('a world given as commands is built from an empty world', () => {
    const run = runScenario(
      scenario([{ actor: 'lab', action: 'add person', name: 'Nora Lie', mobile: '+4791234599', expect: [{ phone: { of: 'Nora', activated: false, screen: 'activate' } }] }], {
        world: { commands: [{ type: 'CreateOrg', orgId: 'harbour', name: 'Harbour Ltd' }] },
      }),
    );
    expect(run.status).toBe('passed');
    expect(Object.keys(run.state.server.orgs)).toEqual(['harbour']);
    expect(run.steps[0]?.commands.map((c) => c.type)).toEqual(['AddPerson', 'AddPhone']);
  });

  it('a refused world command stops the run with an error naming it', () => {
    const run = runScenario(scenario([{ action: 'check' }], { world: { commands: [{ type: 'AddPhone', phoneId: 'p', personId: 'nobody', label: 'P' }] } }));
    expect(run.status).toBe('error');
    expect(run.worldError).toMatch(/^world\.commands\[0\]: AddPhone refused: /);
  });
});

describe('failures say what differed', () => {
  it('R-OTP-1: a failed expectation names the check, what was expected and what was there; later steps are skipped', () => {
    const run = runScenario(
      scenario([
        { actor: { phone: 'Ingrid' }, action: 'enter PIN', pin: '1111', expect: [{ phone: { of: 'Ingrid', attemptsRemaining: 1, notice: 'wrong-pin' } }] },
        { actor: { phone: 'Ingrid' }, action: 'enter PIN', pin: '1234' },
      ]),
    );
    expect(run.status).toBe('failed');
    expect(run.steps[0]?.status).toBe('failed');
    const failed = run.steps[0]?.checks.filter((check) => !check.pass);
    expect(failed).toEqual([{ name: "Ingrid's phone: attempts remaining", expected: '1', actual: '2', pass: false }]);
    expect(run.steps[1]?.status).toBe('skipped');
    expect(run.steps[1]?.entries).toEqual([]);
  });

  it('R-OTP-1: a step the core refuses fails unless it expects the refusal', () => {
    const unexpected = runScenario(scenario([{ actor: { phone: 'Ingrid' }, action: 'enter PIN', pin: '12' }]));
    expect(unexpected.steps[0]?.status).toBe('failed');
    expect(unexpected.steps[0]?.checks[0]).toMatchObject({ name: 'refused', expected: 'not refused', pass: false });
    expect(unexpected.steps[0]?.checks[0]?.actual).toContain('4 digits');
    const expected = runScenario(scenario([{ actor: { phone: 'Ingrid' }, action: 'enter PIN', pin: '12', expect: [{ refused: '4 digits' }] }]));
    expect(expected.status).toBe('passed');
    const wrongWords = runScenario(scenario([{ actor: { phone: 'Ingrid' }, action: 'enter PIN', pin: '12', expect: [{ refused: 'clock' }] }]));
    expect(wrongWords.status).toBe('failed');
  });

  it('R-OTP-1: in Norwegian the runner words the refusal in Norwegian, and an expected refusal matches words of either language', () => {
    const unexpected = runScenario(scenario([{ actor: { phone: 'Ingrid' }, action: 'enter PIN', pin: '12' }]), { lang: 'nb' });
    expect(unexpected.steps[0]?.checks[0]).toMatchObject({ name: 'avvist', expected: 'ikke avvist', actual: 'avvist: «pin» må være nøyaktig 4 sifre (R-OTP-1)', pass: false });
    expect(unexpected.steps[0]?.refusal?.message).toBe('"pin" must be exactly 4 digits (R-OTP-1)');
    for (const words of ['must be exactly 4 digits', 'nøyaktig 4 sifre']) {
      const expected = runScenario(scenario([{ actor: { phone: 'Ingrid' }, action: 'enter PIN', pin: '12', expect: [{ refused: words }] }]));
      expect(expected.status, words).toBe('passed');
    }
  });

  it('R-MGR-1: a HELPDESK refusal is journaled with its audit entry, and the step can expect both', () => {
    const run = runScenario(
      scenario([
        { actor: { admin: 'hanne.help' }, action: 'block PIN', user: 'ingrid', expect: [{ refused: true }, { auditLog: { org: 'Acme Corp', action: 'refused', admin: 'hanne.help', count: 1 } }] },
      ]),
    );
    expect(run.status, JSON.stringify(run.steps[0]?.checks)).toBe('passed');
    expect(run.steps[0]?.entries).toHaveLength(1);
  });

  it('a log expectation looks only at what this step wrote', () => {
    const run = runScenario(
      scenario([
        { actor: { phone: 'Ingrid' }, action: 'enter PIN', pin: '1111' },
        { actor: { phone: 'Ingrid' }, action: 'show linked organizations', expect: [{ eventLog: { org: 'Acme Corp', count: 0 } }] },
        { actor: { phone: 'Ingrid' }, action: 'enter PIN', pin: '1112', expect: [{ eventLog: { org: 'Acme Corp', type: 'PIN_Blocked' } }] },
      ]),
    );
    expect(run.steps[1]?.status).toBe('passed');
    expect(run.steps[2]?.status).toBe('failed');
    expect(run.steps[2]?.checks[0]?.name).toBe('event log of Acme Corp: PIN_Blocked');
    expect(run.steps[2]?.checks[0]?.expected).toBe('at least one such entry');
  });

  it('a phone nobody has is a step error listing the phones there are', () => {
    const run = runScenario(scenario([{ actor: { phone: 'Bob' }, action: 'go back' }]));
    expect(run.steps[0]?.status).toBe('error');
    expect(run.steps[0]?.error).toMatch(/^There is no phone "Bob" \(there is "Ingrid's phone", /);
  });

  it('keeping a code from a screen that shows none is a step error', () => {
    const run = runScenario(scenario([{ actor: { phone: 'Ingrid' }, action: 'enter PIN', pin: '1111', keep: { code: 'code' } }]));
    expect(run.steps[0]?.error).toBe("Ingrid's phone shows no code (screen: pin)");
  });
});

describe('a bad file is refused before anything runs, naming the file, the step and the field', () => {
  const file = (steps: unknown[]) => JSON.stringify({ format: 'code-sandbox-scenario', version: 1, title: { en: 'a', nb: 'b' }, description: { en: 'a', nb: 'b' }, seed: 's', steps });

  it('a value used before a step keeps it', () => {
    const result = parseScenarioJson('x.scenario.json', file([{ actor: { phone: 'Ingrid' }, action: 'enter UBC', ubc: '{ubc}' }]));
    expect(result).toEqual({ ok: false, errors: ['x.scenario.json: steps[0] (enter UBC).ubc: {ubc} is not kept by an earlier step'] });
  });

  it('a keep the action does not offer', () => {
    const result = parseScenarioJson('x.scenario.json', file([{ actor: { phone: 'Ingrid' }, action: 'go back', keep: { ubc: 'u' } }]));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toBe('x.scenario.json: steps[0] (go back).keep: unknown field "ubc": the format has no such field here');
  });

  it('a missing title in Norwegian', () => {
    const result = parseScenarioJson('x.scenario.json', JSON.stringify({ ...JSON.parse(file([{ action: 'check' }])), title: { en: 'only English' } }));
    expect(result).toEqual({ ok: false, errors: ['x.scenario.json: title: missing field "nb"'] });
  });

  it('not JSON at all', () => {
    const result = parseScenarioJson('x.scenario.json', '{"format": ');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/^x\.scenario\.json: not JSON: /);
  });

  it('a Gherkin step no template matches names its line and the closest templates', () => {
    const text = 'Feature: F\n  Scenario: S\n    Given the default world\n    When "Ingrid" types the PIN "1111"\n';
    const result = parseScenarioFile('f.feature', text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]).toMatch(/^f\.feature:4: no step matches "\\?"?Ingrid/);
      expect(result.errors[0]).toContain('{phone} enters PIN {pin}');
    }
  });

  it('a Gherkin value of the wrong kind names the line', () => {
    const text = 'Feature: F\n  Scenario: S\n    When the clock advances "soon"\n';
    const result = parseScenarioFile('f.feature', text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/^f\.feature:3: step \(advance the clock\)\.by: must be a duration/);
  });

  it('a Gherkin file in a language scenarios are not written in', () => {
    const result = parseScenarioFile('f.feature', '# language: fr\nFonctionnalité: F\n  Scénario: S\n    Soit the default world\n');
    expect(result).toEqual({ ok: false, errors: ['f.feature: language "fr": scenarios are written in English (en) or Norwegian (no)'] });
  });
});

describe('Gherkin extras', () => {
  it('tags name the rules a case teaches and words to find it by', () => {
    const text = 'Feature: F\n  @R-VER-6 @reuse\n  Scenario: S\n    When "Ingrid" goes back\n';
    const result = parseScenarioFile('f.feature', text);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.scenarios[0]?.scenario.rules).toEqual(['R-VER-6']);
    expect(result.scenarios[0]?.scenario.tags).toEqual(['reuse']);
  });

  it('R-ACT-2: Manager shows the current phone\'s App-ID, kept from the phone', () => {
    const run = runScenario(
      scenario([
        { actor: { phone: 'Ingrid' }, action: 'read the phone', what: 'appId', keep: { appId: 'id' } },
        { action: 'check', expect: [{ user: { org: 'Acme Corp', username: 'ingrid', appId: '0000000000' } }] },
      ]),
    );
    const kept = run.steps[0]?.kept.id;
    expect(kept).toMatch(/^\d{10}$/);
    expect(run.steps[1]?.checks[0]).toEqual({ name: 'Manager, Acme Corp, ingrid: App-ID', expected: '0000000000', actual: kept, pass: false });
  });
});

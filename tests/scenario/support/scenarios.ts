// Small scenarios for the scenario runner's own tests, written as a person would write the file.
import type { Scenario } from '../../../src/scenario/format';
import { checkScenario } from '../../../src/scenario/load';

/** A scenario object from its steps (and any top-level field), checked like a file. */
export function scenario(steps: unknown[], extra: Record<string, unknown> = {}): Scenario {
  const data = { format: 'code-sandbox-scenario', version: 1, title: { en: 'Test case', nb: 'Testtilfelle' }, description: { en: 'For a test.', nb: 'For en test.' }, seed: 'scenario-test', steps, ...extra };
  const checked = checkScenario('test.scenario.json', data);
  if (!checked.ok) throw new Error(checked.errors.join('\n'));
  const [first] = checked.scenarios;
  if (!first) throw new Error('no scenario');
  return first.scenario;
}

/** R-BLK-1, R-UBC-1, R-UBC-2: three wrong PINs, a UBC read out by Anna, a new PIN, a login with a fresh code. */
export const ONLINE_UNBLOCK_STEPS: unknown[] = [
  { actor: { phone: 'Ingrid' }, action: 'enter PIN', pin: '1111' },
  { actor: { phone: 'Ingrid' }, action: 'enter PIN', pin: '1112' },
  { actor: { phone: 'Ingrid' }, action: 'enter PIN', pin: '1113', expect: [{ phone: { of: 'Ingrid', pinBlocked: true, blocked: ['Acme Corp'] } }] },
  { actor: { admin: 'anna.admin' }, action: 'display UBC', user: 'ingrid', keep: { ubc: 'ubc' } },
  { actor: { phone: 'Ingrid' }, action: 'open unblock' },
  { actor: { phone: 'Ingrid' }, action: 'choose organization', org: 'Acme Corp' },
  { actor: { phone: 'Ingrid' }, action: 'enter UBC', ubc: '{ubc}' },
  { actor: { phone: 'Ingrid' }, action: 'set new PIN', pin: '4321', expect: [{ phone: { of: 'Ingrid', notice: 'unblocked' } }] },
  { actor: { phone: 'Ingrid' }, action: 'enter PIN', pin: '4321', keep: { code: 'code' } },
  { actor: { loginPage: 'Acme VPN' }, action: 'log in', username: 'ingrid', code: '{code}', expect: [{ login: 'accepted' }] },
];

/** The same case as Gherkin, in English. */
export const ONLINE_UNBLOCK_FEATURE = `Feature: Test case
  For a test.

  Scenario: Test case
    Given the default world
    And the seed "scenario-test"
    When "Ingrid" enters PIN "1111"
    And "Ingrid" enters PIN "1112"
    And "Ingrid" enters PIN "1113"
    Then "Ingrid" says the PIN is blocked
    And "Ingrid" shows "Acme Corp" as blocked
    When "anna.admin" displays the UBC of "ingrid", kept as "ubc"
    And "Ingrid" opens Unblock
    And "Ingrid" chooses "Acme Corp"
    And "Ingrid" enters UBC "{ubc}"
    And "Ingrid" sets the new PIN "4321"
    Then "Ingrid" shows the message "unblocked"
    When "Ingrid" enters PIN "4321", kept as "code"
    And "ingrid" logs in at "Acme VPN" with the code "{code}"
    Then the login is accepted
`;

/** The same case in Norwegian. */
export const ONLINE_UNBLOCK_FEATURE_NB = `# language: no
Egenskap: Testtilfelle
  For en test.

  Scenario: Testtilfelle
    Gitt standardverdenen
    Og frøet "scenario-test"
    Når "Ingrid" skriver inn PIN "1111"
    Og "Ingrid" skriver inn PIN "1112"
    Og "Ingrid" skriver inn PIN "1113"
    Så "Ingrid" sier at PIN er sperret
    Og "Ingrid" viser "Acme Corp" som sperret
    Når "anna.admin" viser UBC for "ingrid", lagret som "ubc"
    Og "Ingrid" åpner Lås opp
    Og "Ingrid" velger "Acme Corp"
    Og "Ingrid" skriver inn UBC "{ubc}"
    Og "Ingrid" velger ny PIN "4321"
    Så "Ingrid" viser meldingen "unblocked"
    Når "Ingrid" skriver inn PIN "4321", lagret som "kode"
    Og "ingrid" logger inn på "Acme VPN" med koden "{kode}"
    Så innloggingen godtas
`;

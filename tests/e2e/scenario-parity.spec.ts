// Issue 8, parity in Chromium: the screens hold no rule of their own. For built-in scenarios, the runner's journal
// (computed here, in Node) must equal, entry for entry, the journal of a sandbox in which a person did the same steps
// through the screens: the world opened through the lab bar's Scenarios dialog, every step driven by role and
// accessible name (support/scenario-driver.ts), the journal read back through Sandbox -> Export.
import { test, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parseScenarioFile } from '../../src/scenario/gherkin';
import { runScenario } from '../../src/scenario/run';
import type { ScenarioRun } from '../../src/scenario/run';
import { DriverError, ScenarioDriver } from './support/scenario-driver';
import { lab } from './support/screens';
import { loadSandboxMenu } from './support/lab';

/** Together: the phone, Manager, the login page, going offline and back online, the lab clock, several orgs. */
const SCENARIOS = ['display-ubc-online-unblock', 'offline-unblock-code', 'several-orgs-online', 'several-orgs-offline'] as const;

interface JournalEntry {
  seq: number;
  at: number;
  command: { type: string };
  hash: string;
}

/** The library file, its runner journal, and a copy that holds only its world (one "check" step). */
function load(id: string): { run: ScenarioRun; worldOnly: string; fileName: string } {
  const fileName = `${id}.scenario.json`;
  const text = readFileSync(new URL(`../../src/scenario/library/${fileName}`, import.meta.url), 'utf8');
  const parsed = parseScenarioFile(fileName, text);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const [loaded] = parsed.scenarios;
  if (!loaded) throw new Error(`${fileName} holds no scenario`);
  const run = runScenario(loaded.scenario);
  // The library file as a plain object, its steps replaced: same seed, world and start (a training section, which
  // names steps of the whole case, goes with them).
  const file = JSON.parse(text) as Record<string, unknown>;
  delete file['$schema'];
  delete file['training'];
  file['steps'] = [{ action: 'check' }];
  return { run, worldOnly: JSON.stringify(file), fileName };
}

/** Opens the file through the lab bar's Scenarios dialog, as a new sandbox; waits until it is the one shown. */
async function openWorld(page: Page, fileName: string, text: string, title: string): Promise<void> {
  const bar = lab(page);
  await bar.getByRole('button', { name: 'Open scenario' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open a scenario' });
  await expect(dialog.getByRole('button', { name: 'Open a file…' })).toBeVisible();
  await dialog.getByTestId('scenario-file').setInputFiles({ name: fileName, mimeType: 'application/json', buffer: Buffer.from(text) });
  // A scenario whose every step passed closes the dialog and switches to its sandbox (named in the closed Sandbox menu).
  await expect(dialog).toBeHidden();
  await loadSandboxMenu(page);
  await expect(bar.getByRole('combobox', { name: 'Switch sandbox', includeHidden: true }).locator('option:checked')).toHaveText(title);
  await expect(bar.getByRole('group', { name: 'Server clock' }).getByRole('button', { name: 'Resume' })).toBeVisible();
}

/** The sandbox's journal, through Sandbox -> Export, as a person would get it. */
async function exportJournal(page: Page): Promise<JournalEntry[]> {
  const bar = lab(page);
  await bar.locator('summary', { hasText: 'Sandbox' }).click();
  const downloading = page.waitForEvent('download');
  await bar.getByRole('group', { name: 'Sandbox' }).getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloading;
  const file = JSON.parse(await readFile(await download.path(), 'utf8')) as { entries: JournalEntry[] };
  return file.entries;
}

/** JSON with keys sorted, so two commands compare by content. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Which part of the scenario wrote the runner's entry at this position: the world, or a step. */
function sourceOf(run: ScenarioRun, index: number): string {
  if (index < run.worldEntries) return 'the world';
  const seq = run.entries[index]?.seq;
  const step = run.steps.find((outcome) => outcome.entries.some((entry) => entry.seq === seq));
  return step ? `step ${step.index + 1} (${step.step.action})` : 'no step';
}

/** The first entry where the sandbox's journal and the runner's differ, in words; null when they are the same. */
function firstDifference(run: ScenarioRun, sandbox: readonly JournalEntry[]): string | null {
  const length = Math.max(run.entries.length, sandbox.length);
  for (let index = 0; index < length; index++) {
    const expected = run.entries[index];
    const actual = sandbox[index];
    if (!expected) return `entry ${index + 1}: the screens sent ${actual?.command.type ?? '?'} (${canonical(actual?.command)}), which the scenario does not`;
    if (!actual) return `entry ${index + 1}: the scenario sends ${expected.command.type} from ${sourceOf(run, index)}, which the screens did not`;
    if (canonical(actual.command) !== canonical(expected.command)) {
      return `entry ${index + 1}: the scenario sends ${expected.command.type} from ${sourceOf(run, index)} (${canonical(expected.command)}), the screens sent ${actual.command.type} (${canonical(actual.command)})`;
    }
    if (actual.hash !== expected.hash || actual.at !== expected.at) {
      return `entry ${index + 1}: ${expected.command.type} from ${sourceOf(run, index)}: same command, but the hash (or time ${actual.at} vs ${expected.at}) differs`;
    }
  }
  return null;
}

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

/** Opens the scenario's world through the lab bar and drives its steps through the screens, up to the first one the driver cannot do. */
async function drive(page: Page, id: string): Promise<{ run: ScenarioRun; fileName: string; driver: ScenarioDriver; stopped: { index: number; error: DriverError } | null }> {
  const { run, worldOnly, fileName } = load(id);
  expect(run.status, `the runner: ${run.worldError ?? run.steps.find((step) => step.status !== 'passed')?.error ?? ''}`).toBe('passed');
  await page.goto('/');
  await expect(lab(page)).toBeVisible();
  await openWorld(page, `${id}-world.scenario.json`, worldOnly, run.scenario.title.en.trim().slice(0, 60));
  const driver = new ScenarioDriver(page);
  for (const [index, step] of run.scenario.steps.entries()) {
    try {
      await driver.run(step, index);
    } catch (error) {
      if (!(error instanceof DriverError)) throw error;
      return { run, fileName, driver, stopped: { index, error } };
    }
  }
  return { run, fileName, driver, stopped: null };
}

for (const id of SCENARIOS) {
  test(`parity: ${id} driven through the screens gives the runner's journal, entry for entry`, async ({ page }) => {
    const { run, fileName, driver, stopped } = await drive(page, id);
    await page.screenshot({ path: `test-results/scenario-parity/${id}.png`, fullPage: true });
    if (stopped) throw stopped.error;
    // The values read off the screens are the ones the runner kept.
    const keptByRunner = Object.fromEntries(run.steps.flatMap((step) => Object.entries(step.kept)));
    expect(Object.fromEntries(driver.kept), 'values read off the screens').toEqual(keptByRunner);

    const journal = await exportJournal(page);
    const difference = firstDifference(run, journal);
    expect(difference, `${fileName}: the sandbox driven through the screens and the runner differ at ${difference ?? ''}`).toBeNull();
    expect(journal.map((entry) => entry.hash)).toEqual(run.entries.map((entry) => entry.hash));
  });
}

/**
 * Scenarios with a step no person can take through the screens, found by this spec. Each is driven up to that step:
 * the journal so far must still be the runner's, and the driver must stop exactly there, saying why. When the scenario
 * or the screens change so that the step can be taken, this test fails: move the scenario to SCENARIOS above.
 */
const KNOWN_DIFFERENCES: readonly { id: string; step: number; says: RegExp }[] = [
  // Manager offers a HELPDESK only the event log: no users list, so no Display UBC (R-MGR-1: what a role may not do is
  // not offered, manager-console.tsx). The scenario has hanne.help send DisplayUbc to show the refusal and its audit
  // entry, which no screen can send.
  { id: 'helpdesk-cannot-help', step: 4, says: /step 4 \(display UBC\): Manager does not offer the users list here \(signed in as [^)]*hanne\.help[^)]*HELPDESK/ },
];

for (const known of KNOWN_DIFFERENCES) {
  test(`known difference: ${known.id} has a step the screens do not offer (step ${known.step}); the journal up to it is the runner's`, async ({ page }) => {
    const { run, fileName, stopped } = await drive(page, known.id);
    await page.screenshot({ path: `test-results/scenario-parity/${known.id}.png`, fullPage: true });
    expect(stopped?.index, `${fileName}: the driver should stop at step ${known.step}`).toBe(known.step - 1);
    expect(stopped?.error.message).toMatch(known.says);
    const before = run.steps[known.step - 1]?.entries[0]?.seq;
    if (before === undefined) throw new Error(`${fileName}: the runner's step ${known.step} wrote nothing`);
    const journal = await exportJournal(page);
    const prefix = { ...run, entries: run.entries.filter((entry) => entry.seq < before) };
    const difference = firstDifference(prefix, journal);
    expect(difference, `${fileName}: before step ${known.step}, the sandbox and the runner differ at ${difference ?? ''}`).toBeNull();
  });
}

// The recorder in the built app: Record starts a new sandbox with the default world, what is done in the three screens
// becomes steps in their words (a reload keeps them), an expectation is added from what was shown, the saved file run
// headless gives the same journal as the session it came from, and its link opens it again; axe-core and screenshots.
import { test, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { parseScenarioFile } from '../../src/scenario/gherkin';
import { runScenario } from '../../src/scenario/run';
import { lab, codeApp, manager, showPhoneOf, tapRefusedPin, tapPin, shownCode, signInToManager, logIn, enterUbc, setNewPin, shot } from './support/screens';

const recorder = (page: Page) => page.getByRole('region', { name: 'Recorder' });

test.beforeEach(async ({ page }) => {
  test.setTimeout(240_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

async function exportedHashes(page: Page): Promise<string[]> {
  await lab(page).locator('summary', { hasText: 'Sandbox' }).click();
  const downloading = page.waitForEvent('download');
  await lab(page).getByRole('button', { name: 'Export' }).click();
  const file = JSON.parse(await readFile(await (await downloading).path(), 'utf8')) as { entries: { hash: string }[] };
  await lab(page).locator('summary', { hasText: 'Sandbox' }).click();
  return file.entries.map((entry) => entry.hash);
}

test('record a session in the screens, save it, and the file played back headless gives the same journal', async ({ page }) => {
  await page.goto('/');
  await expect(lab(page)).toBeVisible();
  await lab(page).getByRole('button', { name: 'Record', exact: true }).click();
  await expect(recorder(page).getByText('Recording: 0 steps')).toBeVisible();
  await expect(lab(page).getByRole('button', { name: 'Stop recording' })).toBeVisible();

  // The clock stays paused while recording.
  await lab(page).getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByText(/While recording, the server clock stays paused/).first()).toBeVisible();

  const app = await showPhoneOf(page, 'Ingrid Berg');
  for (const pin of ['9999', '9998', '9997']) await tapRefusedPin(app, pin);
  await expect(recorder(page).getByText('Recording: 3 steps')).toBeVisible();

  // A reload loses no step, and the recording goes on.
  await page.reload();
  await expect(recorder(page).getByText('Recording: 3 steps')).toBeVisible();

  const mgr = await signInToManager(page, 'Acme Corp', 'ulf.users');
  await mgr.getByRole('button', { name: 'ingrid', exact: true }).click();
  const details = mgr.getByRole('article', { name: 'ingrid', exact: true });
  await details.getByRole('button', { name: 'Display UBC' }).click();
  const ubc = ((await details.getByRole('group', { name: 'UBC for ingrid' }).getByTestId('ubc-code').textContent()) ?? '').replace(/\s/g, '');
  await expect(recorder(page).getByText(/Displayed the UBC of Ingrid Berg/)).toBeVisible();

  await enterUbc(codeApp(page), 'Acme Corp', ubc);
  await setNewPin(codeApp(page), '2468');
  await tapPin(codeApp(page), '2468');
  const code = await shownCode(codeApp(page));
  expect(await logIn(page, 'Acme Corp', 'Acme VPN', 'ingrid', code)).toBe('Login accepted');

  const steps = recorder(page).getByRole('listitem');
  await expect(steps.filter({ hasText: 'log in' })).toHaveCount(1);
  const actions = await recorder(page).locator('.rec-action').allTextContents();
  expect(actions).toEqual(['enter PIN', 'enter PIN', 'enter PIN', 'display UBC', 'open unblock', 'choose organization', 'enter UBC', 'set new PIN', 'enter PIN', 'log in']);
  // An expectation from what the screens showed after the Display UBC step.
  await recorder(page).getByRole('button', { name: 'Expect what is shown after step 4' }).click();
  await expect(recorder(page).getByText(/"user":\{"org":"Acme Corp","username":"ingrid","blocked":true/)).toBeVisible();
  await shot(page, 'recorder-01-recording');
  const axe = await new AxeBuilder({ page }).include('[role="region"][aria-label="Recorder"]').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  await lab(page).getByRole('button', { name: 'Stop recording' }).click();
  await expect(recorder(page).getByText('Recorded: 10 steps')).toBeVisible();
  const downloading = page.waitForEvent('download');
  await recorder(page).getByRole('button', { name: 'Save scenario' }).click();
  const download = await downloading;
  await expect(recorder(page).getByText(/Plays back exactly: the same \d+ journal entries/)).toBeVisible();
  await shot(page, 'recorder-02-saved');
  const text = await readFile(await download.path(), 'utf8');

  // The saved file, run headless in this process, gives the session's journal hash for hash.
  const parsed = parseScenarioFile(download.suggestedFilename(), text);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const run = runScenario(parsed.scenarios[0]!.scenario); // one scenario per recorded file
  expect(run.status).toBe('passed');
  expect(run.entries.map((entry) => entry.hash)).toEqual(await exportedHashes(page));

  // Its link opens it again, as a new sandbox whose steps have run.
  await recorder(page).getByRole('button', { name: 'Copy link' }).click();
  const link = await recorder(page).getByLabel('Link to this scenario').inputValue();
  expect(link).toContain('#scenario=');
  await page.goto(link);
  await expect(page.getByText(/as a new sandbox: 10 steps ran and every expectation was met/)).toBeVisible();
  expect(await exportedHashes(page)).toEqual(run.entries.map((entry) => entry.hash));
});

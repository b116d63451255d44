// Guided training in the built app: a case done right meets every goal, one done wrong names the mistake; the caller's
// phone stays in the caller's hands; the session survives a reload; the result is kept per trainee and exported with
// its journal verified; axe-core on the Training region in both languages; screenshots of each state.
import { test, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { lab, codeApp, manager, shot } from './support/screens';

const training = (page: Page) => page.getByRole('region', { name: 'Training' });

test.beforeEach(async ({ page }) => {
  test.setTimeout(180_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

async function startCase(page: Page, trainee: string, title: RegExp) {
  await page.goto('/');
  await expect(lab(page)).toBeVisible();
  await lab(page).getByRole('button', { name: 'Training' }).click();
  const panel = training(page);
  await panel.getByLabel('Your name').fill(trainee);
  await panel.getByRole('radio', { name: title }).check();
  await shot(page, 'training-01-start');
  await panel.getByRole('button', { name: 'Start case' }).click();
  await expect(panel.getByRole('heading', { name: 'Goals' })).toBeVisible();
  return panel;
}

async function displayUbc(page: Page, username: string): Promise<string> {
  const mgr = manager(page);
  await mgr.getByRole('button', { name: username, exact: true }).click();
  const details = mgr.getByRole('article', { name: username, exact: true });
  await details.getByRole('button', { name: 'Display UBC' }).click();
  const box = details.getByRole('group', { name: `UBC for ${username}` });
  return ((await box.getByTestId('ubc-code').textContent()) ?? '').replace(/\s/g, '');
}

async function expectAccessible(page: Page, state: string) {
  const result = await new AxeBuilder({ page }).include('[role="region"][aria-label="Training"], [role="region"][aria-label="Opplæring"]').analyze();
  expect(result.violations.map((v) => `${state}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const goal = (page: Page, text: string) => training(page).getByRole('listitem').filter({ hasText: text });

test('a training case done right: every goal met, no mistakes, the journal verified, the result kept and exported', async ({ page }) => {
  const panel = await startCase(page, 'Tina Trainee', /Display the UBC and unblock online/);
  await expect(panel.getByText('My PIN is blocked. I have mobile data on.')).toBeVisible();
  await expect(panel.getByText('0 of 4 goals met')).toBeVisible();
  await expectAccessible(page, 'the call, English');

  // The caller's phone is in the caller's hands: the screens refuse to act on it.
  // The Code app pane shows the caller's phone as the case starts.
  await expect(codeApp(page).getByLabel('Phone of').locator('option:checked')).toHaveText('Ingrid Berg');
  await codeApp(page).getByRole('button', { name: 'Unblock', exact: true }).click();
  await expect(codeApp(page).getByRole('alert').filter({ hasText: "That phone is in the caller's hands" })).toBeVisible();

  // Manager is signed in as the case's trainee (ulf.users); a hint in steps, the last pointing at the control.
  await panel.getByRole('button', { name: 'Hint' }).click();
  await expect(panel.getByText('Ingrid needs an unblocking code (UBC) from her organization.')).toBeVisible();
  await expect(panel.getByText('1 hint used')).toBeVisible();
  const ubc = await displayUbc(page, 'ingrid');
  expect(ubc).toMatch(/^\d{9}$/);

  // A reload keeps the case: the panel comes back with the hint used.
  await page.reload();
  await expect(training(page).getByText('1 hint used')).toBeVisible();

  await training(page).getByLabel('The UBC you read out').fill(`${ubc.slice(0, 3)} ${ubc.slice(3, 6)} ${ubc.slice(6)}`);
  await training(page).getByRole('button', { name: 'Read a UBC to the caller' }).click();
  await expect(training(page).getByText(/the app says my PIN is unblocked/)).toBeVisible();
  await expect(goal(page, "Ingrid's PIN is unblocked at Acme Corp")).toContainText('met');
  await training(page).getByRole('button', { name: 'Ask the caller to log in at Acme VPN' }).click();
  await expect(training(page).getByText(/I'm in/)).toBeVisible();
  await expect(training(page).getByText('4 of 4 goals met')).toBeVisible();
  await shot(page, 'training-02-call-all-met');

  await training(page).getByRole('button', { name: 'Finish case' }).click();
  const result = training(page);
  await expect(result.getByRole('heading', { name: /Result: Tina Trainee: Display the UBC and unblock online/ })).toBeVisible();
  await expect(result.getByText(/Journal verified: all \d+ entries/)).toBeVisible();
  await expect(result.getByText('No mistakes.')).toBeVisible();
  await expect(result.getByRole('heading', { name: 'Your run' })).toBeVisible();
  await expect(result.getByRole('heading', { name: "The case's expected path" })).toBeVisible();
  await expect(result.getByText(/Displayed the UBC/).first()).toBeVisible();
  await shot(page, 'training-03-result');
  await expectAccessible(page, 'the result, English');

  const downloading = page.waitForEvent('download');
  await result.getByRole('button', { name: 'Export results' }).click();
  const file = JSON.parse(await readFile(await (await downloading).path(), 'utf8')) as { trainee: string; results: { journal: { verified: boolean; verifiedAtFinish: boolean }; goals: { met: boolean }[]; mistakes: unknown[] }[] };
  expect(file.trainee).toBe('Tina Trainee');
  expect(file.results).toHaveLength(1);
  expect(file.results[0]?.journal).toMatchObject({ verified: true, verifiedAtFinish: true });
  expect(file.results[0]?.goals.every((g) => g.met)).toBe(true);
  expect(file.results[0]?.mistakes).toEqual([]);

  // Norwegian: the same result in the other language, accessible.
  await lab(page).getByLabel('Language').selectOption('nb');
  await expect(page.getByRole('region', { name: 'Opplæring' }).getByRole('heading', { name: /Resultat: Tina Trainee: Vis opplåsingskoden/ })).toBeVisible();
  await shot(page, 'training-04-result-nb');
  await expectAccessible(page, 'the result, Norwegian');
});

test('a training case done wrong: the UBC displayed for someone else is named, a wrong UBC is answered from the phone', async ({ page }) => {
  const panel = await startCase(page, 'Walter Wrong', /Display the UBC and unblock online/);
  // Block Ola's PIN too, from his own phone (not the caller's), so Manager has a UBC for him.
  await codeApp(page).getByLabel('Phone of').selectOption({ label: 'Ola Nordmann' });
  for (const pin of ['0000', '0001', '0002']) {
    await codeApp(page).getByLabel('PIN', { exact: true }).fill(pin);
    await codeApp(page).getByRole('button', { name: 'OK' }).click();
    await expect(codeApp(page).getByLabel('PIN', { exact: true }).or(codeApp(page).getByRole('heading', { name: /^PIN blocked/ })).first()).toBeVisible();
  }
  await expect(codeApp(page).getByRole('heading', { name: /^PIN blocked/ })).toBeVisible();

  await displayUbc(page, 'ola');
  await panel.getByLabel('The UBC you read out').fill('123456789');
  await panel.getByRole('button', { name: 'Read a UBC to the caller' }).click();
  await expect(panel.getByText('The app says the unblocking code is wrong. 2 attempts left.')).toBeVisible();
  await shot(page, 'training-05-wrong');
  await panel.getByRole('button', { name: 'Finish case' }).click();
  await expect(panel.getByRole('heading', { name: 'Mistakes' })).toBeVisible();
  await expect(panel.getByText('A UBC was displayed or generated for someone other than the caller')).toBeVisible();
  await expect(panel.getByText('The caller was given a UBC that the server refused')).toBeVisible();
  await expect(panel.getByText('0 of 4 goals met')).toBeVisible();
  await shot(page, 'training-06-wrong-result');
});

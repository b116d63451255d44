// Opening a scenario as a new sandbox from the lab bar: a built-in case, a file whose expectation fails, a bad file.
import { test, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { lab, codeApp, manager, signInToManager } from './support/screens';
import { loadSandboxMenu } from './support/lab';

async function openDialog(page: Page) {
  await page.goto('/');
  await expect(lab(page)).toBeVisible();
  // The Sandbox menu's contents load when it first opens: loaded now, so its switcher can be counted behind the dialog.
  await loadSandboxMenu(page);
  await lab(page).getByRole('button', { name: 'Open scenario' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open a scenario' });
  await expect(dialog).toBeVisible();
  return dialog;
}

const file = (steps: unknown[]) =>
  JSON.stringify({ format: 'code-sandbox-scenario', version: 1, title: { en: 'My case', nb: 'Min sak' }, description: { en: 'A test.', nb: 'En test.' }, seed: 'e2e-dialog', steps });

test('R-BLK-1: a built-in case opens as a new sandbox in which its steps have run', async ({ page }) => {
  const dialog = await openDialog(page);
  const list = dialog.getByRole('listitem');
  await expect(list.first()).toBeVisible();
  expect(await list.count()).toBeGreaterThanOrEqual(20);
  await page.screenshot({ path: 'test-results/scenarios-dialog.png' });

  await dialog.getByRole('button', { name: 'Open "Three wrong PINs block the PIN"' }).click();
  // Opened: the dialog closes and the sandbox switcher shows the case.
  await expect(dialog).toBeHidden();
  await lab(page).locator('summary', { hasText: 'Sandbox' }).click();
  await expect(lab(page).getByRole('combobox', { name: 'Switch sandbox' }).locator('option:checked')).toHaveText('Three wrong PINs block the PIN');
  await lab(page).locator('summary', { hasText: 'Sandbox' }).click();
  // The world is the one the case left: Ingrid is blocked at Acme in Manager.
  await codeApp(page).getByLabel('Phone of').selectOption({ label: 'Ingrid Berg' });
  const pane = await signInToManager(page, 'Acme Corp', 'anna.admin');
  await expect(pane.getByRole('row', { name: /ingrid/ }).getByRole('img', { name: 'PIN blocked' })).toBeVisible();
  await page.screenshot({ path: 'test-results/scenarios-opened.png' });
  await expect(manager(page)).toBeVisible();
});

test('a file whose expectation fails opens where it stopped and says why; a bad file stores nothing', async ({ page }) => {
  const dialog = await openDialog(page);
  // The switcher sits in the closed Sandbox popover, behind the modal dialog: counted by its label, not its role.
  const switcher = page.locator('select[aria-label="Switch sandbox"]');
  const before = await switcher.locator('option').count();

  await page.getByTestId('scenario-file').setInputFiles({
    name: 'stops.scenario.json',
    mimeType: 'application/json',
    buffer: Buffer.from(file([{ actor: { phone: 'Ingrid' }, action: 'enter PIN', pin: '1111', expect: [{ phone: { of: 'Ingrid', attemptsRemaining: 1 } }] }])),
  });
  const status = dialog.getByRole('status');
  await expect(status).toContainText('Opened "My case" as a new sandbox, but it stopped at step 1 (enter PIN)');
  await expect(status).toContainText("Ingrid's phone: attempts remaining: expected 1, was 2");
  await expect(switcher.locator('option')).toHaveCount(before + 1);
  await page.screenshot({ path: 'test-results/scenarios-stopped.png' });

  await page.getByTestId('scenario-file').setInputFiles({
    name: 'bad.scenario.json',
    mimeType: 'application/json',
    buffer: Buffer.from(file([{ actor: { phone: 'Ingrid' }, action: 'enter PIN', pin: 1111 }])),
  });
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('The scenario could not be opened');
  await expect(alert).toContainText('bad.scenario.json: steps[0] (enter PIN).pin: Invalid type: Expected string but received 1111');
  await expect(alert).toContainText('Nothing was stored');
  await expect(switcher.locator('option')).toHaveCount(before + 1);
  await page.screenshot({ path: 'test-results/scenarios-refused.png' });
});

test('in Norwegian the cases and the dialog are Norwegian', async ({ page }) => {
  await page.goto('/');
  await expect(lab(page)).toBeVisible();
  await lab(page).getByRole('combobox', { name: 'Language' }).selectOption('nb');
  await lab(page).getByRole('button', { name: 'Åpne scenario' }).click();
  const dialog = page.getByRole('dialog', { name: 'Åpne et scenario' });
  await expect(dialog.getByRole('button', { name: 'Åpne «Tre feil PIN-koder sperrer PIN-koden»' })).toBeVisible();
  await page.screenshot({ path: 'test-results/scenarios-dialog-nb.png' });
});

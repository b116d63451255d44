// The lab bar and the login page tell the whole story: the clock in UTC, undo and save points on the journal, copying
// the state, the presenter view, confirmations on the page, editing the world, and the session after a login.
import { test, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { openPaused, lab, codeApp, loginPage, showPhoneOf, tapPin, shownCode, logIn, expectAccessible } from './support/screens';
import { serverTime, loadSandboxMenu } from './support/lab';
import { formatDateTime } from '../../src/i18n/format';

const sandboxSwitcher = (page: Page) => page.locator('select[aria-label="Switch sandbox"]');
/** The open sandbox's name, as the Sandbox menu lists it (its contents loaded first). */
const currentSandboxName = async (page: Page) => {
  await loadSandboxMenu(page);
  return (await sandboxSwitcher(page).locator('option:checked').textContent()) ?? '';
};

test('R-CLK-1: Set… opens on the server time in ISO 24-hour UTC and refuses what it cannot read', async ({ page }) => {
  await openPaused(page);
  const bar = lab(page);
  const start = await serverTime(page);
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
  const clock = bar.getByRole('group', { name: 'Server clock' });
  await expect(clock.getByTestId('server-time')).toHaveText(iso(start));
  await expect(clock.getByText('UTC', { exact: true }).first()).toBeVisible();
  await bar.locator('summary', { hasText: 'Set…' }).click();
  const field = bar.getByRole('textbox', { name: 'Set server time' });
  // The next whole second: setting the field as it opens never sets the clock back (R-CLK-1).
  await expect(field).toHaveValue(iso(Math.ceil(start / 1000) * 1000));
  await field.fill('01/05/2026 10:00 AM');
  await bar.getByRole('button', { name: 'Set', exact: true }).click();
  await expect(bar.getByRole('alert')).toContainText('Set server time: write it as 2026-01-05 09:30 (24-hour, UTC).');
  expect(await serverTime(page)).toBe(start);
  await field.fill('2026-01-05 10:15');
  await bar.getByRole('button', { name: 'Set', exact: true }).click();
  await expect.poll(() => serverTime(page)).toBe(Date.UTC(2026, 0, 5, 10, 15));
  await page.screenshot({ path: 'test-results/lab-set-clock.png' });
});

test('R-OTP-1: Undo opens a copy without the last action; the original keeps it', async ({ page }) => {
  await openPaused(page);
  const app = await showPhoneOf(page, 'Ingrid Berg');
  await tapPin(app, '1111');
  await expect(app.getByText('2 attempts remaining')).toBeVisible();
  const original = await currentSandboxName(page);
  await lab(page).getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => currentSandboxName(page)).toBe(`${original} (undo)`);
  await showPhoneOf(page, 'Ingrid Berg');
  await expect(codeApp(page).getByText('2 attempts remaining')).toBeHidden();
  // The original still has the wrong PIN.
  await lab(page).locator('summary', { hasText: 'Sandbox' }).click();
  // The list of sandboxes is refreshed after the switch: choose once both are listed, as a person sees them.
  await expect(sandboxSwitcher(page).locator('option')).toHaveCount(2);
  await expect(async () => {
    await sandboxSwitcher(page).selectOption({ label: original });
    expect(await currentSandboxName(page)).toBe(original);
  }).toPass({ timeout: 10_000 });
});

test('Save point: a named position opens as a new sandbox later, from where it was saved', async ({ page }) => {
  await openPaused(page);
  const bar = lab(page);
  await bar.locator('summary', { hasText: 'Save point' }).click();
  await bar.getByLabel('Name of the point').fill('before the call');
  await bar.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(bar.getByRole('status').filter({ hasText: 'Saved "before the call".' })).toBeVisible();
  await bar.locator('summary', { hasText: 'Save point' }).click();
  await bar.getByRole('button', { name: '+15 min' }).click();
  const later = await serverTime(page);
  await bar.locator('summary', { hasText: 'Save point' }).click();
  await bar.getByRole('button', { name: 'Open "before the call" as a new sandbox' }).click();
  await expect.poll(() => currentSandboxName(page)).toMatch(/ @ before the call$/);
  await expect.poll(() => serverTime(page)).toBe(later - 900_000);
  await page.screenshot({ path: 'test-results/lab-save-point.png' });
});

test('Copy state puts the seed, the journal position and what the screens show on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openPaused(page);
  const bar = lab(page);
  await bar.locator('summary', { hasText: 'Sandbox' }).click();
  await bar.getByRole('button', { name: 'Copy state' }).click();
  await expect(bar.getByText('The state is on the clipboard')).toBeVisible();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  // The clock was paused a moment after the page opened: the time in the state is the paused clock's, whatever second that was.
  const paused = `${formatDateTime(await serverTime(page))} UTC`;
  expect(text).toMatch(/^Code support sandbox: state for a bug report\nSandbox: .+\nSeed: .+\nJournal: entry \d+, head [0-9a-f]{64}\nServer time: .+ UTC \(paused\)\nPhones:\n- Ingrid's phone \(Ingrid Berg, \+4791234501\): online, clock in step; screen pin/);
  expect(text).toContain(`Server time: ${paused} (paused)`);
});

test('Reset and Delete are confirmed on the page, not by a browser pop-up', async ({ page }) => {
  let popups = 0;
  page.on('dialog', (dialog) => { popups += 1; void dialog.dismiss(); });
  await openPaused(page);
  const bar = lab(page);
  await bar.locator('summary', { hasText: 'Sandbox' }).click();
  await bar.getByRole('button', { name: 'Reset' }).click();
  const question = bar.getByRole('alertdialog');
  await expect(question).toContainText('to the default world? Everything done in it is lost.');
  await expectAccessible(page, 'Lab', 'reset question');
  await page.screenshot({ path: 'test-results/lab-reset-confirm.png' });
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(question).toBeHidden();
  await bar.getByRole('button', { name: 'Delete' }).click();
  await expect(bar.getByRole('alertdialog')).toContainText('and everything in it?');
  await bar.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await expect(bar.getByRole('alertdialog')).toBeHidden();
  expect(popups).toBe(0);
});

test('R-VER-1: Edit world lists the directories, and an entry removed there is in no directory', async ({ page }) => {
  await openPaused(page);
  await lab(page).getByRole('button', { name: 'Edit world' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit world' });
  const acme = dialog.getByRole('region', { name: 'Acme Corp' });
  await expect(acme).toContainText('Acme LDAP');
  await acme.getByRole('button', { name: 'Remove lars from Acme LDAP' }).click();
  await expect(acme.getByRole('button', { name: 'Remove lars from Acme LDAP' })).toBeHidden();
  await expect(dialog.getByRole('combobox', { name: /^Directory/ })).not.toHaveValue('');
  await page.screenshot({ path: 'test-results/lab-edit-world.png', fullPage: true });
});

test('the login page shows the session after Login accepted, and Log out returns to the form', async ({ page }) => {
  await openPaused(page);
  const app = await showPhoneOf(page, 'Ingrid Berg');
  await tapPin(app, '1234');
  const code = await shownCode(app);
  expect(await logIn(page, 'Acme Corp', 'Acme VPN', 'ingrid', code)).toBe('Login accepted');
  const pane = loginPage(page);
  await expect(pane.getByText('Logged in to Acme VPN as ingrid')).toBeVisible();
  await expect(pane).toContainText('This access server accepts offline codes (8 digits) and offline unblock codes (9 digits).');
  await page.screenshot({ path: 'test-results/login-session.png' });
  await pane.getByRole('button', { name: 'Log out' }).click();
  await expect(pane.getByLabel('Username')).toBeFocused();
  await pane.getByLabel('Organization').selectOption({ label: 'Fjord Municipality' });
  await expect(pane).toContainText('This access server accepts online codes only');
  await expectAccessible(page, 'Organization login', 'login page after log out');
});

test('presenter view: larger type, the lab bar hidden on request, N for the next 30-s step', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openPaused(page);
  const bar = lab(page);
  await bar.getByRole('button', { name: 'Presenter view' }).click();
  await expect(bar.getByRole('button', { name: 'Presenter view' })).toHaveAttribute('aria-pressed', 'true');
  const before = await serverTime(page);
  await page.locator('body').press('n');
  await expect.poll(() => serverTime(page)).toBe(before + 30_000);
  await bar.getByRole('button', { name: 'Hide lab bar' }).click();
  await expect(bar).toBeHidden();
  const strip = page.getByRole('region', { name: 'Presenter view is on' });
  await expect(strip).toContainText(`${formatDateTime(before + 30_000)} UTC`);
  await page.screenshot({ path: 'test-results/presenter-view.png' });
  await strip.getByRole('button', { name: 'Next 30-s step' }).click();
  await expect(strip).toContainText(`${formatDateTime(before + 60_000)} UTC`);
  await strip.getByRole('button', { name: 'Show lab bar' }).click();
  await expect(lab(page)).toBeVisible();
  // Remembered on reload.
  await page.reload();
  await expect(lab(page).getByRole('button', { name: 'Presenter view' })).toHaveAttribute('aria-pressed', 'true');
});

test('the lab bar in Norwegian has no axe violations', async ({ page }) => {
  await openPaused(page);
  await lab(page).getByRole('combobox', { name: 'Language' }).selectOption('nb');
  await expect(lab(page).getByRole('button', { name: 'Angre' })).toBeVisible();
  await expectAccessible(page, 'Lab', 'lab bar in Norwegian');
  await page.screenshot({ path: 'test-results/lab-nb.png' });
});

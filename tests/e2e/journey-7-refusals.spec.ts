// Journey 7: four refused logins, each with its own event-log description in Manager, while the person is told only
// "Login failed" (R-VER-7, R-CLK-2, R-ACT-2, R-VER-2, R-VER-8, R-SEC-2). Driven through the screens only.
import { test, expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { codeApp, expectAccessible, lab, logIn, loginPage, openPaused, setPhoneOnline, showPhoneOf, shownCode, signInToManager, tapPin } from './support/screens';
import { serverTime } from './support/lab';

/** The four causes, as the event log words them: each must be told apart from the others (R-VER-8). */
const DESCRIPTIONS = {
  offlineNotAllowed: 'offline codes are not accepted here',
  drift: 'OTP is no longer valid: made for phone time',
  oldDevice: 'Handset mismatch: code from an older device',
  inactive: 'User is inactive',
} as const;

/** Screenshots of the main states go to E2E_SHOTS (a folder) when it is set. */
async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SHOTS;
  if (dir) await page.screenshot({ path: `${dir}/journey-7-${name}.png`, fullPage: true });
}

/** Logs in and checks the person is told "Login failed" and nothing of the cause (R-SEC-2). */
async function expectLoginFailed(page: Page, orgName: string, server: string, username: string, code: string): Promise<void> {
  expect(await logIn(page, orgName, server, username, code)).toBe('Login failed');
  const pane = loginPage(page);
  // The verdict and a generic hint, nothing else; and no cause anywhere on the page.
  await expect(pane.getByRole('status').filter({ hasText: 'Login failed' })).toHaveText(
    '✕ Login failedCheck the username and the code. Your administrator can see why in Manager.',
  );
  for (const description of Object.values(DESCRIPTIONS)) await expect(pane).not.toContainText(description, { ignoreCase: true });
  await expect(pane).not.toContainText(/handset|inactive|not accepted|no longer valid|phone time|clock|App-ID/i);
}

/** The newest event-log entry at the org, read by its USERADMIN: it has this type and description and none of the others'. */
async function expectNewestEvent(page: Page, orgName: string, admin: string, type: string, own: keyof typeof DESCRIPTIONS): Promise<Locator> {
  const pane = await signInToManager(page, orgName, admin);
  await pane.getByRole('tab', { name: 'Event log' }).click();
  const newest = pane.getByRole('list', { name: 'Event log entries' }).getByRole('listitem').first();
  await expect(newest).toContainText(type);
  await expect(newest).toContainText(DESCRIPTIONS[own]);
  for (const [kind, other] of Object.entries(DESCRIPTIONS)) if (kind !== own) await expect(newest).not.toContainText(other);
  return newest;
}

/** Opens the lab's Phones popover (each phone's network and clock offset). */
async function openPhonesPopover(page: Page): Promise<Locator> {
  const panel = lab(page).getByRole('group', { name: 'Phones' });
  if (!(await panel.isVisible())) await lab(page).getByText('Phones', { exact: true }).click();
  await expect(panel).toBeVisible();
  return panel;
}

/** Sets a phone's clock offset in seconds in the Phones popover, then closes it. */
async function setClockOffset(page: Page, phoneLabel: string, seconds: number): Promise<void> {
  const panel = await openPhonesPopover(page);
  const field = panel.getByLabel(`${phoneLabel}: clock offset (s)`);
  await field.fill(String(seconds));
  await field.press('Enter');
  await field.blur();
  await expect(field).toHaveValue(String(seconds));
  await shot(page, `phones-popover-${seconds}s`);
  await lab(page).getByText('Phones', { exact: true }).click();
  await expect(panel).toBeHidden();
}

/** "2026-01-05 09:10:00", as Manager writes simulated instants (UTC). */
function dateTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

test.describe('Journey 7: each refusal has its own event-log description; the person sees only "Login failed"', () => {
  test.beforeEach(async ({ page }) => {
    test.setTimeout(120_000); // axe analyses take seconds when workers share the CPU
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });

  test('R-VER-7, R-SEC-2 an 8-digit offline code at Fjord intranet: "offline codes are not accepted here"', async ({ page }) => {
    await openPaused(page);
    const app = await showPhoneOf(page, 'Per Olsen');
    await setPhoneOnline(page, false);
    await tapPin(app, '4567');
    const code = await shownCode(app);
    expect(code).toMatch(/^\d{8}$/);
    await expectLoginFailed(page, 'Fjord Municipality', 'Fjord intranet', 'per', code);
    await expectAccessible(page, 'Organization login', 'login failed');
    const entry = await expectNewestEvent(page, 'Fjord Municipality', 'tor.users', 'Access_Denied_Offline', 'offlineNotAllowed');
    await expect(entry).toContainText('per');
    await shot(page, 'offline-not-allowed');
    await expectAccessible(page, 'Manager', 'event log with the refusal');

    // No counter changed (R-VER-7): Per's code attempts are still 0.
    const mgr = await signInToManager(page, 'Fjord Municipality', 'tor.users');
    await mgr.getByRole('tab', { name: 'Users' }).click();
    await mgr.getByRole('button', { name: 'per', exact: true }).click();
    await expect(mgr.getByRole('term').filter({ hasText: 'Code attempts' }).locator('xpath=following-sibling::dd[1]')).toHaveText('0 of 3');
  });

  test('R-CLK-2, R-VER-7, R-SEC-2 a phone clock 10 minutes fast: the offline code is refused as "no longer valid" with the phone time it was made for', async ({ page }) => {
    await openPaused(page);
    const app = await showPhoneOf(page, 'Ingrid Berg');
    await setClockOffset(page, "Ingrid's phone", 600);
    await expect(codeApp(page).getByText(/Phone clock: \+10 min 00 s ahead of the server/)).toBeAttached();
    await shot(page, 'clock-drift');

    await setPhoneOnline(page, false);
    await tapPin(app, '1234');
    const code = await shownCode(app);
    expect(code).toMatch(/^\d{8}$/);
    const phoneStep = Math.floor(((await serverTime(page)) + 600_000) / 30_000) * 30_000;
    await expectLoginFailed(page, 'Acme Corp', 'Acme VPN', 'ingrid', code);
    const entry = await expectNewestEvent(page, 'Acme Corp', 'ulf.users', 'Access_Denied_Offline', 'drift');
    await expect(entry).toContainText(`made for phone time ${dateTime(phoneStep)} (phone clock out of sync?)`);
    await shot(page, 'clock-drift-event');
  });

  test('R-ACT-2, R-VER-3, R-SEC-2 after a new phone is activated, the old phone\'s offline code is refused as a handset mismatch', async ({ page }) => {
    await openPaused(page);
    const mgr = await signInToManager(page, 'Acme Corp', 'ulf.users');
    await mgr.getByRole('button', { name: 'ingrid', exact: true }).click();
    const appIdFact = mgr.getByRole('term').filter({ hasText: 'App-ID' }).locator('xpath=following-sibling::dd[1]');
    await expect(appIdFact).toHaveText(/^\d{10}$/);
    const oldAppId = (await appIdFact.textContent()) ?? '';

    // Edit world: another phone for Ingrid.
    await lab(page).getByRole('button', { name: 'Edit world' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit world' });
    const form = dialog.getByRole('form', { name: 'Add another phone' });
    await form.getByLabel('Person').selectOption({ label: 'Ingrid Berg (+4791234501)' });
    await form.getByLabel('Phone name (optional)').fill("Ingrid's new phone");
    await form.getByRole('button', { name: 'Add' }).click();
    await expect(form.getByRole('status')).toHaveText('Added.');
    await shot(page, 'edit-world-phone-added');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();

    // The picker names phones by owner only, so the new one is the second "Ingrid Berg" (added last).
    const app = codeApp(page);
    const picker = app.getByLabel('Phone of');
    const ingrids = picker.locator('option', { hasText: 'Ingrid Berg' });
    await expect(ingrids).toHaveCount(2);
    await picker.selectOption({ index: (await picker.locator('option').count()) - 1 });
    await expect(app.getByRole('button', { name: 'Activate' })).toBeVisible();

    // Activate it with the SMS code: the holder has a PIN, so no new PIN is asked (R-ACT-1).
    await app.getByLabel('Mobile number').fill('+4791234501');
    await app.getByRole('button', { name: 'Activate' }).click();
    const sms = app.getByRole('status', { name: 'SMS notification' });
    await expect(sms).toContainText(/\d{6}/);
    const smsCode = /(\d{6})/.exec((await sms.textContent()) ?? '')?.[1] ?? '';
    await app.getByLabel('SMS code').fill(smsCode);
    await app.getByRole('button', { name: 'OK' }).click();
    await expect(app.getByLabel('PIN', { exact: true })).toBeAttached();
    await expect(appIdFact).not.toHaveText(oldAppId);
    const newAppId = (await appIdFact.textContent()) ?? '';

    // The old phone, offline, still makes 8-digit codes; the server refuses them as from an older device (R-ACT-2).
    await picker.selectOption({ index: 0 });
    await setPhoneOnline(page, false);
    await tapPin(app, '1234');
    const oldCode = await shownCode(app);
    expect(oldCode).toMatch(/^\d{8}$/);
    await expectLoginFailed(page, 'Acme Corp', 'Acme VPN', 'ingrid', oldCode);
    const entry = await expectNewestEvent(page, 'Acme Corp', 'ulf.users', 'Access_Denied', 'oldDevice');
    await expect(entry).toContainText(`(App-ID ${oldAppId}); the current app is ${newAppId}`);
    await shot(page, 'old-device-event');

    // The new phone's code is accepted: only the most recent device gives valid codes.
    await picker.selectOption({ index: (await picker.locator('option').count()) - 1 });
    await tapPin(app, '1234');
    expect(await logIn(page, 'Acme Corp', 'Acme VPN', 'ingrid', await shownCode(app))).toBe('Login accepted');
  });

  test('R-ACT-2 the phone picker tells two phones of the same person apart', async ({ page }) => {
    await openPaused(page);
    await lab(page).getByRole('button', { name: 'Edit world' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit world' });
    const form = dialog.getByRole('form', { name: 'Add another phone' });
    await form.getByLabel('Person').selectOption({ label: 'Ingrid Berg (+4791234501)' });
    await form.getByLabel('Phone name (optional)').fill("Ingrid's new phone");
    await form.getByRole('button', { name: 'Add' }).click();
    await expect(form.getByRole('status')).toHaveText('Added.');
    await dialog.getByRole('button', { name: 'Close' }).click();

    // A trainee must be able to choose the new phone (to activate it) and the old one (to show its refused code).
    const options = codeApp(page).getByLabel('Phone of').locator('option', { hasText: 'Ingrid' });
    await expect(options).toHaveCount(2);
    const labels = await options.allTextContents();
    expect(new Set(labels).size, `the two options read ${JSON.stringify(labels)}`).toBe(2);
  });

  test('axe-core: the lab bar, with the clock paused and the Phones popover open on a drifted phone', async ({ page }) => {
    await openPaused(page);
    await showPhoneOf(page, 'Ingrid Berg');
    await openPhonesPopover(page);
    await expectAccessible(page, 'Lab', 'Phones popover open, clock paused');
    await setClockOffset(page, "Ingrid's phone", 600);
    await expectAccessible(page, 'Lab', 'clock paused');
  });

  test('axe-core: the lab\'s Edit world dialog, after adding a phone', async ({ page }) => {
    await openPaused(page);
    await lab(page).getByRole('button', { name: 'Edit world' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit world' });
    const form = dialog.getByRole('form', { name: 'Add another phone' });
    await form.getByLabel('Person').selectOption({ label: 'Ingrid Berg (+4791234501)' });
    await form.getByRole('button', { name: 'Add' }).click();
    await expect(form.getByRole('status')).toHaveText('Added.');
    await expectAccessible(page, 'Lab', 'Edit world dialog, phone added');
  });

  test('R-VER-2, R-SEC-2 a user set inactive in Manager: "User is inactive", and no counter changes', async ({ page }) => {
    await openPaused(page);
    const mgr = await signInToManager(page, 'Acme Corp', 'ulf.users');
    await mgr.getByRole('button', { name: 'ola', exact: true }).click();
    await mgr.getByRole('button', { name: 'Set inactive' }).click();
    await expect(mgr.getByRole('button', { name: 'Set active' })).toBeVisible();
    await expect(mgr.getByText('Inactive').first()).toBeVisible();
    await shot(page, 'inactive-user');
    await expectAccessible(page, 'Manager', 'inactive user');

    const app = await showPhoneOf(page, 'Ola Nordmann');
    await tapPin(app, '2345');
    const code = await shownCode(app);
    expect(code).toMatch(/^\d{6}$/);
    await expectLoginFailed(page, 'Acme Corp', 'Acme VPN', 'ola', code);
    await expectNewestEvent(page, 'Acme Corp', 'ulf.users', 'Access_Denied', 'inactive');

    // Inactive is not blocked: no counter moved, and Ola's code still works at Northbank, where he is active.
    const users = await signInToManager(page, 'Acme Corp', 'ulf.users');
    await users.getByRole('tab', { name: 'Users' }).click();
    await users.getByRole('button', { name: 'ola', exact: true }).click();
    await expect(users.getByRole('term').filter({ hasText: 'Code attempts' }).locator('xpath=following-sibling::dd[1]')).toHaveText('0 of 3');
    await expect(users.getByRole('img', { name: 'PIN blocked' })).toHaveCount(0);
    expect(await logIn(page, 'Northbank', 'Northbank remote access', 'ola.nordmann', code)).toBe('Login accepted');
  });
});

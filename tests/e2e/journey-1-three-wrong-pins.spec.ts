// Journey 1: three wrong PINs in the Code app block Kari's PIN; every organization she belongs to shows the red icon
// in Manager (R-BLK-1), and setting her inactive and active again leaves it there (R-BLK-4). Through the screens only.
import { test, expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { codeApp, expectAccessible, openPaused, shot, showPhoneOf, signInToManager, tapPin, tapRefusedPin, userRow } from './support/screens';

/** Kari Hansen's username at each of her organizations, the USERADMIN who looks, and someone else there who is not blocked. */
const KARI_AT = [
  { org: 'Acme Corp', username: 'kari', admin: 'ulf.users', other: 'ola' },
  { org: 'Northbank', username: 'khansen', admin: 'berit.users', other: 'ola.nordmann' },
  { org: 'Fjord Municipality', username: 'kari.hansen', admin: 'tor.users', other: 'per' },
] as const;

test.beforeEach(async ({ page }) => {
  // A long journey with several axe-core analyses (about 2 s each, several times that when workers share the CPU).
  test.setTimeout(300_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

test('R-BLK-1, R-BLK-4 three wrong PINs block the PIN: attempts remaining 2 then 1, the red icon at every organization, unchanged by inactive/active', async ({ page }) => {
  await openPaused(page);
  const app = await showPhoneOf(page, 'Kari Hansen');
  const pinField = app.getByLabel('PIN', { exact: true });
  const notice = app.getByRole('alert');
  await expect(app.getByRole('button', { name: 'Organizations: 3 linked', exact: true })).toBeVisible();

  // R-OTP-1: each wrong PIN says how many attempts remain.
  await tapRefusedPin(app, '9999');
  await expect(notice).toHaveText(/Wrong PIN\. 2 attempts remaining\./);
  await shot(page, 'j1-01-wrong-pin-2-left');
  await expectAccessible(page, 'Code app', 'wrong PIN, 2 attempts remaining');

  await tapRefusedPin(app, '9998');
  await expect(notice).toHaveText(/Wrong PIN\. 1 attempt remaining\./);

  // R-BLK-1: the third wrong PIN in a row blocks the PIN, at every organization the app is linked to.
  await tapRefusedPin(app, '9997');
  await expect(notice).toHaveText(/Your PIN is blocked\./);
  await expect(app.getByRole('button', { name: 'Organizations: 3 of 3 blocked', exact: true })).toBeVisible();
  await expect(app.getByLabel('One-time code display')).toHaveCount(0);
  await shot(page, 'j1-02-app-pin-blocked');
  await expectAccessible(page, 'Code app', 'PIN blocked notice');

  // Blocked means blocked: the screen says so as its title, offers no PIN pad (a right PIN would give no code) and Unblock as the way on.
  await expect(app.getByRole('heading', { name: 'PIN blocked', exact: true })).toBeVisible();
  await expect(pinField).toHaveCount(0);
  await expect(app.getByRole('button', { name: 'Unblock', exact: true })).toHaveCount(1);

  // The app's list of organizations marks each of the three as blocked.
  await app.getByRole('button', { name: 'Organizations: 3 of 3 blocked', exact: true }).click();
  const orgList = app.getByRole('list');
  for (const { org } of KARI_AT) await expect(orgList.getByRole('listitem').filter({ hasText: org })).toContainText('PIN blocked');
  await shot(page, 'j1-03-app-links-all-blocked');
  await expectAccessible(page, 'Code app', 'organizations, all blocked');
  await app.getByRole('button', { name: 'OK' }).click();
  await expect(app.getByRole('heading', { name: 'PIN blocked', exact: true })).toBeVisible();

  for (const [index, { org, username, admin, other }] of KARI_AT.entries()) {
    const mgr = await signInToManager(page, org, admin);

    // R-BLK-1 / R-BLK-4: Manager's users list shows the red "PIN blocked" icon on Kari, at this organization too.
    const row = userRow(mgr, username);
    await expect(row.getByRole('img', { name: 'PIN blocked' })).toBeVisible();
    await expect(row).toContainText('Active');
    // Only Kari's PIN was blocked: the other user listed here is not.
    await expect(userRow(mgr, other)).toBeVisible();
    await expect(userRow(mgr, other).getByRole('img', { name: 'PIN blocked' })).toHaveCount(0);
    await shot(page, `j1-04-manager-users-${index + 1}-${org.replace(/\s+/g, '-').toLowerCase()}`);
    if (index === 0) await expectAccessible(page, 'Manager', `${org}: users list with the PIN blocked icon`);

    // The details say why: blocked by PIN attempts, and offer the UBC.
    await mgr.getByRole('button', { name: username, exact: true }).click();
    const details = mgr.getByRole('article', { name: username, exact: true });
    await expect(details.getByRole('img', { name: 'PIN blocked' })).toBeVisible();
    await expect(details).toContainText('3 wrong PIN attempts');
    await expect(details.getByRole('button', { name: 'Display UBC' })).toBeVisible();

    // R-BLK-4: blocked is independent of Active/Inactive.
    await details.getByRole('button', { name: 'Set inactive' }).click();
    await expect(details.getByRole('button', { name: 'Set active' })).toBeVisible();
    await expect(details.getByText('Inactive', { exact: true })).toBeVisible();
    await expect(details.getByRole('img', { name: 'PIN blocked' })).toBeVisible();
    await expect(details.getByRole('button', { name: 'Display UBC' })).toBeVisible();
    await expect(details.getByRole('button', { name: 'Block PIN' })).toHaveCount(0);
    if (index === 0) {
      await shot(page, 'j1-05-manager-details-inactive-blocked');
      await expectAccessible(page, 'Manager', 'user details: inactive and blocked');
    }

    await mgr.getByRole('button', { name: 'All users' }).click();
    await expect(userRow(mgr, username)).toContainText('Inactive');
    await expect(userRow(mgr, username).getByRole('img', { name: 'PIN blocked' })).toBeVisible();

    await mgr.getByRole('button', { name: username, exact: true }).click();
    await details.getByRole('button', { name: 'Set active' }).click();
    await expect(details.getByRole('button', { name: 'Set inactive' })).toBeVisible();
    await expect(details.getByText('Active', { exact: true })).toBeVisible();
    await expect(details.getByRole('img', { name: 'PIN blocked' })).toBeVisible();

    await mgr.getByRole('button', { name: 'All users' }).click();
    await expect(userRow(mgr, username)).toContainText('Active');
    await expect(userRow(mgr, username)).not.toContainText('Inactive');
    await expect(userRow(mgr, username).getByRole('img', { name: 'PIN blocked' })).toBeVisible();
  }

  // The status changes unblocked nothing: the app still knows all three organizations as blocked.
  await codeApp(page).getByRole('button', { name: /^Organizations: 3 of 3 blocked/ }).click();
  await expect(app.getByRole('heading', { name: 'Organizations' })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Organizations: 3 of 3 blocked', exact: true })).toBeVisible();
  for (const { org } of KARI_AT) await expect(orgList.getByRole('listitem').filter({ hasText: org })).toContainText('PIN blocked');
});

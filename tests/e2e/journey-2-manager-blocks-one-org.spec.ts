// Journey 2: a USERADMIN blocks Ola's PIN at Northbank in Manager. Northbank refuses his code, telling the person only
// "Login failed" while its event log names the cause; Acme Corp accepts the very same code (R-BLK-2, R-SEC-2).
import { test, expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { expectAccessible, logIn, loginPage, openPaused, shot, showPhoneOf, shownCode, signInToManager, tapPin, userRow } from './support/screens';

test.beforeEach(async ({ page }) => {
  // A long journey with several axe-core analyses (about 2 s each, several times that when workers share the CPU).
  test.setTimeout(300_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

test('R-BLK-2, R-SEC-2 a USERADMIN blocks the PIN at Northbank only: Acme Corp still accepts the code, Northbank says only "Login failed" and logs why', async ({ page }) => {
  await openPaused(page);

  // A USERADMIN of Northbank blocks Ola's PIN there (R-BLK-2).
  let mgr = await signInToManager(page, 'Northbank', 'berit.users');
  await expect(userRow(mgr, 'ola.nordmann').getByRole('img', { name: 'PIN blocked' })).toHaveCount(0);
  await mgr.getByRole('button', { name: 'ola.nordmann', exact: true }).click();
  const details = mgr.getByRole('article', { name: 'ola.nordmann', exact: true });
  await details.getByRole('button', { name: 'Block PIN' }).click();
  await expect(details.getByRole('img', { name: 'PIN blocked' })).toBeVisible();
  await expect(details.getByRole('button', { name: 'Block PIN' })).toHaveCount(0);
  await expect(details).toContainText('Blocked in Manager');
  await shot(page, 'j2-01-manager-northbank-blocked');
  await expectAccessible(page, 'Manager', 'Northbank: user details after Block PIN');
  await mgr.getByRole('button', { name: 'All users' }).click();
  await expect(userRow(mgr, 'ola.nordmann').getByRole('img', { name: 'PIN blocked' })).toBeVisible();
  // Kari, also at Northbank, is untouched.
  await expect(userRow(mgr, 'khansen').getByRole('img', { name: 'PIN blocked' })).toHaveCount(0);

  // The PIN stays usable: the app still gets an online code, and knows one of its two organizations is blocked.
  const app = await showPhoneOf(page, 'Ola Nordmann');
  await tapPin(app, '2345');
  const code = await shownCode(app);
  expect(code).toMatch(/^\d{6}$/);
  await expect(app.getByRole('button', { name: 'Organizations: 1 of 2 blocked', exact: true })).toBeVisible();
  await shot(page, 'j2-02-app-online-code');

  // Northbank refuses it; the person is told only "Login failed" (R-SEC-2).
  expect(await logIn(page, 'Northbank', 'Northbank remote access', 'ola.nordmann', code)).toBe('Login failed');
  const login = loginPage(page);
  await expect(login.getByRole('status')).toContainText('Login failed');
  await expect(login).not.toContainText(/blocked/i);
  await shot(page, 'j2-03-login-northbank-failed');
  await expectAccessible(page, 'Organization login', 'Northbank: login failed');

  // The same code, unspent by Northbank's refusal, is accepted at Acme Corp (R-BLK-2, R-OTP-3).
  expect(await logIn(page, 'Acme Corp', 'Acme VPN', 'ola', code)).toBe('Login accepted');
  await expect(login.getByRole('status')).toContainText('Login accepted');
  await shot(page, 'j2-04-login-acme-accepted');
  await expectAccessible(page, 'Organization login', 'Acme Corp: login accepted');

  // Northbank's event log names the cause for support staff (R-VER-4, R-VER-8).
  mgr = await signInToManager(page, 'Northbank', 'berit.users');
  await mgr.getByRole('tab', { name: 'Event log' }).click();
  const events = mgr.getByRole('list', { name: 'Event log entries' }).getByRole('listitem');
  const refused = events.filter({ hasText: 'ola.nordmann' }).filter({ hasText: 'PIN is blocked at this organization' });
  await expect(refused).toHaveCount(1);
  await expect(refused).toContainText('Access_Denied');
  await expect(refused).toContainText('Northbank remote access');
  await expect(events.first()).toContainText('PIN is blocked at this organization'); // the newest entry
  await shot(page, 'j2-05-manager-northbank-event-log');
  await expectAccessible(page, 'Manager', 'Northbank: event log with the refusal');

  // R-VER-4: a refusal at a blocked link changes no counter.
  await mgr.getByRole('tab', { name: 'Users' }).click();
  await mgr.getByRole('button', { name: 'ola.nordmann', exact: true }).click();
  await expect(details.getByRole('img', { name: 'PIN blocked' })).toBeVisible();
  const codeAttempts = details.locator('dl > div').filter({ has: page.getByRole('term').filter({ hasText: /^Code attempts$/ }) });
  await expect(codeAttempts.getByRole('definition')).toHaveText(/^0 of 3/);

  // The audit log records the block, by whom, on whom (R-MGR-5).
  await mgr.getByRole('tab', { name: 'Audit log' }).click();
  const audit = mgr.getByRole('list', { name: 'Audit log entries' }).getByRole('listitem').filter({ hasText: 'Blocked PIN' });
  await expect(audit).toHaveCount(1);
  await expect(audit).toContainText('berit.users');
  await expect(audit).toContainText('ola.nordmann');

  // Acme Corp: Ola is not blocked, and his login there is granted in its event log.
  mgr = await signInToManager(page, 'Acme Corp', 'ulf.users');
  await expect(userRow(mgr, 'ola')).toBeVisible();
  await expect(userRow(mgr, 'ola').getByRole('img', { name: 'PIN blocked' })).toHaveCount(0);
  await mgr.getByRole('tab', { name: 'Event log' }).click();
  const acmeEvents = mgr.getByRole('list', { name: 'Event log entries' }).getByRole('listitem');
  await expect(acmeEvents.first()).toContainText('Access_Granted');
  await expect(acmeEvents.first()).toContainText('ola');
  await expect(acmeEvents.first()).toContainText('Acme VPN');
  await shot(page, 'j2-06-manager-acme-event-log');
});

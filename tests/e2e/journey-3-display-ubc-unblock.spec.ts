// Journey 3: Ingrid's PIN is blocked by three wrong PINs; a USERADMIN displays the UBC in Manager; Ingrid types it in the
// Code app with a new PIN twice; the red icon goes, the event log and audit log say what happened, and the new PIN gives
// a code that logs in (R-UBC-1, R-UBC-2). Through the screens only.
import { test, expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { expectAccessible, logIn, openPaused, shot, showPhoneOf, shownCode, signInToManager, tapPin, tapRefusedPin, userRow } from './support/screens';

const NEW_PIN = '8642';

test.beforeEach(async ({ page }) => {
  // A long journey with several axe-core analyses (about 2 s each, several times that when workers share the CPU).
  test.setTimeout(300_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

test('R-UBC-1, R-UBC-2 Display UBC, the user types it and a new PIN twice: the icon goes, both logs tell, the new PIN gives a code that logs in', async ({ page }) => {
  await openPaused(page);
  const app = await showPhoneOf(page, 'Ingrid Berg');

  // Three wrong PINs block Ingrid's PIN (R-BLK-1).
  await tapRefusedPin(app, '9999');
  await expect(app.getByRole('alert')).toHaveText(/2 attempts remaining/);
  await tapRefusedPin(app, '9998');
  await expect(app.getByRole('alert')).toHaveText(/1 attempt remaining/);
  await tapRefusedPin(app, '9997');
  await expect(app.getByRole('alert')).toHaveText(/Your PIN is blocked\./);
  await expect(app.getByRole('button', { name: 'Organizations: 1 of 1 blocked', exact: true })).toBeVisible();

  // A USERADMIN sees the red icon and displays the UBC: 9 digits (R-UBC-1).
  const mgr = await signInToManager(page, 'Acme Corp', 'ulf.users');
  await expect(userRow(mgr, 'ingrid').getByRole('img', { name: 'PIN blocked' })).toBeVisible();
  await mgr.getByRole('button', { name: 'ingrid', exact: true }).click();
  const details = mgr.getByRole('article', { name: 'ingrid', exact: true });
  await details.getByRole('button', { name: 'Display UBC' }).click();
  const ubcBox = details.getByRole('group', { name: 'UBC for ingrid' });
  await expect(ubcBox).toBeVisible();
  const ubc = ((await ubcBox.getByTestId('ubc-code').textContent()) ?? '').replace(/\s/g, '');
  expect(ubc).toMatch(/^\d{9}$/);
  await shot(page, 'j3-01-manager-ubc-displayed');
  await expectAccessible(page, 'Manager', 'user details with the UBC displayed');

  // The app: Unblock, choose the organization, type the UBC (R-UBC-2).
  await app.getByRole('button', { name: 'Unblock' }).click();
  await expect(app.getByRole('heading', { name: 'Unblock PIN' })).toBeVisible();
  await shot(page, 'j3-02-app-choose-org');
  await expectAccessible(page, 'Code app', 'unblock: choose the organization');
  await app.getByRole('button', { name: /Acme Corp/ }).click();

  await expect(app.getByRole('heading', { name: 'Unblock at Acme Corp' })).toBeVisible();
  await app.getByLabel('Unblocking code').fill(ubc);
  await shot(page, 'j3-03-app-ubc-typed');
  await expectAccessible(page, 'Code app', 'unblock: the UBC');
  await app.getByRole('button', { name: 'Unblock' }).click();

  // The PIN is blocked, so the app asks for a new PIN twice.
  const newPin = app.getByLabel('New PIN', { exact: true });
  await expect(newPin).toBeVisible();
  await newPin.fill(NEW_PIN);
  await app.getByLabel('Repeat new PIN').fill(NEW_PIN);
  await shot(page, 'j3-04-app-new-pin');
  await expectAccessible(page, 'Code app', 'unblock: new PIN twice');
  await app.getByRole('button', { name: 'OK' }).click();

  await expect(app.getByRole('status').filter({ hasText: 'Acme Corp is unblocked. Your new PIN is set.' })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Organizations: 1 linked', exact: true })).toBeVisible();
  await shot(page, 'j3-05-app-unblocked');
  await expectAccessible(page, 'Code app', 'unblocked with a new PIN');

  // Manager: the red icon has gone from the open details; the spent UBC is no longer shown, Block PIN is offered again.
  await expect(details.getByRole('img', { name: 'PIN blocked' })).toHaveCount(0);
  await expect(ubcBox).toHaveCount(0);
  await expect(details.getByRole('button', { name: 'Display UBC' })).toHaveCount(0);
  await expect(details.getByRole('button', { name: 'Block PIN' })).toBeVisible();
  await mgr.getByRole('button', { name: 'All users' }).click();
  await expect(userRow(mgr, 'ingrid')).toBeVisible();
  await expect(userRow(mgr, 'ingrid').getByRole('img', { name: 'PIN blocked' })).toHaveCount(0);
  await shot(page, 'j3-06-manager-users-icon-gone');

  // The event log shows the unblock in the app.
  await mgr.getByRole('tab', { name: 'Event log' }).click();
  const events = mgr.getByRole('list', { name: 'Event log entries' }).getByRole('listitem');
  const unblocked = events.filter({ hasText: 'PIN unblocked in the app with the UBC, new PIN set' });
  await expect(unblocked).toHaveCount(1);
  await expect(unblocked).toContainText('ingrid');
  await expect(events.first()).toContainText('PIN unblocked in the app with the UBC, new PIN set'); // the newest entry
  await shot(page, 'j3-07-manager-event-log');
  await expectAccessible(page, 'Manager', 'event log with the unblock');

  // The audit log shows the UBC display, by whom and for whom (R-UBC-1, R-MGR-5).
  await mgr.getByRole('tab', { name: 'Audit log' }).click();
  const displayed = mgr.getByRole('list', { name: 'Audit log entries' }).getByRole('listitem').filter({ hasText: 'Displayed UBC' });
  await expect(displayed).toHaveCount(1);
  await expect(displayed).toContainText('ulf.users');
  await expect(displayed).toContainText('ingrid');
  await shot(page, 'j3-08-manager-audit-log');
  await expectAccessible(page, 'Manager', 'audit log with Displayed UBC');

  // The old PIN is gone; the new one gives a code that logs in.
  await tapRefusedPin(app, '1234');
  await expect(app.getByRole('alert')).toHaveText(/Wrong PIN\. 2 attempts remaining\./);
  await tapPin(app, NEW_PIN);
  const code = await shownCode(app);
  expect(code).toMatch(/^\d{6}$/);
  expect(await logIn(page, 'Acme Corp', 'Acme VPN', 'ingrid', code)).toBe('Login accepted');
  await shot(page, 'j3-09-login-accepted-with-new-pin');
});

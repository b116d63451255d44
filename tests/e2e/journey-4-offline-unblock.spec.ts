// Journey 4: offline unblock (R-UBC-4). Ingrid's PIN is blocked; the administrator displays the UBC; with the phone
// offline the app takes the UBC and a new PIN twice and shows a 9-digit code with its timer. The code changes after 30 s
// of server time; one more than 120 s old is refused (and counted as a wrong UBC); a fresh one logs in at Acme VPN,
// unblocks and sets the new PIN, which then works online. The clock is paused and moved with the lab's step buttons.
import { test, expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { expectAccessible, lab, logIn, openPaused, setPhoneOnline, shot, showPhoneOf, shownCode, signInToManager, tapPin, tapRefusedPin, userRow } from './support/screens';

const NEW_PIN = '2468';

/** In the app: Unblock, choose Acme Corp, type the UBC, the new PIN twice; offline this ends on the 9-digit code. */
async function unblockInApp(app: Locator, ubc: string, newPin: string, onNewPinScreen?: () => Promise<void>): Promise<void> {
  await app.getByRole('button', { name: 'Unblock' }).click();
  await expect(app.getByRole('heading', { name: 'Unblock PIN' })).toBeVisible();
  await app.getByRole('button', { name: /Acme Corp/ }).click();
  await app.getByLabel('Unblocking code').fill(ubc);
  await app.getByRole('button', { name: 'Unblock' }).click();
  // Offline the app cannot check the UBC: it goes on to the new PIN and says what it will make of it.
  await expect(app.getByText('Offline Mode: the app makes an unblocking code from the UBC and your new PIN.')).toBeVisible();
  await app.getByLabel('New PIN', { exact: true }).fill(newPin);
  await app.getByLabel('Repeat new PIN').fill(newPin);
  if (onNewPinScreen) await onNewPinScreen();
  await app.getByRole('button', { name: 'OK' }).click();
  await expect(app.getByRole('heading', { name: 'Offline unblock code for Acme Corp' })).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  // A long journey with several axe-core analyses (about 2 s each, several times that when workers share the CPU).
  test.setTimeout(300_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

test('R-UBC-4 offline unblock: UBC + new PIN give a 9-digit code that changes every 30 s, is refused after 120 s, and a fresh one unblocks and sets the PIN', async ({ page }) => {
  await openPaused(page);
  const app = await showPhoneOf(page, 'Ingrid Berg');
  const display = app.getByLabel('One-time code display');
  const lifetime = app.getByRole('progressbar', { name: 'Time until the next code' });

  // Ingrid's PIN is blocked by three wrong PINs (R-BLK-1).
  // Each answer is awaited before the next PIN: the pad clears itself when the server has answered.
  await tapRefusedPin(app, '9999');
  await expect(app.getByRole('alert')).toHaveText(/Wrong PIN\. 2 attempts remaining\./);
  await tapRefusedPin(app, '9998');
  await expect(app.getByRole('alert')).toHaveText(/Wrong PIN\. 1 attempt remaining\./);
  await tapRefusedPin(app, '9997');
  await expect(app.getByRole('alert')).toHaveText(/Your PIN is blocked\./);

  // The administrator displays the UBC.
  const mgr = await signInToManager(page, 'Acme Corp', 'ulf.users');
  await mgr.getByRole('button', { name: 'ingrid', exact: true }).click();
  const details = mgr.getByRole('article', { name: 'ingrid', exact: true });
  await details.getByRole('button', { name: 'Display UBC' }).click();
  const ubc = ((await details.getByRole('group', { name: 'UBC for ingrid' }).getByTestId('ubc-code').textContent()) ?? '').replace(/\s/g, '');
  expect(ubc).toMatch(/^\d{9}$/);

  // The phone goes offline: Offline Mode, no data traffic.
  await setPhoneOnline(page, false);
  await expect(app.getByText('Offline Mode').first()).toBeVisible();

  // UBC and a new PIN twice give a 9-digit code with its "Time until the next code" circle (R-UBC-4).
  await unblockInApp(app, ubc, NEW_PIN, async () => {
    await shot(page, 'j4-01-app-offline-new-pin');
    await expectAccessible(page, 'Code app', 'offline unblock: new PIN twice');
  });
  const first = await shownCode(app);
  expect(first).toMatch(/^\d{9}$/);
  await expect(lifetime).toBeVisible();
  await expect(lifetime).toHaveAttribute('aria-valuemax', '30');
  await shot(page, 'j4-02-app-offline-unblock-code');
  await expectAccessible(page, 'Code app', 'offline unblock code with its timer');

  // +30 s of server time: a new code.
  await lab(page).getByRole('button', { name: '+30 s' }).click();
  await expect(display).toHaveText(/^\d{9}$/);
  await expect(display).not.toHaveText(first);
  const second = await shownCode(app);
  expect(second).not.toBe(first);
  await expect(lifetime).toBeVisible();

  // +2 min more: the first code is now 150 s old. The app has no code left to show, and the server refuses it;
  // the person is told only "Login failed" (R-SEC-2).
  await lab(page).getByRole('button', { name: '+2 min' }).click();
  await expect(app.getByText('The code has expired.')).toBeVisible();
  await expect(lifetime).toHaveCount(0);
  await shot(page, 'j4-03-app-offline-unblock-code-expired');
  expect(await logIn(page, 'Acme Corp', 'Acme VPN', 'ingrid', first)).toBe('Login failed');
  await shot(page, 'j4-04-login-old-code-failed');

  // Manager's event log: an offline unblock code that did not verify, counted as a wrong UBC entry; still blocked.
  await mgr.getByRole('tab', { name: 'Event log' }).click();
  const events = mgr.getByRole('list', { name: 'Event log entries' }).getByRole('listitem');
  await expect(events.first()).toContainText('Access_Denied_Offline');
  await expect(events.first()).toContainText('ingrid');
  await expect(events.first()).toContainText('Offline unblock code did not verify');
  await expect(events.first()).toContainText('2 attempts remaining');
  await shot(page, 'j4-05-manager-event-log-refused');
  await mgr.getByRole('tab', { name: 'Users' }).click();
  await expect(details.getByRole('img', { name: 'PIN blocked' })).toBeVisible();
  const ubcAttempts = details.locator('dl > div').filter({ has: page.getByRole('term').filter({ hasText: /^UBC attempts$/ }) });
  await expect(ubcAttempts.getByRole('definition')).toHaveText(/^1 of 3/);
  await mgr.getByRole('button', { name: 'All users' }).click();
  await expect(userRow(mgr, 'ingrid').getByRole('img', { name: 'PIN blocked' })).toBeVisible();
  await mgr.getByRole('button', { name: 'ingrid', exact: true }).click();

  // Still offline, the app makes a fresh code from the same UBC and new PIN.
  await app.getByRole('button', { name: 'OK' }).click();
  await unblockInApp(app, ubc, NEW_PIN);
  const fresh = await shownCode(app);
  expect(fresh).toMatch(/^\d{9}$/);
  expect(await logIn(page, 'Acme Corp', 'Acme VPN', 'ingrid', fresh)).toBe('Login accepted');
  await shot(page, 'j4-06-login-fresh-code-accepted');
  await expectAccessible(page, 'Organization login', 'offline unblock code accepted');

  // The event log: granted offline, "PIN unblocked, new PIN set"; the red icon is gone.
  await mgr.getByRole('tab', { name: 'Event log' }).click();
  await expect(events.first()).toContainText('Access_Granted_Offline');
  await expect(events.first()).toContainText('ingrid');
  await expect(events.first()).toContainText('PIN unblocked, new PIN set');
  await expect(events.first()).toContainText('Acme VPN');
  await shot(page, 'j4-07-manager-event-log-unblocked');
  await expectAccessible(page, 'Manager', 'event log with the offline unblock');
  await mgr.getByRole('tab', { name: 'Users' }).click();
  await expect(details.getByRole('img', { name: 'PIN blocked' })).toHaveCount(0);
  await expect(details).toContainText('Not blocked');
  await mgr.getByRole('button', { name: 'All users' }).click();
  await expect(userRow(mgr, 'ingrid')).toBeVisible();
  await expect(userRow(mgr, 'ingrid').getByRole('img', { name: 'PIN blocked' })).toHaveCount(0);
  await shot(page, 'j4-08-manager-users-icon-gone');

  // Back online, the new PIN gives an online code that logs in.
  await app.getByRole('button', { name: 'OK' }).click();
  await setPhoneOnline(page, true);
  await tapPin(app, NEW_PIN);
  const online = await shownCode(app);
  expect(online).toMatch(/^\d{6}$/);
  await expect(app.getByRole('button', { name: 'Organizations: 1 linked', exact: true })).toBeVisible();
  expect(await logIn(page, 'Acme Corp', 'Acme VPN', 'ingrid', online)).toBe('Login accepted');
  await shot(page, 'j4-09-online-code-with-new-pin-accepted');
});

// Found by this journey: when the 9-digit unblock code has run out, the app reuses the offline code's words, "Tap OK and
// type your PIN again for a new code". For an unblock that is a dead end: the PIN is blocked, so the PIN pad only makes an
// 8-digit offline code, which a blocked link refuses (R-VER-4). A new unblock code comes from Unblock again (R-UBC-4).
test('R-UBC-4 an offline unblock code that has run out points back to Unblock, not to the blocked PIN', async ({ page }) => {
  await openPaused(page);
  const app = await showPhoneOf(page, 'Ingrid Berg');
  await tapRefusedPin(app, '9999');
  await tapRefusedPin(app, '9998');
  await tapRefusedPin(app, '9997');
  await expect(app.getByRole('alert')).toHaveText(/Your PIN is blocked\./);
  await setPhoneOnline(page, false);

  // Offline the app cannot check the UBC, so any 9 digits reach the code screen; the code runs out after 2.5 min.
  await unblockInApp(app, '123456789', NEW_PIN);
  await shownCode(app);
  await lab(page).getByRole('button', { name: '+2 min' }).click();
  await lab(page).getByRole('button', { name: '+30 s' }).click();
  const expired = app.getByRole('status').filter({ hasText: 'The code has expired.' });
  await expect(expired).toBeVisible();
  await expect.soft(expired, 'the hint should lead to Unblock, not to typing the blocked PIN').not.toContainText('type your PIN again');

  // Offline the app cannot know whether an unblock went through, so the person may still choose the pad (Type new PIN):
  // while Acme Corp's link is still blocked, the new PIN's 8-digit offline code is refused there.
  await app.getByRole('button', { name: 'OK' }).click();
  await expect(app.getByRole('heading', { name: 'PIN blocked, as last known' })).toBeVisible();
  await app.getByRole('button', { name: 'Type new PIN' }).click();
  await tapPin(app, NEW_PIN);
  const offline = await shownCode(app);
  expect(offline).toMatch(/^\d{8}$/);
  expect(await logIn(page, 'Acme Corp', 'Acme VPN', 'ingrid', offline)).toBe('Login failed');
  const mgr = await signInToManager(page, 'Acme Corp', 'ulf.users');
  await mgr.getByRole('tab', { name: 'Event log' }).click();
  await expect(mgr.getByRole('list', { name: 'Event log entries' }).getByRole('listitem').first()).toContainText('PIN is blocked at this organization');
});

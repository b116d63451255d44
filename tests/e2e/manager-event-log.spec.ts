// Manager's event log, issue 9: ISO 24-hour UTC time fields with quick ranges on the server clock and a named refusal of a bad
// value; "Unblocks" finds online and offline unblocks, "Blocks" every block, one entry per login (R-VER-8); CSV export of
// everything the filter matches; a click from an entry to the user's details; the sign-in survives a reload.
import { test, expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { expectAccessible, lab, logIn, openPaused, setPhoneOnline, showPhoneOf, shownCode, signInToManager, tapRefusedPin } from './support/screens';
import { managerShot } from './support/manager-shots';

test.beforeEach(async ({ page }) => {
  test.setTimeout(240_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

/** The UBC Manager displays for a user (Display UBC in their details). */
async function displayUbc(mgr: Locator, username: string): Promise<string> {
  await mgr.getByRole('tab', { name: 'Users' }).click();
  const back = mgr.getByRole('button', { name: 'All users' });
  if (await back.isVisible()) await back.click();
  await mgr.getByRole('button', { name: username, exact: true }).click();
  const details = mgr.getByRole('article', { name: username, exact: true });
  await details.getByRole('button', { name: 'Display UBC' }).click();
  const text = (await details.getByRole('group', { name: `UBC for ${username}` }).getByTestId('ubc-code').textContent()) ?? '';
  return text.replace(/\s/g, '');
}

/** In the Code app: Unblock, Acme Corp, the UBC, a new PIN twice (offline this ends on the 9-digit code). */
async function unblockInApp(app: Locator, ubc: string, pin: string): Promise<void> {
  await app.getByRole('button', { name: 'Unblock', exact: true }).first().click();
  await app.getByRole('button', { name: /Acme Corp/ }).click();
  await app.getByLabel('Unblocking code').fill(ubc);
  await app.getByRole('button', { name: 'Unblock', exact: true }).click();
  await app.getByLabel('New PIN', { exact: true }).fill(pin);
  await app.getByLabel('Repeat new PIN').fill(pin);
  await app.getByRole('button', { name: 'OK' }).click();
}

/**
 * The story: 09:00 ola's third failed code blocks his link; 09:15 Ingrid's three wrong PINs block her PIN and she unblocks
 * offline with a 9-digit code at Acme VPN; 09:30 Manager blocks her PIN again and she unblocks online in the app.
 */
async function playStory(page: Page): Promise<Locator> {
  await openPaused(page);
  for (const code of ['111111', '222222', '333333']) expect(await logIn(page, 'Acme Corp', 'Acme VPN', 'ola', code)).toBe('Login failed');
  await lab(page).getByRole('button', { name: '+15 min' }).click();
  const app = await showPhoneOf(page, 'Ingrid Berg');
  for (const pin of ['9999', '9998', '9997']) await tapRefusedPin(app, pin);
  const mgr = await signInToManager(page, 'Acme Corp', 'ulf.users');
  const first = await displayUbc(mgr, 'ingrid');
  await setPhoneOnline(page, false);
  await unblockInApp(app, first, '2468');
  const code = await shownCode(app);
  expect(code).toMatch(/^\d{9}$/);
  expect(await logIn(page, 'Acme Corp', 'Acme VPN', 'ingrid', code)).toBe('Login accepted');
  await lab(page).getByRole('button', { name: '+15 min' }).click();
  await setPhoneOnline(page, true);
  const details = mgr.getByRole('article', { name: 'ingrid', exact: true });
  await details.getByRole('button', { name: 'Block PIN' }).click();
  const second = await displayUbc(mgr, 'ingrid');
  await unblockInApp(app, second, '1357');
  await expect(details.getByRole('img', { name: 'PIN blocked' })).toHaveCount(0);
  await mgr.getByRole('tab', { name: 'Event log' }).click();
  return mgr;
}

test('R-MGR-4, R-VER-8 "Unblocks" finds the online and the offline unblock, "Blocks" every block; CSV has every match; click-through to the user', async ({ page }) => {
  const mgr = await playStory(page);
  const entries = mgr.getByRole('list', { name: 'Event log entries' }).getByRole('listitem');
  const type = mgr.getByRole('combobox', { name: 'Type' });

  await type.selectOption({ label: 'Unblocks' });
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText('PIN_Unblocked');
  await expect(entries.nth(0)).toContainText('PIN unblocked in the app with the UBC, new PIN set');
  await expect(entries.nth(1)).toContainText('Access_Granted_Offline');
  await expect(entries.nth(1)).toContainText('PIN unblocked, new PIN set');
  await expect(entries.nth(1)).toContainText('Acme VPN');
  await managerShot(page, 'log-01-unblocks-1280', entries.nth(1));
  await expectAccessible(page, 'Manager', 'event log, Unblocks');

  await type.selectOption({ label: 'Blocks' });
  await expect(entries).toHaveCount(3);
  await expect(entries.filter({ hasText: 'PIN_Blocked' })).toHaveCount(2);
  const olaBlocked = entries.filter({ hasText: 'Access_Denied' });
  await expect(olaBlocked).toHaveCount(1);
  await expect(olaBlocked).toContainText('ola');
  await managerShot(page, 'log-02-blocks-1280', olaBlocked);

  // CSV: every entry the filter matches, ISO UTC times, proper quoting, in the language on screen.
  const [download] = await Promise.all([page.waitForEvent('download'), mgr.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('event-log-acme-corp-2026-01-05-0930Z.csv');
  const csv = (await readFile(await download.path(), 'utf8')).replace(/^\ufeff/, '');
  const lines = csv.split('\r\n').filter((line) => line !== '');
  expect(lines[0]).toBe('Time (UTC),Type,Username,Access server,Description');
  expect(lines).toHaveLength(4);
  expect(lines[1]).toMatch(/^2026-01-05T09:30:\d\dZ,PIN_Blocked,ingrid,,PIN blocked at this organization by an administrator in Manager$/);
  expect(lines[3]).toMatch(/^2026-01-05T09:00:\d\dZ,Access_Denied,ola,Acme VPN,/);
  await expect(mgr.getByRole('status').filter({ hasText: 'Exported 3 entries' })).toBeVisible();

  // From an entry to that user's details.
  await olaBlocked.getByRole('button', { name: 'ola: open user details' }).click();
  const details = mgr.getByRole('article', { name: 'ola', exact: true });
  await expect(details).toBeVisible();
  await expect(mgr.getByRole('tab', { name: 'Users' })).toHaveAttribute('aria-selected', 'true');
  await expect(details.getByRole('img', { name: 'PIN blocked' })).toBeVisible();
  await expect(details).toContainText('3 failed code verifications');
});

test('R-MGR-4, R-CLK-1 From (UTC) and To (UTC): ISO 24-hour text, quick ranges on the server clock, a bad value named and ignored', async ({ page }) => {
  const mgr = await playStory(page);
  const entries = mgr.getByRole('list', { name: 'Event log entries' }).getByRole('listitem');
  const from = mgr.getByRole('textbox', { name: 'From (UTC)' });
  const to = mgr.getByRole('textbox', { name: 'To (UTC)' });
  // Not the browser's mm/dd/yyyy AM/PM pickers: text in ISO form, the server time as the example.
  await expect(from).toHaveAttribute('type', 'text');
  await expect(from).toHaveAttribute('placeholder', '2026-01-05 09:30');

  await from.fill('2026-01-05 09:15');
  await to.fill('2026-01-05 09:20');
  await to.press('Enter');
  await expect(entries.filter({ hasText: 'ola' })).toHaveCount(0);
  await expect(entries.filter({ hasText: 'Access_Granted_Offline' })).toHaveCount(1);
  await expect(entries.filter({ hasText: 'PIN_Unblocked' })).toHaveCount(0);
  const inRange = await entries.count();
  await managerShot(page, 'log-03-iso-range-1280', from);

  // A bad value: the message names the field, and the list stays as it was.
  await from.fill('01/05/2026 9:15 AM');
  await from.press('Enter');
  await expect(mgr.getByRole('alert')).toHaveText('From (UTC): "01/05/2026 9:15 AM" is not a date and time. Type it as 2026-01-05 09:30 (24-hour, UTC). The filter was not changed.');
  await expect(from).toHaveAttribute('aria-invalid', 'true');
  await expect(entries).toHaveCount(inRange);
  await managerShot(page, 'log-04-bad-value-1280', from);
  await expectAccessible(page, 'Manager', 'event log, bad time value');

  // Quick ranges from the server clock (09:30): the last 15 minutes are 09:15 to 09:30.
  await mgr.getByRole('button', { name: 'Last 15 min' }).click();
  await expect(from).toHaveValue('2026-01-05 09:15');
  await expect(to).toHaveValue('2026-01-05 09:30');
  await expect(mgr.getByRole('alert')).toHaveCount(0);
  await expect(entries.filter({ hasText: 'PIN_Unblocked' })).toHaveCount(1);
  await expect(entries.filter({ hasText: 'ola' })).toHaveCount(0);
  await mgr.getByRole('button', { name: 'Today' }).click();
  await expect(from).toHaveValue('2026-01-05 00:00');
  await expect(entries.filter({ hasText: 'ola' }).first()).toBeVisible();
  await mgr.getByRole('button', { name: 'All time' }).click();
  await expect(from).toHaveValue('');
  await expect(to).toHaveValue('');

  // At 390x844 and in Norwegian.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('tablist', { name: 'Screens' }).getByRole('tab', { name: 'Manager' }).click();
  await mgr.getByRole('button', { name: 'Last hour' }).click();
  await managerShot(page, 'log-05-filters-390', from);
  await expectAccessible(page, 'Manager', '390: event log filters');
  await page.setViewportSize({ width: 1280, height: 800 });
  await lab(page).getByRole('combobox', { name: 'Language' }).selectOption('nb');
  await expect(mgr.getByRole('textbox', { name: 'Fra (UTC)' })).toHaveValue('2026-01-05 08:30');
  await mgr.getByRole('combobox', { name: 'Type' }).selectOption({ label: 'Opplåsinger' });
  const hendelser = mgr.getByRole('list', { name: 'Hendelser' }).getByRole('listitem');
  await expect(hendelser).toHaveCount(2); // the last hour, 08:30 to 09:30: both unblocks
  await expect(hendelser.first()).toContainText('PIN låst opp i appen med opplåsingskoden, ny PIN satt');
  await expect(hendelser.nth(1)).toContainText('PIN låst opp, ny PIN satt');
  await mgr.getByRole('button', { name: 'Siste 15 min' }).click();
  await expect(hendelser).toHaveCount(2); // 09:15 to 09:30, both ends included
  await expect(mgr.getByRole('combobox', { name: 'Type' })).toHaveValue('unblocks');
  await managerShot(page, 'log-06-unblocks-1280-nb', hendelser.first());
  await expectAccessible(page, 'Manager', 'nb: event log, Opplåsinger');
});

test('the Manager sign-in survives a reload, per sandbox; an administrator who no longer exists is signed out with a notice', async ({ page }) => {
  await openPaused(page);
  let mgr = await signInToManager(page, 'Acme Corp', 'ulf.users');
  await page.reload();
  mgr = page.getByRole('region', { name: 'Manager' });
  await expect(mgr.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(mgr).toContainText('ulf.users');

  // Remembered as hanne.help, whom a SUPERUSER then removes: the next load signs out and says why.
  mgr = await signInToManager(page, 'Acme Corp', 'hanne.help');
  const key = await page.evaluate(() => Object.keys(sessionStorage).find((k) => k.startsWith('code-sandbox:manager-admin:')) ?? '');
  const hanne = await page.evaluate((k) => sessionStorage.getItem(k), key);
  mgr = await signInToManager(page, 'Acme Corp', 'anna.admin');
  await mgr.getByRole('tab', { name: 'Setup' }).click();
  await mgr.getByRole('button', { name: 'Remove hanne.help' }).click();
  await mgr.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(mgr.getByRole('button', { name: 'Remove hanne.help' })).toHaveCount(0);
  await page.evaluate(([k, v]) => sessionStorage.setItem(k ?? '', v ?? ''), [key, hanne]);
  await page.reload();
  mgr = page.getByRole('region', { name: 'Manager' });
  await expect(mgr.getByRole('status')).toHaveText('You were signed out: that administrator no longer exists.');
  await expect(mgr.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Manager' }).getByRole('heading', { name: 'Sign in to Manager' })).toBeVisible();
});

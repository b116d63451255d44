// Journey 6: Kari belongs to three organizations. Three wrong PINs block all of them, so the PIN is blocked; each org has
// its own UBC; online the first unblock sets a new PIN and the others keep it; offline every unblock sets the PIN again and
// the last one verified wins (R-BLK-1, R-UBC-2, R-UBC-5). Driven through the screens only.
import { test, expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { enterUbc, expectAccessible, logIn, openPaused, setNewPin, setPhoneOnline, showPhoneOf, shownCode, signInToManager, tapPin } from './support/screens';

const ORGS = [
  { name: 'Acme Corp', username: 'kari', admin: 'ulf.users', server: 'Acme VPN' },
  { name: 'Northbank', username: 'khansen', admin: 'berit.users', server: 'Northbank remote access' },
  { name: 'Fjord Municipality', username: 'kari.hansen', admin: 'tor.users', server: 'Fjord intranet' },
] as const;
type OrgName = (typeof ORGS)[number]['name'];

function org(name: OrgName): (typeof ORGS)[number] {
  const found = ORGS.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no org ${name}`);
  return found;
}

/** Screenshots of the main states go to E2E_SHOTS (a folder) when it is set. */
async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SHOTS;
  if (dir) await page.screenshot({ path: `${dir}/journey-6-${name}.png`, fullPage: true });
}

/** Kari types three wrong PINs online: the third blocks every link, so the PIN (R-BLK-1). */
async function blockPinWithWrongPins(app: Locator): Promise<void> {
  const notice = app.getByRole('alert');
  await tapPin(app, '9999');
  await expect(notice).toHaveText(/Wrong PIN\. 2 attempts remaining\./);
  await tapPin(app, '9998');
  await expect(notice).toHaveText(/Wrong PIN\. 1 attempt remaining\./);
  await tapPin(app, '9997');
  await expect(notice).toHaveText(/Your PIN is blocked\./);
}

/** Signs in at the org as its USERADMIN and opens the user's details. */
async function openUserAt(page: Page, name: OrgName): Promise<Locator> {
  const { username, admin } = org(name);
  const pane = await signInToManager(page, name, admin);
  await pane.getByRole('tab', { name: 'Users' }).click();
  const back = pane.getByRole('button', { name: 'All users' });
  if (await back.isVisible()) await back.click();
  await pane.getByRole('button', { name: username, exact: true }).click();
  await expect(pane.getByRole('heading', { name: username, exact: true })).toBeVisible();
  return pane;
}

/** Display UBC in the open user details; returns the 9 digits shown. */
async function displayUbc(pane: Locator): Promise<string> {
  await pane.getByRole('button', { name: 'Display UBC' }).click();
  const box = pane.getByTestId('ubc-code');
  await expect(box).toHaveText(/^\d{3} \d{3} \d{3}$/);
  return (await box.innerText()).replace(/\D/g, '');
}

/** The newest entry of the org's event log, seen by its USERADMIN. */
async function newestEvent(page: Page, name: OrgName): Promise<Locator> {
  const pane = await signInToManager(page, name, org(name).admin);
  await pane.getByRole('tab', { name: 'Event log' }).click();
  return pane.getByRole('list', { name: 'Event log entries' }).getByRole('listitem').first();
}

/** The links icon's name says how many orgs the app is linked to and how many are blocked. */
function linksBadge(app: Locator): Locator {
  return app.getByRole('button', { name: /^Organizations: / });
}

test.describe('Journey 6: several organizations (R-UBC-5)', () => {
  test.beforeEach(async ({ page }) => {
    test.setTimeout(180_000); // a long journey over three orgs, with axe analyses; axe alone takes seconds when workers share the CPU
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });

  test('R-BLK-1, R-UBC-5, R-UBC-2, R-UBC-1 online: all three blocked means the PIN is blocked; the first unblock sets a new PIN, the others need their own UBC and keep it', async ({ page }) => {
    await openPaused(page);
    const app = await showPhoneOf(page, 'Kari Hansen');
    await expect(linksBadge(app)).toHaveAccessibleName('Organizations: 3 linked');
    await blockPinWithWrongPins(app);
    await expect(linksBadge(app)).toHaveAccessibleName('Organizations: 3 of 3 blocked');

    // The app asks which organization to unblock; all three are marked blocked (R-UBC-2).
    await app.getByRole('button', { name: 'Unblock', exact: true }).click();
    await expect(app.getByRole('heading', { name: 'Unblock PIN' })).toBeVisible();
    await expect(app.getByText('Choose the organization whose administrator read out an unblocking code (UBC) to you. Each organization has its own.')).toBeVisible();
    for (const { name } of ORGS) await expect(app.getByRole('button', { name: new RegExp(`^${name}.*PIN blocked`) })).toBeVisible();
    await shot(page, 'choose-org');
    await expectAccessible(page, 'Code app', 'choose the organization');
    await app.getByRole('button', { name: 'Back' }).click();

    // Each org's Manager shows the red icon and displays its own UBC (R-UBC-1, R-UBC-5).
    const ubcs: Record<string, string> = {};
    for (const { name } of ORGS) {
      const pane = await openUserAt(page, name);
      await expect(pane.getByRole('img', { name: 'PIN blocked' })).toBeVisible();
      ubcs[name] = await displayUbc(pane);
    }
    await shot(page, 'manager-fjord-ubc');
    await expectAccessible(page, 'Manager', 'user details with the UBC');
    expect(new Set(Object.values(ubcs)).size).toBe(3);

    // The first unblock (Acme, online) asks for a new PIN, since the PIN is blocked (R-UBC-2).
    await enterUbc(app, 'Acme Corp', ubcs['Acme Corp'] ?? '');
    await expect(app.getByText('Choose a new 4-digit PIN.')).toBeVisible();
    await setNewPin(app, '5678');
    await expect(app.getByRole('status').filter({ hasText: 'Acme Corp is unblocked. Your new PIN is set.' })).toBeVisible();
    await expect(linksBadge(app)).toHaveAccessibleName('Organizations: 2 of 3 blocked');
    await shot(page, 'acme-unblocked');

    // Northbank is still blocked and needs its own UBC: Acme's is wrong there.
    await enterUbc(app, 'Northbank', ubcs['Acme Corp'] ?? '');
    await expect(app.getByRole('alert')).toHaveText(/Wrong unblocking code\. 2 attempts remaining\./);
    // With Northbank's own UBC it is unblocked at once, and the new PIN is kept (R-UBC-2: PIN not blocked any more).
    await app.getByLabel('Unblocking code').fill(ubcs['Northbank'] ?? '');
    await app.getByRole('button', { name: 'Unblock', exact: true }).click();
    await expect(app.getByRole('status').filter({ hasText: 'Northbank is unblocked. Your PIN is unchanged.' })).toBeVisible();
    await expect(app.getByLabel('New PIN', { exact: true })).toHaveCount(0);
    await expect(linksBadge(app)).toHaveAccessibleName('Organizations: 1 of 3 blocked');
    await expectAccessible(page, 'Code app', 'unblocked, PIN kept');

    // The organizations list on the phone: Fjord still blocked, the others open.
    await linksBadge(app).click();
    await expect(app.getByRole('listitem').filter({ hasText: 'Fjord Municipality' })).toContainText('PIN blocked');
    await expect(app.getByRole('listitem').filter({ hasText: 'Acme Corp' })).toContainText('Open');
    await expect(app.getByRole('listitem').filter({ hasText: 'Northbank' })).toContainText('Open');
    await shot(page, 'links-list');
    await app.getByRole('button', { name: 'OK' }).click();

    // The PIN set at Acme works at Northbank; Fjord still refuses (its link is blocked).
    await tapPin(app, '5678');
    expect(await logIn(page, 'Northbank', 'Northbank remote access', 'khansen', await shownCode(app))).toBe('Login accepted');
    await app.getByRole('button', { name: 'OK' }).click();
    await tapPin(app, '5678');
    expect(await logIn(page, 'Fjord Municipality', 'Fjord intranet', 'kari.hansen', await shownCode(app))).toBe('Login failed');
    await expect(await newestEvent(page, 'Fjord Municipality')).toContainText('PIN is blocked at this organization');

    // Manager: the red icon is gone at Acme and Northbank, still there at Fjord.
    for (const { name } of ORGS) {
      const pane = await openUserAt(page, name);
      await expect(pane.getByRole('img', { name: 'PIN blocked' })).toHaveCount(name === 'Fjord Municipality' ? 1 : 0);
    }
    const northbank = await openUserAt(page, 'Northbank');
    await northbank.getByRole('tab', { name: 'Event log' }).click();
    const entries = northbank.getByRole('list', { name: 'Event log entries' }).getByRole('listitem');
    await expect(entries.filter({ hasText: 'PIN unblocked in the app with the UBC, current PIN kept' })).toHaveCount(1);
  });

  test('R-UBC-5, R-UBC-4, R-VER-7 offline: each unblock sets the PIN again and the last one verified wins; Fjord takes no offline unblock code', async ({ page }) => {
    await openPaused(page);
    const app = await showPhoneOf(page, 'Kari Hansen');
    await blockPinWithWrongPins(app);
    const ubcs: Record<string, string> = {};
    for (const { name } of ORGS) ubcs[name] = await displayUbc(await openUserAt(page, name));

    await setPhoneOnline(page, false);

    // Acme offline with new PIN A: the 9-digit code is accepted at Acme's web portal and sets A.
    await enterUbc(app, 'Acme Corp', ubcs['Acme Corp'] ?? '');
    await setNewPin(app, '2580');
    expect(await logIn(page, 'Acme Corp', 'Acme web portal', 'kari', await shownCode(app))).toBe('Login accepted');
    let newest = await newestEvent(page, 'Acme Corp');
    await expect(newest).toContainText('Access_Granted_Offline');
    await expect(newest).toContainText('PIN unblocked, new PIN set');
    await app.getByRole('button', { name: 'OK' }).click();

    // Northbank offline with new PIN B: accepted, and it sets the PIN again.
    await enterUbc(app, 'Northbank', ubcs['Northbank'] ?? '');
    await setNewPin(app, '1470');
    await expect(app.getByRole('heading', { name: 'Offline unblock code for Northbank' })).toBeVisible();
    await shot(page, 'offline-unblock-northbank');
    expect(await logIn(page, 'Northbank', 'Northbank remote access', 'khansen', await shownCode(app))).toBe('Login accepted');
    newest = await newestEvent(page, 'Northbank');
    await expect(newest).toContainText('PIN unblocked, new PIN set');
    await app.getByRole('button', { name: 'OK' }).click();

    // Fjord allows no offline codes: its offline unblock code (new PIN C) is refused, sets nothing and counts no UBC entry.
    await enterUbc(app, 'Fjord Municipality', ubcs['Fjord Municipality'] ?? '');
    await setNewPin(app, '3690');
    expect(await logIn(page, 'Fjord Municipality', 'Fjord intranet', 'kari.hansen', await shownCode(app))).toBe('Login failed');
    newest = await newestEvent(page, 'Fjord Municipality');
    await expect(newest).toContainText('Access_Denied_Offline');
    await expect(newest).toContainText('offline codes are not accepted here');
    const fjord = await openUserAt(page, 'Fjord Municipality');
    await expect(fjord.getByRole('img', { name: 'PIN blocked' })).toBeVisible();
    await expect(fjord.getByRole('term').filter({ hasText: 'UBC attempts' }).locator('xpath=following-sibling::dd[1]')).toHaveText('0 of 3');
    await app.getByRole('button', { name: 'OK' }).click();

    // Online again: A and C do not work, B (the last one verified) does.
    await setPhoneOnline(page, true);
    await tapPin(app, '2580');
    await expect(app.getByRole('alert')).toHaveText(/Wrong PIN\. 2 attempts remaining\./);
    await tapPin(app, '3690');
    await expect(app.getByRole('alert')).toHaveText(/Wrong PIN\. 1 attempt remaining\./);
    await tapPin(app, '1470');
    const code = await shownCode(app);
    expect(code).toMatch(/^\d{6}$/);
    expect(await logIn(page, 'Acme Corp', 'Acme VPN', 'kari', code)).toBe('Login accepted');
    await expectAccessible(page, 'Organization login', 'login accepted');
  });
});

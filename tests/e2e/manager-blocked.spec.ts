// Manager, issue 9: a blocked user is unmistakable in the list and the details; name and username, search by both; counters read full
// as red with words; the UBC labelled "Unblocking code (UBC)" with its attempts left and the support script beside it. EN, NB, 390x844.
import { test, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { expectAccessible, openPaused, showPhoneOf, signInToManager, tapRefusedPin, userRow } from './support/screens';
import { managerShot } from './support/manager-shots';

test.beforeEach(async ({ page }) => {
  test.setTimeout(180_000); // several axe analyses on a shared 2-core machine
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

/** Three wrong PINs on Ingrid's phone block her PIN (R-BLK-1); returns after the third answer. */
async function blockIngridByPins(page: Page): Promise<void> {
  const app = await showPhoneOf(page, 'Ingrid Berg');
  for (const pin of ['9999', '9998', '9997']) await tapRefusedPin(app, pin);
}

test('R-BLK-4 a blocked row says "PIN blocked" in words, beside a status that is not a green "all well"; name and username, search by either', async ({ page }) => {
  await openPaused(page);
  const mgr = await signInToManager(page, 'Acme Corp', 'ulf.users');

  // Before: nobody blocked; each row has the person's name, the username and the number of organizations.
  const kari = userRow(mgr, 'kari');
  await expect(kari).toContainText('Kari Hansen');
  await expect(kari).toContainText('3 organizations');
  await expect(userRow(mgr, 'ingrid')).toContainText('1 organization');
  await expect(userRow(mgr, 'ingrid')).not.toContainText('organizations');
  await expect(kari).not.toContainText('PIN blocked');

  // Search by the person's name and by username.
  const search = mgr.getByRole('searchbox', { name: 'Search users' });
  await search.fill('Hansen');
  await expect(mgr.getByRole('status').filter({ hasText: /users/ })).toHaveText('1 of 3 users');
  await expect(userRow(mgr, 'kari')).toBeVisible();
  await search.fill('ola');
  await expect(userRow(mgr, 'ola')).toBeVisible();
  await expect(userRow(mgr, 'kari')).toHaveCount(0);
  await search.fill('');

  // Kari's PIN is blocked at Acme in Manager.
  await mgr.getByRole('button', { name: 'kari', exact: true }).click();
  const details = mgr.getByRole('article', { name: 'kari', exact: true });
  await expect(details).toContainText('Kari Hansen');
  await expect(details).toContainText('Linked to 3 organizations');
  await details.getByRole('button', { name: 'Block PIN' }).click();
  await expect(details.getByRole('img', { name: 'PIN blocked' })).toBeVisible();
  await expect(details).toContainText('UBC: 3 attempts left');

  // Display UBC: labelled "Unblocking code (UBC)", with the support script beside it.
  await details.getByRole('button', { name: 'Display UBC' }).click();
  const box = details.getByRole('group', { name: 'UBC for kari' });
  await expect(box).toContainText('Unblocking code (UBC)');
  await expect(box.getByTestId('ubc-code')).toHaveText(/^\d{3} \d{3} \d{3}$/);
  const script = details.getByRole('region', { name: 'What to tell the user' });
  const online = script.getByRole('region', { name: 'Online (data traffic on)' });
  await expect(online.getByRole('listitem')).toHaveCount(4);
  await expect(online.getByRole('listitem').first()).toHaveText('Ask the user to open the Code app and tap Unblock.');
  const offline = script.getByRole('region', { name: 'Offline (no data traffic)' });
  await expect(offline.getByRole('listitem').first()).toHaveText('First ask the user to turn on data traffic on the phone, then unblock online as above.');
  await expect(offline).toContainText('9-digit offline unblock code');
  await expect(offline).toContainText('Acme web portal');
  await expect(offline).toContainText('within about 2 minutes');
  const several = script.getByRole('region', { name: 'Several organizations (3)' });
  await expect(several).toContainText('For the other 2 organizations, the user contacts each one\'s administrator for their own UBC.');
  await managerShot(page, 'blocked-01-details-ubc-script-1280', box);
  await expectAccessible(page, 'Manager', 'user details, UBC and script');

  // The list: the row says "PIN blocked" in words; the status beside it is muted, not green.
  await details.getByRole('button', { name: 'All users' }).click();
  const row = userRow(mgr, 'kari');
  await expect(row.getByRole('img', { name: 'PIN blocked' })).toBeVisible();
  await expect(row).toContainText('PIN blocked');
  await expect(row).toHaveClass(/mgr-row-blocked/);
  await expect(row.locator('.mgr-status')).toHaveClass(/mgr-status-quiet/);
  await expect(userRow(mgr, 'ola').getByRole('img', { name: 'PIN blocked' })).toHaveCount(0);
  await managerShot(page, 'blocked-02-users-list-1280', row);
  await expectAccessible(page, 'Manager', 'users list with a blocked user');

  // Headings do not wrap one word onto a line at 1280x800.
  await expect(mgr.getByRole('heading', { level: 2 })).toHaveCount(1);
});

test('counters: partial is amber, full is red, and the words say "limit reached"; the UBC attempts left count down with correct plurals', async ({ page }) => {
  await openPaused(page);
  const app = await showPhoneOf(page, 'Ingrid Berg');
  await tapRefusedPin(app, '9999');
  await tapRefusedPin(app, '9998');
  const mgr = await signInToManager(page, 'Acme Corp', 'ulf.users');
  await mgr.getByRole('button', { name: 'ingrid', exact: true }).click();
  const details = mgr.getByRole('article', { name: 'ingrid', exact: true });
  const pinTile = details.locator('dl > div').filter({ has: page.getByRole('term').filter({ hasText: /^PIN attempts$/ }) });
  await expect(pinTile.getByRole('definition')).toHaveText('2 of 3');
  await expect(pinTile.getByRole('definition')).toHaveClass(/mgr-counter-some/);
  await managerShot(page, 'counters-01-partial-1280', pinTile);

  await tapRefusedPin(app, '9997');
  await expect(details.getByRole('img', { name: 'PIN blocked' })).toBeVisible();
  await expect(pinTile.getByRole('definition')).toHaveText('3 of 3 · limit reached');
  await expect(pinTile.getByRole('definition')).toHaveClass(/mgr-counter-full/);
  await expect(details).toContainText('UBC: 3 attempts left');
  await managerShot(page, 'counters-02-full-1280', pinTile);
  await expectAccessible(page, 'Manager', 'details with a full counter');
});

test('at 390x844 and in Norwegian: the blocked row, the details with the UBC and the script; no axe violations', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openPaused(page);
  await page.getByRole('tablist', { name: 'Screens' }).getByRole('tab', { name: 'Code app' }).click();
  await blockIngridByPins(page);
  await page.getByRole('tablist', { name: 'Screens' }).getByRole('tab', { name: 'Manager' }).click();
  const mgr = await signInToManager(page, 'Northbank', 'berit.users');
  await mgr.getByRole('button', { name: 'khansen', exact: true }).click();
  await mgr.getByRole('button', { name: 'Block PIN' }).click();
  await mgr.getByRole('button', { name: 'Display UBC' }).click();
  const box = mgr.getByRole('group', { name: 'UBC for khansen' });
  await expect(box).toBeVisible();
  await managerShot(page, 'blocked-03-details-ubc-390', box);
  await managerShot(page, 'blocked-04-script-390', mgr.getByRole('region', { name: 'Several organizations (3)' }));
  await expectAccessible(page, 'Manager', '390: details with UBC');
  await mgr.getByRole('button', { name: 'All users' }).click();
  await expect(userRow(mgr, 'khansen')).toContainText('PIN blocked');
  await managerShot(page, 'blocked-05-users-list-390', userRow(mgr, 'khansen'));
  await expectAccessible(page, 'Manager', '390: users list');

  // Norwegian, same states.
  await page.getByRole('region', { name: 'Lab' }).getByRole('combobox', { name: 'Language' }).selectOption('nb');
  const pane = page.getByRole('region', { name: 'Manager' });
  await expect(userRow(pane, 'khansen')).toContainText('PIN sperret');
  await expect(userRow(pane, 'khansen')).toContainText('3 organisasjoner');
  await managerShot(page, 'blocked-06-users-list-390-nb', userRow(pane, 'khansen'));
  await expectAccessible(page, 'Manager', '390 nb: users list');
  await page.setViewportSize({ width: 1280, height: 800 });
  await pane.getByRole('button', { name: 'khansen', exact: true }).click();
  await pane.getByRole('button', { name: 'Vis opplåsingskode' }).click();
  const boxNb = pane.getByRole('group', { name: 'Opplåsingskode for khansen' });
  await expect(boxNb).toContainText('Opplåsingskode (UBC)');
  await expect(pane.getByRole('region', { name: 'Hva du sier til brukeren' })).toContainText('Be først brukeren slå på datatrafikk');
  await expect(pane).toContainText('Opplåsingskode: 3 forsøk igjen');
  await managerShot(page, 'blocked-07-details-ubc-1280-nb', boxNb);
  await expectAccessible(page, 'Manager', 'nb: details with UBC and script');
});

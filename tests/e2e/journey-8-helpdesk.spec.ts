// Journey 8: HELPDESK reads the event log and nothing that changes anything (R-MGR-1); and the page on a phone-sized
// screen: one pane at a time, with tabs to switch, each pane free of axe violations. Driven through the screens only.
import { test, expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { codeApp, expectAccessible, lab, logIn, loginPage, manager, openPaused, showPhoneOf, shownCode, signInToManager, tapPin } from './support/screens';
import { openSandbox } from './support/lab';

/** Screenshots of the main states go to E2E_SHOTS (a folder) when it is set. */
async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SHOTS;
  if (dir) await page.screenshot({ path: `${dir}/journey-8-${name}.png`, fullPage: true });
}

/** The accessible names of every button in a region, from its accessibility tree. */
async function buttonNames(region: Locator): Promise<string[]> {
  const snapshot = await region.ariaSnapshot();
  return [...snapshot.matchAll(/- button "([^"]*)"/g)].map((match) => match[1] ?? '');
}

/** What a HELPDESK administrator may press: nothing that changes the world. */
const READ_ONLY_BUTTONS = ['Sign out', 'Clear filters', 'Newer', 'Older', 'Last 15 min', 'Last hour', 'Today', 'All time', 'Export CSV'];
/** The actions of user details (R-MGR-3), none of which HELPDESK may use. */
const ACTIONS = ['Display UBC', 'Generate new UBC', 'Block PIN', 'Set inactive', 'Set active', 'Offline unlock', 'Hide UBC'];

test.describe('Journey 8: HELPDESK and the phone-sized page', () => {
  test.beforeEach(async ({ page }) => {
    test.setTimeout(180_000); // several axe analyses, each taking seconds when workers share the CPU
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });

  test('R-MGR-1, R-MGR-4 HELPDESK (hanne.help at Acme) sees the event log, with a blocked user in it, and nothing that changes anything', async ({ page }) => {
    await openPaused(page);
    // Something worth seeing: Ingrid's PIN blocked by three wrong PINs, and a refused login by Ola.
    const app = await showPhoneOf(page, 'Ingrid Berg');
    for (const pin of ['9999', '9998', '9997']) await tapPin(app, pin);
    await expect(app.getByRole('alert')).toHaveText(/Your PIN is blocked\./);
    expect(await logIn(page, 'Acme Corp', 'Acme VPN', 'ola', '123456')).toBe('Login failed');

    const mgr = await signInToManager(page, 'Acme Corp', 'hanne.help');
    await expect(mgr.getByText('HELPDESK', { exact: true })).toBeVisible();

    // Only the event log: no Users, Audit log or Setup tab (R-MGR-1).
    await expect(mgr.getByRole('tab')).toHaveCount(1);
    await expect(mgr.getByRole('tab', { name: 'Event log' })).toHaveAttribute('aria-selected', 'true');
    for (const name of ['Users', 'Audit log', 'Setup']) await expect(mgr.getByRole('tab', { name })).toHaveCount(0);

    // The event log: time, type, username and description of what just happened (R-MGR-4).
    const entries = mgr.getByRole('list', { name: 'Event log entries' }).getByRole('listitem');
    await expect(entries.filter({ hasText: 'PIN blocked at this organization by 3 wrong PIN attempts' }).filter({ hasText: 'ingrid' })).toHaveCount(1);
    const refused = entries.filter({ hasText: 'ola' }).filter({ hasText: 'Access_Denied' });
    await expect(refused).toHaveCount(1);
    await expect(refused).toContainText('OTP verification failed. 2 attempts remaining');
    await expect(refused).toContainText('Acme VPN');
    await expect(refused).toContainText('2026-01-05');
    await expect(refused).toContainText(/09:0\d:\d\d/);
    await shot(page, 'helpdesk-event-log');
    await expectAccessible(page, 'Manager', 'helpdesk event log');

    // Filters are reading, and HELPDESK may use them.
    await mgr.getByLabel('Username').fill('ingrid');
    await expect(entries.filter({ hasText: 'ola' })).toHaveCount(0);
    await expect(entries.first()).toContainText('ingrid');
    await mgr.getByLabel('Type').selectOption('Access_Denied');
    await expect(mgr.getByText('No entries match.')).toBeVisible();
    await expectAccessible(page, 'Manager', 'helpdesk event log, nothing matches');
    await mgr.getByRole('button', { name: 'Clear filters' }).click();
    await expect(entries.filter({ hasText: 'ola' }).first()).toBeVisible();

    // Nothing that changes anything: the only buttons are signing out, clearing filters and paging; no user actions anywhere.
    const names = await buttonNames(mgr);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(READ_ONLY_BUTTONS, `button "${name}" offered to HELPDESK`).toContain(name);
    for (const name of ACTIONS) await expect(page.getByRole('button', { name })).toHaveCount(0);
    // Usernames in the log are text, not a way into user details.
    await expect(mgr.getByRole('button', { name: 'ingrid', exact: true })).toHaveCount(0);
    await expect(mgr.getByRole('link')).toHaveCount(0);
  });

  test('the page at 1280x800 shows the three panes side by side, without the pane tabs', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openSandbox(page);
    await expect(page.getByRole('tablist', { name: 'Screens' })).toBeHidden();
    for (const region of [codeApp(page), manager(page), loginPage(page)]) await expect(region).toBeVisible();
  });

  test('the page at 390x844 shows one pane at a time, with tabs "Code app", "Manager", "Organization login"; no axe violations on each', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openSandbox(page);
    const tabs = page.getByRole('tablist', { name: 'Screens' });
    await expect(tabs).toBeVisible();
    await expect(tabs.getByRole('tab')).toHaveText(['Code app', 'Manager', 'Organization login']);

    const regions = { 'Code app': codeApp(page), Manager: manager(page), 'Organization login': loginPage(page) } as const;
    const only = async (shown: keyof typeof regions): Promise<void> => {
      for (const [name, region] of Object.entries(regions)) {
        if (name === shown) await expect(region).toBeVisible();
        else await expect(region).toBeHidden();
        await expect(tabs.getByRole('tab', { name })).toHaveAttribute('aria-selected', String(name === shown));
      }
      // The shown pane fits the width of the screen: nothing to scroll sideways.
      const box = await regions[shown].boundingBox();
      expect(box, `${shown} has a box`).not.toBeNull();
      if (box) {
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(390);
      }
    };

    // The Code app first: a phone that gives a code.
    await only('Code app');
    const app = await showPhoneOf(page, 'Ingrid Berg');
    await shot(page, 'phone-size-code-app');
    await expectAccessible(page, 'Code app', 'phone size: PIN pad');
    await tapPin(app, '1234');
    const code = await shownCode(app);
    await expectAccessible(page, 'Code app', 'phone size: online code');

    // The login page: log in with that code.
    await tabs.getByRole('tab', { name: 'Organization login' }).click();
    await only('Organization login');
    expect(await logIn(page, 'Acme Corp', 'Acme VPN', 'ingrid', code)).toBe('Login accepted');
    await shot(page, 'phone-size-login');
    await expectAccessible(page, 'Organization login', 'phone size: login accepted');

    // Manager: sign-in, then HELPDESK's event log.
    await tabs.getByRole('tab', { name: 'Manager' }).click();
    await only('Manager');
    await expectAccessible(page, 'Manager', 'phone size: sign-in');
    const mgr = await signInToManager(page, 'Acme Corp', 'hanne.help');
    await expect(mgr.getByRole('list', { name: 'Event log entries' }).getByRole('listitem').first()).toContainText('OTP verified');
    await shot(page, 'phone-size-manager-helpdesk');
    await expectAccessible(page, 'Manager', 'phone size: helpdesk event log');

    // A USERADMIN's user details fit too.
    await signInToManager(page, 'Acme Corp', 'ulf.users');
    await mgr.getByRole('button', { name: 'ingrid', exact: true }).click();
    await expect(mgr.getByRole('button', { name: 'Block PIN' })).toBeVisible();
    await shot(page, 'phone-size-manager-user');
    await expectAccessible(page, 'Manager', 'phone size: user details');

    // Arrow keys move between the pane tabs too (WAI-ARIA tabs).
    await tabs.getByRole('tab', { name: 'Manager' }).focus();
    await page.keyboard.press('ArrowRight');
    await only('Organization login');
    await expect(tabs.getByRole('tab', { name: 'Organization login' })).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await only('Code app');

    // The lab bar at phone size, clock running.
    await expect(lab(page)).toBeVisible();
    await expectAccessible(page, 'Lab', 'phone size: lab bar');
    await lab(page).getByText('Phones', { exact: true }).click();
    const phones = lab(page).getByRole('group', { name: 'Phones' });
    await expect(phones).toBeVisible();
    const popover = await phones.boundingBox();
    expect(popover, 'the Phones popover has a box').not.toBeNull();
    if (popover) {
      expect(popover.x).toBeGreaterThanOrEqual(0);
      expect(popover.x + popover.width).toBeLessThanOrEqual(390);
    }
    await shot(page, 'phone-size-phones-popover');
    await expectAccessible(page, 'Lab', 'phone size: Phones popover open');
  });
});

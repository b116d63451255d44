// Manager, through the screen only: USERADMIN blocks a PIN and displays the UBC (audited); HELPDESK only reads; no axe violations.
import { test, expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** Each test gets a fresh browser context, so a fresh IndexedDB and the default world. */
async function openManager(page: Page): Promise<Locator> {
  await page.goto('/');
  const manager = page.getByRole('region', { name: 'Manager' });
  await expect(manager).toBeVisible();
  return manager;
}

/** Sign-in is a choice of administrator (UI state, not a command); the button shows their username. */
async function signIn(manager: Locator, username: string): Promise<void> {
  await manager.getByRole('button', { name: new RegExp(`\\b${username.replace(/\./g, '\\.')}\\b`) }).click();
  await expect(manager.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** The users-list row of a username. */
function userRow(manager: Locator, username: string): Locator {
  return manager.getByRole('row').filter({ has: manager.page().getByRole('button', { name: username, exact: true }) });
}

async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include('[aria-label="Manager"]').analyze();
  expect(results.violations.map((v) => `${state}: ${v.id} (${v.nodes.length}) ${v.help}`)).toEqual([]);
}

test.describe('Manager', () => {
  test('R-BLK-2, R-UBC-1 a USERADMIN blocks a PIN: the red icon shows; Display UBC shows 9 digits and is audited', async ({ page }) => {
    const manager = await openManager(page);
    await signIn(manager, 'ulf.users');

    const kari = userRow(manager, 'kari');
    await expect(kari).toBeVisible();
    await expect(kari.getByRole('img', { name: 'PIN blocked' })).toHaveCount(0);

    await manager.getByRole('button', { name: 'kari', exact: true }).click();
    await manager.getByRole('button', { name: 'Block PIN' }).click();
    // R-BLK-4: the red icon shows on the user, and Block PIN is no longer offered.
    await expect(manager.getByRole('img', { name: 'PIN blocked' })).toBeVisible();
    await expect(manager.getByRole('button', { name: 'Block PIN' })).toHaveCount(0);

    await manager.getByRole('button', { name: 'Display UBC' }).click();
    const ubc = manager.getByTestId('ubc-code');
    await expect(ubc).toBeVisible();
    expect((await ubc.innerText()).replace(/\s/g, '')).toMatch(/^\d{9}$/);

    await manager.getByRole('button', { name: 'All users' }).click();
    await expect(userRow(manager, 'kari').getByRole('img', { name: 'PIN blocked' })).toBeVisible();
    // Blocking one org's link leaves the others alone (R-BLK-2): only kari is blocked here.
    await expect(userRow(manager, 'ola').getByRole('img', { name: 'PIN blocked' })).toHaveCount(0);

    // R-MGR-5: every UBC display is in the audit log, with the administrator and the user.
    await manager.getByRole('tab', { name: 'Audit log' }).click();
    const entries = manager.getByRole('list', { name: 'Audit log entries' }).getByRole('listitem');
    const display = entries.filter({ hasText: 'Displayed UBC' });
    await expect(display).toHaveCount(1);
    await expect(display).toContainText('ulf.users');
    await expect(display).toContainText('kari');
    await expect(entries.filter({ hasText: 'Blocked PIN' })).toHaveCount(1);
  });

  test('R-MGR-1 a HELPDESK administrator sees the event log and nothing that changes anything', async ({ page }) => {
    const manager = await openManager(page);
    await signIn(manager, 'hanne.help');

    await expect(manager.getByRole('tab', { name: 'Event log' })).toHaveAttribute('aria-selected', 'true');
    for (const name of ['Users', 'Audit log', 'Setup']) await expect(manager.getByRole('tab', { name })).toHaveCount(0);

    // The default world's first logins are in the event log: time, type, username, description.
    const entries = manager.getByRole('list', { name: 'Event log entries' }).getByRole('listitem');
    await expect(entries.first()).toBeVisible();
    await expect(entries.filter({ hasText: 'Access_Granted' }).filter({ hasText: 'kari' }).first()).toContainText('OTP verified');

    // Filtering by type and text works for HELPDESK too.
    await manager.getByLabel('Type').selectOption('Access_Granted');
    await manager.getByLabel('Text in description').fill('OTP verified');
    await expect(entries.first()).toContainText('Access_Granted');

    // Nothing that changes the world: the only buttons are signing out, filters (quick time ranges, clearing), paging and the CSV export.
    const snapshot = await manager.ariaSnapshot();
    const names = [...snapshot.matchAll(/- button "([^"]*)"/g)].map((match) => match[1]);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(['Sign out', 'Clear filters', 'Newer', 'Older', 'Last 15 min', 'Last hour', 'Today', 'All time', 'Export CSV']).toContain(name);
    for (const name of ['Display UBC', 'Generate new UBC', 'Block PIN', 'Set inactive', 'Set active', 'Offline unlock']) {
      await expect(page.getByRole('button', { name })).toHaveCount(0);
    }
  });

  test('axe-core finds no violations in the Manager region, for every role and main screen', async ({ page }) => {
    const manager = await openManager(page);
    await expectNoAxeViolations(page, 'sign-in');

    await signIn(manager, 'ulf.users');
    await expectNoAxeViolations(page, 'users list');
    await manager.getByRole('button', { name: 'ola', exact: true }).click();
    await manager.getByRole('button', { name: 'Block PIN' }).click();
    await manager.getByRole('button', { name: 'Display UBC' }).click();
    await expect(manager.getByTestId('ubc-code')).toBeVisible();
    await expectNoAxeViolations(page, 'user details with UBC');
    await manager.getByRole('tab', { name: 'Event log' }).click();
    await expectNoAxeViolations(page, 'event log');
    await manager.getByRole('tab', { name: 'Audit log' }).click();
    await expectNoAxeViolations(page, 'audit log');

    await manager.getByRole('button', { name: 'Sign out' }).click();
    await signIn(manager, 'anna.admin');
    await manager.getByRole('tab', { name: 'Setup' }).click();
    for (const section of ['Administrators', 'Directories', 'Access servers']) {
      await manager.getByRole('tab', { name: section }).click();
      await expectNoAxeViolations(page, `setup: ${section}`);
    }

    await manager.getByRole('button', { name: 'Sign out' }).click();
    await signIn(manager, 'hanne.help');
    await expectNoAxeViolations(page, 'helpdesk');
  });
});

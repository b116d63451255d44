// Helpers for journeys across the three screens, used as a person would: by role and accessible name.
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { pauseClock } from './lab';

export const codeApp = (page: Page): Locator => page.getByRole('region', { name: 'Code app' });
export const manager = (page: Page): Locator => page.getByRole('region', { name: 'Manager' });
export const loginPage = (page: Page): Locator => page.getByRole('region', { name: 'Organization login' });
export const lab = (page: Page): Locator => page.getByRole('region', { name: 'Lab' });

/** Opens the sandbox (a fresh context means a fresh IndexedDB: the default world) with the clock paused. */
export async function openPaused(page: Page): Promise<void> {
  await page.goto('/');
  await expect(lab(page)).toBeVisible();
  await pauseClock(page);
}

/** Shows this person's phone in the Code app pane. */
export async function showPhoneOf(page: Page, person: string): Promise<Locator> {
  const app = codeApp(page);
  await app.getByLabel('Phone of').selectOption({ label: person });
  return app;
}

/** Types a PIN on the on-screen keypad and confirms it. */
export async function tapPin(app: Locator, pin: string): Promise<void> {
  for (const digit of pin) await app.getByRole('button', { name: digit, exact: true }).click();
  await app.getByRole('button', { name: 'OK' }).click();
}

/** The code the phone shows now (6 digits online, 8 offline, 9 for an offline unblock). */
export async function shownCode(app: Locator): Promise<string> {
  const display = app.getByLabel('One-time code display');
  await expect(display).toHaveText(/^\d{6,9}$/);
  return ((await display.textContent()) ?? '').replace(/\D/g, '');
}

/** Turns the shown phone's data traffic on or off. */
export async function setPhoneOnline(page: Page, online: boolean): Promise<void> {
  const toggle = codeApp(page).getByRole('switch', { name: 'Phone online' });
  if ((await toggle.isChecked()) !== online) await toggle.click();
  await expect(toggle).toBeChecked({ checked: online });
}

/** Signs in to Manager at an org as the administrator with this username. */
export async function signInToManager(page: Page, orgName: string, username: string): Promise<Locator> {
  const pane = manager(page);
  const signOut = pane.getByRole('button', { name: 'Sign out' });
  if (await signOut.isVisible()) await signOut.click();
  await pane.getByLabel('Organization').selectOption({ label: orgName });
  await pane.getByRole('button', { name: new RegExp(`\\b${username.replace(/\./g, '\\.')}\\b`) }).click();
  await expect(signOut).toBeVisible();
  return pane;
}

/** Display UBC in Manager at an org for a username, signed in as `admin`; returns the 9 digits shown (R-UBC-1). */
export async function displayUbc(page: Page, orgName: string, admin: string, username: string): Promise<string> {
  const pane = await signInToManager(page, orgName, admin);
  const back = pane.getByRole('button', { name: 'All users' });
  if (await back.isVisible()) await back.click();
  await pane.getByRole('button', { name: username, exact: true }).click();
  await pane.getByRole('button', { name: 'Display UBC' }).click();
  const box = pane.getByTestId('ubc-code');
  await expect(box).toHaveText(/^\d{3} \d{3} \d{3}$/);
  return (await box.innerText()).replace(/\D/g, '');
}

/** Logs in at an org's access server on the login page; returns what the person is told. */
export async function logIn(page: Page, orgName: string, accessServer: string | RegExp, username: string, code: string): Promise<'Login accepted' | 'Login failed'> {
  const pane = loginPage(page);
  await pane.getByLabel('Organization').selectOption({ label: orgName });
  const servers = pane.getByLabel('Access server');
  const option = servers.locator('option').filter({ hasText: accessServer });
  await servers.selectOption({ label: (await option.first().textContent()) ?? '' });
  // After an accepted login the page shows the session: a person logs out before the next login.
  const logOut = pane.getByRole('button', { name: 'Log out', exact: true });
  if (await logOut.isVisible()) await logOut.click();
  await pane.getByLabel('Username').fill(username);
  await pane.getByLabel('One-time code').fill(code);
  await pane.getByRole('button', { name: 'Log in' }).click();
  const result = pane.getByRole('status').filter({ hasText: /Login (accepted|failed)/ });
  await expect(result).toBeVisible();
  const text = (await result.textContent()) ?? '';
  // R-SEC-2: nothing but accepted or failed.
  return text.includes('Login accepted') ? 'Login accepted' : 'Login failed';
}

/** No axe-core violations inside a region. */
export async function expectAccessible(page: Page, region: 'Code app' | 'Manager' | 'Organization login' | 'Lab', state: string): Promise<void> {
  const result = await new AxeBuilder({ page }).include(`[aria-label="${region}"]`).analyze();
  expect(result.violations.map((v) => `${state}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** The users-list row of a username in Manager. */
export function userRow(pane: Locator, username: string): Locator {
  return pane.getByRole('row').filter({ has: pane.page().getByRole('button', { name: username, exact: true }) });
}

/** Types a PIN the server will refuse and waits for its answer: the pad clears itself then, or gives way to "PIN blocked". */
export async function tapRefusedPin(app: Locator, pin: string): Promise<void> {
  await tapPin(app, pin);
  await expect(async () => {
    if ((await app.getByRole('heading', { name: /^PIN blocked/ }).count()) > 0) return;
    expect(await app.getByLabel('PIN', { exact: true }).inputValue({ timeout: 1000 })).toBe('');
  }).toPass();
}

/** A screenshot of a main state, into the folder E2E_SHOTS names; nothing when it is not set. */
export async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

/** From the PIN screen: Unblock, choose the organization, type a UBC, tap Unblock. */
export async function enterUbc(app: Locator, orgName: string, ubc: string): Promise<void> {
  await app.getByRole('button', { name: 'Unblock', exact: true }).click();
  await app.getByRole('button', { name: new RegExp(`^${orgName}`) }).click();
  await expect(app.getByRole('heading', { name: `Unblock at ${orgName}` })).toBeVisible();
  await app.getByLabel('Unblocking code').fill(ubc);
  await app.getByRole('button', { name: 'Unblock', exact: true }).click();
}

/** The new PIN twice (after a right UBC online, or after any UBC offline). */
export async function setNewPin(app: Locator, pin: string): Promise<void> {
  await app.getByLabel('New PIN', { exact: true }).fill(pin);
  await app.getByLabel('Repeat new PIN').fill(pin);
  await app.getByRole('button', { name: 'OK' }).click();
}

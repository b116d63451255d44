// The Code app on screen: activation by SMS, the PIN pad, online and offline codes on simulated time, attempts remaining, accessibility.
import { test, expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** The Code app pane, as a person finds it. */
function codeApp(page: Page): Locator {
  return page.getByRole('region', { name: 'Code app' });
}

/** Opens the sandbox (a fresh context: fresh IndexedDB, so the default world) and shows this person's phone. */
async function openPhoneOf(page: Page, person: string): Promise<Locator> {
  await page.goto('/');
  const app = codeApp(page);
  await expect(app).toBeVisible();
  await app.getByLabel('Phone of').selectOption({ label: person });
  return app;
}

/** Pauses the server clock so timers read exact values; the lab's step buttons move it. */
async function pauseClock(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
}

/** Types a PIN on the on-screen keypad and confirms it. */
async function tapPin(app: Locator, pin: string): Promise<void> {
  for (const digit of pin) await app.getByRole('button', { name: digit, exact: true }).click();
  await app.getByRole('button', { name: 'OK' }).click();
}

async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  const result = await new AxeBuilder({ page }).include('[aria-label="Code app"]').analyze();
  const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(found, `axe violations on ${state}`).toEqual([]);
}

test('R-ACT-1 Lars activates his phone with the SMS code from the notification and sets a PIN', async ({ page }) => {
  const app = await openPhoneOf(page, 'Lars Dahl');
  await app.getByLabel('Mobile number').fill('+4791234505');
  await app.getByRole('button', { name: 'Activate' }).click();

  const sms = app.getByRole('status', { name: 'SMS notification' });
  await expect(sms).toContainText(/\d{6}/);
  const smsCode = /(\d{6})/.exec((await sms.textContent()) ?? '')?.[1] ?? '';
  await app.getByLabel('SMS code').fill(smsCode);
  await app.getByRole('button', { name: 'OK' }).click();
  await expect(sms).toBeEmpty();

  await app.getByLabel('New PIN', { exact: true }).fill('2580');
  await app.getByLabel('Repeat new PIN').fill('2580');
  await app.getByRole('button', { name: 'OK' }).click();
  await expect(app.getByText('Your PIN is set.')).toBeVisible();
  await expect(app.getByLabel('PIN', { exact: true })).toHaveAttribute('type', 'password');

  // The new PIN works: the server answers with a 6-digit code.
  await tapPin(app, '2580');
  await expect(app.getByLabel('One-time code display')).toHaveText(/^\d{6}$/);
});

test('R-OTP-1 the right PIN online gives a 6-digit code whose 120-s bar runs on simulated time', async ({ page }) => {
  const app = await openPhoneOf(page, 'Ingrid Berg');
  await pauseClock(page);
  await tapPin(app, '1234');

  await expect(app.getByLabel('One-time code display')).toHaveText(/^\d{6}$/);
  const lifetime = app.getByRole('progressbar', { name: 'Code lifetime' });
  await expect(lifetime).toHaveAttribute('aria-valuemax', '120');
  await expect(lifetime).toHaveAttribute('aria-valuenow', '120');

  await page.getByRole('button', { name: '+30 s' }).click();
  await expect(lifetime).toHaveAttribute('aria-valuenow', '90');

  await page.getByRole('button', { name: '+2 min' }).click();
  await expect(app.getByText('The code has expired.')).toBeVisible();
  await expect(lifetime).toHaveCount(0);
  await app.getByRole('button', { name: 'OK' }).click();
  await expect(app.getByLabel('PIN', { exact: true })).toBeVisible();
});

test('R-OTP-1 a wrong PIN says how many attempts remain', async ({ page }) => {
  const app = await openPhoneOf(page, 'Ingrid Berg');
  await app.getByLabel('PIN', { exact: true }).fill('9999');
  await app.getByRole('button', { name: 'OK' }).click();
  await expect(app.getByRole('alert')).toHaveText(/Wrong PIN\. 2 attempts remaining\./);

  await tapPin(app, '9998');
  await expect(app.getByRole('alert')).toHaveText(/Wrong PIN\. 1 attempt remaining\./);
  await expect(app.getByLabel('One-time code display')).toHaveCount(0);
});

test('R-OTP-2 offline the app shows an 8-digit code with a circle that changes every 30 s of phone time', async ({ page }) => {
  const app = await openPhoneOf(page, 'Ingrid Berg');
  await pauseClock(page);
  const online = app.getByRole('switch', { name: 'Phone online' });
  await online.click();
  await expect(online).not.toBeChecked();
  await expect(app.getByText('Offline Mode').first()).toBeVisible();

  await tapPin(app, '1234');
  const display = app.getByLabel('One-time code display');
  await expect(display).toHaveText(/^\d{8}$/);
  const lifetime = app.getByRole('progressbar', { name: 'Time until the next code' });
  await expect(lifetime).toHaveAttribute('aria-valuemax', '30');

  const first = await display.textContent();
  await page.getByRole('button', { name: '+30 s' }).click();
  await expect(display).toHaveText(/^\d{8}$/);
  await expect(display).not.toHaveText(first ?? '');

  // The app computed codes for 2 min ahead; past them the code has expired.
  await page.getByRole('button', { name: '+2 min' }).click();
  await expect(app.getByText('The code has expired.')).toBeVisible();
});

test.describe('axe-core finds no violations in the Code app', () => {
  // An axe analysis takes about 2 s, several times that when workers share the CPU: each test gets the slow budget.
  test.beforeEach(async ({ page }) => {
    test.slow();
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });

  test('activation, with the SMS notification', async ({ page }) => {
    const app = await openPhoneOf(page, 'Lars Dahl');
    await expectNoAxeViolations(page, 'activation');
    await app.getByLabel('Mobile number').fill('+4791234505');
    await app.getByRole('button', { name: 'Activate' }).click();
    await expect(app.getByRole('status', { name: 'SMS notification' })).toContainText(/\d{6}/);
    await expectNoAxeViolations(page, 'SMS code with the notification');
  });

  test('PIN pad, wrong PIN and online code', async ({ page }) => {
    const app = await openPhoneOf(page, 'Ingrid Berg');
    await expectNoAxeViolations(page, 'PIN pad');
    await tapPin(app, '9999');
    await expect(app.getByRole('alert')).toBeVisible();
    await expectNoAxeViolations(page, 'wrong PIN');
    await tapPin(app, '1234');
    await expect(app.getByRole('progressbar', { name: 'Code lifetime' })).toBeVisible();
    await expectNoAxeViolations(page, 'online code');
  });

  test('offline code and the reset confirmation', async ({ page }) => {
    const app = await openPhoneOf(page, 'Ingrid Berg');
    await app.getByRole('switch', { name: 'Phone online' }).click();
    await tapPin(app, '1234');
    await expect(app.getByLabel('One-time code display')).toHaveText(/^\d{8}$/);
    await expectNoAxeViolations(page, 'offline code');
    await app.getByRole('button', { name: 'OK' }).click();
    await app.getByRole('button', { name: 'Reset app' }).click();
    await expect(app.getByRole('alertdialog', { name: 'Reset the app?' })).toBeVisible();
    await expectNoAxeViolations(page, 'reset confirmation');
  });
});

// The core unblock journey with the keyboard alone (issue 11, "usable by everyone"): three wrong PINs on Ingrid's phone,
// Manager as ulf.users (Acme Corp), ingrid's details, Display UBC, the UBC typed into the app, a new PIN twice, a code,
// and a login at the login page. Only page.keyboard acts (Tab, Shift+Tab, Enter, Space, arrows, typing); locators only
// assert and say where focus is. Then focus into and out of the lab bar's dialogs and popovers, the phone's reset sheet,
// the presenter view's strip and the Timeline's rule dialog: opened, focus is inside; Escape closes and gives focus
// back to the control that opened it.
import { test, expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { codeApp, lab, loginPage, manager } from './support/screens';

test.beforeEach(async ({ page }) => {
  test.setTimeout(180_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

/** Whether the element is the one with focus. */
async function focused(target: Locator): Promise<boolean> {
  return (await target.count()) === 1 && (await target.evaluate((element) => element === document.activeElement));
}

/** Tab (or Shift+Tab) until `target` has focus, at most `max` presses; fails saying where focus went. */
async function tabTo(page: Page, target: Locator, options: { back?: boolean; max?: number } = {}): Promise<void> {
  const key = options.back ? 'Shift+Tab' : 'Tab';
  for (let presses = 0; presses < (options.max ?? 120); presses++) {
    if (await focused(target)) return;
    await page.keyboard.press(key);
  }
  const where = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing');
  throw new Error(`${key} never reached ${target.toString()}; focus is on ${where}`);
}

/** Focus is somewhere inside `container`. */
async function expectFocusInside(container: Locator): Promise<void> {
  await expect.poll(() => container.evaluate((element) => element.contains(document.activeElement) && document.activeElement !== document.body)).toBe(true);
}

async function expectFocused(target: Locator): Promise<void> {
  await expect(target).toBeFocused();
}

/** Types a PIN into the pad's field and submits it with Enter. */
async function typePin(page: Page, pin: string): Promise<void> {
  const field = codeApp(page).getByLabel('PIN', { exact: true });
  await tabTo(page, field);
  await page.keyboard.type(pin);
  await page.keyboard.press('Enter');
}

test('the unblock journey with the keyboard alone: three wrong PINs, Display UBC, unblock with a new PIN, log in', async ({ page }) => {
  await page.goto('/');
  await expect(lab(page)).toBeVisible();
  const app = codeApp(page);
  const mgr = manager(page);
  const login = loginPage(page);

  // The clock paused, from the lab bar.
  await tabTo(page, lab(page).getByRole('button', { name: 'Pause' }));
  await page.keyboard.press('Enter');
  await expectFocused(lab(page).getByRole('button', { name: 'Resume' }));

  // Ingrid's phone: chosen in the picker by typing her name.
  await tabTo(page, app.getByLabel('Phone of'));
  await page.keyboard.type('Ingrid');
  await expect(app.getByLabel('Phone of')).toHaveValue('ingrid-phone');

  // Three wrong PINs: after each, focus stays in the app, the pad ready for the next.
  for (const [pin, words] of [['9999', 'Wrong PIN. 2 attempts remaining.'], ['9998', 'Wrong PIN. 1 attempt remaining.']] as const) {
    await typePin(page, pin);
    await expect(app).toContainText(words);
    await expectFocusInside(app);
  }
  await typePin(page, '9997');
  await expect(app.getByRole('heading', { name: /^PIN blocked/ })).toBeVisible();
  await expectFocusInside(app);

  // Manager: Acme Corp, ulf.users.
  const org = mgr.getByLabel('Organization');
  await tabTo(page, org);
  await page.keyboard.type('Acme');
  await expect(org.locator('option:checked')).toHaveText('Acme Corp');
  await tabTo(page, mgr.getByRole('button', { name: /\bulf\.users\b/ }));
  await page.keyboard.press('Enter');
  await expect(mgr.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expectFocusInside(mgr);

  // ingrid's details, Display UBC, and the UBC read from the screen.
  await tabTo(page, mgr.getByRole('button', { name: 'ingrid', exact: true }));
  await page.keyboard.press('Enter');
  const details = mgr.getByRole('article', { name: 'ingrid', exact: true });
  await expect(details).toBeVisible();
  await tabTo(page, details.getByRole('button', { name: 'Display UBC' }));
  await page.keyboard.press('Enter');
  const box = details.getByRole('group', { name: 'UBC for ingrid' });
  await expect(box.getByTestId('ubc-code')).toHaveText(/^[\d\s]{9,}$/);
  const ubc = ((await box.getByTestId('ubc-code').textContent()) ?? '').replace(/\s/g, '');
  expect(ubc).toMatch(/^\d{9}$/);
  await expectFocusInside(mgr);

  // Back in the app (Shift+Tab): Unblock, Acme Corp, the UBC, a new PIN twice.
  await tabTo(page, app.getByRole('button', { name: 'Unblock', exact: true }), { back: true });
  await page.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: /Unblock/ }).first()).toBeVisible();
  await expectFocusInside(app);
  await tabTo(page, app.getByRole('button', { name: /^Acme Corp/ }));
  await page.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: 'Unblock at Acme Corp' })).toBeVisible();
  await tabTo(page, app.getByLabel('Unblocking code'));
  await page.keyboard.type(ubc);
  await page.keyboard.press('Enter');
  const newPin = app.getByLabel('New PIN', { exact: true });
  await expect(newPin).toBeVisible();
  await tabTo(page, newPin);
  await page.keyboard.type('2468');
  await page.keyboard.press('Tab');
  await expectFocused(app.getByLabel('Repeat new PIN'));
  await page.keyboard.type('2468');
  await page.keyboard.press('Enter');

  // The new PIN gives a code.
  await expect(app.getByLabel('PIN', { exact: true })).toBeVisible();
  await typePin(page, '2468');
  const display = app.getByLabel('One-time code display');
  await expect(display).toHaveText(/^\d{6}$/);
  const code = ((await display.textContent()) ?? '').replace(/\D/g, '');

  // The login page: Acme Corp, Acme VPN, ingrid and the code; Enter logs in.
  const loginOrg = login.getByLabel('Organization');
  await tabTo(page, loginOrg);
  await page.keyboard.type('Acme');
  await expect(loginOrg.locator('option:checked')).toHaveText('Acme Corp');
  const server = login.getByLabel('Access server');
  await tabTo(page, server);
  await page.keyboard.type('Acme VPN');
  await expect(server.locator('option:checked')).toHaveText(/Acme VPN/);
  await tabTo(page, login.getByLabel('Username'));
  await page.keyboard.type('ingrid');
  await page.keyboard.press('Tab');
  await expectFocused(login.getByLabel('One-time code'));
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  await expect(login.getByRole('status').filter({ hasText: 'Login accepted' })).toBeVisible();
  await expectFocusInside(login);
});

test('focus moves into the lab bar dialogs and popovers and comes back to their button on Escape', async ({ page }) => {
  await page.goto('/');
  await expect(lab(page)).toBeVisible();

  // The modal dialogs: focus inside when opened, back on the opener after Escape.
  for (const [button, name] of [['Open scenario', 'Open a scenario'], ['Edit world', 'Edit world']] as const) {
    const opener = lab(page).getByRole('button', { name: button });
    await tabTo(page, opener);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name });
    await expect(dialog).toBeVisible();
    await expectFocusInside(dialog);
    // Tab stays within the modal dialog.
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      await expect.poll(() => dialog.evaluate((element) => element.contains(document.activeElement) || document.activeElement === document.body)).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expectFocused(opener);
  }

  // The popovers: Enter opens, Tab goes into them, Escape closes and focus is on their button again.
  for (const name of ['Save point', 'Phones', 'Sandbox', 'Set server time']) {
    const summary = lab(page).locator('summary').filter({ has: page.locator(`xpath=self::*[normalize-space(.)="${name}" or @aria-label="${name}"]`) });
    await tabTo(page, summary, { back: true });
    await page.keyboard.press('Enter');
    const body = lab(page).locator('details[open] .popover-body');
    await expect(body).toBeVisible();
    await page.keyboard.press('Tab');
    await expectFocusInside(body);
    await page.keyboard.press('Escape');
    await expect(lab(page).locator('details[open]')).toHaveCount(0);
    await expectFocused(summary);
  }

  // The phone's "Reset app" sheet: focus on Cancel, Escape gives it back to Reset app.
  const app = codeApp(page);
  const reset = app.getByRole('button', { name: 'Reset app' });
  await tabTo(page, reset);
  await page.keyboard.press('Enter');
  const sheet = app.getByRole('alertdialog');
  await expect(sheet).toBeVisible();
  await expectFocusInside(sheet);
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await expectFocused(reset);

  // The presenter view: hiding the lab bar puts focus on the strip's Show lab bar, and showing it gives it back.
  const presenter = lab(page).getByRole('button', { name: 'Presenter view' });
  await tabTo(page, presenter, { back: true });
  await page.keyboard.press('Enter');
  const hide = lab(page).getByRole('button', { name: 'Hide lab bar' });
  await tabTo(page, hide);
  await page.keyboard.press('Enter');
  const show = page.getByRole('region', { name: 'Presenter view is on' }).getByRole('button', { name: 'Show lab bar' });
  await expectFocused(show);
  await page.keyboard.press('Enter');
  await expectFocused(hide);
  await tabTo(page, presenter, { back: true });
  await page.keyboard.press('Enter');
  await expect(presenter).toHaveAttribute('aria-pressed', 'false');
});

test("the Timeline's rule dialog: opened from the Inspector with the keyboard, Escape gives focus back to the rule", async ({ page }) => {
  await page.goto('/');
  await expect(lab(page)).toBeVisible();
  await tabTo(page, lab(page).getByRole('button', { name: 'Open scenario' }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Open a scenario' });
  const open = dialog.getByRole('button', { name: 'Open "Three wrong PINs block the PIN"' });
  await expect(open).toBeVisible();
  await tabTo(page, open);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();

  await tabTo(page, lab(page).getByRole('button', { name: 'Timeline' }));
  await page.keyboard.press('Enter');
  const inspector = page.getByRole('region', { name: 'Inspector' });
  const rule = inspector.locator('button.tl-rule').first();
  await expect(rule).toBeVisible();
  await tabTo(page, rule);
  const id = (await rule.textContent()) ?? '';
  await page.keyboard.press('Enter');
  const ruleDialog = page.getByRole('dialog', { name: new RegExp(id) });
  await expect(ruleDialog).toBeVisible();
  await expectFocusInside(ruleDialog);
  await page.keyboard.press('Escape');
  await expect(ruleDialog).toBeHidden();
  await expectFocused(rule);
});

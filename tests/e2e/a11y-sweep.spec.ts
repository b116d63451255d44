// axe-core over every screen in English and Norwegian (issue 11, "usable by everyone"): the three panes in their main
// states, the lab bar and each of its popovers and dialogs, the presenter view, the Timeline with its Inspector and
// rule dialog, the Training region (start, a case in progress, a result), the Recorder and the update prompt. Each state
// is reached in English, checked on the whole page, then the language is switched to Norwegian and the page checked
// again. Beside axe: the timers say the time left in words, nothing moves under prefers-reduced-motion, and the states
// that are coloured (blocked, goals met, recording) also say so in words or an icon.
import { test, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { en } from '../../src/i18n/ui-text';
import { nb } from '../../src/i18n/ui-text-nb';

const TEXT = { en, nb };
import { serve } from './support/serve';
import { lab, logIn, manager, openPaused, setNewPin, setPhoneOnline, showPhoneOf, shownCode, signInToManager, tapPin, tapRefusedPin, userRow } from './support/screens';

type Lang = 'en' | 'nb';

/** axe-core on the page state by state; each state's violations fail the test softly, so one run lists them all. */
class Sweep {
  constructor(private readonly page: Page) {}

  /** The whole page in the language it is in now. */
  async check(state: string): Promise<void> {
    const result = await new AxeBuilder({ page: this.page }).analyze();
    const lang = await this.page.evaluate(() => document.documentElement.lang);
    const found = result.violations.map((violation) => `${state} (${lang}): ${violation.id} (${violation.impact}) ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    expect.soft(found).toEqual([]);
  }

  /** In English, then in Norwegian through the lab bar's language select, then back in English. */
  async both(state: string): Promise<void> {
    await this.check(state);
    await setLanguage(this.page, 'nb');
    await this.check(state);
    await setLanguage(this.page, 'en');
  }
}

/** The lab bar's language select (named "Language" or "Språk"). */
async function setLanguage(page: Page, lang: Lang): Promise<void> {
  const select = page.locator('select[aria-label="Language"], select[aria-label="Språk"]');
  await select.selectOption(lang);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

test.beforeEach(() => {
  test.setTimeout(240_000);
});

test('the lab bar, its popovers and dialogs, the presenter view and the three panes at rest, in English and Norwegian', async ({ page }) => {
  const sweep = new Sweep(page);
  await openPaused(page);
  await sweep.both('at rest');

  for (const [name, key] of [['Phones', 'phones'], ['Sandbox', 'sandbox'], ['Save point', 'savePoint'], ['Set…', 'setClock']] as const) {
    const summary = lab(page).locator('summary', { hasText: name });
    await summary.click();
    await expect(lab(page).locator('details[open] .popover-body')).toBeVisible();
    await sweep.both(`${key} popover`);
    await page.keyboard.press('Escape');
    if (await lab(page).locator('details[open]').count()) await summary.click();
  }

  // The modal dialogs: opened in English, checked, closed; then in Norwegian.
  for (const lang of ['en', 'nb'] as const) {
    const t = TEXT[lang];
    await setLanguage(page, lang);
    await lab(page).getByRole('button', { name: t.scenarios.open }).click();
    const scenarios = page.getByRole('dialog', { name: t.scenarios.title });
    await expect(scenarios.getByRole('list').first()).toBeVisible();
    await sweep.check('Open scenario dialog');
    await page.keyboard.press('Escape');
    await expect(scenarios).toBeHidden();

    await lab(page).getByRole('button', { name: t.editWorld }).click();
    const editor = page.getByRole('dialog', { name: t.editWorld });
    await expect(editor).toBeVisible();
    await sweep.check('Edit world dialog');
    await page.keyboard.press('Escape');
    await expect(editor).toBeHidden();
  }
  await setLanguage(page, 'en');

  // The presenter view, with the lab bar shown and then hidden behind its strip.
  await lab(page).getByRole('button', { name: 'Presenter view' }).click();
  await sweep.both('presenter view');
  for (const lang of ['en', 'nb'] as const) {
    const t = TEXT[lang];
    await setLanguage(page, lang);
    await lab(page).getByRole('button', { name: t.history.hideLab }).click();
    await expect(page.getByRole('region', { name: t.history.presenterOn })).toBeVisible();
    await sweep.check('presenter view, lab bar hidden');
    await page.getByRole('region', { name: t.history.presenterOn }).getByRole('button', { name: t.history.showLab }).click();
  }
  await setLanguage(page, 'en');
  await lab(page).getByRole('button', { name: 'Presenter view' }).click();

});

test('the three panes through the unblock journey and the Manager tabs, in English and Norwegian', async ({ page }) => {
  const sweep = new Sweep(page);
  await openPaused(page);
  const app = await showPhoneOf(page, 'Ingrid Berg');
  await tapRefusedPin(app, '9999');
  await sweep.both('a wrong PIN');
  await tapRefusedPin(app, '9998');
  await tapRefusedPin(app, '9997');
  await expect(app.getByRole('heading', { name: /^PIN blocked/ })).toBeVisible();
  await sweep.both('PIN blocked');

  const mgr = manager(page);
  await sweep.both('Manager sign-in');
  await signInToManager(page, 'Acme Corp', 'anna.admin');
  await sweep.both('Manager users list with a blocked user');
  await mgr.getByRole('button', { name: 'ingrid', exact: true }).click();
  const details = mgr.getByRole('article', { name: 'ingrid', exact: true });
  await details.getByRole('button', { name: 'Display UBC' }).click();
  const ubc = ((await details.getByRole('group', { name: 'UBC for ingrid' }).getByTestId('ubc-code').textContent()) ?? '').replace(/\s/g, '');
  await sweep.both('Manager user details with the UBC and the script');
  for (const tab of ['Event log', 'Audit log', 'Setup']) {
    await mgr.getByRole('tab', { name: tab }).click();
    await sweep.both(`Manager ${tab}`);
  }
  for (const tab of ['Directories', 'Access servers']) {
    await mgr.getByRole('tab', { name: tab }).click();
    await sweep.both(`Manager Setup: ${tab}`);
  }
  await mgr.getByRole('tab', { name: 'Users' }).click();

  await app.getByRole('button', { name: 'Unblock', exact: true }).click();
  await sweep.both('unblock: choose the organization');
  await app.getByRole('button', { name: /^Acme Corp/ }).click();
  await sweep.both('unblock: the UBC');
  await app.getByLabel('Unblocking code').fill(ubc);
  await app.getByRole('button', { name: 'Unblock', exact: true }).click();
  await expect(app.getByLabel('New PIN', { exact: true })).toBeVisible();
  await sweep.both('unblock: a new PIN');
  await setNewPin(app, '2468');
  await tapPin(app, '2468');
  const code = await shownCode(app);
  await sweep.both('an online code');
  expect(await logIn(page, 'Acme Corp', 'Acme VPN', 'ingrid', code)).toBe('Login accepted');
  await sweep.both('login accepted');
  expect(await logIn(page, 'Acme Corp', 'Acme VPN', 'ingrid', '000000')).toBe('Login failed');
  await sweep.both('login failed');

  await app.getByRole('button', { name: 'OK' }).click();
  await setPhoneOnline(page, false);
  await tapPin(app, '2468');
  await expect(app.getByLabel('One-time code display')).toHaveText(/^\d{8}$/);
  await sweep.both('an offline code');
  await setPhoneOnline(page, true);
});

test('the Timeline, its Inspector and the rule dialog, in English and Norwegian', async ({ page }) => {
  const sweep = new Sweep(page);
  await page.goto('/');
  await expect(lab(page)).toBeVisible();
  await lab(page).getByRole('button', { name: 'Open scenario' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open a scenario' });
  await dialog.getByRole('button', { name: 'Open "Three wrong PINs block the PIN"' }).click();
  await expect(dialog).toBeHidden();
  await lab(page).getByRole('button', { name: 'Timeline' }).click();
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline.getByRole('status').filter({ hasText: 'Live: the present' })).toBeVisible();
  await sweep.both('Timeline, live');
  await timeline.getByRole('slider', { name: 'Replay position' }).fill('60');
  await expect(timeline.getByRole('status').filter({ hasText: 'Replaying' })).toBeVisible();
  await sweep.both('Timeline replaying step 60, with the Inspector');

  for (const lang of ['en', 'nb'] as const) {
    const t = TEXT[lang];
    await setLanguage(page, lang);
    const inspector = page.getByRole('region', { name: t.timeline.inspector });
    const rule = inspector.locator('button.tl-rule').first();
    await rule.click();
    const ruleDialog = page.locator('dialog.rule-dialog[open]');
    await expect(ruleDialog.locator('.rule-dialog-text')).toBeVisible();
    await sweep.check('rule dialog');
    await page.keyboard.press('Escape');
    await expect(ruleDialog).toHaveCount(0);
  }
  await setLanguage(page, 'en');
});

test('the Training region: the start, a case in progress, a result, in English and Norwegian', async ({ page }) => {
  const sweep = new Sweep(page);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/');
  await expect(lab(page)).toBeVisible();
  await lab(page).getByRole('button', { name: 'Training' }).click();
  const training = page.getByRole('region', { name: 'Training' });
  await expect(training.getByRole('radio').first()).toBeVisible();
  await sweep.both('Training: start');
  await training.getByLabel('Your name').fill('Alma Access');
  await training.getByRole('radio', { name: /Display the UBC and unblock online/ }).check();
  await training.getByRole('button', { name: 'Start case' }).click();
  await expect(training.getByRole('heading', { name: 'Goals' })).toBeVisible();
  await training.getByRole('button', { name: 'Hint' }).click();
  await expect(training.getByText('1 hint used')).toBeVisible();
  await sweep.both('Training: a case in progress, a hint shown');
  // Goals met and open are said in words and marked with a sign, not by colour alone.
  const goals = training.locator('.tr-goals').getByRole('listitem');
  await expect(goals.first()).toContainText(/○.*: not yet/);
  await expect(goals.filter({ hasText: ': met' })).toHaveCount(0);
  await training.getByRole('button', { name: 'Finish case' }).click();
  await expect(training.getByRole('heading', { name: /^Result:/ })).toBeVisible();
  await sweep.both('Training: the result');
  // Met and missed goals each under their own heading, each marked with a sign.
  await expect(training.getByRole('heading', { name: 'Goals missed' })).toBeVisible();
  await expect(training.locator('.tr-checklist li').first()).toContainText('✗');
});

test('the Recorder region while recording and after, in English and Norwegian', async ({ page }) => {
  const sweep = new Sweep(page);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/');
  await expect(lab(page)).toBeVisible();
  await lab(page).getByRole('button', { name: 'Record', exact: true }).click();
  const recorder = page.getByRole('region', { name: 'Recorder' });
  await expect(recorder.getByText('Recording: 0 steps')).toBeVisible();
  await sweep.both('Recorder: recording, no step');
  const app = await showPhoneOf(page, 'Ingrid Berg');
  await tapRefusedPin(app, '9999');
  await expect(recorder.getByText('Recording: 1 step')).toBeVisible();
  await sweep.both('Recorder: recording, one step');
  await lab(page).getByRole('button', { name: 'Stop recording' }).click();
  await expect(recorder.getByText('Recorded: 1 step')).toBeVisible();
  await sweep.both('Recorder: stopped, to be saved');
});

test('the update prompt, in English and Norwegian', async ({ page }) => {
  const root = mkdtempSync(join(tmpdir(), 'a11y-update-'));
  cpSync(process.env.E2E_DIST ?? 'dist', root, { recursive: true });
  const { server, url } = await serve(root);
  try {
    const sweep = new Sweep(page);
    await page.goto(url);
    await expect(lab(page)).toBeVisible();
    await page.waitForFunction(() => navigator.serviceWorker.ready.then(() => true));
    if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    // A service worker that differs by a byte is a new version: it installs and waits for the person's word.
    appendFileSync(join(root, 'sw.js'), '\n// the next version\n');
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration?.update()));
    const prompt = page.getByRole('region', { name: 'App update' });
    await expect(prompt).toContainText('A new version of the sandbox is ready.', { timeout: 30_000 });
    await sweep.both('the update prompt');
  } finally {
    server.close();
    rmSync(root, { recursive: true, force: true });
  }
});

/** Everything that moves on the page now: animations, transitions and smooth scrolling, of elements and their ::before/::after. */
async function moving(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seconds = (list: string) => Math.max(...list.split(',').map((part) => parseFloat(part) * (part.trim().endsWith('ms') ? 0.001 : 1)));
    const found: string[] = [];
    for (const element of document.querySelectorAll('*')) {
      for (const pseudo of [null, '::before', '::after']) {
        const style = getComputedStyle(element, pseudo);
        const name = `${element.tagName.toLowerCase()}${element.className && typeof element.className === 'string' ? `.${element.className.trim().split(/\s+/).join('.')}` : ''}${pseudo ?? ''}`;
        if (style.animationName !== 'none' && seconds(style.animationDuration) > 0) found.push(`${name}: animation ${style.animationName}`);
        if (style.transitionProperty !== 'none' && seconds(style.transitionDuration) > 0) found.push(`${name}: transition ${style.transitionProperty}`);
        if (pseudo === null && style.scrollBehavior === 'smooth') found.push(`${name}: smooth scrolling`);
      }
    }
    return found;
  });
}

test('timers say the time left in words; under reduced motion nothing moves; blocked and recording are said, not only coloured', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await openPaused(page);
  await lab(page).locator('summary', { hasText: 'Phones' }).click();
  // Without the preference the switches slide: the check below sees motion when there is some.
  expect(await moving(page)).not.toEqual([]);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await moving(page)).toEqual([]);
  await lab(page).locator('summary', { hasText: 'Phones' }).click();

  // The online code's bar: the time left in words beside it, and as the progressbar's value text.
  const app = await showPhoneOf(page, 'Ingrid Berg');
  await tapPin(app, '1234');
  await shownCode(app);
  const bar = app.getByRole('progressbar', { name: 'Code lifetime' });
  await expect(bar).toHaveAttribute('aria-valuetext', '120 s left');
  await expect(app.locator('.lifetime-text')).toHaveText('Does not change. Accepted once, 2\u00a0min\u00a000\u00a0s more (2 minutes in all)');
  await lab(page).getByRole('button', { name: '+30 s' }).click();
  await expect(bar).toHaveAttribute('aria-valuetext', '90 s left');
  await expect(app.locator('.lifetime-text')).toContainText('Accepted once, 1\u00a0min\u00a030\u00a0s more');
  expect(await moving(page)).toEqual([]);
  await app.getByRole('button', { name: 'OK' }).click();

  // The offline code's circle: when the code changes, in words beside it and as its value text.
  await setPhoneOnline(page, false);
  await tapPin(app, '1234');
  await expect(app.getByLabel('One-time code display')).toHaveText(/^\d{8}$/);
  const circle = app.getByRole('progressbar', { name: 'Time until the next code' });
  const text = await circle.getAttribute('aria-valuetext');
  expect(text).toMatch(/^New code in \d+ s$/);
  await expect(app.locator('.lifetime-changes')).toHaveText(text ?? '');
  await expect(app.locator('.lifetime-accepted')).toContainText(/^Accepted .* more/);
  expect(await moving(page)).toEqual([]);
  await app.getByRole('button', { name: 'OK' }).click();
  await setPhoneOnline(page, true);

  // A wrong PIN's notice and the blocked PIN: still, and said in words.
  await tapRefusedPin(app, '9999');
  await expect(app).toContainText('Wrong PIN. 2 attempts remaining.');
  expect(await moving(page)).toEqual([]);
  await tapRefusedPin(app, '9998');
  await tapRefusedPin(app, '9997');
  await expect(app.getByRole('heading', { name: /^PIN blocked/ })).toBeVisible();
  expect(await moving(page)).toEqual([]);

  // Manager: the blocked user's row says "PIN blocked" in words beside the red padlock; the access servers' switches stay still.
  const mgr = await signInToManager(page, 'Acme Corp', 'anna.admin');
  const row = userRow(mgr, 'ingrid');
  await expect(row.getByRole('img', { name: 'PIN blocked' })).toBeVisible();
  await expect(row.locator('.mgr-blocked')).toContainText('PIN blocked');
  await expect(row.locator('.mgr-blocked svg')).toBeVisible();
  await expect(userRow(mgr, 'ola').getByRole('img', { name: 'PIN blocked' })).toHaveCount(0);
  await mgr.getByRole('tab', { name: 'Setup' }).click();
  await mgr.getByRole('tab', { name: 'Access servers' }).click();
  await expect(mgr.getByRole('switch').first()).toBeVisible();
  expect(await moving(page)).toEqual([]);

  // The phone's organizations: blocked or open in words, each with its own padlock.
  await app.getByRole('button', { name: /^Organizations:/ }).click();
  await expect(app.locator('.org-state.org-blocked')).toContainText('PIN blocked');
  await expect(app.locator('.org-state.org-blocked svg')).toHaveCount(1);

  // A recording in progress is said in words, and its button names what it does.
  await lab(page).getByRole('button', { name: 'Record', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Recorder' }).locator('.rec-state')).toHaveText('Recording: 0 steps');
  await expect(lab(page).getByRole('button', { name: 'Stop recording' })).toBeVisible();
  expect(await moving(page)).toEqual([]);
});

test("every stylesheet that animates says what happens under prefers-reduced-motion: reduce", () => {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'src/ui/*.css', 'src/ui/**/*.css'], { encoding: 'utf8' }).split('\n').filter(Boolean);
  expect(files.length).toBeGreaterThan(5);
  const missing = files.filter((file) => {
    const css = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    const moves = /(^|[;{\s])(animation|transition)(-[a-z-]+)?\s*:\s*(?!none)/m.test(css) || /scroll-behavior\s*:\s*smooth/.test(css);
    return moves && !/@media\s*\(\s*prefers-reduced-motion\s*:\s*reduce\s*\)/.test(css);
  });
  expect(missing).toEqual([]);
});

// A scenario played as a demo (issue 10): a built-in case at Fast pace, each step's caption (its narration, or its
// action's summary) shown with the acting screen outlined before it runs; pause holds the step still, resume goes on; a
// reload in the middle shows the player paused at the same step; the end matches the runner (the phone shows PIN blocked,
// the journal is the runner's, entry for entry); Hand over leaves a live sandbox. A step that fails pauses the demo and
// says why; Close goes back to the sandbox open before. axe-core on the caption bar in both languages; screenshots
// normal and in the presenter view.
import { test, expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { parseScenarioFile } from '../../src/scenario/gherkin';
import { runScenario } from '../../src/scenario/run';
import { actionSpec } from '../../src/scenario/actions';
import type { Step } from '../../src/scenario/format';
import { lab, codeApp, manager, tapPin, shownCode, showPhoneOf } from './support/screens';

const FILE = 'three-wrong-pins.scenario.json';
const TITLE = 'Three wrong PINs block the PIN';
const TEXT = readFileSync(new URL(`../../src/scenario/library/${FILE}`, import.meta.url), 'utf8');

function runnerRun(text = TEXT) {
  const parsed = parseScenarioFile(FILE, text);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const loaded = parsed.scenarios[0];
  if (!loaded) throw new Error('no scenario');
  return runScenario(loaded.scenario, { lang: 'en' });
}

/** The caption a step shows: its narration, or its action's summary. */
function captionOf(step: Step): string {
  return step.narration?.en ?? actionSpec(step.action)?.summary.en ?? step.action;
}

const demo = (page: Page): Locator => page.getByRole('region', { name: 'Demo' });
const count = (page: Page): Locator => demo(page).locator('.demo-count');

/**
 * The open sandbox, as the page remembers it. (Not read off the Sandbox switcher: its options are drawn again after the
 * list is read, and until a choice is made it can show the first one rather than the open one.)
 */
async function openSandboxId(page: Page): Promise<string | null> {
  return page.evaluate(() => localStorage.getItem('code-sandbox:current'));
}

async function openDialog(page: Page): Promise<Locator> {
  await lab(page).getByRole('button', { name: 'Open scenario' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open a scenario' });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function exportedHashes(page: Page): Promise<string[]> {
  const bar = lab(page);
  await bar.locator('summary', { hasText: 'Sandbox' }).click();
  const downloading = page.waitForEvent('download');
  await bar.getByRole('group', { name: 'Sandbox' }).getByRole('button', { name: 'Export', exact: true }).click();
  const file = JSON.parse(await readFile(await (await downloading).path(), 'utf8')) as { entries: { hash: string }[] };
  await bar.locator('summary', { hasText: 'Sandbox' }).click();
  return file.entries.map((entry) => entry.hash);
}

async function expectAccessible(page: Page, state: string) {
  const result = await new AxeBuilder({ page }).include('[aria-label="Demo"]').analyze();
  expect(result.violations.map((v) => `${state}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** What the page showed at one moment of the demo: the step count, the caption, who acts, the outlined panes, the phone shown. */
interface Seen {
  count: string;
  caption: string;
  who: string;
  acting: string[];
  phone: string;
}

/**
 * Records every distinct state of the caption bar as the page shows it (in sessionStorage, so a reload keeps the record):
 * at Fast pace a step is on screen for 3 s, and the test reads the record afterwards instead of racing each step.
 */
async function recordDemo(page: Page): Promise<void> {
  await page.addInitScript(() => {
    let last = '';
    new MutationObserver(() => {
      const bar = document.querySelector('[aria-label="Demo"]');
      if (!bar) return;
      const phone = document.querySelector<HTMLSelectElement>('#pane-phone select');
      const seen = {
        count: bar.querySelector('.demo-count')?.textContent ?? '',
        caption: bar.querySelector('.demo-caption')?.textContent ?? '',
        who: bar.querySelector('.demo-who')?.textContent ?? '',
        acting: [...document.querySelectorAll('.demo-acting')].map((element) => `${element.id}=${bar.querySelector('.demo-tab')?.className ?? ''}:${bar.querySelector('.demo-tab')?.textContent ?? ''}`),
        phone: phone?.selectedOptions[0]?.textContent ?? '',
      };
      const key = JSON.stringify(seen);
      if (key === last) return;
      last = key;
      const log = JSON.parse(sessionStorage.getItem('e2e:demo-log') ?? '[]') as unknown[];
      sessionStorage.setItem('e2e:demo-log', JSON.stringify([...log, seen]));
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

async function recorded(page: Page): Promise<Seen[]> {
  return JSON.parse(await page.evaluate(() => sessionStorage.getItem('e2e:demo-log') ?? '[]')) as Seen[];
}

const phase = (page: Page): Locator => demo(page).locator('.demo-phase');

test('play a built-in case as a demo: captions, the acting screen, pause, a reload, the runner\'s end, hand over', async ({ page }) => {
  test.setTimeout(240_000);
  const run = runnerRun();
  const steps = run.scenario.steps;
  expect(steps.length).toBe(9);
  await recordDemo(page);
  await page.goto('/');
  await expect(lab(page)).toBeVisible();
  // Another phone shown before: the demo shows the phone that acts.
  await showPhoneOf(page, 'Kari Hansen');

  const dialog = await openDialog(page);
  await dialog.getByRole('button', { name: `Play as demo: "${TITLE}"` }).click();
  await expect(dialog).toBeHidden();
  await expect(demo(page)).toBeVisible();
  await demo(page).getByRole('combobox', { name: 'Pace' }).selectOption({ label: 'Fast' });
  // How long the caption has left, as a bar (none when reduced motion is asked for: see the second test).
  await expect(demo(page).locator('.demo-countdown')).toBeVisible();
  await expect(codeApp(page).getByLabel('Phone of').locator('option:checked')).toHaveText('Ingrid Berg');

  // Pause holds the step still, however long; resume goes on.
  await expect(count(page)).toHaveText('Step 3 of 9', { timeout: 30_000 });
  await demo(page).getByRole('button', { name: 'Pause demo' }).click();
  await expect(demo(page).getByRole('button', { name: 'Resume demo' })).toBeVisible();
  await expect(demo(page).locator('.demo-state')).toHaveText('Paused');
  await expect(demo(page).getByText('Running this step…')).toHaveCount(0);
  const held = await count(page).textContent();
  await page.waitForTimeout(4_500);
  await expect(count(page)).toHaveText(held ?? '');
  await expect(demo(page).locator('.demo-state')).toHaveText('Paused');
  await demo(page).getByRole('button', { name: 'Resume demo' }).click();
  await expect(demo(page).locator('.demo-state')).toHaveText('Playing');

  // A reload in the middle: the player comes back paused at the same step, at the same pace.
  await expect(count(page)).toHaveText('Step 5 of 9', { timeout: 30_000 });
  await demo(page).getByRole('button', { name: 'Pause demo' }).click();
  await expect(demo(page).locator('.demo-state')).toHaveText('Paused');
  await expect(demo(page).getByText('Running this step…')).toHaveCount(0);
  const before = await count(page).textContent();
  const beforeCaption = await demo(page).locator('.demo-caption').textContent();
  const demoId = await openSandboxId(page);
  await page.reload();
  await expect(demo(page)).toBeVisible();
  await expect(count(page)).toHaveText(before ?? '');
  await expect(demo(page).locator('.demo-caption')).toHaveText(beforeCaption ?? '');
  await expect(demo(page).getByRole('button', { name: 'Resume demo' })).toBeVisible();
  await expect(demo(page).getByRole('combobox', { name: 'Pace' }).locator('option:checked')).toHaveText('Fast');
  expect(await openSandboxId(page)).toBe(demoId);
  await page.waitForTimeout(3_500);
  await expect(count(page)).toHaveText(before ?? '');

  // One step at a time while paused, up to step 7, the one that blocks the PIN: its result on the screens with its caption.
  for (let guard = 0; guard < 4; guard++) {
    if ((await count(page).textContent()) === 'Step 7 of 9' && (await phase(page).count()) > 0 && (await phase(page).textContent()) === 'Done') break;
    const shown = await count(page).textContent();
    const wasRan = (await phase(page).count()) > 0;
    await demo(page).getByRole('button', { name: 'Next step' }).click();
    await expect(phase(page)).toHaveText('Done');
    if (wasRan) await expect(count(page)).not.toHaveText(shown ?? '');
  }
  await expect(count(page)).toHaveText('Step 7 of 9');
  await expect(demo(page).locator('.demo-state')).toHaveText('Paused');
  await expect(codeApp(page).getByRole('heading', { name: /^PIN blocked/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/demo-caption.png' });
  await expectAccessible(page, 'English, paused');
  await lab(page).getByRole('button', { name: 'Presenter view' }).click();
  await page.screenshot({ path: 'test-results/demo-caption-presenter.png' });
  await lab(page).getByRole('button', { name: 'Hide lab bar' }).click();
  await expect(lab(page)).toBeHidden();
  await page.screenshot({ path: 'test-results/demo-caption-presenter-lab-hidden.png' });
  // A 1920x1080 projector.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: 'test-results/demo-caption-presenter-1080.png' });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('button', { name: 'Show lab bar' }).click();
  await expect(lab(page)).toBeVisible();
  await lab(page).getByRole('button', { name: 'Presenter view' }).click();
  // A 1920x1080 projector at 150 % without the presenter view.
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: 'test-results/demo-caption-720.png' });
  await page.setViewportSize({ width: 1280, height: 800 });
  await lab(page).getByRole('combobox', { name: 'Language' }).selectOption('nb');
  await expect(count(page)).toHaveText('Steg 7 av 9');
  await expect(demo(page).getByRole('button', { name: 'Fortsett demoen' })).toBeVisible();
  await expect(demo(page).locator('.demo-caption')).toHaveText(steps[6]?.narration?.nb ?? '');
  await page.waitForTimeout(500); // the caption in the other language eases in
  await page.screenshot({ path: 'test-results/demo-caption-nb.png' });
  await expectAccessible(page, 'Norwegian, paused');
  await lab(page).getByRole('combobox', { name: 'Språk' }).selectOption('en');
  await demo(page).getByRole('button', { name: 'Resume demo' }).click();

  await expect(demo(page).locator('.demo-caption')).toHaveText('End of the demo', { timeout: 30_000 });
  await expect(count(page)).toHaveText('Step 9 of 9');
  await expect(demo(page).locator('.demo-state')).toHaveText('Done');
  await expect(demo(page).getByRole('button', { name: 'Next step' })).toBeHidden();
  await expect(demo(page).getByRole('button', { name: 'Pause demo' })).toBeHidden();
  for (const id of ['phone', 'manager', 'login']) await expect(page.locator(`#pane-${id}`)).not.toHaveClass(/\bdemo-acting\b/);
  await page.screenshot({ path: 'test-results/demo-end.png' });
  await expectAccessible(page, 'English, the end');

  // The captions followed the steps: each step was on screen with its caption, who acts, and only their screen outlined.
  const log = (await recorded(page)).filter((seen) => seen.count.startsWith('Step '));
  const numbers = log.map((seen) => Number(/^Step (\d+)/.exec(seen.count)?.[1]));
  expect(numbers, 'the steps in order').toEqual([...numbers].sort((a, b) => a - b));
  for (const [index, step] of steps.entries()) {
    const login = step.action === 'log in';
    const label = login ? 'Login page: Acme VPN (Acme Corp)' : "Ingrid's phone";
    const pane = login ? 'login' : 'phone';
    const shown = log.filter((seen) => seen.count === `Step ${index + 1} of 9` && seen.caption === captionOf(step) && seen.who === `Acts: ${label}`);
    expect(shown.some((seen) => seen.acting.length === 1 && seen.acting[0] === `pane-${pane}=demo-tab demo-tab-${pane}:${label}`), `step ${index + 1}: ${JSON.stringify(log.filter((seen) => seen.count === `Step ${index + 1} of 9`))}`).toBe(true);
    if (!login) expect(shown.every((seen) => seen.phone === 'Ingrid Berg'), `step ${index + 1}: Ingrid's phone shown`).toBe(true);
  }

  // The end is the runner's: the phone shows PIN blocked, and the journal is the runner's, entry for entry.
  await expect(codeApp(page).getByRole('heading', { name: /^PIN blocked/ })).toBeVisible();
  expect(await exportedHashes(page)).toEqual(run.entries.map((entry) => entry.hash));

  // Hand over: the demo stops and the screens act again, live.
  await demo(page).getByRole('button', { name: 'Hand over' }).click();
  await expect(demo(page)).toBeHidden();
  const app = await showPhoneOf(page, 'Ola Nordmann');
  await tapPin(app, '2345');
  expect(await shownCode(app)).toMatch(/^\d{6}$/);
  await page.reload();
  await expect(lab(page)).toBeVisible();
  await expect(demo(page)).toBeHidden();
  expect(await openSandboxId(page)).toBe(demoId);

  // The Timeline shows the demo's narration beside its steps, as for a scenario opened at once.
  const blocked = run.steps[6]?.entries.at(-1);
  if (!blocked) throw new Error('step 7 wrote nothing');
  await lab(page).getByRole('button', { name: 'Timeline' }).click();
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await timeline.getByRole('slider', { name: 'Replay position' }).fill(String(blocked.seq));
  await expect(timeline.getByRole('region', { name: 'Narration' })).toContainText(steps[6]?.narration?.en ?? '');
});

test('a step that does not go as the scenario says pauses the demo with why; one step at a time; close goes back', async ({ page }) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  // Step 2's phone shows 1 attempt left; the file says 0.
  const wrong = TEXT.replace('"attemptsRemaining": 1', '"attemptsRemaining": 0');
  expect(wrong).not.toBe(TEXT);
  await page.goto('/');
  await expect(lab(page)).toBeVisible();
  const home = await openSandboxId(page);

  const dialog = await openDialog(page);
  await expect(dialog.getByRole('button', { name: 'Play a file as demo…' })).toBeVisible();
  // Every built-in case can be played as a demo.
  await expect(dialog.getByRole('button', { name: /^Play as demo: / }).first()).toBeVisible();
  expect(await dialog.getByRole('button', { name: /^Play as demo: / }).count()).toBe(await dialog.getByRole('button', { name: /^Open "/ }).count());
  await page.screenshot({ path: 'test-results/demo-dialog.png' });
  const axe = await new AxeBuilder({ page }).include('[aria-label="Open a scenario"]').analyze();
  expect(axe.violations.map((v) => `the Scenarios dialog: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await dialog.getByTestId('demo-file').setInputFiles({ name: 'wrong.scenario.json', mimeType: 'application/json', buffer: Buffer.from(wrong) });
  await expect(dialog).toBeHidden();
  await expect(demo(page)).toBeVisible();

  // Reduced motion: no countdown bar sliding, no caption easing in.
  await expect(demo(page).locator('.demo-caption')).toHaveCSS('animation-name', 'none');
  await expect(demo(page).locator('.demo-countdown')).toBeHidden();

  // Paused at once, then one step at a time with Next step.
  await demo(page).getByRole('button', { name: 'Pause demo' }).click();
  await expect(count(page)).toHaveText('Step 1 of 9');
  await demo(page).getByRole('button', { name: 'Next step' }).click();
  await expect(demo(page).locator('.demo-phase')).toHaveText('Done');
  await expect(demo(page).locator('.demo-state')).toHaveText('Paused');
  await expect(count(page)).toHaveText('Step 1 of 9');
  await expect(demo(page).locator('.demo-caption')).toHaveText(captionOf(JSON.parse(TEXT).steps[0] as Step));
  await demo(page).getByRole('button', { name: 'Next step' }).click();
  await expect(count(page)).toHaveText('Step 2 of 9');
  const alert = demo(page).getByRole('alert');
  await expect(alert).toContainText('Step 2 did not go as the scenario says. The demo is paused.');
  await expect(alert).toContainText('attempts remaining');
  await expect(alert).toContainText('expected 0, was 1');
  await expect(demo(page).locator('.demo-phase')).toHaveText('Not as the scenario says');
  await expect(demo(page).getByRole('button', { name: 'Resume demo' })).toBeVisible();
  await page.waitForTimeout(2_500);
  await expect(count(page)).toHaveText('Step 2 of 9');
  await page.screenshot({ path: 'test-results/demo-failed.png' });
  await expectAccessible(page, 'English, a failed step');

  // Close: the demo ends and the sandbox open before comes back (its clock runs; the demo's world is paused).
  await demo(page).getByRole('button', { name: 'Close demo' }).click();
  await expect(demo(page)).toBeHidden();
  await expect(lab(page).getByRole('group', { name: 'Server clock' }).getByRole('button', { name: 'Pause' })).toBeVisible();
  expect(await openSandboxId(page)).toBe(home);
  await page.reload();
  await expect(lab(page)).toBeVisible();
  await expect(demo(page)).toBeHidden();
});

test('values kept by one step go to the next (a UBC from Manager typed on the phone); the lab acting is labelled under the lab bar', async ({ page }) => {
  test.setTimeout(180_000);
  const file = 'display-ubc-online-unblock.scenario.json';
  const text = readFileSync(new URL(`../../src/scenario/library/${file}`, import.meta.url), 'utf8');
  const parsed = parseScenarioFile(file, text);
  if (!parsed.ok || !parsed.scenarios[0]) throw new Error('the library case does not load');
  const run = runScenario(parsed.scenarios[0].scenario, { lang: 'en' });
  expect(run.status).toBe('passed');
  await page.goto('/');
  await expect(lab(page)).toBeVisible();
  const dialog = await openDialog(page);
  await dialog.getByRole('button', { name: `Play as demo: "${run.scenario.title.en}"` }).click();
  await expect(dialog).toBeHidden();
  await demo(page).getByRole('combobox', { name: 'Pace' }).selectOption({ label: 'Fast' });

  // Ulf displays the UBC in Manager: the Manager pane is outlined and labelled, signed in as Ulf.
  await expect(count(page)).toHaveText('Step 4 of 11', { timeout: 30_000 });
  await demo(page).getByRole('button', { name: 'Pause demo' }).click();
  await expect(page.locator('#pane-manager')).toHaveClass(/\bdemo-acting\b/);
  await expect(manager(page).getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(manager(page)).toContainText('ulf.users');
  await expect(demo(page).locator('.demo-tab-manager')).toHaveText('Manager: ulf.users (Acme Corp)');
  await expect(demo(page).locator('.demo-caption')).toHaveText(run.scenario.steps[3]?.narration?.en ?? '');
  await page.screenshot({ path: 'test-results/demo-manager.png' });
  await demo(page).getByRole('button', { name: 'Resume demo' }).click();

  await expect(demo(page).locator('.demo-caption')).toHaveText('End of the demo', { timeout: 60_000 });
  await expect(demo(page).getByRole('alert')).toHaveCount(0);
  expect(await exportedHashes(page)).toEqual(run.entries.map((entry) => entry.hash));
  await demo(page).getByRole('button', { name: 'Hand over' }).click();

  // A step of the lab bar: the lab bar is outlined, its label below it.
  const clockStep = JSON.stringify({
    format: 'code-sandbox-scenario', version: 1, id: 'two-minutes', title: { en: 'Two minutes later', nb: 'To minutter senere' },
    description: { en: 'The clock moves.', nb: 'Klokken går.' }, seed: 'demo-lab',
    steps: [{ actor: 'lab', action: 'advance the clock', by: '2 min', narration: { en: 'Two minutes pass on the server clock.', nb: 'To minutter går på serverklokken.' } }],
  });
  const again = await openDialog(page);
  await again.getByTestId('demo-file').setInputFiles({ name: 'two-minutes.scenario.json', mimeType: 'application/json', buffer: Buffer.from(clockStep) });
  await expect(again).toBeHidden();
  await demo(page).getByRole('button', { name: 'Pause demo' }).click();
  await expect(count(page)).toHaveText('Step 1 of 1');
  await expect(lab(page)).toHaveClass(/\bdemo-acting\b/);
  await expect(lab(page)).toHaveAttribute('data-demo-acting', 'Lab bar: the clock and the world');
  await expect(demo(page).locator('.demo-tab')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/demo-lab.png' });
  await expectAccessible(page, 'English, a lab step');
  await demo(page).getByRole('button', { name: 'Next step' }).click();
  await expect(demo(page).locator('.demo-phase')).toHaveText('Done');
  await expect(lab(page).getByRole('group', { name: 'Server clock' })).toContainText('09:02:00');
});

// Replay on the timeline: a built-in case opened, three moments stepped to and every screen checked against the runner's state there; acting refused while replaying; Back to now; Fork from here leaves the original as it was; axe-core on the Timeline and Inspector in both languages.
import { test, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parseScenarioFile } from '../../src/scenario/gherkin';
import { runScenario } from '../../src/scenario/run';
import { foldEntries } from '../../src/runtime/journal';
import { initialState } from '../../src/domain';
import { formatDateTime } from '../../src/i18n/format';
import { entryKind } from '../../src/runtime/replay/entry-kind';
import AxeBuilder from '@axe-core/playwright';
import { lab, codeApp, manager, loginPage, signInToManager } from './support/screens';

const FILE = 'three-wrong-pins.scenario.json';
const TITLE = 'Three wrong PINs block the PIN';

/** The runner's journal of the case, in the test process. */
function runnerRun() {
  const text = readFileSync(new URL(`../../src/scenario/library/${FILE}`, import.meta.url), 'utf8');
  const parsed = parseScenarioFile(FILE, text);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const loaded = parsed.scenarios[0];
  if (!loaded) throw new Error('no scenario');
  return runScenario(loaded.scenario, { lang: 'en' });
}

const timeline = (page: Page) => page.getByRole('region', { name: 'Timeline' });

async function openCase(page: Page) {
  await page.goto('/');
  await expect(lab(page)).toBeVisible();
  await lab(page).getByRole('button', { name: 'Open scenario' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open a scenario' });
  await dialog.getByRole('button', { name: `Open "${TITLE}"` }).click();
  await expect(dialog).toBeHidden();
}

async function exportedJournal(page: Page): Promise<string> {
  await lab(page).locator('summary', { hasText: 'Sandbox' }).click();
  const downloading = page.waitForEvent('download');
  await lab(page).getByRole('button', { name: 'Export' }).click();
  const text = await readFile(await (await downloading).path(), 'utf8');
  await lab(page).locator('summary', { hasText: 'Sandbox' }).click();
  // exportedAt is the wall time of the export; the journal is everything else.
  const { exportedAt: _at, ...journal } = JSON.parse(text) as Record<string, unknown>;
  return JSON.stringify(journal);
}

async function expectAccessible(page: Page, name: 'Timeline' | 'Inspector' | 'Tidslinje' | 'Inspektør', state: string) {
  const result = await new AxeBuilder({ page }).include(`[aria-label="${name}"]`).analyze();
  expect(result.violations.map((v) => `${state}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('replay a built-in case: three moments on every screen, acting refused, back to now, fork from here', async ({ page }) => {
  const run = runnerRun();
  const total = run.entries.length;
  await openCase(page);
  const before = await exportedJournal(page);
  await codeApp(page).getByLabel('Phone of').selectOption({ label: 'Ingrid Berg' });
  await signInToManager(page, 'Acme Corp', 'anna.admin');

  await lab(page).getByRole('button', { name: 'Timeline' }).click();
  const tl = timeline(page);
  await expect(tl).toBeVisible();
  await expect(tl.getByRole('status').filter({ hasText: `Live: the present, after step ${total}` })).toBeVisible();
  await page.screenshot({ path: 'test-results/timeline-live.png' });

  // Three moments: the first wrong PIN, the third wrong PIN in a row (blocked), the right PIN that gives no code (the last step, the login, is the present).
  const moments = [0, 6, 7].map((index) => {
    const step = run.steps[index];
    const last = step?.entries.at(-1);
    if (!step || !last) throw new Error(`step ${index} wrote nothing`);
    const state = foldEntries(initialState(), run.entries.slice(0, last.seq));
    const acmeEvents = run.entries.slice(0, last.seq).flatMap((e) => e.events).filter((e) => e.type === 'EventLogged' && e.entry.orgId === 'acme').length;
    return { index, seq: last.seq, at: last.at, state, acmeEvents };
  });
  const mgr = manager(page);
  for (const moment of moments) {
    await tl.getByRole('slider', { name: 'Replay position' }).fill(String(moment.seq));
    await expect(tl.getByRole('status').filter({ hasText: 'Replaying' })).toHaveText(new RegExp(`Replaying: step ${moment.seq} of ${total}, ${formatDateTime(moment.at)} UTC`));
    const phone = moment.state.phones['ingrid-phone'];
    const link = moment.state.server.links[`acme\u0000+4791234501`];
    // The phone: the notice the runner's state holds (at these moments, a wrong PIN or the block).
    expect(phone?.app.notice?.kind).toMatch(/^(wrong-pin|pin-blocked)$/);
    if (phone?.app.notice?.kind === 'wrong-pin') await expect(codeApp(page)).toContainText(`Wrong PIN. ${phone.app.notice.attemptsRemaining} attempts remaining.`);
    if (phone?.app.notice?.kind === 'pin-blocked') await expect(codeApp(page)).toContainText('Your PIN is blocked');
    // Manager: the blocked badge as the runner has the link, and the event log's rows.
    await mgr.getByRole('tab', { name: 'Users' }).click();
    await expect(mgr.getByRole('row', { name: /ingrid/ }).getByRole('img', { name: 'PIN blocked' })).toHaveCount(link?.blocked ? 1 : 0);
    await mgr.getByRole('tab', { name: 'Event log' }).click();
    await expect(mgr.getByRole('list', { name: 'Event log entries' }).getByRole('listitem')).toHaveCount(Math.min(moment.acmeEvents, 20));
    // The login page: the organizations of the world then.
    await expect(loginPage(page).getByLabel('Organization').locator('option')).toHaveCount(Object.keys(moment.state.server.orgs).length);
    await expect(page.getByRole('region', { name: 'Inspector' })).toContainText(`Step ${moment.seq},`);
    // The step's narration from the scenario file.
    const narration = run.steps[moment.index]?.step.narration?.en;
    if (narration) await expect(tl.getByRole('region', { name: 'Narration' })).toContainText(narration);
    await page.screenshot({ path: `test-results/timeline-step-${moment.seq}.png` });
  }

  // Acting is refused while replaying, with the reason.
  await loginPage(page).getByLabel('Username').fill('ingrid');
  await loginPage(page).getByLabel('One-time code').fill('123456');
  await loginPage(page).getByRole('button', { name: 'Log in' }).click();
  await expect(loginPage(page).getByRole('alert')).toHaveText('Replaying the past: go back to now to act');
  // Undo changes the present too: refused with the same reason, and the history stays as it was.
  await lab(page).getByRole('button', { name: 'Undo' }).click();
  await expect(lab(page).getByText('Replaying the past: go back to now to act')).toBeVisible();

  // Keyboard: Left steps back, Right forward, with focus in the timeline.
  await tl.getByRole('group', { name: /History/ }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(tl.getByRole('status').filter({ hasText: 'Replaying' })).toContainText(`step ${moments[2]!.seq - 1} of`);
  await page.keyboard.press('ArrowRight');
  await expect(tl.getByRole('status').filter({ hasText: 'Replaying' })).toContainText(`step ${moments[2]!.seq} of`);

  // Space plays and pauses.
  await page.keyboard.press('Space');
  await expect(tl.getByRole('button', { name: 'Pause replay' })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(tl.getByRole('button', { name: 'Play replay' })).toBeVisible();

  // Filters: the search finds the entries whose event-log words say so; the kind filter hides a kind.
  await tl.getByRole('searchbox', { name: 'Search the history' }).fill('by 3 wrong PIN attempts');
  await expect(tl.getByRole('status').filter({ hasText: 'entries shown' })).toHaveText(`1 of ${total} entries shown`);
  await tl.getByRole('searchbox', { name: 'Search the history' }).fill('');
  await tl.getByRole('checkbox', { name: 'World edit' }).uncheck();
  const edits = run.entries.filter((entry) => entryKind(entry) === 'world').length;
  expect(edits).toBeGreaterThan(0);
  await expect(tl.getByRole('status').filter({ hasText: 'entries shown' })).toHaveText(`${total - edits} of ${total} entries shown`);
  await tl.getByRole('checkbox', { name: 'World edit' }).check();

  // Before the administrator existed Manager shows its sign-in; the present still has the sign-in.
  await tl.getByRole('slider', { name: 'Replay position' }).fill('1');
  await expect(mgr.getByRole('button', { name: 'Sign out' })).toHaveCount(0);

  // Back to now: the present again, in one click. The banner and its button go away: focus moves to the slider, and
  // the Code app, whose screen changed, does not take it.
  await tl.getByRole('button', { name: 'Back to now' }).first().click();
  await expect(tl.getByRole('status').filter({ hasText: 'Replaying' })).toHaveCount(0);
  await expect(codeApp(page)).toContainText('Your PIN is blocked');
  await expect(tl.getByRole('slider', { name: 'Replay position' })).toBeFocused();
  await expect(mgr.getByRole('button', { name: 'Sign out' })).toBeVisible();

  // Fork from the second moment: a new sandbox, live, its journal that far; the original's journal unchanged.
  await tl.getByRole('slider', { name: 'Replay position' }).fill(String(moments[1]!.seq));
  await expect(tl.getByRole('status').filter({ hasText: 'Replaying' })).toContainText(`step ${moments[1]!.seq} of`);
  await tl.getByRole('button', { name: 'Fork from here' }).click();
  await expect(tl.getByRole('status').filter({ hasText: `Live: the present, after step ${moments[1]!.seq}` })).toBeVisible();
  await lab(page).locator('summary', { hasText: 'Sandbox' }).click();
  const switcher = lab(page).getByRole('combobox', { name: 'Switch sandbox' });
  await expect(switcher.locator('option:checked')).toHaveText(`${TITLE} from step ${moments[1]!.seq}`);
  await switcher.selectOption({ label: TITLE });
  await lab(page).locator('summary', { hasText: 'Sandbox' }).click();
  expect(await exportedJournal(page)).toBe(before);
});

test('the Timeline and the Inspector pass axe-core in English and Norwegian, at 1280x800 and 390x844', async ({ page }) => {
  await openCase(page);
  await lab(page).getByRole('button', { name: 'Timeline' }).click();
  const tl = timeline(page);
  await tl.getByRole('slider', { name: 'Replay position' }).fill('60');
  await expect(tl.getByRole('status').filter({ hasText: 'Replaying' })).toBeVisible();
  await expectAccessible(page, 'Timeline', 'en');
  await expectAccessible(page, 'Inspector', 'en');
  await lab(page).getByRole('combobox', { name: 'Language' }).selectOption('nb');
  const tlNb = page.getByRole('region', { name: 'Tidslinje' });
  await expect(tlNb.getByRole('status').filter({ hasText: 'Spiller av: steg 60 av' })).toBeVisible();
  await expectAccessible(page, 'Tidslinje', 'nb');
  await expectAccessible(page, 'Inspektør', 'nb');
  await page.screenshot({ path: 'test-results/timeline-nb-1280.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'test-results/timeline-nb-390.png', fullPage: true });
  await expectAccessible(page, 'Tidslinje', 'nb 390');
});

test('a 10,000-entry sandbox: the marks on one canvas, and any moment shown quickly on every screen', async ({ page }) => {
  test.setTimeout(240_000);
  // The bench's aged journal (logins, wrong codes, the clock moving), exported as a file and imported as a person would.
  const { indexedDB, IDBKeyRange } = await import('fake-indexeddb');
  const { SandboxDb } = await import('../../src/storage/db');
  const { writeSandbox } = await import('../../src/runtime/sandbox-store');
  const { exportSandbox } = await import('../../src/runtime/sandboxes');
  const { agedJournal, BENCH_SEED } = await import('../bench/aged-journal');
  const db = new SandboxDb('timeline-10k', { indexedDB, IDBKeyRange });
  const { entries } = agedJournal(10_000);
  await writeSandbox(db, { id: 'big', name: 'Ten thousand', seed: BENCH_SEED, createdAt: 0, clockAnchorWall: 0 }, entries);
  const file = JSON.stringify(await exportSandbox(db, 'big'));
  db.close();

  await page.goto('/');
  await expect(lab(page)).toBeVisible();
  await lab(page).locator('summary', { hasText: 'Sandbox' }).click();
  await page.getByTestId('import-file').setInputFiles({ name: 'big.sandbox.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await expect(lab(page).getByRole('group', { name: 'Sandbox' }).getByRole('status')).toContainText('Imported 10000 journal entries', { timeout: 120_000 });
  await lab(page).locator('summary', { hasText: 'Sandbox' }).click();
  await lab(page).getByRole('button', { name: 'Timeline' }).click();
  const tl = timeline(page);
  await expect(tl.getByRole('status').filter({ hasText: 'entries shown' })).toHaveText('10000 of 10000 entries shown');
  // One canvas for the marks, no element per entry.
  expect(await tl.locator('canvas').count()).toBe(1);
  expect(await tl.locator('*').count()).toBeLessThan(300);
  // The canvas is as wide as the view, not as the history (100,000 entries would pass any canvas's size); scrolled to
  // the end, the last column of marks is drawn.
  const end = await page.evaluate(async () => {
    const scroller = document.querySelector<HTMLElement>('.tl-scroller');
    const canvas = document.querySelector<HTMLCanvasElement>('.tl-canvas');
    if (!scroller || !canvas) throw new Error('no timeline canvas');
    scroller.scrollLeft = scroller.scrollWidth;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const ratio = canvas.width / canvas.clientWidth;
    // The last column: CELL (11) px wide, PAD (6) px from the track's right edge; its ROWS (10) cells, not the axis.
    const x = Math.floor((scroller.scrollWidth - 6 - 11 - scroller.scrollLeft) * ratio);
    const column = canvas.getContext('2d')?.getImageData(x, 0, Math.ceil(11 * ratio), Math.floor((6 + 10 * 11) * ratio)).data ?? new Uint8ClampedArray();
    let painted = 0;
    for (let i = 3; i < column.length; i += 4) if ((column[i] ?? 0) > 0) painted++;
    return { canvasWidth: canvas.clientWidth, viewWidth: scroller.clientWidth, scrollWidth: scroller.scrollWidth, painted };
  });
  expect(end.canvasWidth).toBe(end.viewWidth);
  expect(end.scrollWidth).toBeGreaterThan(10 * end.viewWidth);
  expect(end.painted).toBeGreaterThan(20);

  // Timed in the page: from the slider's input event to the banner naming the step (the screens render in the same update).
  const figures: { seq: number; ms: number }[] = [];
  for (const seq of [9_999, 5_499, 1, 7_777, 2_999, 8_123, 4_001, 499, 9_501]) {
    const ms = await page.evaluate(async (target) => {
      const slider = document.querySelector<HTMLInputElement>('input[aria-label="Replay position"]');
      if (!slider) throw new Error('no slider');
      const banner = () => document.querySelector('.replay-banner')?.textContent ?? '';
      const t0 = performance.now();
      slider.value = String(target);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      while (!banner().includes(`step ${target} of`)) await new Promise((resolve) => setTimeout(resolve, 1));
      return performance.now() - t0;
    }, seq);
    await expect(tl.getByRole('status').filter({ hasText: 'Replaying' })).toContainText(`step ${seq} of 10000`);
    figures.push({ seq, ms: Math.round(ms) });
  }
  await page.screenshot({ path: 'test-results/timeline-10k.png' });
  const { writeFileSync } = await import('node:fs');
  writeFileSync('test-results/timeline-scrub-10k.json', `${JSON.stringify(figures, null, 1)}\n`);
  console.log('scrub, slider input to banner, in the page:', figures);
});

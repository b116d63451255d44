// A scenario that arrives without the Scenarios dialog: from a #scenario= link (opened once, the fragment removed;
// a bad link refused, nothing changed) and from a file dropped on the page (overlay while dragging, the outcome after).
// Trainer's notes on the timeline; a rule's own text in a dialog from the inspector (the rule book loads on first use).
// axe-core on the drop overlay, the outcome and the rule dialog.
import { test, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { encodeScenarioLink, toBase64Url, SCENARIO_FRAGMENT } from '../../src/scenario/scenario-link';
import { parseScenarioFile } from '../../src/scenario/gherkin';
import { runScenario } from '../../src/scenario/run';
import { lab, codeApp } from './support/screens';
import { loadSandboxMenu } from './support/lab';

const CASE = 'three-wrong-pins.scenario.json';
const TITLE = 'Three wrong PINs block the PIN';
const caseText = (name: string) => readFileSync(new URL(`../../src/scenario/library/${name}`, import.meta.url), 'utf8');

/** The sandbox switcher, in the closed Sandbox popover (its contents loaded by loadSandboxMenu): read by its label, not its role. */
const switcher = (page: Page) => page.locator('select[aria-label="Switch sandbox"]');
const fromLink = (page: Page) => page.getByRole('region', { name: 'Scenario from a link' });
const timeline = (page: Page) => page.getByRole('region', { name: /^(Timeline|Tidslinje)$/ });

async function expectAccessible(page: Page, selector: string, state: string) {
  const result = await new AxeBuilder({ page }).include(selector).analyze();
  expect(result.violations.map((v) => `${state}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** A small scenario: one wrong PIN, narrated, with a trainer's note written in English only. */
const droppedCase = (title = 'Dropped case') =>
  JSON.stringify({
    format: 'code-sandbox-scenario', version: 1, title: { en: title, nb: 'Sluppet sak' }, description: { en: 'A test.', nb: 'En test.' }, seed: 'e2e-drop',
    steps: [{
      actor: { phone: 'Ingrid' }, action: 'enter PIN', pin: '1111',
      narration: { en: 'Ingrid types a wrong PIN.', nb: 'Ingrid taster feil PIN.' },
      note: { en: 'Ask how many times the caller tried before you look in Manager.' },
      expect: [{ phone: { of: 'Ingrid', attemptsRemaining: 2 } }],
    }],
  }, null, 2);

/** Drags files over the page (dragenter, then dragover every 100 ms as a browser does) until `drop` or `cancel`. */
async function startDrag(page: Page, files: { name: string; text: string; type?: string }[]) {
  const transfer = await page.evaluateHandle((list) => {
    const data = new DataTransfer();
    for (const file of list) data.items.add(new File([file.text], file.name, { type: file.type ?? 'application/json' }));
    return data;
  }, files);
  await page.evaluate((data) => {
    const fire = (type: string) => document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
    fire('dragenter');
    fire('dragover');
    // Kept on the window so drop() and cancel() below can stop it.
    (window as unknown as { dragTimer: number }).dragTimer = window.setInterval(() => fire('dragover'), 100);
  }, transfer);
  return {
    drop: () => page.evaluate((data) => {
      clearInterval((window as unknown as { dragTimer: number }).dragTimer);
      document.body.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
    }, transfer),
  };
}

test('a #scenario= link opens a built-in case as a new sandbox, once; another link on hashchange opens too', async ({ page }) => {
  const fragment = await encodeScenarioLink(caseText(CASE));
  expect(fragment.length).toBeLessThan(4_000);
  await page.goto(`/${fragment}`);
  await expect(lab(page)).toBeVisible();
  await loadSandboxMenu(page);
  const outcome = fromLink(page);
  await expect(outcome.getByRole('status')).toContainText(`Opened "${TITLE}" as a new sandbox: 9 steps ran and every expectation was met.`);
  await expect(outcome).toContainText('nothing was sent anywhere');
  // The fragment left the address bar; the new sandbox is the open one, beside the default world.
  expect(new URL(page.url()).hash).toBe('');
  await expect(switcher(page).locator('option:checked')).toHaveText(TITLE);
  await expect(switcher(page).locator('option')).toHaveCount(2);
  // The phone is as the case left it: Ingrid's PIN is blocked.
  await codeApp(page).getByLabel('Phone of').selectOption({ label: 'Ingrid Berg' });
  await expect(codeApp(page)).toContainText('Your PIN is blocked');
  await page.screenshot({ path: 'test-results/link-opened.png' });
  await expectAccessible(page, '.scenario-drop-outcome', 'link outcome');

  // A reload opens nothing again.
  await page.reload();
  await expect(lab(page)).toBeVisible();
  await loadSandboxMenu(page);
  await expect(switcher(page).locator('option:checked')).toHaveText(TITLE);
  await expect(switcher(page).locator('option')).toHaveCount(2);
  await expect(fromLink(page)).toHaveCount(0);

  // A link followed while the page is open (only the fragment changes): opened as well.
  const second = await encodeScenarioLink(caseText('phone-clock-off.scenario.json'));
  await page.evaluate((hash) => { location.hash = hash; }, second);
  await expect(fromLink(page).getByRole('status')).toContainText('Opened "A phone clock that is off: right PIN, wrong time" as a new sandbox');
  await expect(switcher(page).locator('option')).toHaveCount(3);
  await expect(switcher(page).locator('option:checked')).toHaveText('A phone clock that is off: right PIN, wrong time');
  expect(new URL(page.url()).hash).toBe('');
  await fromLink(page).getByRole('button', { name: 'Dismiss' }).click();
  await expect(fromLink(page)).toHaveCount(0);
});

test('a bad link says why and changes nothing', async ({ page }) => {
  await page.goto('/');
  await expect(lab(page)).toBeVisible();
  await loadSandboxMenu(page);
  await expect(switcher(page).locator('option')).toHaveCount(1);
  const current = await switcher(page).locator('option:checked').textContent();

  // Not base64url.
  await page.goto('/#scenario=not*base64url!');
  await expect(fromLink(page).getByRole('alert')).toContainText('The scenario could not be opened');
  await expect(fromLink(page).getByRole('alert')).toContainText('The link is damaged: its scenario is not base64url text.');
  await expect(fromLink(page).getByRole('alert')).toContainText('Nothing was stored; your sandboxes are unchanged.');
  expect(new URL(page.url()).hash).toBe('');
  await page.screenshot({ path: 'test-results/link-refused.png' });
  await expectAccessible(page, '.scenario-drop-outcome', 'link refused');

  // Base64url, but not compressed by the sandbox (a link cut or changed).
  await page.evaluate((hash) => { location.hash = hash; }, `${SCENARIO_FRAGMENT}${toBase64Url(new TextEncoder().encode('just some words'))}`);
  await expect(fromLink(page).getByRole('alert')).toContainText('not compressed data this sandbox made');

  // A whole link whose scenario the loader refuses: the file's own errors.
  const bad = await encodeScenarioLink(droppedCase().replace('"pin": "1111"', '"pin": 1111'));
  await page.evaluate((hash) => { location.hash = hash; }, bad);
  await expect(fromLink(page).getByRole('alert')).toContainText('link.scenario.json: steps[0] (enter PIN).pin: Invalid type: Expected string but received 1111');

  await expect(switcher(page).locator('option')).toHaveCount(1);
  await expect(switcher(page).locator('option:checked')).toHaveText(current ?? '');

  // In Norwegian, the reason in Norwegian.
  await lab(page).getByRole('combobox', { name: 'Language' }).selectOption('nb');
  await page.evaluate(() => { location.hash = '#scenario=%%%'; });
  await expect(page.getByRole('region', { name: 'Scenario fra en lenke' }).getByRole('alert')).toContainText('Lenken er skadet: scenarioet er ikke base64url-tekst.');
  await expect(page.locator('select[aria-label="Bytt sandkasse"] option')).toHaveCount(1);
});

test('a file dropped on the page opens like the file button; the wrong file is refused; its trainer note is on the timeline', async ({ page }) => {
  await page.goto('/');
  await expect(lab(page)).toBeVisible();
  await loadSandboxMenu(page);
  const options = switcher(page).locator('option');
  await expect(options).toHaveCount(1);

  // Dragging shows the overlay; dropping a text file refuses it and stores nothing.
  let drag = await startDrag(page, [{ name: 'notes.txt', text: 'hello', type: 'text/plain' }]);
  const overlay = page.getByTestId('scenario-drop-overlay');
  await expect(overlay).toHaveText(/Drop a scenario file to open it/);
  await page.screenshot({ path: 'test-results/drop-overlay.png' });
  await expectAccessible(page, '.scenario-drop-overlay', 'overlay');
  await drag.drop();
  await expect(overlay).toHaveCount(0);
  const outcome = page.getByRole('region', { name: 'Scenario from the file notes.txt' });
  await expect(outcome.getByRole('alert')).toContainText('notes.txt is not a scenario file: drop a .scenario.json or .feature file.');
  await expect(options).toHaveCount(1);

  // Two files at once: refused.
  drag = await startDrag(page, [{ name: 'a.scenario.json', text: droppedCase() }, { name: 'b.scenario.json', text: droppedCase() }]);
  await drag.drop();
  await expect(page.getByRole('region', { name: 'Scenario from the file a.scenario.json' }).getByRole('alert')).toContainText('2 files were dropped: drop one scenario file at a time.');
  await expect(options).toHaveCount(1);

  // A bad scenario file: its errors, nothing stored.
  drag = await startDrag(page, [{ name: 'bad.scenario.json', text: droppedCase().replace('"pin": "1111"', '"pin": 1111') }]);
  await drag.drop();
  await expect(page.getByRole('region', { name: 'Scenario from the file bad.scenario.json' }).getByRole('alert')).toContainText('bad.scenario.json: steps[0] (enter PIN).pin: Invalid type');
  await expect(options).toHaveCount(1);

  // A file whose expectation does not hold: opened where it stopped, saying why.
  drag = await startDrag(page, [{ name: 'stops.scenario.json', text: droppedCase('Stops').replace('"attemptsRemaining": 2', '"attemptsRemaining": 1') }]);
  await drag.drop();
  const stopped = page.getByRole('region', { name: 'Scenario from the file stops.scenario.json' }).getByRole('alert');
  await expect(stopped).toContainText('Opened "Stops" as a new sandbox, but it stopped at step 1 (enter PIN)');
  await expect(stopped).toContainText("Ingrid's phone: attempts remaining: expected 1, was 2");
  await expect(options).toHaveCount(2);
  await page.getByRole('region', { name: 'Scenario from the file stops.scenario.json' }).getByRole('button', { name: 'Dismiss' }).click();

  // A good one: opened as a new sandbox.
  drag = await startDrag(page, [{ name: 'dropped.scenario.json', text: droppedCase() }]);
  await drag.drop();
  const opened = page.getByRole('region', { name: 'Scenario from the file dropped.scenario.json' });
  await expect(opened.getByRole('status')).toContainText('Opened "Dropped case" as a new sandbox: 1 step ran and every expectation was met.');
  await expect(options).toHaveCount(3);
  await expect(switcher(page).locator('option:checked')).toHaveText('Dropped case');
  await codeApp(page).getByLabel('Phone of').selectOption({ label: 'Ingrid Berg' });
  await expect(codeApp(page)).toContainText('Wrong PIN. 2 attempts remaining.');
  await page.screenshot({ path: 'test-results/drop-opened.png' });
  await expectAccessible(page, '.scenario-drop-outcome', 'drop outcome');
  await opened.getByRole('button', { name: 'Dismiss' }).click();

  // The step's note beside its narration and in the inspector; in Norwegian, the English note marked as such.
  await lab(page).getByRole('button', { name: 'Timeline' }).click();
  const tl = timeline(page);
  const last = await tl.getByRole('slider', { name: 'Replay position' }).getAttribute('max');
  await tl.getByRole('slider', { name: 'Replay position' }).fill(String(last));
  await expect(tl.getByRole('region', { name: 'Narration' })).toContainText('Ingrid types a wrong PIN.');
  await expect(tl.getByRole('region', { name: 'Narration' }).locator('.tl-note-head')).toHaveText("Trainer's note");
  await expect(tl.getByRole('region', { name: 'Narration' })).toContainText('Ask how many times the caller tried');
  await expect(tl.getByRole('region', { name: 'Inspector' })).toContainText('Ask how many times the caller tried before you look in Manager.');
  await expect(tl.getByRole('group', { name: 'Legend and kinds shown' })).toContainText("Step with a trainer's note");
  await lab(page).getByRole('combobox', { name: 'Language' }).selectOption('nb');
  const narration = tl.getByRole('region', { name: 'Forklaring' });
  await expect(narration).toContainText('Ingrid taster feil PIN.');
  await expect(narration).toContainText('Trenerens merknad (bare skrevet på engelsk)');
  await expect(narration.locator('p[lang="en"]')).toHaveText('Ask how many times the caller tried before you look in Manager.');
  await expect(tl.getByRole('region', { name: 'Inspektør' })).toContainText('Trenerens merknad');
  await expect(tl.getByRole('region', { name: 'Inspektør' })).toContainText('Bare skrevet på engelsk.');
  await page.screenshot({ path: 'test-results/note-nb.png' });
});

test('trainer notes of a built-in case on the timeline; a rule opens its own text from the rule book, loaded on first use', async ({ page }) => {
  // The step of the third wrong PIN, which carries a trainer's note in the library, and its last journal entry.
  const parsed = parseScenarioFile(CASE, caseText(CASE));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const run = runScenario(parsed.scenarios[0]!.scenario, { lang: 'en' });
  const third = run.steps[6]!;
  const note = third.step.note?.en ?? '';
  expect(note).toContain('A blocked PIN is not a broken app');
  const seq = third.entries.at(-1)!.seq;

  const ruleBook: string[] = [];
  page.on('request', (request) => { if (/\/assets\/rule-book-[^/]+\.js$/.test(request.url())) ruleBook.push(request.url()); });
  await page.goto(`/${await encodeScenarioLink(caseText(CASE))}`);
  await expect(fromLink(page).getByRole('status')).toContainText(`Opened "${TITLE}"`);
  await fromLink(page).getByRole('button', { name: 'Dismiss' }).click();
  await lab(page).getByRole('button', { name: 'Timeline' }).click();
  const tl = timeline(page);
  await tl.getByRole('slider', { name: 'Replay position' }).fill(String(seq));
  await expect(tl.getByRole('status').filter({ hasText: 'Replaying' })).toContainText(`step ${seq} of`);
  await expect(tl.getByRole('region', { name: 'Narration' })).toContainText(note);
  const inspector = tl.getByRole('region', { name: 'Inspector' });
  await expect(inspector).toContainText(note);
  await expect(tl.getByRole('group', { name: 'Legend and kinds shown' })).toContainText("Step with a trainer's note");
  await page.screenshot({ path: 'test-results/note-timeline.png' });
  // A step without a note shows none.
  await tl.getByRole('slider', { name: 'Replay position' }).fill(String(run.steps[1]!.entries.at(-1)!.seq));
  await expect(tl.getByRole('region', { name: 'Narration' })).toBeVisible();
  await expect(tl.getByRole('region', { name: 'Narration' })).not.toContainText("Trainer's note");
  await tl.getByRole('slider', { name: 'Replay position' }).fill(String(seq));

  // The rule: its own text in a dialog, the rule book fetched only now.
  expect(ruleBook).toEqual([]);
  await inspector.getByRole('button', { name: 'R-BLK-1' }).click();
  const dialog = page.getByRole('dialog', { name: 'R-BLK-1 Three wrong PINs block the PIN' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('The third wrong PIN in a row blocks every link of the holder, with the cause "PIN attempts".');
  expect(ruleBook.length).toBe(1);
  await page.screenshot({ path: 'test-results/rule-dialog.png' });
  await expectAccessible(page, 'dialog.rule-dialog', 'rule dialog');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // A rule that names other rules: they open in the same dialog.
  await tl.getByRole('slider', { name: 'Replay position' }).fill(String(run.steps[8]!.entries.at(-1)!.seq));
  await inspector.getByRole('button', { name: 'R-VER-4' }).click();
  const ver4 = page.getByRole('dialog', { name: /^R-VER-4 / });
  await expect(ver4).toContainText('9-digit offline unblock code');
  await ver4.getByRole('button', { name: 'R-UBC-4' }).click();
  await expect(page.getByRole('dialog', { name: 'R-UBC-4 Unblocking offline' })).toContainText('The server, on its own clock, accepts the code for 120 s.');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // In Norwegian: the English text, said to be English.
  await lab(page).getByRole('combobox', { name: 'Language' }).selectOption('nb');
  await page.getByRole('region', { name: 'Inspektør' }).getByRole('button', { name: 'R-VER-4' }).click();
  const nb = page.getByRole('dialog', { name: /^R-VER-4 / });
  await expect(nb).toContainText('Regelboken er skrevet på engelsk.');
  await expect(nb.locator('.rule-dialog-text[lang="en"]')).toContainText('At a blocked link the only code considered');
  await expect(nb.getByRole('button', { name: 'Lukk' })).toBeVisible();
  await page.screenshot({ path: 'test-results/rule-dialog-nb.png' });
  await expectAccessible(page, 'dialog.rule-dialog', 'rule dialog nb');
});

// Export a sandbox to a file and import it again; a bad file is refused with a message naming what is wrong, and nothing changes.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { openSandbox, pauseClock, serverTime } from './support/lab';

test('an exported sandbox imports as a new sandbox with the same world; a tampered file is refused', async ({ page }) => {
  await openSandbox(page);
  await pauseClock(page);
  const lab = page.getByRole('region', { name: 'Lab' });
  const start = await serverTime(page);
  await lab.getByRole('button', { name: '+15 min' }).click();
  const time = start + 900_000;
  await expect.poll(() => serverTime(page)).toBe(time);

  await lab.locator('summary', { hasText: 'Sandbox' }).click();
  // The sandbox menu's own messages (the lab bar also has a status line: the history check).
  const menu = lab.getByRole('group', { name: 'Sandbox' });
  const downloading = page.waitForEvent('download');
  await lab.getByRole('button', { name: 'Export' }).click();
  const download = await downloading;
  const text = await readFile(await download.path(), 'utf8');
  const file = JSON.parse(text) as { format: string; entries: { command: { type: string; pin?: string } }[] };
  expect(file.format).toBe('code-sandbox-journal');
  // R-SEC-1: the PINs typed when the default world was built are sealed in the export, never in the clear.
  const pins = file.entries.map((entry) => entry.command.pin).filter((pin): pin is string => pin !== undefined);
  expect(pins.length).toBeGreaterThan(0);
  for (const pin of pins) expect(pin).toMatch(/^sealed:v2:/);

  // A file whose journal was edited is refused, and the current sandbox stays as it was.
  const tampered = JSON.parse(text) as { entries: { at: number }[] };
  const victim = tampered.entries[5];
  if (!victim) throw new Error('the export is too short');
  victim.at += 1;
  const switcher = lab.getByRole('combobox', { name: 'Switch sandbox' });
  const before = await switcher.locator('option').count();
  await page.getByTestId('import-file').setInputFiles({ name: 'tampered.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tampered)) });
  const refusal = menu.getByRole('alert');
  await expect(refusal).toContainText('Import refused');
  await expect(refusal).toContainText("tampered.json: The journal's hash chain is broken: entry 6 was changed after it was written");
  await expect(refusal).toContainText('Nothing was imported');
  await expect(switcher.locator('option')).toHaveCount(before);
  expect(await serverTime(page)).toBe(time);

  await page.getByTestId('import-file').setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(menu.getByRole('status')).toContainText(`Imported ${file.entries.length} journal entries`);
  await expect(switcher.locator('option')).toHaveCount(before + 1);
  await expect(switcher.locator('option:checked')).toContainText('(imported)');
  expect(await serverTime(page)).toBe(time);
});

test('a hostile file (cut short, not JSON, too deep) is refused with its file name and what is wrong, in English and Norwegian', async ({ page }) => {
  await openSandbox(page);
  await pauseClock(page);
  const lab = page.getByRole('region', { name: 'Lab' });
  await lab.locator('summary', { hasText: 'Sandbox' }).click();
  // The sandbox menu's own messages (the lab bar also has a status line: the history check).
  const menu = lab.getByRole('group', { name: 'Sandbox' });
  const downloading = page.waitForEvent('download');
  await lab.getByRole('button', { name: 'Export' }).click();
  const text = await readFile(await (await downloading).path(), 'utf8');
  const file = JSON.parse(text) as { version: number; head: { seq: number; entries: number }; entries: unknown[] };
  expect(file.version).toBe(2);
  expect(file.head.entries).toBe(file.entries.length);
  const switcher = lab.getByRole('combobox', { name: 'Switch sandbox' });
  const before = await switcher.locator('option').count();

  // Cut short: the last 6 entries are gone, the head still says where the journal ended.
  const cut = { ...file, entries: file.entries.slice(0, -6) };
  const n = file.head.seq;
  await page.getByTestId('import-file').setInputFiles({ name: 'cut-short.sandbox.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(cut)) });
  const refusal = menu.getByRole('alert');
  await expect(refusal).toBeVisible();
  await expect(refusal).toContainText('Import refused');
  await expect(refusal).toContainText(`cut-short.sandbox.json: The file is cut short: it ends at entry ${n - 6} but its head is entry ${n} (6 entries missing)`);
  await expect(refusal).toContainText('Nothing was imported; every sandbox is as it was.');
  await page.screenshot({ path: '/tmp/import-error.png' });
  await expect(switcher.locator('option')).toHaveCount(before);

  // The same alert in Norwegian: the frame is translated, the runtime's message stays as it is.
  await lab.getByRole('combobox', { name: 'Language' }).selectOption('nb');
  const refusalNb = lab.getByRole('group', { name: 'Sandkasse' }).getByRole('alert');
  await expect(refusalNb).toContainText('Import avvist');
  await expect(refusalNb).toContainText(`cut-short.sandbox.json: The file is cut short`);
  await expect(refusalNb).toContainText('Ingenting ble importert; alle sandkassene er som før.');
  await page.screenshot({ path: '/tmp/import-error-nb.png' });
  await lab.getByRole('combobox', { name: 'Språk' }).selectOption('en');

  // Not JSON.
  await page.getByTestId('import-file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('these are my notes') });
  await expect(refusal).toContainText('notes.txt: The file is not JSON');

  // Nested deeper than the format allows: refused before anything is hashed.
  const deep = `{"format":"code-sandbox-journal","version":2,"x":${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
  await page.getByTestId('import-file').setInputFiles({ name: 'deep.json', mimeType: 'application/json', buffer: Buffer.from(deep) });
  await expect(refusal).toContainText('deep.json: The file is nested 50001 levels deep at x[0][0][0][0][0][0][0]…; the format allows at most 8');

  // The alert can be closed; nothing was added.
  await refusal.getByRole('button', { name: 'Close' }).click();
  await expect(refusal).toHaveCount(0);
  await expect(switcher.locator('option')).toHaveCount(before);
});

test('a version-1 export from the previous release imports by deciding its commands again', async ({ page }) => {
  await openSandbox(page);
  const lab = page.getByRole('region', { name: 'Lab' });
  await lab.locator('summary', { hasText: 'Sandbox' }).click();
  // The sandbox menu's own messages (the lab bar also has a status line: the history check).
  const menu = lab.getByRole('group', { name: 'Sandbox' });
  await page.getByTestId('import-file').setInputFiles('tests/fixtures/export-v1.json');
  await expect(menu.getByRole('status')).toContainText('Imported 524 journal entries as a new sandbox. The file came from an earlier version: the current rules decided 12 entries differently, and left out 0 commands they now refuse.', { timeout: 30_000 });
  await expect(lab.getByRole('combobox', { name: 'Switch sandbox' }).locator('option:checked')).toContainText('Fixture A (imported)');
});

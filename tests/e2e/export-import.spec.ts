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
  await expect(lab.getByRole('alert')).toContainText("Import refused: The journal's hash chain is broken: entry 6");
  await expect(switcher.locator('option')).toHaveCount(before);
  expect(await serverTime(page)).toBe(time);

  await page.getByTestId('import-file').setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(lab.getByRole('status')).toContainText(`Imported ${file.entries.length} journal entries`);
  await expect(switcher.locator('option')).toHaveCount(before + 1);
  await expect(switcher.locator('option:checked')).toContainText('(imported)');
  expect(await serverTime(page)).toBe(time);
});

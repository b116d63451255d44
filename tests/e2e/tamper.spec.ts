// Tamper evidence on screen: a journal edited straight in IndexedDB between two page loads is reported, in words, with the ways on.
import { test, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { openSandbox } from './support/lab';
import { expectAccessible, lab, shot } from './support/screens';

/** Edits one stored row of the open sandbox with raw IndexedDB, as someone with the developer tools would. */
async function editStoredEvent(page: Page, seq: number): Promise<void> {
  await page.evaluate(async (target) => {
    const id = localStorage.getItem('code-sandbox:current') ?? '';
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('code-sandbox');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction('journal', 'readwrite');
    const store = tx.objectStore('journal');
    const row = await new Promise<{ events: { type: string; name?: string }[] }>((resolve) => {
      const get = store.get([id, target]);
      get.onsuccess = () => resolve(get.result);
    });
    // A person renamed in history, the chain left as it was.
    row.events = row.events.map((event) => (event.type === 'PersonAdded' ? { ...event, name: 'Mallory' } : event));
    store.put(row);
    await new Promise((resolve) => { tx.oncomplete = resolve; });
    db.close();
  }, seq);
}

test('an entry edited in IndexedDB is reported on the next load with its position, in English and Norwegian; commands are refused', async ({ page }) => {
  await openSandbox(page);
  await expect(lab(page).getByRole('status').filter({ hasText: 'Checking the history' })).toHaveCount(0, { timeout: 15_000 });
  // Entry 20 is a PersonAdded of the default world (its organizations, admins and directory entries come first).
  const seq = await page.evaluate(async () => {
    const id = localStorage.getItem('code-sandbox:current') ?? '';
    const db = await new Promise<IDBDatabase>((resolve) => { const open = indexedDB.open('code-sandbox'); open.onsuccess = () => resolve(open.result); });
    const rows = await new Promise<{ seq: number; events: { type: string }[] }[]>((resolve) => {
      const all = db.transaction('journal').objectStore('journal').getAll(IDBKeyRange.bound([id, 0], [id, Number.MAX_SAFE_INTEGER]));
      all.onsuccess = () => resolve(all.result);
    });
    db.close();
    return rows.find((row) => row.events.some((event) => event.type === 'PersonAdded'))?.seq ?? 0;
  });
  expect(seq).toBeGreaterThan(0);
  await editStoredEvent(page, seq);
  await page.reload();

  const report = lab(page).getByRole('alert').filter({ hasText: /does not prove itself|holder ikke/ });
  await expect(report).toContainText('This sandbox\'s history does not prove itself');
  await expect(report).toContainText(`Entry ${seq} was changed after it was written`);
  await expect(report.getByRole('button', { name: 'Export for a bug report' })).toBeVisible();
  await expect(report.getByRole('button', { name: `New sandbox from entry ${seq - 1}` })).toBeVisible();
  await shot(page, 'tamper-report-en');
  await expectAccessible(page, 'Lab', 'the history report');

  // Commands are refused: a clock step changes nothing.
  await lab(page).getByRole('button', { name: '+15 min' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'commands are refused' }).first()).toBeVisible();

  await lab(page).getByRole('combobox', { name: 'Language' }).selectOption('nb');
  await expect(report).toContainText(`Post ${seq} er endret etter at den ble skrevet`);
  await shot(page, 'tamper-report-nb');

  // A new sandbox from the last good entry verifies and takes commands again.
  await lab(page).getByRole('combobox', { name: /Language|Språk/ }).selectOption('en');
  await report.getByRole('button', { name: `New sandbox from entry ${seq - 1}` }).click();
  await expect(report).toHaveCount(0, { timeout: 15_000 });
  await expect(lab(page).getByRole('status').filter({ hasText: 'Checking the history' })).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByLabel('Phone of')).toBeVisible();
});

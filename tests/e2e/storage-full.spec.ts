// Storage full: a command that does not fit says so clearly, nothing earlier is lost, and the sandbox works again once space is freed.
import { test, expect } from '@playwright/test';
import { openSandbox, pauseClock, serverTime } from './support/lab';
import { lab } from './support/screens';

test('QuotaExceededError: a clear message, nothing earlier lost, working again once space is freed', async ({ page, baseURL }) => {
  await openSandbox(page);
  await pauseClock(page);
  await expect(lab(page).getByRole('status').filter({ hasText: 'Checking the history' })).toHaveCount(0, { timeout: 15_000 });
  const origin = new URL(baseURL ?? 'http://localhost:4173').origin;
  const cdp = await page.context().newCDPSession(page);
  const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  // Chromium's quota lowered over CDP to just above what the sandbox holds now.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 16 * 1024 });

  const step = lab(page).getByRole('button', { name: '+30 s' });
  const full = page.getByRole('alert').filter({ hasText: 'storage for this site is full' });
  let lastGood = await serverTime(page);
  for (let i = 0; i < 400 && !(await full.isVisible()); i++) {
    await step.click();
    await expect.poll(async () => (await full.isVisible()) || (await serverTime(page)) === lastGood + 30_000).toBe(true);
    if (!(await full.isVisible())) lastGood += 30_000;
  }
  await expect(full).toBeVisible();
  await expect(full).toContainText('nothing was written');
  expect(await serverTime(page)).toBe(lastGood);

  // Nothing earlier is lost: a reload shows the last step that fitted, and the history verifies.
  await page.reload();
  await expect(lab(page)).toBeVisible();
  expect(await serverTime(page)).toBe(lastGood);
  await expect(lab(page).getByRole('status').filter({ hasText: 'Checking the history' })).toHaveCount(0, { timeout: 15_000 });
  await expect(lab(page).getByRole('alert')).toHaveCount(0);

  // Space freed: the same step goes through.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await lab(page).getByRole('button', { name: '+30 s' }).click();
  await expect.poll(() => serverTime(page)).toBe(lastGood + 30_000);
});

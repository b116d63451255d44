// R-CLK-1 through the lab bar: the server clock runs, pauses, resumes, speeds up and steps forward, never back.
import { test, expect } from '@playwright/test';
import { openSandbox, pauseClock, serverTime } from './support/lab';

test('R-CLK-1 the clock runs on its own, stands still when paused, and steps forward by exactly the button', async ({ page }) => {
  await openSandbox(page);
  const lab = page.getByRole('region', { name: 'Lab' });
  const start = await serverTime(page);
  await expect.poll(() => serverTime(page), { timeout: 5_000 }).toBeGreaterThanOrEqual(start + 1_000);

  await pauseClock(page);
  const paused = await serverTime(page);
  await page.waitForTimeout(1_500);
  expect(await serverTime(page)).toBe(paused);

  for (const [name, ms] of [['+30 s', 30_000], ['+2 min', 120_000], ['+15 min', 900_000], ['+1 day', 86_400_000]] as const) {
    const before = await serverTime(page);
    await lab.getByRole('button', { name, exact: true }).click();
    await expect.poll(() => serverTime(page)).toBe(before + ms);
  }

  await lab.getByRole('combobox', { name: 'Speed' }).selectOption('60');
  const beforeResume = await serverTime(page);
  await lab.getByRole('button', { name: 'Resume' }).click();
  // At x60 one second of wall time is a simulated minute.
  await expect.poll(() => serverTime(page), { timeout: 5_000 }).toBeGreaterThanOrEqual(beforeResume + 60_000);
});

test('R-CLK-1 the server time cannot be set back', async ({ page }) => {
  await openSandbox(page);
  await pauseClock(page);
  const lab = page.getByRole('region', { name: 'Lab' });
  const now = await serverTime(page);
  await lab.locator('summary', { hasText: 'Set…' }).click();
  const field = lab.getByRole('textbox', { name: 'Set server time' }).or(lab.locator('input[type=datetime-local]'));
  await field.fill(new Date(now - 3_600_000).toISOString().slice(0, 16));
  await lab.getByRole('button', { name: 'Set', exact: true }).click();
  await expect(lab.getByRole('alert')).toContainText('R-CLK-1');
  expect(await serverTime(page)).toBe(now);
});

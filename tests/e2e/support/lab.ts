// Helpers for end-to-end tests: reading and moving the server clock through the lab bar, as a person would.
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

/** The simulated server time shown in the lab bar, in ms since the epoch (UTC). */
export async function serverTime(page: Page): Promise<number> {
  const text = await page.getByTestId('server-time').getAttribute('datetime');
  if (!text) throw new Error('the lab bar shows no server time');
  return Date.parse(text);
}

/** Opens the sandbox and waits until the lab bar is there. */
export async function openSandbox(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Lab' })).toBeVisible();
}

/** Pauses the clock if it runs, so a test controls time exactly. */
export async function pauseClock(page: Page): Promise<void> {
  const lab = page.getByRole('region', { name: 'Lab' });
  const pause = lab.getByRole('button', { name: 'Pause' });
  if (await pause.isVisible()) await pause.click();
  await expect(lab.getByRole('button', { name: 'Resume' })).toBeVisible();
}

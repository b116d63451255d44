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

/**
 * Loads the Sandbox menu's contents: they load the first time the menu opens (first-load budget, issue 11), so the menu
 * is opened and closed once, as a person looking at it would. From then on its sandbox switcher is on the page, closed.
 */
export async function loadSandboxMenu(page: Page): Promise<void> {
  const lab = page.getByRole('region', { name: 'Lab' });
  const switcher = lab.locator('select[aria-label="Switch sandbox"]');
  if ((await switcher.count()) > 0) return;
  const summary = lab.locator('summary', { hasText: 'Sandbox' });
  await summary.click();
  await expect(switcher).toBeVisible();
  await summary.click();
  await expect(switcher).toBeHidden();
}

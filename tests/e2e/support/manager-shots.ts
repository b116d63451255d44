// Screenshots of Manager states for looking at (test-results/manager-shots), at the viewport's size, with the element of interest in view.
import type { Locator, Page } from '@playwright/test';

export const SHOTS_DIR = 'test-results/manager-shots';

/** Scrolls `focus` into view (the panes scroll on their own) and saves the page as `name`.png. */
export async function managerShot(page: Page, name: string, focus?: Locator): Promise<void> {
  if (focus) await focus.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS_DIR}/${name}.png` });
}

// One form for dates and times whatever the browser's own language and time zone (issue 11, R-CLK-1): a browser set to
// US English on the US west coast still sees ISO 24-hour UTC on every screen, and no AM/PM anywhere.
import { test, expect } from '@playwright/test';
import { lab, manager, signInToManager, openPaused } from './support/screens';

test.use({ locale: 'en-US', timezoneId: 'America/Los_Angeles' });

test('ISO 24-hour UTC on every screen in a US-English, Pacific-time browser', async ({ page }) => {
  await openPaused(page);
  await expect(lab(page).getByText(/^2026-01-05 09:00:\d\d$/).first()).toBeVisible();
  await lab(page).locator('summary', { hasText: 'Set…' }).click();
  await expect(lab(page).getByRole('textbox', { name: 'Set server time' })).toHaveValue(/^2026-01-05 09:00:\d\d$/);
  await lab(page).locator('summary', { hasText: 'Set…' }).click();
  await signInToManager(page, 'Acme Corp', 'anna.admin');
  await manager(page).getByRole('tab', { name: 'Event log' }).click();
  await expect(manager(page).getByText(/2026-01-05/).first()).toBeVisible();
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/\b\d{1,2}:\d{2}(:\d{2})?\s?(AM|PM)\b/);
  expect(text).not.toMatch(/\b\d{1,2}\/\d{1,2}\/\d{4}\b/);
});

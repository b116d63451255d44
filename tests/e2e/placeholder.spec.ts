// The page served before the screens exist says what the sandbox will be and claims nothing works.
import { test, expect } from '@playwright/test';

test('the start page names the sandbox and says it is not usable yet', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Code support sandbox' })).toBeVisible();
  await expect(page.getByText('Not usable yet.')).toBeVisible();
});

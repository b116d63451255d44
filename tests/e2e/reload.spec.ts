// Nothing a person did is lost on reload: the journal in IndexedDB rebuilds the same world.
import { test, expect } from '@playwright/test';
import { openSandbox, pauseClock, serverTime } from './support/lab';

test('a paused, stepped clock and a person added in the world editor survive a reload', async ({ page }) => {
  await openSandbox(page);
  await pauseClock(page);
  const lab = page.getByRole('region', { name: 'Lab' });
  const before = await serverTime(page);
  await lab.getByRole('button', { name: '+15 min' }).click();
  const stepped = before + 900_000;
  await expect.poll(() => serverTime(page)).toBe(stepped);

  await lab.getByRole('button', { name: 'Edit world' }).click();
  const form = page.getByRole('form', { name: 'Add person with phone' });
  await form.getByLabel('Name').fill('Sara Nilsen');
  await form.getByLabel('Mobile number').fill('+4798765432');
  await form.getByRole('button', { name: 'Add' }).click();
  await expect(form.getByRole('status')).toHaveText('Added.');
  await page.getByRole('button', { name: 'Close' }).click();

  await page.reload();
  await expect(page.getByRole('region', { name: 'Lab' })).toBeVisible();
  expect(await serverTime(page)).toBe(stepped);
  await expect(page.getByRole('region', { name: 'Lab' }).getByRole('button', { name: 'Resume' })).toBeVisible();
  await page.getByRole('region', { name: 'Lab' }).getByText('Phones', { exact: true }).click();
  await expect(page.getByRole('switch', { name: "Sara's phone: online" })).toBeVisible();
});

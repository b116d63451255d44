// Two tabs on one sandbox stay in step: an action in one shows in the other within a second; commands interleave without loss.
import { test, expect } from '@playwright/test';
import { openSandbox, pauseClock, serverTime } from './support/lab';

test('a clock step in one tab shows in the other within a second, and alternating steps from both tabs all count', async ({ context }) => {
  const first = await context.newPage();
  await openSandbox(first);
  await pauseClock(first);
  const second = await context.newPage();
  await openSandbox(second);
  await expect(second.getByRole('region', { name: 'Lab' }).getByRole('button', { name: 'Resume' })).toBeVisible();
  const start = await serverTime(first);
  expect(await serverTime(second)).toBe(start);

  await first.getByRole('region', { name: 'Lab' }).getByRole('button', { name: '+2 min' }).click();
  await expect.poll(() => serverTime(second), { timeout: 1_000 }).toBe(start + 120_000);

  // Interleave: each tab steps +30 s five times, clicking as fast as it can.
  const click = (page: typeof first) => page.getByRole('region', { name: 'Lab' }).getByRole('button', { name: '+30 s' }).click();
  await Promise.all([
    (async () => { for (let i = 0; i < 5; i++) await click(first); })(),
    (async () => { for (let i = 0; i < 5; i++) await click(second); })(),
  ]);
  const expected = start + 120_000 + 10 * 30_000;
  await expect.poll(() => serverTime(first)).toBe(expected);
  await expect.poll(() => serverTime(second)).toBe(expected);
});

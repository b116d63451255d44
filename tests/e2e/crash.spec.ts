// Crash safety: the browser killed (SIGKILL) in the middle of a burst of commands, then reopened: every committed command is there, none half applied, the history verifies.
import { test, expect, chromium } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error plain ESM helper without type declarations, shared with playwright.config.ts
import { findBrowser } from '../../scripts/browser-path.mjs';
import { pauseClock, serverTime } from './support/lab';
import { lab } from './support/screens';

const STEP_MS = 30_000;

/** Starts the system Chromium on a profile folder, in a process group of its own so it can be killed outright. */
async function launch(profile: string, port: number): Promise<{ child: ChildProcess; browser: Browser }> {
  const child = spawn(findBrowser() as string, [
    '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, 'about:blank',
  ], { detached: true, stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try {
      return { child, browser: await chromium.connectOverCDP(`http://127.0.0.1:${port}`) };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error('Chromium did not start');
}

async function openApp(browser: Browser, url: string): Promise<Page> {
  const context = browser.contexts()[0] ?? (await browser.newContext());
  const page = await context.newPage();
  await page.goto(url);
  await expect(lab(page)).toBeVisible();
  return page;
}

const verified = (page: Page) => expect(lab(page).getByRole('status').filter({ hasText: 'Checking the history' })).toHaveCount(0, { timeout: 30_000 });

test('SIGKILL in the middle of a burst of commands: committed ones are all there, none half applied, the history verifies', async ({ baseURL }) => {
  const profile = mkdtempSync(join(tmpdir(), 'crash-profile-'));
  const port = 9300 + Math.floor(Math.random() * 500);
  const url = baseURL ?? 'http://localhost:4173';
  try {
    let { child, browser } = await launch(profile, port);
    let page = await openApp(browser, url);
    await pauseClock(page);
    await verified(page);
    const start = await serverTime(page);

    // A burst: 200 clicks on +30 s without waiting for any of them, then the browser is killed outright.
    await page.evaluate(() => {
      const step = [...document.querySelectorAll('button')].find((b) => b.textContent === '+30 s');
      for (let i = 0; i < 200; i++) step?.click();
    });
    await expect.poll(async () => (await serverTime(page)) - start, { timeout: 30_000 }).toBeGreaterThanOrEqual(10 * STEP_MS);
    process.kill(-(child.pid as number), 'SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const seenBeforeKill = start + 10 * STEP_MS;

    ({ child, browser } = await launch(profile, port));
    page = await openApp(browser, url);
    await verified(page);
    // The chain, every entry decided again, the checkpoints and both read models agree: no report.
    await expect(lab(page).getByRole('alert')).toHaveCount(0);
    const after = await serverTime(page);
    expect(after).toBeGreaterThanOrEqual(seenBeforeKill);
    expect(after).toBeLessThanOrEqual(start + 200 * STEP_MS);
    // None half applied: the clock moved by whole steps only.
    expect((after - start) % STEP_MS).toBe(0);
    test.info().annotations.push({ type: 'committed before the kill', description: `${(after - start) / STEP_MS} of 200 steps` });
    // And it goes on taking commands.
    await lab(page).getByRole('button', { name: '+30 s' }).click();
    await expect.poll(() => serverTime(page)).toBe(after + STEP_MS);
    await browser.close();
    process.kill(-(child.pid as number), 'SIGKILL');
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

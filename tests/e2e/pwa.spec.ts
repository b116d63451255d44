// The installable offline PWA in Chromium: the manifest and service worker meet the install criteria
// (Page.getInstallabilityErrors is empty); after the first visit the sandbox, a built-in scenario and a training case
// work with the network off; a second build is offered through the prompt, held back during a recording, and applied
// only when the person says so.
import { test, expect, chromium } from '@playwright/test';
// @ts-expect-error plain ESM helper without type declarations, shared with playwright.config.ts
import { findBrowser } from '../../scripts/browser-path.mjs';
import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './support/serve';
import { loadSandboxMenu } from './support/lab';
import { lab, codeApp } from './support/screens';

/** Waits until the service worker controls the page (a reload may be needed the first time). */
async function controlled(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker.ready.then(() => true));
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

test('installable: the manifest names the app with 192, 512 and maskable icons, and Chromium reports no installability error', async ({ baseURL }) => {
  // A test's context is incognito, where nothing installs: a persistent profile, as a person's browser has.
  const profile = mkdtempSync(join(tmpdir(), 'install-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: findBrowser() as string, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'], baseURL });
  const page = context.pages()[0] ?? (await context.newPage());
  try {
    await page.goto('/');
    await expect(lab(page)).toBeVisible();
    await controlled(page);
    const manifest = (await (await page.request.get('/manifest.webmanifest')).json()) as { name: string; short_name: string; display: string; theme_color: string; icons: { sizes: string; purpose: string; src: string }[] };
    expect(manifest).toMatchObject({ name: 'Code support sandbox', short_name: 'Code sandbox', display: 'standalone', theme_color: '#1d3557' });
    expect(manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose}`)).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
    for (const icon of manifest.icons) expect((await page.request.get(`/${icon.src}`)).ok()).toBe(true);
    const cdp = await page.context().newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
    expect(installabilityErrors).toEqual([]);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('offline after the first visit: reload, open a built-in scenario, start a training case', async ({ page, context }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await expect(lab(page)).toBeVisible();
  await controlled(page);
  await context.setOffline(true);
  await page.reload();
  await expect(lab(page)).toBeVisible();
  await expect(codeApp(page)).toBeVisible();

  // A built-in scenario: its code and the library chunk come from the service worker's cache.
  await lab(page).getByRole('button', { name: 'Open scenario' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open a scenario' });
  await dialog.getByRole('button', { name: 'Open "Three wrong PINs block the PIN"' }).click();
  await expect(dialog).toBeHidden();
  await loadSandboxMenu(page);
  await expect(lab(page).locator('option', { hasText: 'Three wrong PINs block the PIN' })).toHaveCount(1);
  await expect(codeApp(page).getByRole('heading', { name: /^PIN blocked/ })).toBeVisible();

  // A training case, offline too.
  await lab(page).getByRole('button', { name: 'Training' }).click();
  const training = page.getByRole('region', { name: 'Training' });
  await training.getByLabel('Your name').fill('Offline Olga');
  await training.getByRole('radio', { name: /Display the UBC and unblock online/ }).check();
  await training.getByRole('button', { name: 'Start case' }).click();
  await expect(training.getByRole('heading', { name: 'Goals' })).toBeVisible();
  await context.setOffline(false);
});

test('a second build is offered through the prompt, held back while recording, applied only when asked', async ({ page }) => {
  test.setTimeout(180_000);
  const first = process.env.E2E_DIST ?? 'dist';
  const root = mkdtempSync(join(tmpdir(), 'pwa-'));
  const second = join(root, 'second');
  const served = join(root, 'served');
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', second, '--emptyOutDir', '--logLevel', 'error'], { env: { ...process.env, APP_BUILD: 'second' } });
  cpSync(first, served, { recursive: true });
  const { server, url } = await serve(served);
  try {
    await page.goto(url);
    await expect(lab(page)).toBeVisible();
    await controlled(page);
    const build = await page.evaluate(() => document.documentElement.dataset.build);
    expect(build).not.toBe('second');

    // A recording is in progress when the new version arrives.
    await lab(page).getByRole('button', { name: 'Record', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Recorder' }).getByText('Recording: 0 steps')).toBeVisible();

    // The new version is deployed; the page checks for it.
    rmSync(served, { recursive: true, force: true });
    cpSync(second, served, { recursive: true });
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration?.update()));
    const prompt = page.getByRole('region', { name: 'App update' });
    await expect(prompt).toContainText('A new version of the sandbox is ready.', { timeout: 30_000 });
    await expect(prompt).toContainText('when the recording in progress is stopped');
    await expect(prompt.getByRole('button', { name: 'Update now' })).toBeDisabled();
    expect(await page.evaluate(() => document.documentElement.dataset.build)).toBe(build);

    await lab(page).getByRole('button', { name: 'Stop recording' }).click();
    await expect(prompt.getByRole('button', { name: 'Update now' })).toBeEnabled();
    await prompt.getByRole('button', { name: 'Update now' }).click();
    await page.waitForFunction(() => document.documentElement.dataset.build === 'second', undefined, { timeout: 30_000 });
    await expect(lab(page)).toBeVisible();
  } finally {
    server.close();
    rmSync(root, { recursive: true, force: true });
  }
});

// The Content-Security-Policy (issue 11): `vite preview` sends it as a header with every response and index.html carries
// it as a <meta>; no inline script, no eval, no inline style, no remote origin. A journey across the screens (the
// service worker, the verifying Web Worker, every lazily loaded region, a built-in scenario, an export) reports no
// violation and no console error; a script, a style or an eval slipped into the page does nothing, with the header or
// with the <meta> alone; and no template of the build carries a style attribute the policy would refuse.
import { test, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeApp, enterUbc, lab, logIn, manager, setNewPin, showPhoneOf, shownCode, signInToManager, tapPin, tapRefusedPin } from './support/screens';

type Violation = { directive: string; blocked: string; sample: string };

declare global {
  interface Window {
    cspViolations: Violation[];
    injectedRan?: boolean;
  }
}

/** Every `securitypolicyviolation` the page sees, kept from before its first script runs. */
async function watchViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations.push({ directive: event.effectiveDirective, blocked: event.blockedURI, sample: event.sample });
    });
  });
}

const violations = (page: Page): Promise<Violation[]> => page.evaluate(() => window.cspViolations);

/** The console's errors and the page's uncaught exceptions. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** The policy as index.html's <meta> writes it, and the header vite.config.ts makes of it. */
const META = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(readFileSync('index.html', 'utf8'))?.[1] ?? '';
const CSP_HEADER = `${META}; frame-ancestors 'none'`;

/** The policy's directives by name. */
function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((part) => part.trim()).filter(Boolean).map((part) => {
    const [name = '', ...values] = part.split(/\s+/);
    return [name, values];
  }));
}

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

test('the policy is strict, sent as a header with every response and carried by index.html as a <meta>', async ({ page }) => {
  const verifying = page.waitForEvent('worker');
  const response = await page.goto('/');
  const header = response?.headers()['content-security-policy'];
  expect(header).toBe(CSP_HEADER);
  const policy = directives(header ?? '');
  expect(policy.get('default-src')).toEqual(["'self'"]);
  expect(policy.get('script-src')).toEqual(["'self'"]);
  expect(policy.get('style-src')).toEqual(["'self'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('base-uri')).toEqual(["'none'"]);
  expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  // No inline script or style, no eval, no origin but this one anywhere in it.
  expect(header).not.toMatch(/unsafe-|https?:|\*|blob:|data:|nonce-|sha\d+-/);

  // The <meta> says the same, less what only a header can say.
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(`${meta}; frame-ancestors 'none'`).toBe(header);
  expect(await page.evaluate(() => document.head.firstElementChild?.nextElementSibling?.getAttribute('http-equiv'))).toBe('Content-Security-Policy');

  // The service worker, the verifying worker's script and the manifest come with the header too.
  const worker = new URL((await verifying).url()).pathname;
  expect(worker).toMatch(/verify-worker[^/]*\.js$/);
  for (const path of ['/sw.js', '/manifest.webmanifest', worker]) {
    expect((await page.request.get(path)).headers()['content-security-policy'], path).toBe(CSP_HEADER);
  }
});

test('a journey across every screen under the policy: no violation, no console error; the service worker and the verifying worker run', async ({ page }) => {
  test.setTimeout(180_000);
  await watchViolations(page);
  const errors = watchErrors(page);
  const workers: string[] = [];
  let verified = 0;
  page.on('worker', (worker) => {
    workers.push(worker.url());
    // The verifying worker is ended when it has answered.
    worker.on('close', () => { if (/verify-worker/.test(worker.url())) verified++; });
  });
  await page.goto('/');
  await expect(lab(page)).toBeVisible();

  // The service worker registers and takes control; the history is verified in a Web Worker loaded from this origin.
  await page.waitForFunction(() => navigator.serviceWorker.ready.then(() => true));
  await expect.poll(() => verified).toBeGreaterThan(0);
  expect(workers.every((url) => url.startsWith(new URL(page.url()).origin))).toBe(true);
  await expect(page.locator('.integrity-report')).toHaveCount(0);

  // The unblock journey.
  await lab(page).getByRole('button', { name: 'Pause' }).click();
  const app = await showPhoneOf(page, 'Ingrid Berg');
  for (const pin of ['9999', '9998', '9997']) await tapRefusedPin(app, pin);
  const mgr = await signInToManager(page, 'Acme Corp', 'ulf.users');
  await mgr.getByRole('button', { name: 'ingrid', exact: true }).click();
  const details = mgr.getByRole('article', { name: 'ingrid', exact: true });
  await details.getByRole('button', { name: 'Display UBC' }).click();
  const ubc = ((await details.getByRole('group', { name: 'UBC for ingrid' }).getByTestId('ubc-code').textContent()) ?? '').replace(/\s/g, '');
  await enterUbc(codeApp(page), 'Acme Corp', ubc);
  await setNewPin(codeApp(page), '2468');
  await tapPin(codeApp(page), '2468');
  expect(await logIn(page, 'Acme Corp', 'Acme VPN', 'ingrid', await shownCode(codeApp(page)))).toBe('Login accepted');

  // The lazily loaded parts, each with its own script and stylesheet: a built-in scenario, the Timeline with a rule's
  // text, Training, the Recorder; an export offered as a download; the presenter view.
  await lab(page).getByRole('button', { name: 'Open scenario' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open a scenario' });
  await dialog.getByRole('button', { name: 'Open "Three wrong PINs block the PIN"' }).click();
  await expect(dialog).toBeHidden();
  await lab(page).getByRole('button', { name: 'Timeline' }).click();
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await timeline.getByRole('slider', { name: 'Replay position' }).fill('40');
  await expect(timeline.getByRole('status').filter({ hasText: 'Replaying' })).toBeVisible();
  const rule = page.getByRole('region', { name: 'Inspector' }).locator('button.tl-rule').first();
  await rule.click();
  await expect(page.locator('dialog.rule-dialog[open] .rule-dialog-text')).toBeVisible();
  await page.keyboard.press('Escape');
  await timeline.getByRole('button', { name: 'Close timeline' }).click();
  await lab(page).getByRole('button', { name: 'Training' }).click();
  await expect(page.getByRole('region', { name: 'Training' }).getByRole('radio').first()).toBeVisible();
  await lab(page).getByRole('button', { name: 'Training' }).click();
  await lab(page).getByRole('button', { name: 'Record', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Recorder' }).getByText('Recording: 0 steps')).toBeVisible();
  await lab(page).getByRole('button', { name: 'Stop recording' }).click();
  await lab(page).locator('summary', { hasText: 'Sandbox' }).click();
  const downloading = page.waitForEvent('download');
  await lab(page).getByRole('button', { name: 'Export' }).click();
  expect((await downloading).suggestedFilename()).toMatch(/\.sandbox\.json$/);
  await lab(page).locator('summary', { hasText: 'Sandbox' }).click();
  await lab(page).getByRole('button', { name: 'Presenter view' }).click();
  await lab(page).getByRole('button', { name: 'Presenter view' }).click();
  await expect(manager(page)).toBeVisible();

  // A reload comes from the service worker, still under the policy.
  await page.reload();
  await expect(lab(page)).toBeVisible();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await expect.poll(() => verified).toBeGreaterThan(1);
  await expect(page.locator('.integrity-report')).toHaveCount(0);
  expect(await violations(page)).toEqual([]);
  expect(errors).toEqual([]);
});

/** Slips an inline script, an inline style, a <style> element, a remote script, an eval and a string timer into the page; what took. */
async function inject(page: Page) {
  return page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.injectedRan = true;';
    document.body.append(script);
    const remote = document.createElement('script');
    remote.src = 'https://example.com/remote.js';
    document.body.append(remote);
    const styled = document.createElement('p');
    styled.id = 'injected-style';
    styled.textContent = 'injected';
    styled.setAttribute('style', 'color: rgb(255, 0, 0)');
    document.body.append(styled);
    const sheet = document.createElement('style');
    sheet.textContent = '#injected-style { outline: 3px solid rgb(0, 255, 0); }';
    document.head.append(sheet);
    // eval from the page's own code, after this evaluation (code DevTools evaluates is allowed to eval), and a string timer.
    const evaluated = await new Promise<string>((resolve) => setTimeout(() => {
      try {
        resolve(String((0, eval)('"eval ran"')));
      } catch (error) {
        resolve(error instanceof Error ? error.name : String(error));
      }
    }, 0));
    (setTimeout as (code: string, ms: number) => number)('window.injectedRan = true;', 0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const style = getComputedStyle(styled);
    return { inline: window.injectedRan === true, styleAttribute: style.color === 'rgb(255, 0, 0)', styleElement: style.outlineColor === 'rgb(0, 255, 0)', evaluated };
  });
}

test('an inline script, an inline style, a <style> element, a remote script and eval do nothing under the header', async ({ page }) => {
  await watchViolations(page);
  await page.goto('/');
  await expect(lab(page)).toBeVisible();
  expect(await inject(page)).toEqual({ inline: false, styleAttribute: false, styleElement: false, evaluated: 'EvalError' });
  const directivesHit = new Set((await violations(page)).map((violation) => violation.directive));
  expect([...directivesHit].sort()).toEqual(['script-src', 'script-src-elem', 'style-src-attr', 'style-src-elem']);
});

test('the <meta> alone holds the page to the same policy (served without the header, as any static host might)', async ({ page }) => {
  await watchViolations(page);
  await page.route('/', async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers['content-security-policy'];
    await route.fulfill({ response, headers });
  });
  const response = await page.goto('/');
  expect(response?.headers()['content-security-policy']).toBeUndefined();
  await expect(lab(page)).toBeVisible();
  expect(await inject(page)).toEqual({ inline: false, styleAttribute: false, styleElement: false, evaluated: 'EvalError' });
  expect((await violations(page)).length).toBeGreaterThan(0);
});

test('no template of the build writes a style attribute (Solid inlines a constant style={{...}} into its HTML, which the policy refuses)', () => {
  const assets = join(process.env.E2E_DIST ?? 'dist', 'assets');
  const styled = readdirSync(assets).filter((name) => name.endsWith('.js')).flatMap((name) =>
    (readFileSync(join(assets, name), 'utf8').match(/<[a-z][a-z0-9-]*( [^<>]*)? ?style=[^>]{0,60}/g) ?? []).map((found) => `${name}: ${found}`));
  expect(styled).toEqual([]);
});

// `npm run lighthouse`: Lighthouse 12 on the built app in the system Chromium (headless), desktop settings, and the
// scores against the bar: performance >= 0.95, accessibility 1.0, best practices 1.0. Prints each failing audit,
// merges the scores into bench/results.json under "lighthouse", and exits 1 when a score is under its bar.
import { mkdtempSync, rmSync, readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { preview } from 'vite';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { findBrowser } from './browser-path.mjs';

const PORT = Number(process.env.LIGHTHOUSE_PORT ?? 4190);
const DEBUG_PORT = Number(process.env.LIGHTHOUSE_DEBUG_PORT ?? 9339);
const URL = `http://localhost:${PORT}/`;
const BARS = { performance: 0.95, accessibility: 1, 'best-practices': 1 };
const RESULTS = 'bench/results.json';

async function waitForDebugger() {
  for (let i = 0; i < 100; i++) {
    try {
      const response = await fetch(`http://127.0.0.1:${DEBUG_PORT}/json/version`);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('Chromium did not open its debugging port');
}

async function main() {
  const browserPath = findBrowser();
  if (!browserPath) throw new Error('No Chromium found: see scripts/check-browser.mjs');
  if (!existsSync('dist/index.html')) throw new Error('dist is not built: run `vite build` first (npm run lighthouse does)');
  const server = await preview({ logLevel: 'warn', preview: { port: PORT, strictPort: true } });
  const profile = mkdtempSync(join(tmpdir(), 'lighthouse-'));
  const chrome = spawn(browserPath, [
    `--remote-debugging-port=${DEBUG_PORT}`, `--user-data-dir=${profile}`, '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', 'about:blank',
  ], { stdio: 'ignore' });
  try {
    await waitForDebugger();
    // Lighthouse's desktop preset (desktop screen and its network and CPU throttling), only the three categories.
    const result = await lighthouse(URL, { port: DEBUG_PORT, output: 'json', logLevel: 'error', onlyCategories: Object.keys(BARS) }, desktopConfig);
    if (!result) throw new Error('Lighthouse returned nothing');
    const { lhr } = result;
    // The whole report, for reading why a score is what it is (long tasks, bootup time, the trace's main-thread work).
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/lighthouse.json', JSON.stringify(lhr));
    const scores = Object.fromEntries(Object.keys(BARS).map((id) => [id, lhr.categories[id]?.score ?? 0]));
    let failed = false;
    console.log(`Lighthouse ${lhr.lighthouseVersion} on ${URL} (desktop), ${lhr.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0] ?? 'Chromium'}`);
    for (const [id, bar] of Object.entries(BARS)) {
      const score = scores[id];
      const met = score >= bar;
      failed ||= !met;
      console.log(`  ${id.padEnd(15)} ${score.toFixed(2)}  (bar ${bar})  ${met ? 'met' : 'NOT met'}`);
      for (const ref of lhr.categories[id]?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) console.log(`      ${audit.id}: ${audit.score} ${audit.displayValue ?? ''} ${audit.title}`);
      }
    }
    const metrics = Object.fromEntries(['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'].map((id) => [id, lhr.audits[id]?.displayValue ?? null]));
    console.log(`  metrics: ${JSON.stringify(metrics)}`);
    const previous = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : {};
    mkdirSync('bench', { recursive: true });
    writeFileSync(RESULTS, `${JSON.stringify({ ...previous, lighthouse: { measuredAt: new Date().toISOString(), command: 'npm run lighthouse', version: lhr.lighthouseVersion, scores, bars: BARS, met: !failed, metrics } }, null, 2)}\n`);
    process.exitCode = failed ? 1 : 0;
  } finally {
    const exited = new Promise((resolve) => chrome.once('exit', resolve));
    chrome.kill();
    await exited;
    await server.close();
    rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}

await main();

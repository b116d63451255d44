// Rasterizes public/icon.svg into the PNG icons the web app manifest names (192, 512, and a maskable 512 whose
// artwork sits inside the safe zone on a full-bleed background), in the system Chromium. `npm run icons`; the PNGs
// are committed, so a build needs no browser.
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { findBrowser } from './browser-path.mjs';

const svg = readFileSync('public/icon.svg', 'utf8');
const BACKGROUND = '#1d3557';
const variants = [
  { file: 'public/icons/icon-192.png', size: 192, maskable: false },
  { file: 'public/icons/icon-512.png', size: 512, maskable: false },
  // Maskable: the platform may crop to a circle of 80 % of the side; the artwork is drawn at 70 % on the background.
  { file: 'public/icons/icon-maskable-512.png', size: 512, maskable: true },
];

const browser = await chromium.launch({ executablePath: findBrowser(), args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
try {
  const page = await browser.newPage();
  for (const { file, size, maskable } of variants) {
    await page.setViewportSize({ width: size, height: size });
    const art = maskable ? Math.round(size * 0.7) : size;
    await page.setContent(`<!doctype html><html><body style="margin:0;width:${size}px;height:${size}px;display:grid;place-items:center;background:${maskable ? BACKGROUND : 'transparent'}">
      <img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" width="${art}" height="${art}"></body></html>`);
    await page.locator('img').evaluate((img) => img.decode());
    await page.screenshot({ path: file, omitBackground: !maskable });
    console.log(`wrote ${file}`);
  }
} finally {
  await browser.close();
}

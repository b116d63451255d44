// Build and preview configuration: Solid, and the PWA plugin that makes the sandbox installable and offline-capable.
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import solid from 'vite-plugin-solid';
import { VitePWA } from 'vite-plugin-pwa';

/** The Content-Security-Policy as index.html's <meta> states it: the one place it is written. */
const META_CSP = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(readFileSync('index.html', 'utf8'))?.[1];
if (!META_CSP) throw new Error('index.html has no Content-Security-Policy <meta>');
/**
 * The same policy as an HTTP header, which `vite preview` sends with every response (the page, the service worker and
 * the verifying worker's script), plus what a <meta> cannot say: no page may frame the sandbox.
 */
export const CSP_HEADER = `${META_CSP}; frame-ancestors 'none'`;

/** The dev server injects each stylesheet as a <style> element (hot reload): there, and only there, inline styles are allowed. */
const devCsp: Plugin = {
  name: 'csp-dev-styles',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
};

export default defineConfig({
  plugins: [
    devCsp,
    solid(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Code support sandbox',
        short_name: 'Code sandbox',
        description: 'Training sandbox: the Code app, Manager and the login page on one simulated world.',
        theme_color: '#1d3557',
        background_color: '#f4f6f8',
        display: 'standalone',
        start_url: '/',
        scope: '/',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      includeAssets: ['icon.svg', 'scenario.schema.json'],
      workbox: {
        // Everything a visit needs, lazy chunks included (replay, training, the recorder, every built-in scenario), so
        // after the first visit the whole sandbox works with the network off.
        globPatterns: ['**/*.{js,css,html}'],
        skipWaiting: false,
        clientsClaim: true,
      },
    }),
  ],
  // Which build this is (APP_BUILD at build time): shown on the page, so a test can tell an update took.
  define: { __APP_BUILD__: JSON.stringify(process.env.APP_BUILD ?? 'local') },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true, headers: { 'Content-Security-Policy': CSP_HEADER } },
  build: { target: 'es2022', sourcemap: true },
});

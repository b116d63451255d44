// Build and preview configuration: Solid, and the PWA plugin that makes the sandbox installable and offline-capable.
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  plugins: [
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
  preview: { port: 4173, strictPort: true },
  build: { target: 'es2022', sourcemap: true },
});

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
        icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html}'],
        skipWaiting: false,
        clientsClaim: true,
      },
    }),
  ],
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
  build: { target: 'es2022', sourcemap: true },
});

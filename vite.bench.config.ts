// The Chromium bench build (npm run bench): the app's configuration with a second page, tests/bench/browser/bench.html, into dist-bench/. Without the PWA plugin, so nothing of the bench is precached; the app's own build (vite.config.ts) never sees the bench page.
import { defineConfig } from 'vite';
import type { PluginOption } from 'vite';
import app from './vite.config';

/** The app's plugins without vite-plugin-pwa (it returns an array of plugins named vite-plugin-pwa*). */
function withoutPwa(plugins: PluginOption[]): PluginOption[] {
  return plugins
    .map((plugin): PluginOption => (Array.isArray(plugin) ? withoutPwa(plugin) : plugin))
    .filter((plugin) => !(plugin && typeof plugin === 'object' && 'name' in plugin && plugin.name.startsWith('vite-plugin-pwa')));
}

/** Without the PWA plugin its virtual register module is gone: the bench page gets one that registers nothing. */
const pwaRegisterStub: PluginOption = {
  name: 'pwa-register-stub',
  resolveId: (id) => (id === 'virtual:pwa-register/solid' ? '\0pwa-register-stub' : null),
  load: (id) =>
    id === '\0pwa-register-stub'
      ? "import { createSignal } from 'solid-js'; export function useRegisterSW() { return { needRefresh: createSignal(false), offlineReady: createSignal(false), updateServiceWorker: async () => {} }; }"
      : null,
};

export default defineConfig({
  ...app,
  plugins: [...withoutPwa(app.plugins ?? []), pwaRegisterStub],
  build: {
    ...app.build,
    outDir: 'dist-bench',
    // BENCH_MINIFY=0: readable function names in a CPU profile (BENCH_PROFILE).
    minify: process.env.BENCH_MINIFY === '0' ? false : app.build?.minify,
    emptyOutDir: true,
    rollupOptions: { input: { app: 'index.html', bench: 'tests/bench/browser/bench.html' } },
  },
  preview: { port: 4180, strictPort: true },
});

// Unit tests: the pure domain core and the runtime (on fake-indexeddb). Slow suites live in *.slow.test.ts.
import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';

export default defineConfig({
  plugins: [solid()],
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'tests/**/*.test.{ts,tsx}'],
    exclude: ['**/*.slow.test.ts', 'node_modules/**', 'tests/e2e/**'],
    environment: 'node',
    // `npm run bench` (vitest bench) only; `vitest run` never picks these up.
    benchmark: {
      include: ['src/**/*.bench.ts', 'tests/**/*.bench.ts'],
    },
  },
});

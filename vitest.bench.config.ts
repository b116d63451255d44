// The budget measurements of `npm run bench` (tests/bench/*.measure.ts): figures written to bench/results.json, never pass/fail on time.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/bench/*.measure.ts'],
    environment: 'node',
    testTimeout: 600_000,
  },
});

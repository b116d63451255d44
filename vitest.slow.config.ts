// Slow suites: long property-test runs. `npm run test:slow`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.slow.test.ts', 'tests/**/*.slow.test.ts'],
    environment: 'node',
    testTimeout: 600_000,
  },
});

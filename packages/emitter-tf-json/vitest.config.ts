import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 60_000,
    setupFiles: [fileURLToPath(new URL('../policy-model/src/testing/vitest-setup.ts', import.meta.url))],
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
  },
});

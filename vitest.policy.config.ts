import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The managed-policy tests (test/policy/): a real Chromium policy file applies to every Chromium
// on the machine, so they run alone, one file at a time, after the other tests.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['test/policy/**/*.test.ts'],
    testTimeout: 30_000,
    fileParallelism: false,
  },
});

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The same "@/" alias WXT gives the extension's sources.
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['test/**/*.test.ts', 'core/**/*.test.ts', 'cli/**/*.test.ts'],
    testTimeout: 20_000,
  },
});

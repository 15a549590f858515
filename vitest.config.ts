import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  // The same "@/" alias WXT gives the extension's sources.
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['test/**/*.test.ts', 'core/**/*.test.ts', 'cli/**/*.test.ts'],
    // A real policy file reaches every Chromium on the machine: those run alone, last
    // (vitest.policy.config.ts, `npm run test:policy`).
    exclude: [...configDefaults.exclude, 'test/policy/**'],
    testTimeout: 20_000,
  },
});

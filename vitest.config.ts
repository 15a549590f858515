import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'core/**/*.test.ts', 'cli/**/*.test.ts'],
    testTimeout: 20_000,
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: {} },
  test: {
    include: [
      'server/**/*.test.ts',
      'shared/**/*.test.ts',
      'test/**/*.test.ts',
      'web/**/*.test.ts',
      'web/**/*.test.tsx',
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});

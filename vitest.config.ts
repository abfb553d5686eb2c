import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Property tests print their seed on failure; pinning it in CI makes a red run reproducible.
    testTimeout: 60_000,
  },
});

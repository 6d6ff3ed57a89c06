import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CLI smoke tests spawn node; the default 5 s is tight on a busy 2-core machine.
    testTimeout: 30_000,
  },
});

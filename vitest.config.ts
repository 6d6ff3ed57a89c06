import { configDefaults, defineConfig } from 'vitest/config';

// Two projects: the tests of src/ (everything but test/built/), and the tests of the built tool
// (test/built/), which rebuild dist/ first when it is stale (test/built/rebuild.ts).
export default defineConfig({
  test: {
    // CLI smoke tests spawn node; the default 5 s is tight on a busy 2-core machine.
    testTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'src', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, 'test/built/**'] } },
      { extends: true, test: { name: 'built', include: ['test/built/**/*.test.ts'], globalSetup: ['test/built/rebuild.ts'] } },
    ],
  },
});

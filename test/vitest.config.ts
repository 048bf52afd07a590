import { defineConfig } from 'vitest/config';

// Node tests of the services: real keychain, real HTTP to the simulator, real files read back.
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['test/node/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});

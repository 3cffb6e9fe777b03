import { availableParallelism } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(__dirname),
      // Modules marked server-only are plain Node modules under test.
      'server-only': path.resolve(__dirname, 'node_modules/server-only/empty.js'),
    },
  },
  test: {
    include: ['lib/**/*.test.ts', 'scripts/**/*.test.ts', 'app/**/*.test.ts'],
    environment: 'node',
    // A DATABASE_URL given to `npm test` is for the database tests (lib/db/test-engines.ts, which
    // make a schema of their own each): the rest of the process keeps its files and heap, as a
    // server without DATABASE_URL does, so sign-in tests do not share one server's state.
    env: { DATABASE_URL: '', TEST_DATABASE_URL: process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? '' },
    // Vitest's default leaves one core free, which on a 2-core machine means one test file at a
    // time; most files wait on the disk (fsync, PGlite) as much as on the CPU, so use every core.
    maxWorkers: Math.max(2, availableParallelism()),
    // The JSON report is what .ci/run counts.
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/unit.json' },
  },
});

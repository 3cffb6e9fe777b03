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
    // Vitest's default leaves one core free, which on a 2-core machine means one test file at a
    // time; most files wait on the disk (fsync, PGlite) as much as on the CPU, so use every core.
    maxWorkers: Math.max(2, availableParallelism()),
    // The JSON report is what .ci/run counts.
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/unit.json' },
  },
});

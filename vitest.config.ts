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
    // The JSON report is what .ci/run counts.
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/unit.json' },
  },
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// Chosen once: worker processes re-read this file but inherit the environment.
process.env.E2E_PORT ??= String(3200 + Math.floor(Math.random() * 600));
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), 'bilingual-e2e-'));

const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  // No retries: a test that passes only on a second try is a bug to fix, not to hide.
  retries: 0,
  // Limits for waiting, not retries: a step waits for its condition up to `expect.timeout`, a
  // test for all its steps up to `timeout`. On a 2-core machine that is also building or
  // indexing, a page with every word annotated can take seconds to load and hydrate; a test that
  // opens it three times took 36 s at load 15 and 18 s idle.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: process.env.E2E_REPORT ?? 'reports/e2e.json' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'],
    },
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'] },
      testIgnore:
        /(editing|exchange|books|languages-reading|team|memory|comments|(?<!annotations-)notes|sentences|sync-conflicts)\.spec\.ts/,
    },
    // Editing changes the data copy (and puts it back), so it runs after the read-only tests, with
    // one worker: `npm run test:e2e` runs the two projects one after the other (scripts/e2e-run.mjs);
    // a plain `playwright test` with one worker runs them in this order. Not a dependency: a
    // failure elsewhere must not skip the editing tests.
    {
      name: 'editing',
      use: { ...devices['Desktop Chrome'] },
      testMatch:
        /(editing|exchange|books|languages-reading|team|memory|comments|(?<!annotations-)notes|sentences|sync-conflicts)\.spec\.ts/,
    },
  ],
  // `npm run test:e2e` (scripts/e2e-run.mjs) starts the server itself, once for both projects.
  webServer: process.env.E2E_SERVER_STARTED
    ? undefined
    : {
        // Builds and serves the app on a temporary copy of content/ and locales/ (see the script).
        command: 'node scripts/e2e-server.mjs',
        url: `${baseURL}/api/texts`,
        // The build runs first: about 2 minutes on an idle 2-core machine, several when it is busy.
        timeout: 480_000,
        reuseExistingServer: false,
        stdout: 'pipe',
        stderr: 'pipe',
      },
});

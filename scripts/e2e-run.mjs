// `npm run test:e2e`: one build and one server for two Playwright runs. The read-only project
// (`chromium`) runs first with E2E_READ_WORKERS workers: its tests only read the data, so they
// may overlap. One by default: on a 2-core machine two workers took 12.7 minutes against 12.2
// for one (server and browsers share the cores, so each test took about 1.5 times as long),
// near the timeouts. The `editing` project changes the data copy (and puts it back), so it runs
// after, alone, with one worker. Both always run, so a read-only failure never hides the
// editing results. The two JSON reports are merged into reports/e2e.json. Arguments are passed
// on to both runs.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const READ_ONLY_WORKERS = process.env.E2E_READ_WORKERS ?? '1';
const READY_TIMEOUT_MS = 480_000;

const env = {
  ...process.env,
  E2E_PORT: process.env.E2E_PORT ?? String(3200 + Math.floor(Math.random() * 600)),
  E2E_DATA_DIR: process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), 'bilingual-e2e-')),
  // playwright.config.ts leaves out its webServer when this is set.
  E2E_SERVER_STARTED: '1',
};
const baseURL = `http://127.0.0.1:${env.E2E_PORT}`;

const server = spawn('node', ['scripts/e2e-server.mjs'], { env, stdio: 'inherit', detached: true });
let serverExit = null;
server.on('exit', (code, signal) => (serverExit = code ?? signal));
const stopServer = () => {
  if (serverExit !== null) return;
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    // already gone
  }
};
process.on('SIGINT', () => (stopServer(), process.exit(130)));
process.on('SIGTERM', () => (stopServer(), process.exit(143)));

async function waitForServer() {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (serverExit !== null) throw new Error(`the e2e server exited (${serverExit}) before it was ready`);
    const ready = await fetch(`${baseURL}/api/texts`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the e2e server was not ready at ${baseURL} within ${READY_TIMEOUT_MS / 1000} s`);
}

function run(project, workers, report) {
  const result = spawnSync(
    'npx',
    ['playwright', 'test', '--project', project, '--workers', workers, '--pass-with-no-tests', ...process.argv.slice(2)],
    {
      env: { ...env, E2E_REPORT: report },
      stdio: 'inherit',
    },
  );
  return result.status ?? 1;
}

function readReport(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** One report as Playwright would write it for one run: suites side by side, counts added. */
function merge(reports) {
  const present = reports.filter(Boolean);
  if (!present.length) return null;
  const stats = { expected: 0, unexpected: 0, flaky: 0, skipped: 0, duration: 0 };
  for (const r of present) for (const key of Object.keys(stats)) stats[key] += r.stats?.[key] ?? 0;
  return {
    ...present[0],
    suites: present.flatMap((r) => r.suites ?? []),
    errors: present.flatMap((r) => r.errors ?? []),
    stats: { ...present[0].stats, ...stats },
  };
}

let status = 1;
mkdirSync('reports', { recursive: true });
const parts = ['reports/e2e-read-only.json', 'reports/e2e-editing.json'];
for (const file of parts) rmSync(file, { force: true });
try {
  await waitForServer();
  const readOnly = run('chromium', READ_ONLY_WORKERS, parts[0]);
  const editing = run('editing', '1', parts[1]);
  status = readOnly || editing;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
} finally {
  stopServer();
}
const merged = merge(parts.map(readReport));
if (merged) writeFileSync('reports/e2e.json', `${JSON.stringify(merged)}\n`);
process.exit(status);

// Serves the app for the end-to-end tests: copies content/ and locales/ into E2E_DATA_DIR,
// builds against that copy and runs `next start` on E2E_PORT. Tests may change the copy;
// the repository's own data is never touched.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes, scryptSync } from 'node:crypto';
import { cpSync } from 'node:fs';
import path from 'node:path';

const dataDir = process.env.E2E_DATA_DIR;
const port = process.env.E2E_PORT;
if (!dataDir || !port) throw new Error('E2E_DATA_DIR and E2E_PORT must be set (playwright.config.ts sets them)');

for (const folder of ['content', 'locales']) cpSync(folder, path.join(dataDir, folder), { recursive: true });
// The accounts the editing tests sign in with (e2e/accounts.ts): the shared editor token, a
// named editor and a named reader, with passwords hashed as lib/auth/passwords.ts does.
const hash = (password) => {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64url')}$${scryptSync(password, salt, 32).toString('base64url')}`;
};
// A build folder of its own, so a developer's .next is left alone.
const env = {
  ...process.env,
  BILINGUAL_DATA_DIR: dataDir,
  NEXT_DIST_DIR: '.next-e2e',
  NEXT_TELEMETRY_DISABLED: '1',
  EDITOR_TOKEN: 'e2e-editor-token',
  EDITORS: `Edith:${hash('edith-password')};Ed:${hash('ed-password')}`,
  READERS: `Rita:${hash('rita-password')}`,
  // The server voice's audio cache (lib/store/audio-cache.ts), fresh for each run.
  BILINGUAL_AUDIO_DIR: path.join(dataDir, 'audio-cache'),
  // The word-by-word test provider, so the machine-suggestion path is tested (none by default).
  BILINGUAL_MT_PROVIDER: 'cedict-test',
  // The embedded defaults, as the README's start command runs: a DATABASE_URL given to `npm test`
  // is for the database tests (each makes a schema of its own), not shared by every server of the
  // run, which would carry sign-in counts from one stage into the next.
  DATABASE_URL: '',
};
const next = path.join('node_modules', '.bin', 'next');

const build = spawnSync(next, ['build'], { env, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

// No -H: with an address there, Next.js would relay the proxy's rewrites over HTTP (see proxy.ts).
const server = spawn(next, ['start', '-p', port], { env, stdio: 'inherit' });
const stop = () => server.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', (code) => process.exit(code ?? 0));

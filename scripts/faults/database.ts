// The search database killed during an index update (a round of `npm run test:faults`):
// `npm run reindex` is killed with SIGKILL while it writes a long text's rows; the next
// `npm run reindex -- --changed` (the check a start is to make once search reads from the
// database) finds that text unrecorded and indexes it again, alone; a third run has nothing to do; the files in content/ and locales/ are untouched.
// Runs on the embedded database, whose files are what a kill can damage.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { check, copyData } from './common';

/** A hash of every file under content/ and locales/. */
function dataHash(root: string): string {
  const hash = createHash('sha256');
  for (const folder of ['content', 'locales']) {
    const entries = readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort();
    for (const file of entries) hash.update(`${path.relative(root, file)}:${statSync(file).size}:`).update(readFileSync(file));
  }
  return hash.digest('hex');
}

function reindex(env: NodeJS.ProcessEnv, ...args: string[]) {
  const run = spawnSync('npx', ['tsx', '--conditions=react-server', 'scripts/reindex.ts', ...args], { env, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

export async function databaseRound(): Promise<void> {
  const data = copyData();
  const env: NodeJS.ProcessEnv = { ...process.env, BILINGUAL_DATA_DIR: data };
  delete env.DATABASE_URL;
  try {
    const generated = spawnSync(
      'npx',
      ['tsx', '--conditions=react-server', 'scripts/generate-long-text.ts', '--paragraphs', '4000', '--slug', 'long-text'],
      { env, encoding: 'utf8' },
    );
    if (generated.status !== 0) throw new Error(`generate:long failed: ${generated.stderr}`);
    const before = dataHash(data);
    const killed = await new Promise<{ output: string; signal: NodeJS.Signals | null }>((resolve) => {
      const child = spawn('npx', ['tsx', '--conditions=react-server', 'scripts/reindex.ts'], { env, detached: true });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        // Killed once it has started on the long text's rows: part of them written, the rest not.
        if (output.includes('indexing long-text')) setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 1_500);
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('exit', (_code, signal) => resolve({ output, signal }));
    });
    check(
      'database: reindex was killed while indexing the long text',
      killed.signal === 'SIGKILL' && !killed.output.includes('texts indexed'),
      killed.output.slice(-300),
    );
    const repaired = reindex(env, '--changed');
    check(
      'database: the next start indexes the interrupted text again, alone',
      repaired.status === 0 && repaired.output.includes('indexing long-text') && !repaired.output.includes('indexing karpathy'),
      repaired.output.slice(-300),
    );
    const again = reindex(env, '--changed');
    check(
      'database: after that, nothing is indexed again',
      again.status === 0 && again.output.includes(': 0 texts indexed'),
      again.output.slice(-300),
    );
    check('database: the files in content/ and locales/ are untouched', dataHash(data) === before);
  } catch (error) {
    check('database: the round ran', false, error instanceof Error ? error.message : String(error));
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
}

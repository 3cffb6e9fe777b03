import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDataDir } from '@/lib/testing/data-dir';
import { StoreWriteError } from './errors';
import { acquireFileLock } from './file-lock';
import { textLockPath, withTextLock } from './lock';

let data: ReturnType<typeof makeDataDir>;
beforeEach(() => {
  data = makeDataDir();
});
afterEach(() => data.dispose());

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

function run(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.resolve('node_modules/.bin/tsx'), ['--conditions=react-server', ...args], {
      env: { ...process.env, BILINGUAL_DATA_DIR: data.root },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? -1));
  });
}

describe('withTextLock across processes', () => {
  it('loses no update when three processes read and write one file under it', async () => {
    const counter = data.file('counter');
    writeFileSync(counter, '0');
    const worker = path.resolve('lib/store/fixtures/lock-worker.ts');
    const codes = await Promise.all([1, 2, 3].map(() => run([worker, counter, '40'])));
    expect(codes).toEqual([0, 0, 0]);
    expect(readFileSync(counter, 'utf8')).toBe('120');
    expect(existsSync(textLockPath('shared'))).toBe(false);
  }, 60_000);
});

describe('acquireFileLock', () => {
  const stale: { name: string; holder: () => string; age: number }[] = [
    {
      name: 'a process on this machine that has exited',
      holder: () => JSON.stringify({ pid: deadPid(), host: hostname(), token: 'x' }),
      age: 0,
    },
    {
      name: 'another machine, not refreshed for a minute',
      holder: () => JSON.stringify({ pid: 1, host: 'elsewhere', token: 'x' }),
      age: 60,
    },
    { name: 'nobody (a file torn by a crash), a minute old', holder: () => '{"pid":', age: 60 },
    {
      name: 'an earlier process with this process’s pid (a restarted container)',
      holder: () => JSON.stringify({ pid: process.pid, host: hostname(), token: 'gone' }),
      age: 0,
    },
    {
      name: 'a process whose pid was reused by a later one',
      holder: () => JSON.stringify({ pid: process.ppid, host: hostname(), token: 'x' }),
      age: 3600 * 24 * 365,
    },
  ];
  it.each(stale)('takes over a lock left by $name', async ({ holder, age }) => {
    const file = textLockPath('a');
    data.write(path.relative(data.root, file), holder());
    const then = new Date(Date.now() - age * 1000);
    utimesSync(file, then, then);
    const lock = await acquireFileLock(file, { timeoutMs: 2000 });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();
    expect(existsSync(file)).toBe(false);
  });

  const live: { name: string; holder: () => string }[] = [
    {
      name: 'a live process on this machine',
      holder: () => JSON.stringify({ pid: process.ppid, host: hostname(), token: 'other' }),
    },
    { name: 'another machine, refreshed just now', holder: () => JSON.stringify({ pid: 1, host: 'elsewhere', token: 'x' }) },
    { name: 'a holder still writing its file', holder: () => '' },
  ];
  it.each(live)('waits for a lock held by $name and then says it is busy', async ({ holder }) => {
    const file = textLockPath('b');
    data.write(path.relative(data.root, file), holder());
    const error = await acquireFileLock(file, { timeoutMs: 150 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreWriteError);
    expect((error as StoreWriteError).reason).toBe('busy');
    expect(readFileSync(file, 'utf8')).toBe(holder());
  });

  it('hands the lock to the next writer as soon as it is released', async () => {
    const file = textLockPath('c');
    const first = await acquireFileLock(file);
    const order: string[] = [];
    const second = acquireFileLock(file, { timeoutMs: 2000 }).then((lock) => {
      order.push('second');
      return lock;
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    order.push('release first');
    await first.release();
    await (await second).release();
    expect(order).toEqual(['release first', 'second']);
  });

  it('says the store is unwritable when the lock folder cannot be made', async () => {
    data.write('.locks', 'a file where the folder should be');
    const error = await withTextLock('d', async () => 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreWriteError);
  });
});

describe('withTextLock within one chain of calls', () => {
  it('is re-entrant, so an import that syncs under the lock does not wait for itself', async () => {
    const result = await withTextLock('e', () => withTextLock('e', async () => 'inner'), { timeoutMs: 500 });
    expect(result).toBe('inner');
  });
});

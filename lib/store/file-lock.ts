import 'server-only';
import { mkdir, open, readFile, rmdir, stat, unlink, utimes } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { StoreWriteError } from './errors';

/** How a lock file names its holder. */
interface Holder {
  pid: number;
  host: string;
  /** Tells two holders with the same pid apart (a pid reused after a restart). */
  token: string;
}

export interface FileLockOptions {
  /** Give up waiting after this long (ms); the failure is a StoreWriteError with reason 'busy'. */
  timeoutMs?: number;
  /** A lock held from another machine whose file was not touched for this long (ms) is stale. */
  staleMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_STALE_MS = 15_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readHolder(file: string): Promise<{ text: string; holder: Holder | undefined; mtimeMs: number } | undefined> {
  try {
    const [text, info] = await Promise.all([readFile(file, 'utf8'), stat(file)]);
    let holder: Holder | undefined;
    try {
      holder = JSON.parse(text) as Holder;
    } catch {
      holder = undefined; // being written right now, or torn by a crash: judged by its age
    }
    return { text, holder, mtimeMs: info.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Whether a lock file belongs to nobody any more: its process is gone (same machine), or it was
 * not refreshed for `staleMs` (another machine sharing the folder, or a file torn by a crash).
 */
function isStale(found: { holder: Holder | undefined; mtimeMs: number }, staleMs: number): boolean {
  const { holder, mtimeMs } = found;
  if (holder && typeof holder.pid === 'number' && holder.host === hostname()) {
    // Our own pid on a lock we do not hold: left by an earlier process that had our pid (a
    // restarted container's server is often pid 1 again).
    if (holder.pid === process.pid) return !heldTokens.has(holder.token);
    if (!isAlive(holder.pid)) return true;
    // A live process that started after the lock was last refreshed is not its holder: the pid was reused.
    const started = processStartMs(holder.pid);
    return started !== undefined && started > mtimeMs + 1000;
  }
  return Date.now() - mtimeMs > staleMs;
}

/** Tokens of the locks this process holds now. */
const heldTokens = new Set<string>();

/** When a process started (ms since the epoch), from /proc on Linux; undefined elsewhere. */
function processStartMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    const boot = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
    // Linux counts process start times in clock ticks of 1/100 s (USER_HZ).
    return Number.isFinite(ticks) && Number.isFinite(boot) ? boot * 1000 + ticks * 10 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Removes a stale lock file, unless someone else broke it first and took the lock: the removal
 * happens under a second, short-lived lock (a folder, made atomically) after checking that the
 * file is still the stale one that was seen.
 */
async function breakStaleLock(file: string, seen: string, staleMs: number): Promise<void> {
  const breaker = `${file}.break`;
  try {
    await mkdir(breaker);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // A breaker that crashed leaves its folder behind; clear it when old.
    const info = await stat(breaker).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > staleMs) await rmdir(breaker).catch(() => undefined);
    return;
  }
  try {
    const now = await readFile(file, 'utf8').catch(() => undefined);
    if (now === seen) await unlink(file).catch(() => undefined);
  } finally {
    await rmdir(breaker).catch(() => undefined);
  }
}

export interface HeldLock {
  release(): Promise<void>;
}

/**
 * Takes an exclusive lock shared by every process on this data folder: creates `file`
 * exclusively with the holder's pid and host, waiting while someone else holds it, and
 * recovering a lock whose holder died. The holder refreshes the file's time while it works.
 * `const lock = await acquireFileLock('.locks/a.lock'); try { … } finally { await lock.release(); }`
 */
export async function acquireFileLock(file: string, options: FileLockOptions = {}): Promise<HeldLock> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const staleMs = options.staleMs ?? DEFAULT_STALE_MS;
  const holder: Holder = { pid: process.pid, host: hostname(), token: Math.random().toString(36).slice(2) };
  const content = JSON.stringify(holder);
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt += 1) {
    try {
      const handle = await open(file, 'wx');
      try {
        await handle.writeFile(content);
      } catch (error) {
        // An empty lock file would hold everyone off until it grew stale (a full disk does this).
        await handle.close().catch(() => undefined);
        await unlink(file).catch(() => undefined);
        throw error;
      }
      await handle.close();
      return heldLock(file, content, holder.token, staleMs);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        await mkdir(path.dirname(file), { recursive: true }).catch((e: unknown) => {
          throw StoreWriteError.from(file, e);
        });
        continue;
      }
      if (code !== 'EEXIST') throw StoreWriteError.from(file, error);
    }
    const found = await readHolder(file);
    if (found && isStale(found, staleMs)) {
      await breakStaleLock(file, found.text, staleMs);
      continue;
    }
    if (Date.now() > deadline) {
      throw new StoreWriteError(
        file,
        'busy',
        `is locked by another writer (${found?.holder ? `process ${found.holder.pid}` : 'unknown'}) for more than ${timeoutMs} ms`,
      );
    }
    await sleep(Math.min(2 + attempt * 2, 25));
  }
}

function heldLock(file: string, content: string, token: string, staleMs: number): HeldLock {
  heldTokens.add(token);
  const refresh = setInterval(() => {
    const now = new Date();
    utimes(file, now, now).catch(() => undefined);
  }, staleMs / 3);
  refresh.unref();
  return {
    async release() {
      clearInterval(refresh);
      heldTokens.delete(token);
      // Remove it only if it is still ours (it can have been broken as stale).
      const now = await readFile(file, 'utf8').catch(() => undefined);
      if (now === content) await unlink(file).catch(() => undefined);
    },
  };
}

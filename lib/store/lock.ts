import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import path from 'node:path';
import { acquireFileLock, type FileLockOptions } from './file-lock';
import { dataRoot, textFilePath } from './paths';
import { processState } from '@/lib/process-state';

function locks(): Map<string, Promise<unknown>> {
  return processState<Map<string, Promise<unknown>>>('locks', () => new Map());
}

/**
 * Runs `task` when every earlier task with the same key has finished: one writer at a time per
 * key in this process. `withLock('text:a', () => write())`.
 */
export async function withLock<T>(key: string, task: () => Promise<T>): Promise<T> {
  const queue = locks();
  const previous = queue.get(key) ?? Promise.resolve();
  const run = previous.then(task, task);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  queue.set(key, settled);
  try {
    return await run;
  } finally {
    if (queue.get(key) === settled) queue.delete(key);
  }
}

/** Where the lock file of one text lives: `<data>/.locks/<slug>.lock`. */
export function textLockPath(slug: string): string {
  return textFilePath(path.join(dataRoot(), '.locks'), slug, '.lock');
}

/**
 * Runs `task` holding the one lock of a text, shared by every process on this data folder
 * (servers, `npm run sync`, imports): first this process's queue, then the text's lock file.
 * Every writer of a text's source, ledger, glosses, states or history takes it, and re-reads
 * what it changes inside `task`. Rejects with StoreWriteError ('busy', 'unwritable') when the
 * lock cannot be had. Re-entrant within one chain of calls.
 * `withTextLock('karpathy-no-priors', async () => { … })`.
 */
export async function withTextLock<T>(slug: string, task: () => Promise<T>, options?: FileLockOptions): Promise<T> {
  const held = heldTexts.getStore();
  // Re-entrant: a writer that holds the lock (an import that then syncs) just goes on. Work
  // started under the lock that runs on after its release (a timer) sees it released, and queues.
  if (held?.get(slug)?.held) return task();
  return withLock(`text:${slug}`, async () => {
    const lock = await acquireFileLock(textLockPath(slug), options);
    const hold = { held: true };
    try {
      return await heldTexts.run(new Map([...(held ?? []), [slug, hold]]), task);
    } finally {
      hold.held = false;
      await lock.release();
    }
  });
}

/**
 * Runs `task` as if no text's lock were held: for work that a writer starts but does not wait
 * for (a timer), which must take the lock for itself rather than share the writer's.
 */
export function outsideTextLocks<T>(task: () => T): T {
  return heldTexts.exit(task);
}

/** The texts whose lock the current chain of calls took, and whether it still holds each. */
const heldTexts = new AsyncLocalStorage<ReadonlyMap<string, { held: boolean }>>();

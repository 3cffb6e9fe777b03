import 'server-only';

const LOCKS = Symbol.for('bilingual-reader.locks');

function locks(): Map<string, Promise<unknown>> {
  const global = globalThis as typeof globalThis & { [LOCKS]?: Map<string, Promise<unknown>> };
  global[LOCKS] ??= new Map();
  return global[LOCKS];
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

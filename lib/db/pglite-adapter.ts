import 'server-only';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Database, Queryable } from './database';

/**
 * The embedded engine: PostgreSQL compiled to WebAssembly (PGlite), its files in `dataDir` (in
 * memory when undefined, for tests). It runs in a worker thread (lib/db/pglite-worker.mjs, the
 * only module that imports PGlite), so a statement of seconds never holds this thread's event
 * loop: queries are messages, answered in order.
 */
export async function openPglite(dataDir: string | undefined): Promise<Database> {
  const worker = new Worker(pgliteWorkerPath(), { workerData: { dataDir } });
  const pending = new Map<number, { resolve: (rows: unknown[]) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let failure: Error | undefined;
  let closing = false;
  // The worker keeps the process alive only while a query waits for it (a script ends when its work does).
  const hold = () => (pending.size > 0 ? worker.ref() : worker.unref());
  const ready = new Promise<void>((resolve, reject) => {
    worker.on('message', (message: WorkerReply) => {
      if ('ready' in message) {
        if (message.ready) resolve();
        else reject(new Error(`the embedded database could not be opened: ${message.error?.message}`));
        return;
      }
      const waiting = pending.get(message.id);
      if (!waiting) return;
      pending.delete(message.id);
      hold();
      if (message.error) waiting.reject(Object.assign(new Error(message.error.message), { code: message.error.code }));
      else waiting.resolve(message.rows ?? []);
    });
    const fail = (error: Error) => {
      failure ??= closing ? new Error('the embedded database is closed') : error;
      reject(error);
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
    };
    worker.on('error', (error) => fail(new Error('the embedded database thread failed', { cause: error })));
    worker.on('exit', (code) => fail(new Error(`the embedded database thread stopped (exit code ${code})`)));
  });
  const send = (message: WorkerRequest): Promise<unknown[]> =>
    new Promise((resolve, reject) => {
      if (failure) return reject(failure);
      if (closing && message.op !== 'close') return reject(new Error('the embedded database is closed'));
      const id = nextId++;
      pending.set(id, { resolve, reject });
      hold();
      worker.postMessage({ ...message, id });
    });
  try {
    await ready;
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  worker.unref();
  const on = (txId?: number): Queryable => ({
    async query<Row extends object>(sql: string, params: readonly unknown[] = []) {
      return (await send({ op: 'query', sql, params: [...params], ...(txId === undefined ? {} : { txId }) })) as Row[];
    },
  });
  let nextTx = 1;
  return {
    engine: 'pglite',
    ...on(),
    async transaction(work) {
      const txId = nextTx++;
      await send({ op: 'begin', txId });
      let result;
      try {
        result = await work(on(txId));
      } catch (error) {
        await send({ op: 'end', txId, commit: false }).catch(() => undefined);
        throw error;
      }
      await send({ op: 'end', txId, commit: true });
      return result;
    },
    async close() {
      closing = true;
      if (!failure) await send({ op: 'close' }).catch(() => undefined);
      failure ??= new Error('the embedded database is closed');
      await worker.terminate();
    },
  };
}

type WorkerRequest =
  | { op: 'query'; sql: string; params: unknown[]; txId?: number }
  | { op: 'begin'; txId: number }
  | { op: 'end'; txId: number; commit: boolean }
  | { op: 'close' };

type WorkerReply =
  { ready: boolean; error?: { message: string } } | { id: number; rows?: unknown[]; error?: { message: string; code?: string } };

/**
 * Where the worker's module is: a plain file of the project, found from the working folder
 * (`npm start`, vitest and the scripts all run there), since the server's bundle has no
 * lib/ of its own; BILINGUAL_APP_DIR when the server runs from elsewhere.
 */
export function pgliteWorkerPath(): string {
  const root = process.env.BILINGUAL_APP_DIR ?? process.cwd();
  const file = path.join(/*turbopackIgnore: true*/ root, 'lib', 'db', 'pglite-worker.mjs');
  if (!existsSync(file))
    throw new Error(`the embedded database's worker is missing: ${file} (set BILINGUAL_APP_DIR to the app's folder)`);
  return file;
}

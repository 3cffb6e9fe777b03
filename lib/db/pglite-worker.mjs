// The embedded database's thread: PGlite (PostgreSQL compiled to WebAssembly) runs here, in a
// worker thread, so that a long statement never holds the server's event loop. A plain module
// loaded by path at run time (lib/db/pglite-adapter.ts), so the built server, vitest and tsx
// scripts all load the same file. Messages: { id, op, ... } in, { id, rows | error } out.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

const port = parentPort;
if (!port) throw new Error('lib/db/pglite-worker.mjs runs as a worker thread');

/** Open transactions by number: the queries of one run on its connection, until it ends. */
const transactions = new Map();
let db;

async function open() {
  db = await PGlite.create(workerData?.dataDir ? { dataDir: workerData.dataDir } : {});
}

/** Starts a transaction and keeps it open until `end` commits it or rolls it back. */
function begin(txId) {
  return new Promise((started, failed) => {
    const entry = {};
    entry.ended = new Promise((resolve, reject) => {
      entry.commit = resolve;
      entry.rollback = reject;
    });
    entry.ended.catch(() => undefined);
    entry.done = db
      .transaction(async (tx) => {
        entry.tx = tx;
        started();
        await entry.ended;
      })
      .finally(() => transactions.delete(txId));
    entry.done.catch(failed);
    transactions.set(txId, entry);
  });
}

async function end(txId, commit) {
  const entry = transactions.get(txId);
  if (!entry) throw new Error(`no transaction ${txId}`);
  if (commit) {
    entry.commit();
    await entry.done;
  } else {
    entry.rollback(new Error('rolled back'));
    await entry.done.catch(() => undefined);
  }
}

async function handle(message) {
  switch (message.op) {
    case 'query': {
      const target = message.txId === undefined ? db : transactions.get(message.txId)?.tx;
      if (!target) throw new Error(`no transaction ${message.txId}`);
      const result = await target.query(message.sql, message.params ?? []);
      return result.rows;
    }
    case 'begin':
      await begin(message.txId);
      return [];
    case 'end':
      await end(message.txId, message.commit);
      return [];
    case 'close':
      await db.close();
      return [];
    default:
      throw new Error(`unknown operation ${String(message.op)}`);
  }
}

const ready = open();
port.on('message', (message) => {
  ready
    .then(() => handle(message))
    .then(
      (rows) => port.postMessage({ id: message.id, rows }),
      (error) =>
        port.postMessage({
          id: message.id,
          error: { message: error instanceof Error ? error.message : String(error), code: error?.code },
        }),
    );
});
ready.then(
  () => port.postMessage({ ready: true }),
  (error) => port.postMessage({ ready: false, error: { message: error instanceof Error ? error.message : String(error) } }),
);

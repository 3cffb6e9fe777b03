// A round of `npm run test:faults`: the smallest supported heap. A server given less than
// MIN_HEAP_MB refuses to start (before, a 192 MB server ran out of heap after 3,200–3,600 saves);
// one given exactly MIN_HEAP_MB takes 4,000 saves from 16 clients with a reader fetching the
// reading page every 50 saves, and answers every one.
import { rmSync } from 'node:fs';
import { MIN_HEAP_MB } from '@/lib/cache-bounds';
import { startServer } from '../lib/next-server';
import { blockIds, check, copyData, revisions, save, serverEnv, SLUG } from './common';

const CLIENTS = 16;
const SAVES = 4000;
const PAGE_EVERY = 50;

export async function smallHeapRound() {
  const data = copyData();
  try {
    const env = serverEnv(data);
    const refused = await startServer(env, { heapMb: MIN_HEAP_MB - 64 }).then(
      async (server) => {
        await server.stop();
        return false;
      },
      (error: unknown) => /exited \(1\)/.test(String(error)),
    );
    check(`smallest heap: a server given ${MIN_HEAP_MB - 64} MB refuses to start (exit 1)`, refused);

    const server = await startServer(env, { heapMb: MIN_HEAP_MB });
    try {
      const ids = blockIds(data);
      const known = await revisions(server.origin);
      let saves = 0;
      let others = 0;
      let pagesFailed = 0;
      const client = async (c: number) => {
        while (saves < SAVES) {
          const n = saves++;
          const id = ids[(c + n) % ids.length] ?? '';
          const answer = await save(
            server.origin,
            id,
            `Small heap: save ${n} by client ${c}.`,
            known.get(id) ?? '',
            `client-${c}`,
          );
          if (answer.status === 200 && answer.body?.revision) known.set(id, answer.body.revision);
          else if (answer.status === 409) {
            const current = (answer.body as { current?: { revision: string } } | undefined)?.current;
            if (current) known.set(id, current.revision);
          } else others += 1;
          if (n % PAGE_EVERY === 0) {
            const page = await fetch(`${server.origin}/read/${SLUG}`).then(
              (r) => r.status,
              () => 0,
            );
            if (page !== 200) pagesFailed += 1;
          }
        }
      };
      await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
      const alive = await fetch(`${server.origin}/api/texts`).then(
        (r) => r.ok,
        () => false,
      );
      console.log(`smallest heap: ${SAVES} saves at ${MIN_HEAP_MB} MB, ${others} other answers, ${pagesFailed} pages failed`);
      check(
        `smallest heap: ${SAVES} saves at ${MIN_HEAP_MB} MB, every one answered 200 or 409`,
        others === 0,
        `${others} others`,
      );
      check('smallest heap: every reading page fetched meanwhile answered 200', pagesFailed === 0, `${pagesFailed} failed`);
      check('smallest heap: the server still answers after them', alive);
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
}

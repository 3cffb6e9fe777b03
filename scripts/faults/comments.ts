// A round of `npm run test:faults`: comments, replies and resolves from several clients while the
// server is killed with SIGKILL. Afterwards the comments file parses line by line (a torn last
// line at most), and every comment answered 201 and every resolve answered 200 is there, also as
// the restarted server lists it.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { startServer } from '../lib/next-server';
import { blockIds, check, copyData, serverEnv, SLUG, TOKEN } from './common';

const CLIENTS = 4;

const headers = (who: string) => ({ authorization: `Bearer ${TOKEN}`, 'x-editor-name': who, 'content-type': 'application/json' });

export async function commentKillRound() {
  const data = copyData();
  const env = serverEnv(data);
  const ids = blockIds(data);
  const made = new Map<string, string>(); // cid → paragraph id
  const resolved: string[] = [];
  let stopped = false;
  try {
    const server = await startServer(env);
    const url = (id: string) => `${server.origin}/api/texts/${SLUG}/blocks/${id}/comments`;
    const client = async (c: number) => {
      let thread: { cid: string; id: string } | undefined;
      for (let n = 0; !stopped; n += 1) {
        // A new thread, or a reply to this client's last one; every third thread is then resolved.
        const reply = thread !== undefined && n % 2 === 1;
        const id = reply && thread ? thread.id : (ids[(c + n * CLIENTS) % ids.length] ?? '');
        try {
          const response = await fetch(url(id), {
            method: 'POST',
            headers: headers(`client-${c}`),
            body: JSON.stringify({ body: `Comment ${n} from client ${c}.`, ...(reply && thread ? { replyTo: thread.cid } : {}) }),
          });
          if (response.status !== 201) continue;
          const { comment } = (await response.json()) as { comment: { cid: string } };
          made.set(comment.cid, id);
          if (!reply) thread = { cid: comment.cid, id };
          if (!reply && n % 3 === 0) {
            const resolve = await fetch(`${server.origin}/api/texts/${SLUG}/comments/${comment.cid}/resolve`, {
              method: 'POST',
              headers: headers(`client-${c}`),
              body: '{}',
            });
            if (resolve.ok) resolved.push(comment.cid);
          }
        } catch {
          return; // the server is gone
        }
      }
    };
    const running = Array.from({ length: CLIENTS }, (_, c) => client(c));
    // The kill comes a random while after the first answer (a busy machine is slow to give it).
    for (let waited = 0; made.size === 0 && waited < 60_000; waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
    await new Promise((resolve) => setTimeout(resolve, 800 + Math.random() * 1200));
    stopped = true;
    await server.stop('SIGKILL');
    await Promise.allSettled(running);

    const file = path.join(data, 'locales', 'en', `${SLUG}.comments.jsonl`);
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    const parsed = lines.flatMap((line, i) => {
      try {
        return [JSON.parse(line) as { type: string; cid: string }];
      } catch {
        return i === lines.length - 1 ? [] : [{ type: 'broken', cid: line }];
      }
    });
    check('comments: every line but a torn last one parses', !parsed.some((e) => e.type === 'broken'));
    check(
      'comments: some were answered 201 before the kill',
      made.size > 0,
      `${made.size} comments, ${resolved.length} resolved`,
    );
    console.log(`comments: ${made.size} answered 201 and ${resolved.length} resolves answered 200 before the kill`);
    const stored = new Set(parsed.filter((e) => e.type === 'comment').map((e) => e.cid));
    const lost = [...made.keys()].filter((cid) => !stored.has(cid));
    check('comments: every comment answered 201 is on disk', lost.length === 0, lost.join(', '));
    const resolves = new Set(parsed.filter((e) => e.type === 'resolve').map((e) => e.cid));
    const lostResolves = resolved.filter((cid) => !resolves.has(cid));
    check('comments: every resolve answered 200 is on disk', lostResolves.length === 0, lostResolves.join(', '));

    const again = await startServer(env);
    try {
      const sample = [...made].slice(-5);
      let listed = 0;
      for (const [cid, id] of sample) {
        const response = await fetch(`${again.origin}/api/texts/${SLUG}/blocks/${id}/comments`, { headers: headers('faults') });
        const body = (await response.json()) as { comments?: { cid: string }[] };
        if (body.comments?.some((c) => c.cid === cid)) listed += 1;
      }
      check('comments: the restarted server lists them', listed === sample.length, `${listed} of ${sample.length}`);
    } finally {
      await again.stop();
    }
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
}

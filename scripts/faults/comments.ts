// A round of `npm run test:faults`: comments, replies and resolves from several clients while the
// server is killed with SIGKILL. Afterwards the comments file parses line by line (a torn last
// line at most), and every comment answered 201 and every resolve answered 200 is there, also as
// the restarted server lists it. (The full-disk and read-only rounds are in store-faults.ts.)
import { rmSync } from 'node:fs';
import path from 'node:path';
import {
  blockIds,
  check,
  copyData,
  killPartWay,
  readJsonLines,
  serverEnv,
  SLUG,
  withRestartedServer,
  writerHeaders as headers,
} from './common';

const CLIENTS = 4;

export async function commentKillRound() {
  const data = copyData();
  const env = serverEnv(data);
  const ids = blockIds(data);
  const made = new Map<string, string>(); // cid → paragraph id
  const resolved: string[] = [];
  const threads = new Map<number, { cid: string; id: string }>(); // each client's last thread
  const url = (origin: string, id: string) => `${origin}/api/texts/${SLUG}/blocks/${id}/comments`;
  const started = Date.now();
  try {
    await killPartWay(
      env,
      CLIENTS,
      async (c, n, origin) => {
        // A new thread, or a reply to this client's last one; every third thread is then resolved.
        const thread = threads.get(c);
        const reply = thread !== undefined && n % 2 === 1;
        const id = reply && thread ? thread.id : (ids[(c + n * CLIENTS) % ids.length] ?? '');
        const response = await fetch(url(origin, id), {
          method: 'POST',
          headers: headers(`client-${c}`),
          body: JSON.stringify({ body: `Comment ${n} from client ${c}.`, ...(reply && thread ? { replyTo: thread.cid } : {}) }),
        });
        if (response.status !== 201) return;
        const { comment } = (await response.json()) as { comment: { cid: string } };
        made.set(comment.cid, id);
        if (!reply) threads.set(c, { cid: comment.cid, id });
        if (!reply && n % 3 === 0) {
          const resolve = await fetch(`${origin}/api/texts/${SLUG}/comments/${comment.cid}/resolve`, {
            method: 'POST',
            headers: headers(`client-${c}`),
            body: '{}',
          });
          if (resolve.ok) resolved.push(comment.cid);
        }
      },
      () => made.size,
    );

    const { entries: parsed, broken } = readJsonLines<{ type: string; cid: string }>(
      path.join(data, 'locales', 'en', `${SLUG}.comments.jsonl`),
    );
    check('comments: every line but a torn last one parses', broken.length === 0, broken.join('; '));
    check(
      'comments: some were answered 201 before the kill',
      made.size > 0,
      `${made.size} comments, ${resolved.length} resolved`,
    );
    const stored = new Set(parsed.filter((e) => e.type === 'comment').map((e) => e.cid));
    const lost = [...made.keys()].filter((cid) => !stored.has(cid));
    check('comments: every comment answered 201 is on disk', lost.length === 0, lost.join(', '));
    const resolves = new Set(parsed.filter((e) => e.type === 'resolve').map((e) => e.cid));
    const lostResolves = resolved.filter((cid) => !resolves.has(cid));
    check('comments: every resolve answered 200 is on disk', lostResolves.length === 0, lostResolves.join(', '));

    await withRestartedServer(env, async (origin) => {
      const sample = [...made].slice(-5);
      let listed = 0;
      for (const [cid, id] of sample) {
        const response = await fetch(url(origin, id), { headers: headers('faults') });
        const body = (await response.json()) as { comments?: { cid: string }[] };
        if (body.comments?.some((c) => c.cid === cid)) listed += 1;
      }
      check('comments: the restarted server lists them', listed === sample.length, `${listed} of ${sample.length}`);
    });
    console.log(
      `comments (SIGKILL): ${made.size} comments and ${resolved.length} resolves acknowledged, ${lost.length + lostResolves.length} lost, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
}

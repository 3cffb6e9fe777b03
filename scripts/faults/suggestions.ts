// A round of `npm run test:faults`: suggestions and votes from several clients while the server
// is killed with SIGKILL. Afterwards the suggestions file parses line by line (a torn last line
// at most), and every suggestion and vote answered 2xx is there, also as the restarted server lists it.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { startServer } from '../lib/next-server';
import { blockIds, check, copyData, serverEnv, SLUG, TOKEN } from './common';

const CLIENTS = 4;

const headers = (who: string) => ({ authorization: `Bearer ${TOKEN}`, 'x-editor-name': who, 'content-type': 'application/json' });

export async function suggestionKillRound() {
  const data = copyData();
  const env = serverEnv(data);
  const ids = blockIds(data);
  const made = new Map<string, string>(); // sid → paragraph id
  const votes: { sid: string; id: string; voter: string }[] = [];
  let stopped = false;
  try {
    const server = await startServer(env);
    const url = (id: string) => `${server.origin}/api/texts/${SLUG}/glosses/${id}/suggestions`;
    const client = async (c: number) => {
      for (let n = 0; !stopped; n += 1) {
        const id = ids[(c + n * CLIENTS) % ids.length] ?? '';
        try {
          const response = await fetch(url(id), {
            method: 'POST',
            headers: headers(`client-${c}`),
            body: JSON.stringify({ text: `Suggestion ${n} from client ${c}.` }),
          });
          if (response.status !== 201) continue;
          const { suggestion } = (await response.json()) as { suggestion: { sid: string } };
          made.set(suggestion.sid, id);
          // The next client votes for it.
          const voter = `client-${(c + 1) % CLIENTS}`;
          const vote = await fetch(`${url(id)}/${suggestion.sid}/vote`, { method: 'POST', headers: headers(voter), body: '{}' });
          if (vote.ok) votes.push({ sid: suggestion.sid, id, voter });
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

    const file = path.join(data, 'locales', 'en', `${SLUG}.suggestions.jsonl`);
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    const parsed = lines.flatMap((line, i) => {
      try {
        return [JSON.parse(line) as { type: string; sid: string; voter?: string }];
      } catch {
        return i === lines.length - 1 ? [] : [{ type: 'broken', sid: line }];
      }
    });
    check('suggestions: every line but a torn last one parses', !parsed.some((e) => e.type === 'broken'));
    const stored = new Set(parsed.filter((e) => e.type === 'suggest').map((e) => e.sid));
    const lost = [...made.keys()].filter((sid) => !stored.has(sid));
    check(
      'suggestions: some were answered 201 before the kill',
      made.size > 0,
      `${made.size} suggestions, ${votes.length} votes`,
    );
    check('suggestions: every suggestion answered 201 is on disk', lost.length === 0, lost.join(', '));
    const lostVotes = votes.filter((v) => !parsed.some((e) => e.type === 'vote' && e.sid === v.sid && e.voter === v.voter));
    check('suggestions: every vote answered 200 is on disk', lostVotes.length === 0, lostVotes.map((v) => v.sid).join(', '));

    const again = await startServer(env);
    try {
      const sample = [...made].slice(0, 5);
      let listed = 0;
      for (const [sid, id] of sample) {
        const response = await fetch(`${again.origin}/api/texts/${SLUG}/glosses/${id}/suggestions`, {
          headers: headers('faults'),
        });
        const body = (await response.json()) as { suggestions?: { sid: string }[] };
        if (body.suggestions?.some((s) => s.sid === sid)) listed += 1;
      }
      check('suggestions: the restarted server lists them', listed === sample.length, `${listed} of ${sample.length}`);
    } finally {
      await again.stop();
    }
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
}

// A round of `npm run test:faults`: suggestions and votes from several clients while the server
// is killed with SIGKILL. Afterwards the suggestions file parses line by line (a torn last line
// at most), and every suggestion and vote answered 2xx is there, also as the restarted server lists it.
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

export async function suggestionKillRound() {
  const data = copyData();
  const env = serverEnv(data);
  const ids = blockIds(data);
  const made = new Map<string, string>(); // sid → paragraph id
  const votes: { sid: string; id: string; voter: string }[] = [];
  const url = (origin: string, id: string) => `${origin}/api/texts/${SLUG}/glosses/${id}/suggestions`;
  try {
    await killPartWay(
      env,
      CLIENTS,
      async (c, n, origin) => {
        const id = ids[(c + n * CLIENTS) % ids.length] ?? '';
        const response = await fetch(url(origin, id), {
          method: 'POST',
          headers: headers(`client-${c}`),
          body: JSON.stringify({ text: `Suggestion ${n} from client ${c}.` }),
        });
        if (response.status !== 201) return;
        const { suggestion } = (await response.json()) as { suggestion: { sid: string } };
        made.set(suggestion.sid, id);
        // The next client votes for it.
        const voter = `client-${(c + 1) % CLIENTS}`;
        const vote = await fetch(`${url(origin, id)}/${suggestion.sid}/vote`, {
          method: 'POST',
          headers: headers(voter),
          body: '{}',
        });
        if (vote.ok) votes.push({ sid: suggestion.sid, id, voter });
      },
      () => made.size,
    );

    const { entries: parsed, broken } = readJsonLines<{ type: string; sid: string; voter?: string }>(
      path.join(data, 'locales', 'en', `${SLUG}.suggestions.jsonl`),
    );
    check('suggestions: every line but a torn last one parses', broken.length === 0, broken.join('; '));
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

    await withRestartedServer(env, async (origin) => {
      const sample = [...made].slice(0, 5);
      let listed = 0;
      for (const [sid, id] of sample) {
        const response = await fetch(url(origin, id), { headers: headers('faults') });
        const body = (await response.json()) as { suggestions?: { sid: string }[] };
        if (body.suggestions?.some((s) => s.sid === sid)) listed += 1;
      }
      check('suggestions: the restarted server lists them', listed === sample.length, `${listed} of ${sample.length}`);
    });
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
}

// A round of `npm run test:faults`: translator's notes, glossary terms and word boundaries
// (`.terms`) written from several clients while the server is killed with SIGKILL. Afterwards
// every file they write parses (the change log line by line, a torn last line at most), every
// write answered 2xx is stored, and the restarted server lists what was stored.
import { rmSync } from 'node:fs';
import { check, copyData, killPartWay, serverEnv, SLUG, withRestartedServer, writerHeaders } from './common';
import { paragraphs, teamWrites, unparsedFiles, type WriteKind } from './team-writes';

const CLIENTS = 3;

export async function annotationKillRound() {
  const data = copyData();
  const env = serverEnv(data);
  const writes = teamWrites(paragraphs(data));
  const kinds: WriteKind[] = [writes.notes, writes.glossary, writes.terms];
  const acknowledged = new Map<WriteKind, string[]>(kinds.map((k) => [k, []]));
  let attempted = 0;
  let seq = 0;
  const started = Date.now();
  try {
    await killPartWay(
      env,
      CLIENTS,
      async (c, n, origin) => {
        // Each client writes each kind in turn, so the three files are written at once.
        const kind = kinds[(c + n) % kinds.length] as WriteKind;
        attempted += 1;
        const answer = await kind.write(origin, (seq += 1), c);
        if (answer.status >= 200 && answer.status < 300 && answer.key) acknowledged.get(kind)?.push(answer.key);
      },
      () => [...acknowledged.values()].reduce((sum, keys) => sum + keys.length, 0),
    );

    const broken = unparsedFiles(data, kinds);
    check('notes, glossary, terms (SIGKILL): every file parses', broken.length === 0, broken.join('; '));
    let total = 0;
    let lost = 0;
    for (const kind of kinds) {
      const keys = acknowledged.get(kind) ?? [];
      const stored = kind.stored(data);
      const missing = keys.filter((key) => !stored.has(key));
      total += keys.length;
      lost += missing.length;
      check(`${kind.name} (SIGKILL): every write answered 2xx is on disk`, missing.length === 0, missing.join(', '));
    }
    check('notes, glossary, terms (SIGKILL): some writes were acknowledged before the kill', total > 0, `${total}`);

    await withRestartedServer(env, async (origin) => {
      const get = async (url: string) => (await fetch(`${origin}${url}`, { headers: writerHeaders('faults') })).json();
      const notes = (await get(`/api/texts/${SLUG}/notes`)) as { notes?: { id: string }[] };
      const glossary = (await get(`/api/texts/${SLUG}/glossary`)) as { entries?: { term: string }[] };
      const terms = (await get(`/api/texts/${SLUG}/terms`)) as { terms?: { words: string[] } };
      const listed = [
        { keys: acknowledged.get(writes.notes) ?? [], has: new Set(notes.notes?.map((n) => n.id)) },
        { keys: acknowledged.get(writes.glossary) ?? [], has: new Set(glossary.entries?.map((e) => e.term)) },
        { keys: acknowledged.get(writes.terms) ?? [], has: new Set(terms.terms?.words) },
      ];
      const unlisted = listed.flatMap(({ keys, has }) => keys.filter((key) => !has.has(key)));
      check('notes, glossary, terms (SIGKILL): the restarted server lists them', unlisted.length === 0, unlisted.join(', '));
      const page = await fetch(`${origin}/read/${SLUG}/p/${paragraphs(data)[0]?.id ?? ''}`);
      check('notes, glossary, terms (SIGKILL): the restarted server serves the reading page', page.ok, `status ${page.status}`);
    });
    const counts = kinds.map((k) => `${acknowledged.get(k)?.length ?? 0} ${k.name}`).join(', ');
    console.log(
      `notes, glossary, terms (SIGKILL): ${attempted} writes attempted, ${total} acknowledged (${counts}), ${lost} lost, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
}

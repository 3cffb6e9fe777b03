// `npm run test:faults`: crash and fault safety of saving, against `next start` on temporary
// copies of the data.
// 1. Kills: saves in a loop from several clients, the server killed with SIGKILL part-way and
//    restarted; every locale and history file parses, each gloss is its old text or one sent for
//    it, every save answered 200 is on disk. Three rounds.
// 2. A full disk and a read-only store (scripts/faults/store-faults.ts; needs root for a tmpfs).
// 3. Two servers on one data folder (scripts/faults/two-servers.ts).
// 4. The search database killed during an index update (scripts/faults/database.ts).
// 5. Suggestions and votes while the server is killed (scripts/faults/suggestions.ts).
// 6. Comments, replies and resolves while the server is killed (scripts/faults/comments.ts).
// 7. Notes, glossary terms and word boundaries while the server is killed (scripts/faults/annotations.ts).
// 8. Comments, notes, glossary terms and word boundaries on a full disk and a read-only store
//    (scripts/faults/team-disk.ts; root, as 2.).
// Needs a build: it serves the one the end-to-end tests made (.next-e2e), or NEXT_DIST_DIR.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, type RunningServer } from './lib/next-server';
import { check, checks, SLUG, TOKEN } from './faults/common';
import { storeFaultRounds } from './faults/store-faults';
import { twoServersRound } from './faults/two-servers';
import { smallHeapRound } from './faults/small-heap';
import { databaseRound } from './faults/database';
import { suggestionKillRound } from './faults/suggestions';
import { commentKillRound } from './faults/comments';
import { annotationKillRound } from './faults/annotations';
import { teamDiskRounds } from './faults/team-disk';
import { storedGlosses } from '@/lib/testing/stored-glosses';

const CLIENTS = 6;
const ROUNDS = 3;

interface Ledger {
  blocks: { id: string; zh: string }[];
}

async function main() {
  const distDir = process.env.NEXT_DIST_DIR ?? '.next-e2e';
  if (!existsSync(path.join(distDir, 'BUILD_ID')))
    throw new Error(`No build in ${distDir}: run the end-to-end tests (or next build) first`);
  const data = mkdtempSync(path.join(tmpdir(), 'bilingual-faults-'));
  for (const folder of ['content', 'locales']) cpSync(folder, path.join(data, folder), { recursive: true });
  const glossFile = path.join(data, 'locales', 'en', `${SLUG}.json`);
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: distDir,
    BILINGUAL_DATA_DIR: data,
    EDITOR_TOKEN: TOKEN,
  };

  const ids = (JSON.parse(readFileSync(path.join(data, 'content', `${SLUG}.ids.json`), 'utf8')) as Ledger).blocks
    .filter((b) => b.zh)
    .map((b) => b.id);
  const original = JSON.parse(readFileSync(glossFile, 'utf8')) as Record<string, string>;
  /** Every text ever sent for a block (answered or not), and the last one answered 200. */
  const sent = new Map<string, Set<string>>(ids.map((id) => [id, new Set([original[id] ?? ''])]));
  const acknowledged = new Map<string, string>();
  let answered = 0;

  try {
    for (let round = 1; round <= ROUNDS; round += 1) {
      const server = await startServer(env);
      let stopped = false;
      const revisions = new Map<string, string>();
      const text = (await (await fetch(`${server.origin}/api/texts/${SLUG}`)).json()) as {
        blocks: { id: string; revision: string | null }[];
      };
      for (const block of text.blocks) if (block.revision) revisions.set(block.id, block.revision);

      const client = async (c: number) => {
        // Each client owns every CLIENTS-th block, so their saves never conflict with each other.
        const mine = ids.filter((_, i) => i % CLIENTS === c);
        for (let n = 0; !stopped; n += 1) {
          const id = mine[n % mine.length] ?? '';
          const body = `Round ${round}, client ${c}, save ${n} of ${id}.`;
          sent.get(id)?.add(body);
          try {
            const response = await fetch(`${server.origin}/api/texts/${SLUG}/glosses/${id}`, {
              method: 'PUT',
              headers: { authorization: `Bearer ${TOKEN}`, 'x-editor-name': `client-${c}`, 'content-type': 'application/json' },
              body: JSON.stringify({ text: body, baseRevision: revisions.get(id) ?? '' }),
            });
            if (response.ok) {
              const result = (await response.json()) as { revision: string };
              revisions.set(id, result.revision);
              acknowledged.set(id, body);
              answered += 1;
            }
          } catch {
            return; // the server is gone
          }
        }
      };
      const running = Array.from({ length: CLIENTS }, (_, c) => client(c));
      await new Promise((resolve) => setTimeout(resolve, 800 + Math.random() * 1200));
      stopped = true;
      await server.stop('SIGKILL');
      await Promise.allSettled(running);
      verify(data, round, ids, sent, acknowledged);
      await verifyServerStillWorks(env, round);
    }
    check('some saves were answered 200 before the kills', answered > 0, `${answered} saves`);
    console.log(`${answered} saves answered 200 across ${ROUNDS} rounds, ${acknowledged.size} blocks changed`);
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
  await storeFaultRounds();
  await teamDiskRounds();
  await twoServersRound();
  await suggestionKillRound();
  await commentKillRound();
  await annotationKillRound();
  await smallHeapRound();
  await databaseRound();
}

function verify(data: string, round: number, ids: string[], sent: Map<string, Set<string>>, acknowledged: Map<string, string>) {
  const dir = path.join(data, 'locales', 'en');
  const broken: string[] = [];
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    try {
      if (name.endsWith('.json')) JSON.parse(readFileSync(file, 'utf8'));
      if (name.endsWith('.jsonl')) {
        for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) JSON.parse(line);
      }
    } catch (error) {
      broken.push(`${name}: ${error instanceof Error ? error.message : error}`);
    }
  }
  check(`round ${round}: every locale and history file parses`, broken.length === 0, broken.join('; '));

  // What is stored: the gloss file with the journal of saves not yet folded into it replayed.
  const glosses = storedGlosses(data, SLUG).glosses;
  const unexpected = ids.filter((id) => !sent.get(id)?.has(glosses[id] ?? ''));
  check(`round ${round}: each gloss is its old text or a text sent for it`, unexpected.length === 0, unexpected.join(', '));

  // A save answered 200 is on disk, unless a later save of the same block (sent, maybe unanswered) replaced it.
  const lost = [...acknowledged].filter(([id, text]) => {
    const onDisk = glosses[id] ?? '';
    if (onDisk === text) return false;
    const order = [...(sent.get(id) ?? [])];
    return order.indexOf(onDisk) < order.indexOf(text);
  });
  check(`round ${round}: every save answered 200 is on disk`, lost.length === 0, lost.map(([id]) => id).join(', '));
}

async function verifyServerStillWorks(env: NodeJS.ProcessEnv, round: number) {
  let server: RunningServer | undefined;
  try {
    server = await startServer(env);
    const response = await fetch(`${server.origin}/api/texts/${SLUG}`);
    check(`round ${round}: the restarted server serves the text`, response.ok, `status ${response.status}`);
  } catch (error) {
    check(`round ${round}: the restarted server serves the text`, false, String(error));
  } finally {
    await server?.stop();
  }
}

main()
  .catch((error: unknown) =>
    check('the fault-injection run finished', false, error instanceof Error ? error.message : String(error)),
  )
  .finally(() => {
    const failed = checks.filter((c) => !c.ok).length;
    mkdirSync('reports', { recursive: true });
    writeFileSync('reports/faults.json', `${JSON.stringify({ passed: checks.length - failed, failed, checks }, null, 2)}\n`);
    console.log(`fault injection: ${checks.length - failed} passed, ${failed} failed`);
    process.exit(failed === 0 ? 0 : 1);
  });

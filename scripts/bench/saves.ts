// Save figures against a built server (`npm run bench`, or alone:
// `tsx --conditions=react-server scripts/bench/saves.ts` after `next build`; NEXT_DIST_DIR picks the build).
// In one run, on a temporary copy of the data with a generated 10,000-block text (lib/testing/long-text.ts,
// no English yet) beside the bundled article:
// - p50 / p95 of PUT /api/texts/<slug>/glosses/<id>: one client saving alone, then 16 concurrent
//   clients making 400 saves, on the article and on the long text; with lost updates (answered
//   200, not on disk) and history entries missing;
// - the server's RSS after 100 saves and after 6,000 (every process of its group), with a 192 MB heap;
// - the same saves on the article in French (`?lang=fr`, an empty French added to the copy) in
//   the same run as the English, with the ratio of their p95;
// - for comparison, the p95 of a request that does nothing, and the save figures of the store
//   alone, without HTTP (store-saves.ts).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { syncLibrary } from '@/lib/library/sync';
import { generateLongText } from '@/lib/testing/long-text';
import { storedGlosses } from '@/lib/testing/stored-glosses';
import { ARTICLE, articleSentences } from '../lib/long-text-files';
import { startServer, type RunningServer } from '../lib/next-server';
import { storeSaveFigures } from './store-saves';
import { MIN_HEAP_MB } from '@/lib/cache-bounds';

const LONG = 'bench-long';
/** The second target language the saves are measured in, beside English. */
const SECOND = 'fr';
const LONG_BLOCKS = 10_000;
const TOKEN = 'bench-token';
// The smallest heap a server is supported on (lib/cache-bounds.ts): anything held per save shows there first.
const HEAP_MB = MIN_HEAP_MB;

const ms = (value: number) => `${value.toFixed(1)} ms`;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

interface Run {
  p50: number;
  p95: number;
  saves: number;
  refused: number;
  /** Refusals by status code. */
  refusals: Map<number, number>;
  lost: number;
  missingHistory: number;
}

/**
 * Writes a text of `blocks` blocks from the article's sentences, with no English yet, and records
 * its ids. Paragraphs of up to 8 sentences make it weigh about what the article's whole
 * paragraphs did (2.4 MB).
 */
async function writeBenchText(data: string, blocks: number) {
  const previous = process.env.BILINGUAL_DATA_DIR;
  process.env.BILINGUAL_DATA_DIR = data;
  try {
    const { zh } = await articleSentences();
    writeFileSync(
      path.join(data, 'content', `${LONG}.md`),
      generateLongText({ paragraphs: blocks, zh, en: [], sentences: 8 }).source,
    );
    await syncLibrary();
  } finally {
    if (previous === undefined) delete process.env.BILINGUAL_DATA_DIR;
    else process.env.BILINGUAL_DATA_DIR = previous;
  }
}

/** The server's resident memory: the sum over its process group (next start and its workers). */
function rssMb(server: RunningServer): number {
  const group = server.process.pid;
  let kb = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== group) continue; // field 5 of stat: the process group
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      // The process ended meanwhile.
    }
  }
  return kb / 1024;
}

async function saveRun(
  server: RunningServer,
  data: string,
  slug: string,
  clients: number,
  total: number,
  label: string,
  lang = 'en',
): Promise<Run> {
  // Without ?lang= for English: the requests English clients make.
  const query = lang === 'en' ? '' : `?lang=${lang}`;
  const text = (await (await fetch(`${server.origin}/api/texts/${slug}${query}`)).json()) as {
    blocks: { id: string; revision: string | null; type?: string }[];
  };
  const blocks = text.blocks.filter((b) => b.revision !== null);
  const revisions = new Map(blocks.map((b) => [b.id, b.revision ?? '']));
  const ids = blocks.map((b) => b.id);
  const latencies: number[] = [];
  const last = new Map<string, string>();
  let refused = 0;
  const refusals = new Map<number, number>();
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      // Each client takes the next save in turn, on blocks of its own (every clients-th), so no save conflicts.
      const mine = ids.filter((_, i) => i % clients === c);
      for (let n = next++, k = 0; n < total; n = next++, k += 1) {
        const id = mine[k % mine.length] ?? '';
        const body = `${label} ${n}: client ${c} on ${id}.`;
        const started = performance.now();
        const response = await fetch(`${server.origin}/api/texts/${slug}/glosses/${id}${query}`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', 'x-editor-name': `bench-${c}` },
          body: JSON.stringify({ text: body, baseRevision: revisions.get(id) ?? '' }),
        });
        latencies.push(performance.now() - started);
        if (response.ok) {
          revisions.set(id, ((await response.json()) as { revision: string }).revision);
          last.set(id, body);
        } else {
          refused += 1;
          refusals.set(response.status, (refusals.get(response.status) ?? 0) + 1);
          await response.arrayBuffer();
        }
      }
    }),
  );
  // What is stored: the gloss file with the journal of saves not yet folded into it.
  const onDisk = storedGlosses(data, slug, lang).glosses;
  // No history file: no save landed (the refusals say why).
  const historyFile = path.join(data, 'locales', lang, `${slug}.history.jsonl`);
  const history = existsSync(historyFile) ? readFileSync(historyFile, 'utf8') : '';
  const recorded = new Set(
    history
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { after: string | null }).after),
  );
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    saves: latencies.length,
    refused,
    refusals,
    lost: [...last].filter(([id, body]) => onDisk[id] !== body).length,
    missingHistory: [...last.values()].filter((body) => !recorded.has(body)).length,
  };
}

/** ` (503 × 3, 409 × 1)`, or nothing when no save was refused. */
function refusalCodes(run: Run): string {
  if (run.refusals.size === 0) return '';
  return ` (${[...run.refusals].map(([status, count]) => `${status} × ${count}`).join(', ')})`;
}

function describeRun(name: string, run: Run): string {
  return (
    `${name.padEnd(44)}p50 ${ms(run.p50).padEnd(10)} p95 ${ms(run.p95).padEnd(10)} ` +
    `${run.saves} saves, ${run.refused} refused${refusalCodes(run)}, ${run.lost} lost, ${run.missingHistory} without history`
  );
}

/** The p95 of `total` requests that do nothing (GET /api/session) from `clients` concurrent clients. */
async function floorRun(server: RunningServer, clients: number, total: number): Promise<number> {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let n = next++; n < total; n = next++) {
        const started = performance.now();
        await (await fetch(`${server.origin}/api/session`)).arrayBuffer();
        latencies.push(performance.now() - started);
      }
    }),
  );
  return percentile(
    latencies.sort((a, b) => a - b),
    95,
  );
}

/** Prints the save figures; `env` names the build (NEXT_DIST_DIR). */
export async function saveFigures(env: NodeJS.ProcessEnv = process.env, options: { memorySaves?: number } = {}) {
  const memorySaves = options.memorySaves ?? 6000;
  const data = mkdtempSync(path.join(tmpdir(), 'bilingual-bench-saves-'));
  for (const folder of ['content', 'locales']) cpSync(folder, path.join(data, folder), { recursive: true });
  await writeBenchText(data, LONG_BLOCKS);
  // The article in a second language, empty, as `npm run language -- add` makes it.
  mkdirSync(path.join(data, 'locales', SECOND), { recursive: true });
  for (const name of [`${ARTICLE}.json`, `${ARTICLE}.state.json`])
    writeFileSync(path.join(data, 'locales', SECOND, name), '{}\n');
  const storeData = mkdtempSync(path.join(tmpdir(), 'bilingual-bench-store-'));
  cpSync(data, storeData, { recursive: true });
  const serverEnv = { ...env, NEXT_TELEMETRY_DISABLED: '1', BILINGUAL_DATA_DIR: data, EDITOR_TOKEN: TOKEN };
  try {
    // Memory first, on a fresh server that has seen nothing else: 16 clients on the article. The
    // server gets the smallest supported heap (a 192 MB one, below it, once died): with an unbounded heap V8 collects
    // lazily and RSS says little; with a bounded one, anything held per save ends in a crash.
    const fresh = await startServer(serverEnv, { heapMb: HEAP_MB });
    try {
      const first = await saveRun(fresh, data, ARTICLE, 16, 100, 'memory');
      const after100 = rssMb(fresh);
      const rest = await saveRun(fresh, data, ARTICLE, 16, memorySaves - 100, 'memory');
      const afterAll = rssMb(fresh);
      console.log(
        `\nserver RSS (${HEAP_MB} MB heap): ${after100.toFixed(0)} MB after 100 saves, ${afterAll.toFixed(0)} MB after ${memorySaves} ` +
          `(grew ${(afterAll - after100).toFixed(0)} MB; should stay within 100 MB); ` +
          `${first.refused + rest.refused} refused${refusalCodes(first)}${refusalCodes(rest)}, ${first.lost + rest.lost} lost`,
      );
    } finally {
      await fresh.stop();
    }

    const server = await startServer(serverEnv);
    try {
      // Warm both texts up (first compile of the route, first read of the files).
      await saveRun(server, data, ARTICLE, 1, 10, 'warm-up');
      await saveRun(server, data, LONG, 1, 10, 'warm-up');
      await saveRun(server, data, ARTICLE, 1, 10, 'warm-up', SECOND);
      const runs: [string, Run][] = [];
      runs.push(['article, 1 client, 100 saves', await saveRun(server, data, ARTICLE, 1, 100, 'alone')]);
      runs.push(['article, 16 clients, 400 saves', await saveRun(server, data, ARTICLE, 16, 400, 'together')]);
      runs.push([`${LONG_BLOCKS}-block text, 1 client, 100 saves`, await saveRun(server, data, LONG, 1, 100, 'alone')]);
      runs.push([`${LONG_BLOCKS}-block text, 16 clients, 400 saves`, await saveRun(server, data, LONG, 16, 400, 'together')]);
      // The same saves in a second language, in the same run: each language has its own files, journal and queue.
      const second: [string, Run][] = [
        [`article in ${SECOND}, 1 client, 100 saves`, await saveRun(server, data, ARTICLE, 1, 100, 'alone', SECOND)],
        [`article in ${SECOND}, 16 clients, 400 saves`, await saveRun(server, data, ARTICLE, 16, 400, 'together', SECOND)],
      ];
      console.log('\nsaves (PUT /api/texts/<slug>/glosses/<id>)');
      for (const [name, run] of [...runs, ...second]) console.log(describeRun(name, run));
      const [secondAlone, secondTogether] = second.map(([, run]) => run);
      const [englishAlone, englishTogether] = runs.map(([, run]) => run);
      if (secondAlone && secondTogether && englishAlone && englishTogether) {
        console.log(
          `p95 in ${SECOND} / in English (article): ${(secondAlone.p95 / englishAlone.p95).toFixed(2)} × with 1 client, ` +
            `${(secondTogether.p95 / englishTogether.p95).toFixed(2)} × with 16 (should be about 1 ×)`,
        );
      }
      const [alone, together, longAlone, longTogether] = runs.map(([, run]) => run);
      if (alone && together && longAlone && longTogether) {
        console.log(
          `p95 16 clients / 1 client: article ${(together.p95 / alone.p95).toFixed(2)} ×, long text ${(longTogether.p95 / longAlone.p95).toFixed(2)} ×; ` +
            `long text / article with 16 clients: ${(longTogether.p95 / together.p95).toFixed(2)} × (each should be at most 2 ×)`,
        );
      }
      // What any request costs on this server, for comparison: one that reads and writes nothing.
      const [floorAlone, floorTogether] = [await floorRun(server, 1, 100), await floorRun(server, 16, 400)];
      console.log(
        `GET /api/session for comparison: p95 ${ms(floorAlone)} alone, ${ms(floorTogether)} with 16 clients ` +
          `(${(floorTogether / floorAlone).toFixed(2)} ×): the part of a save's time that is HTTP and Next.js`,
      );
    } finally {
      await server.stop();
    }
    await storeSaveFigures(storeData, [
      [ARTICLE, 'article'],
      [LONG, `${LONG_BLOCKS}-block text`],
    ]);
  } finally {
    rmSync(data, { recursive: true, force: true });
    rmSync(storeData, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve('scripts/bench/saves.ts')) {
  saveFigures(
    { ...process.env, NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? '.next' },
    { memorySaves: Number(process.env.BENCH_MEMORY_SAVES ?? 6000) },
  ).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

// Search figures for `npm run bench`: index build time and memory, and query latency (p50 / p95
// per kind of query: Chinese, traditional, English, pinyin), on the bundled article alone and with
// a generated 10,000-paragraph text; and the same index on FlexSearch instead of MiniSearch, the
// two libraries measured before choosing.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { pinyinByOffset } from '@/lib/annotate/pinyin';
import { loadLibrary } from '@/lib/library/load';
import { createFlexSearchEngine } from '@/lib/search/flexsearch-engine';
import { resetSearchIndex, searchableBlocks, searchLibrary, currentIndex } from '@/lib/search/library-search';
import { createMiniSearchEngine } from '@/lib/search/minisearch-engine';
import { readSearchRequest } from '@/lib/search/request';
import { SearchIndex } from '@/lib/search/search-index';
import { blocksHolding, generateLongText } from '@/lib/testing/long-text';
import { articleSentences, writeLongText } from '../lib/long-text-files';

const QUERIES: Record<string, string[]> = {
  chinese: ['智能', '模型', '自动驾驶 特斯拉', '人脑', '数据集', '强化学习', '的'],
  traditional: ['自動駕駛', '頭腦', '模型訓練'],
  english: ['distill', 'models', '"self-driving"', 'the', 'learning agents', 'transformer brain'],
  pinyin: ['zhengliu', 'zheng1 liu2', 'moxing', 'rengongzhineng', 'zhì néng', 'shuju'],
};
const RUNS = 30;

const ms = (value: number) => `${value.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
function heap(): number {
  gc();
  gc();
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? 0;
}

/** Chapters of a heading and 200 paragraphs, as the long text of this bench has always had. */
const CHAPTER_LENGTH = 201;

/**
 * A long text of `paragraphs` paragraphs from the bundled article's sentences, four in five with
 * English; paragraphs of up to 11 sentences keep it the weight it had (1.2 M characters for 10,000).
 */
async function writeBenchText(paragraphs: number): Promise<void> {
  const long = generateLongText({
    paragraphs: blocksHolding(paragraphs, CHAPTER_LENGTH),
    chapterLength: CHAPTER_LENGTH,
    ...(await articleSentences()),
    sentences: 11,
    glossed: 0.8,
    seed: 42,
  });
  await writeLongText('bench-long', long);
}

async function latency(label: string) {
  for (const [kind, queries] of Object.entries(QUERIES)) {
    const times: number[] = [];
    const cpu: number[] = [];
    let hits = 0;
    for (let run = 0; run < RUNS; run++) {
      for (const q of queries) {
        const started = performance.now();
        const cpuStarted = process.cpuUsage();
        const read = readSearchRequest({ q }, { editor: true });
        if (!read.ok) throw new Error(`${q}: ${read.error}`);
        const found = await searchLibrary(read.request);
        const used = process.cpuUsage(cpuStarted);
        times.push(performance.now() - started);
        cpu.push((used.user + used.system) / 1000);
        if (found.ok && run === 0) hits += found.total;
      }
    }
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    console.log(
      `search ${label}, ${kind} (${queries.length} queries × ${RUNS}, ${hits} hits): ` +
        `p50 ${ms(percentile(times, 0.5))}, p95 ${ms(percentile(times, 0.95))}; ` +
        `CPU time p50 ${ms(percentile(cpu, 0.5))}, p95 ${ms(percentile(cpu, 0.95))}`,
    );
  }
}

async function build(label: string) {
  resetSearchIndex();
  const before = heap();
  const started = performance.now();
  const index = await currentIndex();
  const elapsed = performance.now() - started;
  const after = heap();
  console.log(
    `search index ${label}: ${index.size} blocks built in ${ms(elapsed)} (loading, folding, pinyin, indexing), memory (heap and typed arrays) grew ${mb(after - before)}`,
  );
  const checks: number[] = [];
  for (let run = 0; run < 20; run++) {
    const warm = performance.now();
    await currentIndex();
    checks.push(performance.now() - warm);
  }
  checks.sort((a, b) => a - b);
  console.log(`search index ${label}: up-to-date check before each query (file identities) p50 ${ms(percentile(checks, 0.5))}`);
}

async function compareEngines() {
  const texts = (await loadLibrary()).flatMap((entry) => (entry.ok ? [entry.text] : []));
  for (const [name, create] of [
    ['minisearch', createMiniSearchEngine],
    ['flexsearch', createFlexSearchEngine],
  ] as const) {
    const before = heap();
    let index: SearchIndex | undefined = new SearchIndex(create(), pinyinByOffset);
    const started = performance.now();
    for (const text of texts) index.setText(text.slug, { zh: text.title.zh }, searchableBlocks(text));
    const elapsed = performance.now() - started;
    const size = index.size;
    const times: number[] = [];
    const totals: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      for (const q of Object.values(QUERIES).flat()) {
        const t0 = performance.now();
        const read = readSearchRequest({ q }, { editor: true });
        if (!read.ok) continue;
        const page = index?.search(read.request.terms, { limit: 20, offset: 0 });
        times.push(performance.now() - t0);
        if (run === 0) totals.push(page?.total ?? 0);
      }
    }
    times.sort((a, b) => a - b);
    const memory = heap() - before;
    index = undefined;
    console.log(
      `engine ${name} (${size} blocks): built in ${ms(elapsed)}, memory ${mb(memory)}, ` +
        `query p50 ${ms(percentile(times, 0.5))}, p95 ${ms(percentile(times, 0.95))}, hits ${totals.reduce((a, b) => a + b, 0)}`,
    );
  }
}

/** Prints the search figures; works on a temporary copy of the data. */
export async function searchFigures(paragraphs = 10_000): Promise<void> {
  const previous = process.env.BILINGUAL_DATA_DIR;
  const source = path.resolve(previous ?? process.cwd());
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-search-'));
  try {
    cpSync(path.join(source, 'content'), path.join(dir, 'content'), { recursive: true });
    cpSync(path.join(source, 'locales'), path.join(dir, 'locales'), { recursive: true });
    process.env.BILINGUAL_DATA_DIR = dir;
    // Wall times on a busy machine include waiting for a core; CPU time is the query's own work.
    console.log(
      `search: load average ${loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')} on ${cpus().length} cores`,
    );
    await build('on the article');
    await latency('on the article');
    await writeBenchText(paragraphs);
    await compareEngines();
    await build(`with a ${paragraphs.toLocaleString('en')}-paragraph text`);
    await latency(`with a ${paragraphs.toLocaleString('en')}-paragraph text`);
  } finally {
    if (previous === undefined) delete process.env.BILINGUAL_DATA_DIR;
    else process.env.BILINGUAL_DATA_DIR = previous;
    resetSearchIndex();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  searchFigures(Number(process.argv[2] ?? 10_000)).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

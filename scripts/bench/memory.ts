// Translation memory figures for `npm run bench`: with the bundled article, a 10,000-paragraph text
// and three novel-length texts (generated from the article's sentences, as the other benches do),
// the memory's build time and heap growth, the match look-up's p50 / p95 (GET /api/tm's work) and
// concordance's (GET /api/concordance's), and the cost of a save becoming a match source.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { GLOSS_LANGUAGE } from '@/lib/library/load';
import { currentMemory, MEMORY_BYTES_PER_CHAR, resetMemory } from '@/lib/memory/library-memory';
import { libraryConcordance, memoryMatches } from '@/lib/memory/library-queries';
import { blocksHolding, generateLongText } from '@/lib/testing/long-text';
import { articleSentences, writeLongText } from '../lib/long-text-files';

const ms = (value: number) => `${value.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const CHAPTER_LENGTH = 201;
const LOOKUPS = 300;
const CONCORDANCE = ['特斯拉', '自动驾驶', '模型', '的', '人形机器人', 'Tesla', 'self-driving', 'the model', '数据', '教育'];

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

async function writeTexts(sentences: { zh: string[]; en: string[] }): Promise<void> {
  const common = { chapterLength: CHAPTER_LENGTH, ...sentences, glossed: 0.8 };
  await writeLongText(
    'bench-long',
    generateLongText({ ...common, paragraphs: blocksHolding(10_000, CHAPTER_LENGTH), sentences: 11, seed: 42 }),
  );
  // Novel-length: about 700,000 characters each (a novel of 80 chapters).
  for (const [i, seed] of [7, 11, 13].entries())
    await writeLongText(
      `bench-novel-${i + 1}`,
      generateLongText({
        ...common,
        paragraphs: blocksHolding(6_000, CHAPTER_LENGTH),
        sentences: 11,
        seed,
        title: { zh: `小说${i + 1}`, en: `Novel ${i + 1}` },
      }),
    );
}

/** Prints the memory figures; works on a temporary copy of the data. */
export async function memoryFigures(): Promise<void> {
  const previous = process.env.BILINGUAL_DATA_DIR;
  const source = path.resolve(previous ?? process.cwd());
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-memory-'));
  try {
    cpSync(path.join(source, 'content'), path.join(dir, 'content'), { recursive: true });
    cpSync(path.join(source, 'locales'), path.join(dir, 'locales'), { recursive: true });
    process.env.BILINGUAL_DATA_DIR = dir;
    await writeTexts(await articleSentences());
    console.log(
      `memory: load average ${loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')} on ${cpus().length} cores`,
    );
    resetMemory();
    const before = heap();
    const started = performance.now();
    const memory = await currentMemory(GLOSS_LANGUAGE);
    const built = performance.now() - started;
    const grown = heap() - before;
    const size = memory.index.size();
    console.log(
      `memory index: ${size.units.toLocaleString('en')} translated paragraphs (${size.chars.toLocaleString('en')} characters) of 5 texts built in ${ms(built)}, ` +
        `heap grew ${mb(grown)} (${(grown / Math.max(1, size.chars)).toFixed(0)} bytes per character; the bound counts ${MEMORY_BYTES_PER_CHAR})`,
    );
    const units = [...memory.index.units()].filter((u) => !u.slug.startsWith('tmx:'));
    const times: number[] = [];
    let found = 0;
    for (let i = 0; i < LOOKUPS; i++) {
      const unit = units[Math.floor((i * 7919) % units.length)]!;
      const t0 = performance.now();
      const answer = await memoryMatches({ slug: unit.slug, id: unit.id, lang: GLOSS_LANGUAGE }, { editor: true });
      times.push(performance.now() - t0);
      if (answer.ok) found += answer.matches.length;
    }
    times.sort((a, b) => a - b);
    console.log(
      `memory match look-up (${LOOKUPS} paragraphs, ${found} matches): p50 ${ms(percentile(times, 0.5))}, p95 ${ms(percentile(times, 0.95))}`,
    );
    const conc: number[] = [];
    let places = 0;
    for (let run = 0; run < 10; run++)
      for (const q of CONCORDANCE) {
        const t0 = performance.now();
        const page = await libraryConcordance({ q, lang: GLOSS_LANGUAGE, limit: 20, offset: 0 });
        conc.push(performance.now() - t0);
        if (run === 0) places += page.total;
      }
    conc.sort((a, b) => a - b);
    console.log(
      `concordance (${CONCORDANCE.length} queries × 10, ${places.toLocaleString('en')} places): p50 ${ms(percentile(conc, 0.5))}, p95 ${ms(percentile(conc, 0.95))}`,
    );
  } finally {
    if (previous === undefined) delete process.env.BILINGUAL_DATA_DIR;
    else process.env.BILINGUAL_DATA_DIR = previous;
    resetMemory();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  memoryFigures().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

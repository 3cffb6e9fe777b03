// Translation memory figures for `npm run bench`: with the bundled article, a 10,000-paragraph text
// and three novel-length texts (generated from the article's sentences, as the other benches do),
// the memory's build time and heap growth, the match look-up's p50 / p95 (GET /api/tm's work) and
// concordance's (GET /api/concordance's), and the cost of a save becoming a match source. Each
// time is given as wall time and as the process's CPU time: on a machine shared with other work the
// two part, and the CPU time is what the look-up itself costs.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { glossRevision } from '@/lib/gloss/validate';
import { saveGloss } from '@/lib/library/edit';
import { scheduleAlignment } from '@/lib/library/alignment';
import { foldJournal } from '@/lib/library/fold';
import { GLOSS_LANGUAGE, loadText } from '@/lib/library/load';
import { currentMemory, MEMORY_BYTES_PER_CHAR, resetMemory } from '@/lib/memory/library-memory';
import { libraryConcordance, memoryMatches } from '@/lib/memory/library-queries';
import { currentSentenceMemory, resetSentenceMemory } from '@/lib/memory/library-sentences';
import { sentenceMatches } from '@/lib/memory/sentence-queries';
import { listSources } from '@/lib/store/sources';
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

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Times `run`: wall and CPU milliseconds. */
async function timed<T>(run: () => Promise<T>): Promise<{ value: T; wall: number; cpu: number }> {
  const c0 = cpuMs();
  const t0 = performance.now();
  const value = await run();
  return { value, wall: performance.now() - t0, cpu: cpuMs() - c0 };
}

/** `p50 … ms, p95 … ms (CPU p50 …, p95 …)` of these times. */
function summary(times: { wall: number; cpu: number }[]): string {
  const wall = times.map((t) => t.wall).sort((a, b) => a - b);
  const cpu = times.map((t) => t.cpu).sort((a, b) => a - b);
  return `p50 ${ms(percentile(wall, 0.5))}, p95 ${ms(percentile(wall, 0.95))} (CPU p50 ${ms(percentile(cpu, 0.5))}, p95 ${ms(percentile(cpu, 0.95))})`;
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

/**
 * A save in the 10,000-paragraph text, then a look-up of the paragraph saved: the memory takes in
 * the one changed paragraph (the text's files are read on from where they were), and the saved
 * translation is a match source at once.
 */
async function saveFigures(): Promise<void> {
  const loaded = await loadText('bench-long', { lang: GLOSS_LANGUAGE });
  if (!loaded?.ok) throw new Error('bench-long did not load');
  const saves: { wall: number; cpu: number }[] = [];
  let seen = 0;
  const blocks = loaded.text.blocks.filter((b) => b.en?.trim()).slice(0, 20);
  for (const [i, block] of blocks.entries()) {
    const text = `${block.en ?? ''} (saved ${i})`;
    const saved = await saveGloss({
      slug: 'bench-long',
      id: block.id,
      text,
      baseRevision: glossRevision(block.en),
      editor: 'bench',
    });
    if (!saved.ok) throw new Error(`the bench save failed: ${saved.error}`);
    const lookup = await timed(() => currentMemory(GLOSS_LANGUAGE));
    saves.push(lookup);
    if (lookup.value.index.unitsOf('bench-long').get(block.id)?.gloss === text) seen += 1;
  }
  // The saves' journal is folded now, under the text's lock, so that no fold planned by them is
  // still writing when the data folder is put back and removed (a later one finds nothing to do).
  await foldJournal('bench-long', GLOSS_LANGUAGE);
  console.log(
    `a save is a match source (${seen} of ${saves.length} saves seen by the next look-up): bringing the memory up to date ${summary(saves)}`,
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
    // The sentence matches draw on stored alignments, made in the background after start: made here first.
    const aligning = performance.now();
    for (const { slug } of (await listSources()).sources) {
      const aligned = await scheduleAlignment(slug, GLOSS_LANGUAGE);
      if (typeof aligned !== 'number') throw new Error(aligned.error);
    }
    console.log(`memory: every text aligned first (as after start) in ${ms(performance.now() - aligning)}`);
    console.log(
      `memory: load average ${loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')} on ${cpus().length} cores`,
    );
    resetMemory();
    resetSentenceMemory();
    const before = heap();
    const started = performance.now();
    const startedCpu = cpuMs();
    const memory = await currentMemory(GLOSS_LANGUAGE);
    const built = performance.now() - started;
    const builtCpu = cpuMs() - startedCpu;
    const grown = heap() - before;
    const size = memory.index.size();
    console.log(
      `memory index: ${size.units.toLocaleString('en')} translated paragraphs (${size.chars.toLocaleString('en')} characters) of 5 texts built in ${ms(built)} (CPU ${ms(builtCpu)}), ` +
        `heap grew ${mb(grown)} (${(grown / Math.max(1, size.chars)).toFixed(0)} bytes per character; the bound counts ${MEMORY_BYTES_PER_CHAR})`,
    );
    const sentenceBefore = heap();
    const sentenceBuild = await timed(() => currentSentenceMemory(GLOSS_LANGUAGE));
    const sentenceGrown = heap() - sentenceBefore;
    const sentenceSize = sentenceBuild.value.index.size();
    console.log(
      `sentence index: ${sentenceSize.units.toLocaleString('en')} sentence pairs (${sentenceSize.chars.toLocaleString('en')} characters) built in ${ms(sentenceBuild.wall)} (CPU ${ms(sentenceBuild.cpu)}), ` +
        `heap grew ${mb(sentenceGrown)} (${(sentenceGrown / Math.max(1, sentenceSize.chars)).toFixed(0)} bytes per character; the bound counts ${MEMORY_BYTES_PER_CHAR})`,
    );
    const units = [...memory.index.units()].filter((u) => !u.slug.startsWith('tmx:'));
    const times: { wall: number; cpu: number }[] = [];
    let found = 0;
    let sentences = 0;
    for (let i = 0; i < LOOKUPS; i++) {
      const unit = units[Math.floor((i * 7919) % units.length)]!;
      const lookup = await timed(() => memoryMatches({ slug: unit.slug, id: unit.id, lang: GLOSS_LANGUAGE }, { editor: true }));
      times.push(lookup);
      if (lookup.value.ok) {
        found += lookup.value.matches.length;
        sentences += lookup.value.sentences.reduce((sum, s) => sum + s.matches.length, 0);
      }
    }
    // The sentence part alone, on the same paragraphs: what the sentence matches add to a look-up.
    const sentenceTimes: { wall: number; cpu: number }[] = [];
    for (let i = 0; i < LOOKUPS; i++) {
      const unit = units[Math.floor((i * 7919) % units.length)]!;
      const request = { slug: unit.slug, id: unit.id, lang: GLOSS_LANGUAGE };
      sentenceTimes.push(
        await timed(() => sentenceMatches(request, unit.zh, { heading: false, shown: [], titleOf: async (s) => s })),
      );
    }
    console.log(
      `memory match look-up, paragraph and sentence matches (${LOOKUPS} paragraphs, ${found} paragraph matches, ${sentences} sentence matches): ${summary(times)}`,
    );
    console.log(`  of which the sentence matches alone: ${summary(sentenceTimes)}`);
    const conc: { wall: number; cpu: number }[] = [];
    let places = 0;
    for (let run = 0; run < 10; run++)
      for (const q of CONCORDANCE) {
        const lookup = await timed(() => libraryConcordance({ q, lang: GLOSS_LANGUAGE, limit: 20, offset: 0 }));
        conc.push(lookup);
        if (run === 0) places += lookup.value.total;
      }
    console.log(`concordance (${CONCORDANCE.length} queries × 10, ${places.toLocaleString('en')} places): ${summary(conc)}`);
    await saveFigures();
  } finally {
    if (previous === undefined) delete process.env.BILINGUAL_DATA_DIR;
    else process.env.BILINGUAL_DATA_DIR = previous;
    resetMemory();
    resetSentenceMemory();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  memoryFigures().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

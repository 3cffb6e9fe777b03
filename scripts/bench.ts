// `npm run bench`: prints figures, asserts nothing.
// 1. Annotation: dictionary load, annotating the bundled text (total, slowest block), and a 1 MB
//    text (throughput and slowest block) next to segmentit alone on the same text in the same run.
// 2. Build: the time of a production build (`next build`, into .next-bench).
// 3. Saving (scripts/bench/saves.ts): p50 / p95 of saves by one client and by 16 at once, on the
//    article and on a 10,000-block text, lost updates, and server RSS after 100 and 6,000 saves.
// 4. Search: index build time and memory, query p50 / p95 by kind (scripts/bench/search.ts).
//    Translation memory: build time and memory, match and concordance p50 / p95, a save reaching
//    it, with the article, a 10,000-paragraph text and three novel-length texts (scripts/bench/memory.ts).
// 5. Page weight: for each reading page, the gzip size of its HTML, of the RSC payload inlined in
//    it and of its first-load JS, with annotations and without (BILINGUAL_ANNOTATIONS=off),
//    next to a bare page of the same build (the 404 page: site layout and one message); the
//    first-load JS of the library, search results, a paragraph page and the reading page as a
//    ratio of the bare page's; and the annotated page against 3 × gzip(its text + the dictionary
//    entries it ships).
// 5. Exchange: XLIFF/TMX export and XLIFF import times, bundled text and 10,000 paragraphs (scripts/bench/exchange.ts).
// 5. Export: time, size and memory of the HTML, EPUB and PDF files of each text and of a
//    10,000-paragraph text (scripts/bench/export.ts).
// 6. Long texts (scripts/bench/long-texts.ts).
// 7. The first page after a start, with and without the dictionary prepared (scripts/bench/first-page.ts).
// 8. Traditional characters: annotation coverage of a traditional novel against its simplified
//    conversion (scripts/bench/traditional.ts).
// 9. Sentence alignment: precision and recall on the gold set, time for the article and a
//    10,000-paragraph text (scripts/bench/align.ts).
// 10. Target languages: the reading page with one and two target languages against English alone
//    (scripts/bench/languages.ts).
// 11. Listening: the server voice's time and audio size for a paragraph and the longest one,
//    first made and cached (scripts/bench/audio.ts).
// 12. Lighthouse 12 (mobile, simulated throttling), median of 3 runs, on the library, the reading
//    page with and without pinyin, a paragraph page, search results and a long text's section, with
//    the load average (scripts/bench/lighthouse.ts; skipped when Chromium is absent).
// 13. The test suite: each stage's time and the slowest files, from the reports of the last
//    `npm test` in this checkout (scripts/bench/suite-times.ts).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { annotateBlock, annotateText } from '@/lib/library/annotate-text';
import { lexiconFor } from '@/lib/reading/page-lexicon';
import { loadDictionary } from '@/lib/annotate/dictionary';
import { segmentitAlone } from '@/lib/annotate/segment';
import { loadLibrary } from '@/lib/library/load';
import { isGlossable } from '@/lib/text/types';
import { parseFigures } from './bench/parse';
import { saveFigures } from './bench/saves';
import { exchangeFigures } from './bench/exchange';
import { readingOptionsFigures } from './bench/reading-options';
import { exportFigures } from './bench/export';
import { signInFigures } from './bench/sign-in';
import { longTextFigures } from './bench/long-texts';
import { startServer } from './lib/next-server';
import { searchFigures } from './bench/search';
import { memoryFigures } from './bench/memory';
import { firstPageFigures } from './bench/first-page';
import { traditionalFigures } from './bench/traditional';
import { alignFigures } from './bench/align';
import { languageWeightFigures } from './bench/languages';
import { audioFigures } from './bench/audio';
import { suiteTimeFigures } from './bench/suite-times';
import { lighthouseFigures } from './bench/lighthouse';

const DIST = '.next-bench';
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const gzipSize = (text: string | Buffer) => gzipSync(text).length;

async function annotationFigures() {
  const dictionary = await loadDictionary();
  console.log(`dictionary: ${dictionary.words} words loaded from the ${dictionary.source} in ${ms(dictionary.ms)}`);

  const texts = (await loadLibrary()).flatMap((entry) => (entry.ok ? [entry.text] : []));
  for (const text of texts) {
    const started = performance.now();
    const annotation = await annotateText(text);
    const chars = text.blocks.reduce((sum, b) => sum + b.text.length, 0);
    console.log(
      `annotate ${text.slug}: ${chars} characters in ${ms(performance.now() - started)} ` +
        `(segmenting and reading ${ms(annotation.timing.total)}, slowest block ${ms(annotation.timing.slowestBlock)})`,
    );
  }

  // A 1 MB text: the bundled paragraphs over and over, and the two lines that hang segmentit.
  const paragraphs = texts.flatMap((t) => t.blocks.filter((b) => isGlossable(b.type)).map((b) => b.text));
  const slowLines = readFileSync('lib/annotate/fixtures/segmentit-slow-lines.txt', 'utf8').split('\n').filter(Boolean);
  const blocks: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < 1_000_000; i += 1) {
    const block = i % 50 === 49 ? (slowLines[i % slowLines.length] ?? '') : (paragraphs[i % paragraphs.length] ?? '');
    blocks.push(block);
    bytes += Buffer.byteLength(block);
  }
  const chars = blocks.reduce((sum, b) => sum + b.length, 0);
  let slowest = 0;
  annotateBlock('中文', { words: [], glossary: [] }); // loads the segmenter for this word list
  const started = performance.now();
  for (const block of blocks) {
    const t0 = performance.now();
    annotateBlock(block, { words: [], glossary: [] });
    slowest = Math.max(slowest, performance.now() - t0);
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `annotate 1 MB (${blocks.length} blocks, ${chars} characters): ${seconds.toFixed(2)} s, ` +
      `${Math.round(chars / seconds)} characters/s, slowest block ${ms(slowest)}`,
  );

  // segmentit alone cannot take the slow lines (60 characters take 3.7 s, 66 more than 20 s):
  // it gets the same text without them, cut at punctuation so that it finishes.
  const safe = blocks.filter((b) => !slowLines.includes(b)).flatMap((b) => b.split(/(?<=[，。！？；：、])/u));
  const safeChars = safe.reduce((sum, b) => sum + b.length, 0);
  const bareStarted = performance.now();
  for (const piece of safe) segmentitAlone(piece);
  const bareSeconds = (performance.now() - bareStarted) / 1000;
  console.log(
    `segmentit alone on the same text without the slow lines (${safeChars} characters): ${bareSeconds.toFixed(2)} s, ` +
      `${Math.round(safeChars / bareSeconds)} characters/s`,
  );
  return texts;
}

interface PageWeight {
  html: number;
  rsc: number;
  js: number;
}

async function weigh(origin: string, path: string): Promise<PageWeight> {
  const html = await (await fetch(`${origin}${path}`)).text();
  const flight = [...html.matchAll(/<script>(self\.__next_f\.push[\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '').join('');
  const sources = new Set([...html.matchAll(/<script src="([^"]+)"(?![^>]*noModule)/g)].map((m) => m[1] ?? ''));
  let js = 0;
  for (const src of sources) js += gzipSize(Buffer.from(await (await fetch(new URL(src, origin))).arrayBuffer()));
  return { html: gzipSize(html), rsc: gzipSize(flight), js };
}

async function withServer<T>(env: NodeJS.ProcessEnv, run: (origin: string) => Promise<T>): Promise<T> {
  const server = await startServer(env);
  try {
    return await run(server.origin);
  } finally {
    await server.stop();
  }
}

function build(env: NodeJS.ProcessEnv): number {
  const started = performance.now();
  const result = spawnSync('node_modules/.bin/next', ['build'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error('next build failed');
  return (performance.now() - started) / 1000;
}

async function main() {
  parseFigures();
  const texts = await annotationFigures();
  await traditionalFigures();
  await alignFigures();
  await audioFigures();
  await searchFigures();
  await memoryFigures();
  await exchangeFigures();
  const row = (name: string, w: PageWeight) =>
    `${name.padEnd(44)}${kb(w.html).padEnd(12)}${kb(w.rsc).padEnd(12)}${kb(w.js).padEnd(12)}${kb(w.html + w.js)}`;
  const header = `\n${'page (gzip)'.padEnd(44)}${'HTML'.padEnd(12)}${'of it RSC'.padEnd(12)}${'JS'.padEnd(12)}HTML + JS`;

  const weights = new Map<string, PageWeight>();
  for (const annotations of ['on', 'off'] as const) {
    const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NEXT_DIST_DIR: DIST, BILINGUAL_ANNOTATIONS: annotations };
    const seconds = build(env);
    console.log(`\nbuild (annotations ${annotations}): next build took ${seconds.toFixed(1)} s`);
    await withServer(env, async (origin) => {
      weights.set(`bare ${annotations}`, await weigh(origin, '/bench-bare-page'));
      weights.set(`library ${annotations}`, await weigh(origin, '/'));
      weights.set(`search ${annotations}`, await weigh(origin, `/search?q=${encodeURIComponent('特斯拉')}`));
      const first = texts[0];
      const paragraph = first?.blocks.find((b) => isGlossable(b.type));
      if (first && paragraph)
        weights.set(`paragraph ${annotations}`, await weigh(origin, `/read/${first.slug}/p/${paragraph.id}`));
      for (const text of texts) weights.set(`${text.slug} ${annotations}`, await weigh(origin, `/read/${text.slug}`));
      if (annotations === 'on') for (const text of texts) await readingOptionsFigures(origin, text.slug, DIST);
    });
    if (annotations === 'on') {
      // What npm run build adds after next build: the dictionary's lookup, which the first page needs.
      spawnSync('node_modules/.bin/tsx', ['--conditions=react-server', 'scripts/prepare-data.ts'], { env, stdio: 'inherit' });
      await firstPageFigures(env, texts[0]?.slug ?? 'karpathy-no-priors');
      await languageWeightFigures(env, texts[0]?.slug ?? 'karpathy-no-priors');
    }
    if (annotations === 'on') await saveFigures(env);
    if (annotations === 'on') await signInFigures(env);
  }

  console.log(header);
  const bare = weights.get('bare on');
  if (bare) console.log(row('bare page (404)', bare));
  for (const [key, name, goal] of [
    ['library on', 'library /', 1.1],
    ['search on', 'search results', 1.1],
    ['paragraph on', 'a paragraph page', 1.1],
    [`${texts[0]?.slug ?? ''} on`, 'the reading page', 1.15],
  ] as const) {
    const page = weights.get(key);
    if (!page || !bare) continue;
    console.log(row(name, page));
    console.log(`  first-load JS ${(page.js / bare.js).toFixed(2)} × the bare page's (goal at most ${goal} ×)`);
  }
  for (const text of texts) {
    const on = weights.get(`${text.slug} on`);
    const off = weights.get(`${text.slug} off`);
    if (off) console.log(row(`/read/${text.slug} without annotations`, off));
    if (on) console.log(row(`/read/${text.slug} with annotations`, on));
    if (!on) continue;
    const annotation = await annotateText(text);
    const lexicon = lexiconFor(
      annotation,
      text.blocks.map((b) => b.id),
    );
    const content = text.blocks.map((b) => `${b.text}\n${b.en ?? ''}`).join('\n') + JSON.stringify(lexicon.words);
    const budget = 3 * gzipSize(content);
    console.log(
      `/read/${text.slug}: HTML with annotations ${kb(on.html)} against 3 × gzip(text + ${Object.keys(lexicon.words).length} ` +
        `dictionary entries) = ${kb(budget)}: ${(on.html / (budget / 3)).toFixed(2)} ×`,
    );
  }
  await exportFigures(texts.map((text) => text.slug));
  await lighthouseFigures(DIST);
  await longTextFigures();
  suiteTimeFigures();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

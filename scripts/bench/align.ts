// Sentence alignment figures for `npm run bench`, or alone:
// `npx tsx --conditions=react-server scripts/bench/align.ts`.
// 1. Precision and recall of sentence links on the hand-aligned gold set
//    (lib/align/fixtures/gold.json): with the full lexicon, and by lengths, numbers, names and marks alone;
//    then each English version aligned as one long paragraph, where the paragraph breaks no longer help.
// 2. The length model fitted on the bundled article's paragraph pairs, next to the one in use.
// 3. Time to split and align the bundled article, and a generated 10,000-paragraph text;
//    then that text aligned in the background and stored (scripts/bench/align-background.ts).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { alignSentences } from '@/lib/align/align';
import { scoreLinks, type LinkScore } from '@/lib/align/evaluate';
import { parseGold } from '@/lib/align/gold';
import { chineseLength, DEFAULT_LENGTH_MODEL, englishLength, fitLengthModel } from '@/lib/align/length';
import { loadLexicon } from '@/lib/align/lexicon';
import { alignParagraph } from '@/lib/align/stored';
import { mergeGlossaries } from '@/lib/annotate/glossary';
import { parseWordList } from '@/lib/annotate/word-list';
import { loadText, GLOSS_LANGUAGE } from '@/lib/library/load';
import { readGlossary, readTextGlossary, readWordListFile } from '@/lib/store/annotations';
import { generateLongText } from '@/lib/testing/long-text';
import { parseText } from '@/lib/text/parse';
import { isGlossable } from '@/lib/text/types';
import { ARTICLE, articleSentences } from '../lib/long-text-files';

const GOLD = 'lib/align/fixtures/gold.json';
const ms = (value: number) => `${value.toFixed(1)} ms`;
const score = (s: LinkScore) =>
  `precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)} (${s.correct} of ${s.gold} gold links, ${s.found} found)`;

interface ParagraphPair {
  zh: string;
  en: string;
  heading: boolean;
}

export async function alignFigures(): Promise<void> {
  const started = performance.now();
  const [shared, own, sharedWords, ownWords] = await Promise.all([
    readGlossary(GLOSS_LANGUAGE),
    readTextGlossary(ARTICLE, GLOSS_LANGUAGE),
    readWordListFile('_shared.terms'),
    readWordListFile(`${ARTICLE}.terms`),
  ]);
  const glossary = mergeGlossaries(shared, own);
  const words = [...parseWordList(sharedWords), ...parseWordList(ownWords)];
  const dictionaryOnly = await loadLexicon();
  const lexicon = await loadLexicon({ glossary, words });
  console.log(`align: dictionary and segmenter loaded in ${ms(performance.now() - started)}`);

  const gold = parseGold(readFileSync(GOLD, 'utf8'));
  const on = (options: Parameters<typeof alignSentences>[2]) =>
    scoreLinks(gold.pairs.map((pair) => ({ found: alignSentences(pair.zh, pair.en, options), gold: pair.links })));
  console.log(
    `align gold set (${gold.pairs.length} paragraph pairs): dictionary lexicon: ${score(on({ lexicon: dictionaryOnly }))}`,
  );
  console.log(`align gold set: dictionary and the article's glossary: ${score(on({ lexicon }))}`);
  console.log(`align gold set: lengths, numbers, names and marks alone: ${score(on({}))}`);
  // Harder: each English version as one long paragraph (the paragraph boundaries no longer help).
  const joined = (options: Parameters<typeof alignSentences>[2]) =>
    scoreLinks(
      Object.keys(gold.english).map((english) => {
        const pairs = gold.pairs.filter((pair) => pair.english === english);
        const zh = pairs.flatMap((pair) => pair.zh);
        const en = pairs.flatMap((pair) => pair.en);
        let zhAt = 0;
        let enAt = 0;
        const links = pairs.flatMap((pair) => {
          const shifted = pair.links.map((link) => ({ zh: link.zh.map((i) => i + zhAt), en: link.en.map((j) => j + enAt) }));
          zhAt += pair.zh.length;
          enAt += pair.en.length;
          return shifted;
        });
        return { found: alignSentences(zh, en, options), gold: links };
      }),
    );
  console.log(`align gold set, each version as one paragraph: dictionary lexicon: ${score(joined({ lexicon: dictionaryOnly }))}`);
  console.log(`align gold set, each version as one paragraph: lengths, numbers, names and marks alone: ${score(joined({}))}`);
  const found = gold.pairs.flatMap((pair) => alignSentences(pair.zh, pair.en, { lexicon: dictionaryOnly }));
  console.log(`align gold set: ${found.filter((link) => link.unsure).length} of ${found.length} links marked unsure`);

  const loaded = await loadText(ARTICLE);
  if (!loaded?.ok) throw new Error(`${ARTICLE} did not load`);
  const article: ParagraphPair[] = loaded.text.blocks.flatMap((block) =>
    isGlossable(block.type) && block.en ? [{ zh: block.text, en: block.en, heading: block.type === 'heading' }] : [],
  );
  const fitted = fitLengthModel(article.map((pair) => ({ zh: chineseLength(pair.zh), en: englishLength(pair.en) })));
  console.log(
    `align length model fitted on the article's ${article.length} paragraph pairs: ratio ${fitted.ratio.toFixed(2)}, ` +
      `variance ${fitted.variance.toFixed(2)} (in use: ${DEFAULT_LENGTH_MODEL.ratio}, ${DEFAULT_LENGTH_MODEL.variance})`,
  );
  // A fresh lexicon, so that the first run segments and looks up every sentence (the gold runs above filled the other's cache).
  const fresh = await loadLexicon({ glossary, words });
  const first = timeAlignment(article, fresh);
  const again = timeAlignment(article, fresh);
  console.log(
    `align ${ARTICLE} (${first.paragraphs} paragraph pairs, ${first.links} links): ${ms(first.ms)} (CPU ${ms(first.cpu)}) the first time ` +
      `(segmenting and dictionary look-ups included), ${ms(again.ms)} (CPU ${ms(again.cpu)}) again; slowest paragraph ${ms(first.slowest)}`,
  );

  const long = generateLongText({ paragraphs: 10_000, ...(await articleSentences()) });
  const blocks = parseText(long.source).blocks;
  const pairs: ParagraphPair[] = blocks.flatMap((block, index) => {
    const en = long.glosses.get(index);
    return en && isGlossable(block.type) ? [{ zh: block.text, en, heading: block.type === 'heading' }] : [];
  });
  const big = timeAlignment(pairs, lexicon);
  const lengthsOnly = timeAlignment(pairs, undefined);
  console.log(
    `align a generated text (${blocks.length} blocks, ${big.paragraphs} with English, ${big.links} links): ${ms(big.ms)} ` +
      `(CPU ${ms(big.cpu)}; ${ms(lengthsOnly.ms)}, CPU ${ms(lengthsOnly.cpu)}, without the lexicon); slowest paragraph ${ms(big.slowest)}`,
  );
  // The same size of text aligned and stored as the server does it, in a process of its own on a copy of the data.
  const background = spawnSync('node_modules/.bin/tsx', ['--conditions=react-server', 'scripts/bench/align-background.ts'], {
    encoding: 'utf8',
    env: { ...process.env, BILINGUAL_DATA_DIR: '' },
  });
  if (background.status !== 0) throw new Error(`the background alignment bench failed: ${background.stderr}`);
  process.stdout.write(background.stdout);
}

function timeAlignment(pairs: readonly ParagraphPair[], lexicon: Awaited<ReturnType<typeof loadLexicon>> | undefined) {
  let links = 0;
  let slowest = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (const pair of pairs) {
    const t0 = performance.now();
    links += alignParagraph(pair.zh, pair.en, { lexicon, heading: pair.heading }).links.length;
    slowest = Math.max(slowest, performance.now() - t0);
  }
  const used = process.cpuUsage(cpu);
  return { paragraphs: pairs.length, links, slowest, ms: performance.now() - started, cpu: (used.user + used.system) / 1000 };
}

if (process.argv[1]?.endsWith('align.ts')) {
  alignFigures().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

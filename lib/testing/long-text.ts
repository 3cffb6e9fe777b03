/**
 * A long Chinese text for tests and benchmarks, made of real sentences recombined (the bundled
 * article's, given by the caller, or a few built in): chapters with `##` headings, paragraphs of
 * one to four sentences, a link now and then, and English for most blocks (English sentences
 * recombined to a realistic length; they do not translate the Chinese beside them, they only
 * give the page a realistic weight). Deterministic for a given seed. One module for every user:
 * `npm run generate:long` (scripts/generate-long-text.ts), the end-to-end specs and the bench.
 */
import { seededRandom } from './random';

export interface LongTextOptions {
  paragraphs: number;
  /** Chinese sentences to build from, each with its punctuation (see chineseSentences); a few built in by default. */
  zh?: readonly string[];
  /** English sentences for the glosses (see englishSentences); a few built in by default. */
  en?: readonly string[];
  /** Blocks per chapter, its heading included; by default chapters vary from 20 to 250 blocks, so the reader cuts some into parts. */
  chapterLength?: number;
  /** Share of paragraphs that get English, 0–1 (headings always do). Default 0.8. */
  glossed?: number;
  /** Most sentences in a paragraph, at least 1; shorter paragraphs are the more frequent. Default 4. */
  sentences?: number;
  /** A Markdown link in one paragraph of every this many (0: none). Default 250. */
  linkEvery?: number;
  seed?: number;
  title?: { zh: string; en: string };
}

export interface LongText {
  /** The source file's content (Markdown with front matter). */
  source: string;
  /** English by block index (0-based, in source order, headings counted). */
  glosses: Map<number, string>;
  /** The English title, for the gloss file's `title` key. */
  titleEn: string;
  /** Index, in source order, of every block that is a chapter heading. */
  headings: number[];
  /** Chinese characters written, headings included. */
  chars: number;
}

const BUILT_IN_ZH = [
  '自动驾驶汽车已经在旧金山等城市提供付费乘坐服务。',
  '他认为 Transformer 很快就将在性能上超越人类大脑。',
  '合成数据往往多样性和丰富度不足，需要谨慎使用。',
  '人形机器人最好的客户就是特斯拉自己。',
  '教育的未来是人工智能与教师一起工作。',
];
const BUILT_IN_EN = [
  'Self-driving cars already offer paid rides in cities such as San Francisco.',
  'He believes the Transformer will soon outperform the human brain.',
  'Synthetic data often lacks diversity and richness, and must be used with care.',
  'The best customer for humanoid robots is Tesla itself.',
  'The future of education is artificial intelligence working alongside teachers.',
];

/** Sentences of a Chinese text, each with its closing punctuation. `('甲乙丙丁戊己。庚辛壬癸子丑！')` → `['甲乙丙丁戊己。', '庚辛壬癸子丑！']`. */
export function chineseSentences(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => line.match(/[^。！？]+[。！？]”?/g) ?? [])
    .map((s) => s.trim())
    .filter((s) => s.length >= 6 && !s.startsWith('#') && !s.includes('http'));
}

/** Sentences of English texts. `(['One sentence here. Two sentences now!'])` → `['One sentence here.', 'Two sentences now!']`. */
export function englishSentences(texts: readonly string[]): string[] {
  return texts
    .flatMap((text) => text.match(/[^.!?]+[.!?]+["”’]?/g) ?? [])
    .map((s) => s.trim())
    .filter((s) => s.length >= 12);
}

const NUMERALS = '零一二三四五六七八九';

/** A chapter number in Chinese. `chapterNumber(21)` → `'二十一'`. */
export function chapterNumber(n: number): string {
  if (n < 10) return NUMERALS[n]!;
  if (n < 100) {
    const tens = Math.floor(n / 10);
    const ones = n % 10;
    return `${tens === 1 ? '' : NUMERALS[tens]}十${ones ? NUMERALS[ones] : ''}`;
  }
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  return `${NUMERALS[hundreds]}百${rest === 0 ? '' : rest < 10 ? `零${NUMERALS[rest]}` : chapterNumber(rest).replace(/^十/, '一十')}`;
}

/**
 * Writes a long text of `paragraphs` blocks (chapter headings counted).
 * `generateLongText({ paragraphs: 10000, zh: chineseSentences(article), en })` → about 500,000 characters in about 80 chapters.
 */
export function generateLongText(options: LongTextOptions): LongText {
  const zh = options.zh ?? BUILT_IN_ZH;
  const en = options.en ?? BUILT_IN_EN;
  if (zh.length === 0) throw new Error('no Chinese sentences to build from');
  if (!Number.isInteger(options.paragraphs) || options.paragraphs < 0) throw new Error('paragraphs must be a whole number');
  if (options.chapterLength !== undefined && !(Number.isInteger(options.chapterLength) && options.chapterLength >= 2)) {
    throw new Error('chapterLength must be a whole number of at least 2 (a heading and a paragraph)');
  }
  const sentences = options.sentences ?? 4;
  if (!Number.isInteger(sentences) || sentences < 1) throw new Error('sentences must be a whole number of at least 1');
  const next = seededRandom(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const title = options.title ?? { zh: '长文测试：重新组合的新闻句子', en: 'A long test text: news sentences recombined' };
  const linkEvery = options.linkEvery ?? 250;
  const lines = ['---', `title: ${title.zh}`, 'author: 测试生成', 'date: 2026-01-01', '---', ''];
  const glosses = new Map<number, string>();
  const headings: number[] = [];
  const english = (length: number) => {
    let gloss = '';
    while (gloss.length < length) gloss += `${gloss ? ' ' : ''}${pick(en)}`;
    return gloss;
  };
  let chars = 0;
  let chapter = 0;
  let left = 0;
  for (let i = 0; i < options.paragraphs; i++) {
    if (left === 0) {
      chapter += 1;
      left = options.chapterLength ?? 20 + Math.floor(next() * next() * 230);
      const words = pick(zh)
        .replace(/[，。！？、：；“”\s]/g, '')
        .slice(0, 8);
      const heading = `第${chapterNumber(chapter)}章 ${words}`;
      lines.push(`## ${heading}`, '');
      headings.push(i);
      if (en.length > 0) glosses.set(i, `Chapter ${chapter}`);
      chars += heading.length;
      left -= 1;
      continue;
    }
    const count = 1 + Math.floor(next() * next() * sentences);
    let paragraph = Array.from({ length: count }, () => pick(zh)).join('');
    chars += paragraph.length;
    if (linkEvery > 0 && i % linkEvery === 7) paragraph += `见[链接](https://example.org/p/${i})。`;
    lines.push(paragraph, '');
    if (en.length > 0 && next() < (options.glossed ?? 0.8)) glosses.set(i, english(paragraph.length * 2.2));
    left -= 1;
  }
  return { source: lines.join('\n'), glosses, titleEn: title.en, headings, chars };
}

/**
 * How many blocks to ask generateLongText for, in chapters of `chapterLength` blocks, so that
 * `paragraphs` of them are paragraphs besides the chapter headings.
 * `blocksHolding(10000, 201)` → `10050` (50 chapters, each a heading and 200 paragraphs).
 */
export function blocksHolding(paragraphs: number, chapterLength: number): number {
  return paragraphs + Math.ceil(paragraphs / (chapterLength - 1));
}

/**
 * The gloss file of a generated text once its blocks have ids: `{ title, <id>: English }`.
 * `blocks` are the text's blocks in source order, as loading the source gives them.
 */
export function longTextGlossFile(long: LongText, blocks: readonly { id: string }[]): Record<string, string> {
  const file: Record<string, string> = { title: long.titleEn };
  blocks.forEach((block, i) => {
    const gloss = long.glosses.get(i);
    if (gloss) file[block.id] = gloss;
  });
  return file;
}

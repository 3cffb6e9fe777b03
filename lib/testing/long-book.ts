/**
 * A long Chinese text for tests and the benchmark, made of the bundled article's real sentences
 * recombined: chapters with `##` headings, paragraphs of one to four sentences, and an English
 * gloss of similar length for most paragraphs (the article's English sentences, recombined; they
 * do not translate the Chinese beside them, they only give the page a realistic weight).
 * Deterministic for a given seed.
 */
export interface LongTextOptions {
  paragraphs: number;
  /** Share of paragraphs that get an English gloss, 0–1. */
  glossed?: number;
  seed?: number;
  title?: string;
}

export interface LongText {
  /** The source file's content (Markdown with front matter). */
  source: string;
  /** English glosses by paragraph index (0-based, in source order, headings counted). */
  glosses: Map<number, string>;
  /** Index, in source order, of every block that is a chapter heading. */
  headings: number[];
  chars: number;
}

/** A small seeded generator (mulberry32), so the same seed gives the same text. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sentences of a Chinese text, each with its closing punctuation. `('甲。乙！')` → `['甲。', '乙！']`. */
export function chineseSentences(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => line.match(/[^。！？]+[。！？]”?/g) ?? [])
    .map((s) => s.trim())
    .filter((s) => s.length >= 6 && !s.startsWith('#') && !s.includes('http'));
}

/** Sentences of an English text. `('One. Two!')` → `['One.', 'Two!']`. */
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
 * Writes a long text from real sentences. Chapters vary in length (20 to 250 paragraphs), so some
 * are cut into parts by the reader and some are not.
 * `generateLongText(zhSentences, enSentences, { paragraphs: 10000 })` → about 500,000 characters.
 */
export function generateLongText(zh: readonly string[], en: readonly string[], options: LongTextOptions): LongText {
  if (zh.length === 0) throw new Error('no Chinese sentences to build from');
  const next = random(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const lines = [`---`, `title: ${options.title ?? '长文测试：重新组合的新闻句子'}`, `author: 测试生成`, `---`, ''];
  const glosses = new Map<number, string>();
  const headings: number[] = [];
  let chars = 0;
  let chapter = 0;
  let left = 0;
  for (let i = 0; i < options.paragraphs; i++) {
    if (left === 0) {
      chapter += 1;
      left = 20 + Math.floor(next() * next() * 230);
      const heading = `第${chapterNumber(chapter)}章 ${pick(zh)
        .replace(/[，。！？、：；“”]/g, '')
        .slice(0, 8)}`;
      lines.push(`## ${heading}`, '');
      headings.push(i);
      chars += heading.length;
      left -= 1;
      continue;
    }
    const count = 1 + Math.floor(next() * next() * 4);
    const paragraph = Array.from({ length: count }, () => pick(zh)).join('');
    lines.push(paragraph, '');
    chars += paragraph.length;
    if (en.length > 0 && next() < (options.glossed ?? 0.8)) {
      let gloss = '';
      while (gloss.length < paragraph.length * 2.2) gloss += `${gloss ? ' ' : ''}${pick(en)}`;
      glosses.set(i, gloss);
    }
    left -= 1;
  }
  return { source: lines.join('\n'), glosses, headings, chars };
}

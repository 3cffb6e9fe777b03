import { describe, expect, it } from 'vitest';
import { parseText } from '@/lib/text/parse';
import {
  blocksHolding,
  chapterNumber,
  chineseSentences,
  englishSentences,
  generateLongText,
  longTextGlossFile,
} from './long-text';

describe('generateLongText', () => {
  it.each([
    { options: { paragraphs: 0 }, blocks: 0 },
    { options: { paragraphs: 1 }, blocks: 1 },
    { options: { paragraphs: 500 }, blocks: 500 },
    { options: { paragraphs: 1000, chapterLength: 100 }, blocks: 1000 },
  ])('$options gives $blocks blocks, headings where it says', ({ options, blocks }) => {
    const long = generateLongText(options);
    const parsed = parseText(long.source);
    expect(parsed.problems).toEqual([]);
    expect(parsed.blocks).toHaveLength(blocks);
    const headings = parsed.blocks.flatMap((b, i) => (b.type === 'heading' ? [i] : []));
    expect(headings).toEqual(long.headings);
    expect(parsed.blocks.every((b) => b.type === 'heading' || b.type === 'paragraph')).toBe(true);
    expect(parsed.meta.title).toBe('长文测试：重新组合的新闻句子');
    expect([...long.glosses.keys()].every((i) => i >= 0 && i < blocks)).toBe(true);
  });

  it('puts a chapter heading every chapterLength blocks', () => {
    expect(generateLongText({ paragraphs: 350, chapterLength: 100 }).headings).toEqual([0, 100, 200, 300]);
  });

  it('varies chapters from 20 to 250 blocks by default', () => {
    const { headings } = generateLongText({ paragraphs: 10_000 });
    const lengths = headings.slice(1).map((h, i) => h - headings[i]!);
    expect(Math.min(...lengths)).toBeGreaterThanOrEqual(20);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(250);
    expect(new Set(lengths).size).toBeGreaterThan(10);
  });

  it('is the same text for the same seed, another for another', () => {
    expect(generateLongText({ paragraphs: 300, seed: 7 })).toEqual(generateLongText({ paragraphs: 300, seed: 7 }));
    expect(generateLongText({ paragraphs: 300, seed: 8 }).source).not.toBe(generateLongText({ paragraphs: 300, seed: 7 }).source);
  });

  it('glosses every heading and about the share of paragraphs asked for', () => {
    const long = generateLongText({ paragraphs: 2000, glossed: 0.5 });
    expect(long.headings.every((i) => long.glosses.get(i)?.startsWith('Chapter '))).toBe(true);
    const paragraphs = 2000 - long.headings.length;
    const glossed = long.glosses.size - long.headings.length;
    expect(glossed / paragraphs).toBeGreaterThan(0.4);
    expect(glossed / paragraphs).toBeLessThan(0.6);
    expect(generateLongText({ paragraphs: 300, glossed: 1 }).glosses.size).toBe(300);
    expect(generateLongText({ paragraphs: 300, en: [] }).glosses.size).toBe(0);
  });

  it('builds from the sentences it is given, with a link now and then', () => {
    const long = generateLongText({ paragraphs: 600, zh: ['这是给定的句子。'], en: ['Only this English sentence.'] });
    const paragraphs = parseText(long.source).blocks.filter((b) => b.type === 'paragraph');
    expect(paragraphs.every((b) => b.text.startsWith('这是给定的句子。'))).toBe(true);
    expect(paragraphs.filter((b) => b.text.includes('[链接](https://example.org/p/'))).toHaveLength(3);
    expect(generateLongText({ paragraphs: 600, linkEvery: 0 }).source).not.toContain('[链接]');
  });

  it.each([
    { sentences: 1, most: 1 },
    { sentences: 2, most: 2 },
    { sentences: undefined, most: 4 },
  ])('puts at most $most sentences in a paragraph when sentences is $sentences', ({ sentences, most }) => {
    const long = generateLongText({
      paragraphs: 2000,
      zh: ['一二三四五六。'],
      linkEvery: 0,
      ...(sentences ? { sentences } : {}),
    });
    const counts = parseText(long.source)
      .blocks.filter((b) => b.type === 'paragraph')
      .map((b) => b.text.split('。').length - 1);
    expect(Math.max(...counts)).toBe(most);
    expect(Math.min(...counts)).toBe(1);
  });

  it.each([
    { options: { paragraphs: 10, zh: [] }, error: /no Chinese sentences/ },
    { options: { paragraphs: -1 }, error: /whole number/ },
    { options: { paragraphs: 1.5 }, error: /whole number/ },
    { options: { paragraphs: 10, chapterLength: 1 }, error: /chapterLength/ },
    { options: { paragraphs: 10, sentences: 0 }, error: /sentences/ },
  ])('refuses $options', ({ options, error }) => {
    expect(() => generateLongText(options)).toThrow(error);
  });
});

describe('blocksHolding', () => {
  it.each([
    { paragraphs: 0, chapterLength: 201, blocks: 0 },
    { paragraphs: 1, chapterLength: 201, blocks: 2 },
    { paragraphs: 200, chapterLength: 201, blocks: 201 },
    { paragraphs: 201, chapterLength: 201, blocks: 203 },
    { paragraphs: 10_000, chapterLength: 201, blocks: 10_050 },
    { paragraphs: 350, chapterLength: 2, blocks: 700 },
  ])('$paragraphs paragraphs in chapters of $chapterLength blocks: $blocks blocks', ({ paragraphs, chapterLength, blocks }) => {
    expect(blocksHolding(paragraphs, chapterLength)).toBe(blocks);
    const long = generateLongText({ paragraphs: blocks, chapterLength });
    expect(blocks - long.headings.length).toBe(paragraphs);
  });
});

describe('longTextGlossFile', () => {
  it('keys the English by block id, with the title', () => {
    const long = generateLongText({ paragraphs: 3, glossed: 1, title: { zh: '书', en: 'Book' } });
    expect(longTextGlossFile(long, [{ id: 'aaaaaa' }, { id: 'bbbbbb' }, { id: 'cccccc' }])).toEqual({
      title: 'Book',
      aaaaaa: 'Chapter 1',
      bbbbbb: long.glosses.get(1),
      cccccc: long.glosses.get(2),
    });
  });
});

describe('sentences and numbers', () => {
  it.each([
    { text: '', expected: [] },
    { text: '甲乙丙丁戊己。庚辛壬癸子丑！短。', expected: ['甲乙丙丁戊己。', '庚辛壬癸子丑！'] },
    { text: '## 标题标题标题。\n见 http://x.org 的页面。', expected: [] },
  ])('chineseSentences($text)', ({ text, expected }) => {
    expect(chineseSentences(text)).toEqual(expected);
  });
  it('englishSentences', () => {
    expect(englishSentences(['One sentence here. Short. Two sentences now!'])).toEqual([
      'One sentence here.',
      'Two sentences now!',
    ]);
  });
  it.each([
    [1, '一'],
    [10, '十'],
    [21, '二十一'],
    [100, '一百'],
    [105, '一百零五'],
    [115, '一百一十五'],
    [230, '二百三十'],
  ])('chapterNumber(%i) → %s', (n, expected) => {
    expect(chapterNumber(n)).toBe(expected);
  });
});

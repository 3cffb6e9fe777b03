import { describe, expect, it } from 'vitest';
import { alignParagraph, matchSentences, realignParagraph, sentenceHash, type StoredAlignment } from './stored';

const ZH = '首先，他谈到了完全自动驾驶汽车。他说自己在这个领域工作了 5 年时间。这实际上已经成为了一种服务产品。';
const EN =
  'First, he talked about fully self-driving cars. He said he had worked in the field for five years. It has in fact become a service product.';

const links = (alignment: StoredAlignment) =>
  alignment.links.map((l) => `${l.zh.join('+')}-${l.en.join('+')}${l.manual ? ' manual' : ''}${l.stale ? ' stale' : ''}`);

/** The stored alignment of ZH/EN with the middle link made by hand. */
function storedWithManualMiddle(): StoredAlignment {
  const stored = alignParagraph(ZH, EN);
  return { ...stored, links: stored.links.map((l) => (l.zh[0] === 1 ? { ...l, manual: true as const } : l)) };
}

describe('sentenceHash', () => {
  it('is short, stable and tells texts apart', () => {
    expect(sentenceHash('他来了。')).toMatch(/^[0-9a-f]{8}$/);
    expect(sentenceHash('他来了。')).toBe(sentenceHash('他来了。'));
    expect(sentenceHash('他来了。')).not.toBe(sentenceHash('他走了。'));
    // NFC: the same characters composed or not hash alike.
    expect(sentenceHash('Caf\u00e9')).toBe(sentenceHash('Cafe\u0301'));
  });
});

describe('matchSentences', () => {
  const cases: { before: string[]; after: string[]; expected: number[] }[] = [
    { before: [], after: ['a'], expected: [] },
    { before: ['a', 'b', 'c'], after: ['a', 'b', 'c'], expected: [0, 1, 2] },
    { before: ['a', 'b', 'c'], after: ['a', 'x', 'c'], expected: [0, -1, 2] },
    { before: ['a', 'b', 'c'], after: ['x', 'a', 'b', 'c'], expected: [1, 2, 3] },
    { before: ['a', 'b', 'c'], after: ['a', 'c'], expected: [0, -1, 1] },
    { before: ['a', 'a'], after: ['a'], expected: [0, -1] },
  ];
  for (const { before, after, expected } of cases) {
    it(`${before.join('')} → ${after.join('')}`, () => expect(matchSentences(before, after)).toEqual(expected));
  }
});

describe('alignParagraph', () => {
  it('stores offsets, hashes and links', () => {
    const stored = alignParagraph(ZH, EN);
    expect(stored.zh.map((s) => ZH.slice(s.start, s.end))).toEqual([
      '首先，他谈到了完全自动驾驶汽车。',
      '他说自己在这个领域工作了 5 年时间。',
      '这实际上已经成为了一种服务产品。',
    ]);
    expect(stored.zh[0]?.hash).toBe(sentenceHash('首先，他谈到了完全自动驾驶汽车。'));
    expect(links(stored)).toEqual(['0-0', '1-1', '2-2']);
  });

  it('gives nothing for empty texts', () => {
    expect(alignParagraph('', '')).toEqual({ zh: [], en: [], links: [] });
  });
});

describe('realignParagraph', () => {
  const cases: {
    name: string;
    stored: () => StoredAlignment;
    zh: string;
    en: string;
    expected: string[];
    counts: [number, number, number];
  }[] = [
    {
      name: 'nothing edited: the same links',
      stored: storedWithManualMiddle,
      zh: ZH,
      en: EN,
      expected: ['0-0', '1-1 manual', '2-2'],
      counts: [3, 0, 0],
    },
    {
      name: 'a sentence added in front: links move with their sentences',
      stored: storedWithManualMiddle,
      zh: `近日，播客节目发布了专访视频。${ZH}`,
      en: `The podcast recently released an interview. ${EN}`,
      expected: ['0-0', '1-1', '2-2 manual', '3-3'],
      counts: [3, 0, 0],
    },
    {
      name: 'an automatic link whose English changed is aligned again',
      stored: storedWithManualMiddle,
      zh: ZH,
      en: EN.replace('It has in fact become a service product.', 'In effect, it has become a commercial service.'),
      expected: ['0-0', '1-1 manual', '2-2'],
      counts: [2, 0, 0],
    },
    {
      name: 'a manual link whose Chinese changed stays in place, stale',
      stored: storedWithManualMiddle,
      zh: ZH.replace('他说自己在这个领域工作了 5 年时间。', '他说自己在自动驾驶领域工作了整整 5 年。'),
      en: EN,
      expected: ['0-0', '1-1 manual stale', '2-2'],
      counts: [2, 1, 0],
    },
    {
      name: 'a manual link whose sentences were both deleted is dropped',
      stored: storedWithManualMiddle,
      zh: ZH.replace('他说自己在这个领域工作了 5 年时间。', ''),
      en: EN.replace(' He said he had worked in the field for five years.', ''),
      expected: ['0-0', '1-1'],
      counts: [2, 0, 1],
    },
    {
      name: 'an English sentence split in two: realigned as 1-2 between kept links',
      stored: () => alignParagraph(ZH, EN),
      zh: ZH,
      en: EN.replace(
        'He said he had worked in the field for five years.',
        'He said he had worked in the field. That was for five years.',
      ),
      expected: ['0-0', '1-1+2', '2-3'],
      counts: [2, 0, 0],
    },
  ];
  for (const { name, stored, zh, en, expected, counts } of cases) {
    it(name, () => {
      const result = realignParagraph(stored(), zh, en);
      expect(links(result.alignment)).toEqual(expected);
      expect([result.kept, result.stale, result.dropped]).toEqual(counts);
      for (const s of result.alignment.zh) expect(s.hash).toBe(sentenceHash(zh.slice(s.start, s.end)));
    });
  }
});

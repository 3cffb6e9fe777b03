import { describe, expect, it } from 'vitest';
import { alignBlock, type AlignmentEntry } from '@/lib/align/block';
import type { StoredLink } from '@/lib/align/stored';
import { parseSentenceUnitId, sentenceUnitId, sentenceUnits } from './sentence-units';

const ZH = '他昨天来到了北京。我们一起吃了晚饭。天很快就黑了。';
const EN = 'He came to Beijing yesterday. We had dinner together. It soon got dark.';
const aligned = alignBlock(undefined, ZH, EN).entry;
const withLinks = (links: StoredLink[]): AlignmentEntry => ({ ...aligned, alignment: { ...aligned.alignment, links } });
const block = { slug: 'novel', block: 'b1', zh: ZH, gloss: EN, status: 'reviewed' as const };

describe('sentenceUnits', () => {
  const cases: {
    name: string;
    entry: AlignmentEntry | undefined;
    texts?: Partial<typeof block>;
    expected: [string, string, string][];
  }[] = [
    {
      name: 'one unit per one-to-one link',
      entry: aligned,
      expected: [
        ['b1/1', '他昨天来到了北京。', 'He came to Beijing yesterday.'],
        ['b1/2', '我们一起吃了晚饭。', 'We had dinner together.'],
        ['b1/3', '天很快就黑了。', 'It soon got dark.'],
      ],
    },
    {
      name: 'stale, unsure and two-to-one links are left out',
      entry: withLinks([
        { zh: [0], en: [0], manual: true, stale: true },
        { zh: [1], en: [1], unsure: true, confidence: 0.6 },
        { zh: [2], en: [2], manual: true },
      ]),
      expected: [['b1/3', '天很快就黑了。', 'It soon got dark.']],
    },
    {
      name: 'a link joining two sentences is not a sentence pair',
      entry: withLinks([
        { zh: [0, 1], en: [0, 1], manual: true },
        { zh: [2], en: [2] },
      ]),
      expected: [['b1/2', '天很快就黑了。', 'It soon got dark.']],
    },
    { name: 'no alignment', entry: undefined, expected: [] },
    { name: 'an alignment of another version of the translation', entry: aligned, texts: { gloss: `${EN} More.` }, expected: [] },
    {
      name: 'a sentence of fewer than four characters is too short to match',
      entry: alignBlock(undefined, '是的。我们一起吃了晚饭。', 'Yes. We had dinner together.').entry,
      texts: { zh: '是的。我们一起吃了晚饭。', gloss: 'Yes. We had dinner together.' },
      expected: [['b1/2', '我们一起吃了晚饭。', 'We had dinner together.']],
    },
  ];
  it.each(cases)('$name', ({ entry, texts, expected }) => {
    const units = sentenceUnits({ ...block, ...texts }, entry);
    expect(units.map((u) => [u.id, u.zh, u.gloss])).toEqual(expected);
    for (const unit of units) expect(unit).toMatchObject({ slug: 'novel', status: 'reviewed' });
  });

  it('gives the sentences as plain text when the stored texts hold markup', () => {
    const zh = '他来到了[北京](https://example.org)。我们一起吃了晚饭。';
    const entry = alignBlock(undefined, zh, EN.split(' It')[0]!).entry;
    const units = sentenceUnits({ ...block, zh, gloss: EN.split(' It')[0]! }, entry);
    expect(units[0]?.zh).toBe('他来到了北京。');
  });
});

describe('sentence unit ids', () => {
  it.each([
    { block: 'c4pzjo', link: 2, id: 'c4pzjo/2' },
    { block: 'a_b-1', link: 10, id: 'a_b-1/10' },
  ])('$id', ({ block, link, id }) => {
    expect(sentenceUnitId(block, link)).toBe(id);
    expect(parseSentenceUnitId(id)).toEqual({ block, link });
  });
  it('is undefined for a paragraph id', () => expect(parseSentenceUnitId('c4pzjo')).toBeUndefined());
});

import { describe, expect, it } from 'vitest';
import {
  alignBlock,
  alignmentRevision,
  blockView,
  checkLinks,
  sentencePairs,
  withLinks,
  type AlignmentEntry,
  type EditorLink,
  type LinkInput,
} from './block';

const ZH = '他来了。他说：「我很好。」我们走吧。';
const EN = 'He came. “I am fine,” he said. Let us go.';

describe('alignBlock', () => {
  it('aligns a new block, then keeps the same entry while neither text changes', () => {
    const first = alignBlock(undefined, ZH, EN);
    expect(first.action).toBe('aligned');
    expect(first.entry.alignment.links.map((l) => [l.zh, l.en])).toEqual([
      [[0], [0]],
      [[1], [1]],
      [[2], [2]],
    ]);
    const again = alignBlock(first.entry, ZH, EN);
    expect(again).toEqual({ entry: first.entry, action: 'kept' });
  });

  it('an edit of one English sentence keeps a manual link of another and marks none stale', () => {
    const { entry } = alignBlock(undefined, ZH, EN);
    const manual = withLinks(entry, [
      { zh: [0], en: [0], manual: true },
      { zh: [1], en: [1] },
      { zh: [2], en: [2], manual: true },
    ]);
    const edited = alignBlock(manual, ZH, 'He came. “I am fine,” he said. Let us leave now.');
    expect(edited.action).toBe('realigned');
    const links = edited.entry.alignment.links;
    expect(links[0]).toMatchObject({ zh: [0], en: [0], manual: true });
    expect(links[0]?.stale).toBeUndefined();
    expect(links[2]).toMatchObject({ zh: [2], en: [2], manual: true, stale: true });
  });
});

describe('alignmentRevision', () => {
  it('changes with the links and not otherwise', () => {
    const { entry } = alignBlock(undefined, ZH, EN);
    const same = alignBlock(undefined, ZH, EN).entry;
    expect(alignmentRevision(same)).toBe(alignmentRevision(entry));
    const joined = withLinks(entry, [
      { zh: [0, 1], en: [0, 1], manual: true },
      { zh: [2], en: [2] },
    ]);
    expect(alignmentRevision(joined)).not.toBe(alignmentRevision(entry));
  });
});

describe('blockView', () => {
  it('gives UTF-16 offsets into each text and links by index, manual links at confidence 1', () => {
    const { entry } = alignBlock(undefined, ZH, EN);
    const view = blockView('a1b2c3', withLinks(entry, [{ zh: [0], en: [0], manual: true }, ...entry.alignment.links.slice(1)]));
    expect(view.zh.map(([s, e]) => ZH.slice(s, e))).toEqual(['他来了。', '他说：「我很好。」', '我们走吧。']);
    expect(view.gloss.map(([s, e]) => EN.slice(s, e))).toEqual(['He came.', '“I am fine,” he said.', 'Let us go.']);
    expect(view.links[0]).toEqual({ zh: [0], gloss: [0], manual: true, confidence: 1 });
    expect(view.links[1]?.manual).toBe(false);
    expect(view.links[1]?.confidence).toBeGreaterThanOrEqual(0.5);
  });
});

describe('checkLinks', () => {
  const cases: { name: string; links: LinkInput[]; error?: RegExp }[] = [
    {
      name: 'one to one, covering',
      links: [
        { zh: [0], gloss: [0] },
        { zh: [1], gloss: [1, 2] },
      ],
    },
    {
      name: 'a dropped sentence (one side empty)',
      links: [
        { zh: [0, 1], gloss: [0, 1] },
        { zh: [], gloss: [2] },
      ],
    },
    { name: 'a link with no sentence', links: [{ zh: [], gloss: [] }], error: /link 1 names no sentence/ },
    {
      name: 'an index out of range',
      links: [{ zh: [0, 1, 2], gloss: [0, 1, 2] }],
      error: /Chinese sentence 2, but the block has 2/,
    },
    { name: 'not consecutive', links: [{ zh: [0], gloss: [0, 2] }], error: /consecutive/ },
    {
      name: 'overlapping links',
      links: [
        { zh: [0, 1], gloss: [0] },
        { zh: [1], gloss: [1, 2] },
      ],
      error: /link 2 overlaps an earlier link on Chinese sentence 1/,
    },
    {
      name: 'a gap',
      links: [
        { zh: [0], gloss: [0] },
        { zh: [1], gloss: [2] },
      ],
      error: /translated sentence 1 is in no link/,
    },
    {
      name: 'not covering the end',
      links: [
        { zh: [0], gloss: [0] },
        { zh: [1], gloss: [1] },
      ],
      error: /translated sentence 2 is in no link/,
    },
    { name: 'a negative or fractional index', links: [{ zh: [-1], gloss: [0] }], error: /Chinese sentence -1/ },
  ];
  it.each(cases)('$name', ({ links, error }) => {
    const checked = checkLinks(links, 2, 3);
    if (error) expect(checked.ok ? '' : checked.error).toMatch(error);
    else expect(checked.ok).toBe(true);
  });

  it('passes a stale mark or a confirmation through', () => {
    const checked = checkLinks(
      [
        { zh: [0], gloss: [0], stale: true },
        { zh: [1], gloss: [1], stale: false },
      ],
      2,
      2,
    );
    expect(checked).toEqual({
      ok: true,
      links: [
        { zh: [0], en: [0], manual: true, stale: true },
        { zh: [1], en: [1], manual: true, stale: false },
      ],
    });
  });

  it('marks links manual unless told otherwise', () => {
    const checked = checkLinks(
      [
        { zh: [0], gloss: [0] },
        { zh: [1], gloss: [1], manual: false },
      ],
      2,
      2,
    );
    expect(checked).toEqual({
      ok: true,
      links: [
        { zh: [0], en: [0], manual: true },
        { zh: [1], en: [1] },
      ],
    });
  });
});

describe('withLinks and stale links', () => {
  const { entry } = alignBlock(undefined, ZH, EN);
  // The first link is manual and stale (its sentence changed since), the others automatic.
  const stored: AlignmentEntry = {
    ...entry,
    alignment: {
      ...entry.alignment,
      links: [{ zh: [0], en: [0], manual: true, stale: true }, ...entry.alignment.links.slice(1)],
    },
  };
  const cases: { name: string; first: EditorLink; stale: boolean }[] = [
    {
      name: 'sent back as it was, with no mark (an older client): stays stale',
      first: { zh: [0], en: [0], manual: true },
      stale: true,
    },
    { name: 'sent back marked stale: stays stale', first: { zh: [0], en: [0], manual: true, stale: true }, stale: true },
    {
      name: 'sent with stale: false, a confirmation: no longer stale',
      first: { zh: [0], en: [0], manual: true, stale: false },
      stale: false,
    },
  ];
  it.each(cases)('$name', ({ first, stale }) => {
    const next = withLinks(stored, [first, ...stored.alignment.links.slice(1)]);
    expect(next.alignment.links[0]?.stale === true).toBe(stale);
    expect(next.alignment.links[0]?.manual).toBe(true);
    expect(next.alignment.links.slice(1)).toEqual(stored.alignment.links.slice(1));
  });

  it('marks no link stale that was not: a client cannot make a link stale', () => {
    const next = withLinks(entry, [{ zh: [0], en: [0], manual: true, stale: true }, ...entry.alignment.links.slice(1)]);
    expect(next.alignment.links[0]).toEqual({ zh: [0], en: [0], manual: true });
  });

  it('a new link over other sentences than the stale one is not stale', () => {
    const next = withLinks(stored, [
      { zh: [0, 1], en: [0, 1], manual: true },
      { zh: [2], en: [2] },
    ]);
    expect(next.alignment.links[0]).toEqual({ zh: [0, 1], en: [0, 1], manual: true });
  });
});

describe('sentencePairs', () => {
  it('gives each two-sided link that is not stale as its texts', () => {
    const { entry } = alignBlock(undefined, ZH, EN);
    const edited: AlignmentEntry = {
      ...entry,
      alignment: {
        ...entry.alignment,
        links: [
          { zh: [0, 1], en: [0, 1], manual: true },
          { zh: [2], en: [], manual: true },
          { zh: [], en: [2], manual: true, stale: true },
        ],
      },
    };
    expect(sentencePairs(ZH, EN, blockView('a1b2c3', edited))).toEqual([
      { index: 1, zh: '他来了。他说：「我很好。」', gloss: 'He came. “I am fine,” he said.' },
    ]);
    expect(sentencePairs(ZH, EN, blockView('a1b2c3', entry)).map((p) => p.gloss)).toEqual([
      'He came.',
      '“I am fine,” he said.',
      'Let us go.',
    ]);
  });
});

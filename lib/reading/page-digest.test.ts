import { describe, expect, it } from 'vitest';
import type { BlockView, TextView } from '@/lib/library/load';
import { pageDigest } from './page-digest';
import { textSections } from './sections';
import { textView } from '@/lib/testing/text-view';

/** A book of 4 chapters of 40 paragraphs, each with English: several sections. */
function book(): TextView {
  const blocks: [BlockView['type'], string, string?, number?][] = [];
  for (let c = 1; c <= 4; c += 1) {
    blocks.push(['heading', `第${c}章`, `Chapter ${c}`, 2]);
    for (let p = 1; p <= 40; p += 1)
      blocks.push(['paragraph', `第${c}章第${p}段。${'文字'.repeat(40)}`, `Chapter ${c}, paragraph ${p}.`]);
  }
  return textView(blocks);
}

/** The text with one block's view changed (as a save would leave it). */
function withBlock(text: TextView, index: number, change: Partial<BlockView>): TextView {
  return { ...text, blocks: text.blocks.map((b, i) => (i === index ? { ...b, ...change } : b)) };
}

describe('pageDigest', () => {
  const text = book();
  const sections = textSections(text);
  const inFirst = (sections[0]?.start ?? 0) + 1;
  const inLast = (sections.at(-1)?.start ?? 0) + 1;
  const page = { kind: 'section', index: 0 } as const;

  it('the book has several sections', () => {
    expect(sections.length).toBeGreaterThan(2);
  });

  const cases: { name: string; change: (t: TextView) => TextView; same: boolean }[] = [
    { name: 'nothing changed', change: (t) => ({ ...t }), same: true },
    { name: 'a gloss in another section, counts unchanged', change: (t) => withBlock(t, inLast, { en: 'Revised.' }), same: true },
    { name: 'a gloss on the page', change: (t) => withBlock(t, inFirst, { en: 'Revised.' }), same: false },
    { name: 'a status on the page', change: (t) => withBlock(t, inFirst, { status: 'reviewed' }), same: false },
    {
      name: 'a stale gloss on the page',
      change: (t) => withBlock(t, inFirst, { status: 'stale', staleFrom: '旧' }),
      same: false,
    },
    {
      name: 'the progress counts',
      change: (t) => ({ ...t, progress: { ...t.progress, glossed: t.progress.glossed - 1 } }),
      same: false,
    },
    { name: 'the English title', change: (t) => ({ ...t, title: { ...t.title, en: 'Another title' } }), same: false },
    { name: 'a broken gloss file', change: (t) => ({ ...t, glossError: 'malformed JSON' }), same: false },
    {
      name: 'the title in conflict',
      change: (t) => ({ ...t, title: { ...t.title, conflict: { versions: [{ text: 'A', author: 'ann', revision: 'r1' }] } } }),
      same: false,
    },
    {
      name: 'a block on the page in conflict',
      change: (t) => withBlock(t, inFirst, { conflict: { versions: [{ text: 'A', author: 'ann', revision: 'r1' }] } }),
      same: false,
    },
  ];

  it.each(cases)('$name: digest the same is $same', ({ change, same }) => {
    const before = pageDigest(text, page);
    const after = pageDigest(change(text), page);
    expect(before).toMatch(/^[0-9a-f]{64}$/);
    expect(after === before).toBe(same);
  });

  it('a paragraph page follows its own block only', () => {
    const id = text.blocks[inFirst]!.id;
    const digest = pageDigest(text, { kind: 'paragraph', id });
    expect(pageDigest(withBlock(text, inLast, { en: 'Elsewhere.' }), { kind: 'paragraph', id })).toBe(digest);
    expect(pageDigest(withBlock(text, inFirst, { en: 'Here.' }), { kind: 'paragraph', id })).not.toBe(digest);
  });

  it('is undefined for a section or paragraph the text does not have', () => {
    expect(pageDigest(text, { kind: 'section', index: sections.length })).toBeUndefined();
    expect(pageDigest(text, { kind: 'paragraph', id: 'zzzzzz' })).toBeUndefined();
  });
});

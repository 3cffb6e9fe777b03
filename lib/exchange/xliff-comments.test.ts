// Comments leave as notes of their author and come back as the unit's people's notes; the app's own notes do not.
import { describe, expect, it } from 'vitest';
import { parseXliff } from './xliff-read';
import { serializeXliff12, serializeXliff20 } from './xliff-write';
import type { ExportDocument } from './types';

const doc: ExportDocument = {
  slug: 'a',
  units: [
    {
      id: 'aaaaaa',
      kind: 'paragraph',
      source: '其实特拉斯也会',
      target: 'Truss would too',
      status: 'draft',
      revision: 'r',
      notes: ['Glossary: 特拉斯 = Truss'],
      comments: [
        { cid: 'c1', author: 'rita', body: 'Who is <meant>?', side: 'zh' },
        { cid: 'c2', author: 'ann', body: 'Liz & no other.' },
      ],
    },
    { id: 'bbbbbb', kind: 'paragraph', source: '前些天', status: 'untranslated', revision: 'r', notes: [] },
  ],
};

describe('comments in XLIFF', () => {
  const cases = [
    { version: '1.2', write: serializeXliff12, marks: ['from="rita"', 'annotates="source"', 'annotates="general"'] },
    { version: '2.0', write: serializeXliff20, marks: ['category="comment"', 'appliesTo="source"', 'id="comment-c1"'] },
  ];
  it.each(cases)('XLIFF $version: written as notes and read back', ({ write, marks }) => {
    const xml = write(doc);
    for (const mark of marks) expect(xml).toContain(mark);
    const parsed = parseXliff(xml);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.file.units.map((u) => u.notes)).toEqual([['Who is <meant>?', 'Liz & no other.'], undefined]);
  });

  it("takes a CAT tool's own note as a comment", () => {
    const xml = serializeXliff12(doc).replace('</trans-unit>', '<note from="omegat">Ask the author</note></trans-unit>');
    const parsed = parseXliff(xml);
    expect(parsed.ok && parsed.file.units[0]?.notes).toEqual(['Who is <meant>?', 'Liz & no other.', 'Ask the author']);
  });
});

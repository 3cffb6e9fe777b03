import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fromXliff12State, fromXliff20State, toXliff12State, toXliff20State } from './states';
import type { ExportDocument, ImportedUnit } from './types';
import { parseXliff } from './xliff-read';
import { serializeXliff12, serializeXliff20, STALE_NOTE_PREFIX } from './xliff-write';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');

const doc: ExportDocument = {
  slug: 'demo',
  units: [
    {
      id: 'title',
      kind: 'title',
      source: '标题',
      target: 'Title',
      status: 'reviewed',
      revision: '111111111111',
      notes: ['Glossary: 标题 = title'],
    },
    {
      id: 'c4pzjo',
      kind: 'paragraph',
      source: '见[链接](https://example.com)。',
      target: 'See the <link> & "more"\nsecond line',
      status: 'draft',
      revision: '222222222222',
      notes: [],
    },
    { id: 'k2abcd', kind: 'heading', source: '未译', status: 'untranslated', revision: '333333333333', notes: [] },
    {
      id: 'm3efgh',
      kind: 'list-item',
      source: '旧的',
      target: 'Old',
      status: 'stale',
      revision: '444444444444',
      notes: ['Note on “旧”: a note'],
    },
  ],
};

function parsed(text: string) {
  const result = parseXliff(text);
  if (!result.ok) throw new Error(result.error);
  return result.file;
}

describe('state mapping', () => {
  const both = [
    { status: 'untranslated', v12: { state: 'new' }, v20: { state: 'initial' } },
    { status: 'draft', v12: { state: 'translated' }, v20: { state: 'translated' } },
    { status: 'reviewed', v12: { state: 'signed-off', approved: 'yes' }, v20: { state: 'final' } },
    { status: 'stale', v12: { state: 'needs-review-translation' }, v20: { state: 'initial', subState: 'br:stale' } },
  ] as const;
  it.each(both)('$status is written as 1.2 $v12.state and 2.0 $v20.state', ({ status, v12, v20 }) => {
    expect(toXliff12State(status)).toEqual(v12);
    expect(toXliff20State(status)).toEqual(v20);
  });

  const from12 = [
    { state: 'translated', approved: undefined, expected: 'draft' },
    { state: 'signed-off', approved: undefined, expected: 'reviewed' },
    { state: 'final', approved: undefined, expected: 'reviewed' },
    { state: 'needs-review-translation', approved: undefined, expected: 'draft' },
    { state: 'new', approved: undefined, expected: 'draft' },
    { state: undefined, approved: undefined, expected: 'draft' },
    { state: 'translated', approved: 'yes', expected: 'reviewed' },
    { state: 'x-custom', approved: 'no', expected: 'draft' },
  ] as const;
  it.each(from12)('1.2 state $state approved $approved is read as $expected', ({ state, approved, expected }) => {
    expect(fromXliff12State(state, approved)).toBe(expected);
  });

  const from20 = [
    { state: 'initial', expected: 'draft' },
    { state: 'translated', expected: 'draft' },
    { state: 'reviewed', expected: 'reviewed' },
    { state: 'final', expected: 'reviewed' },
    { state: undefined, expected: 'draft' },
  ] as const;
  it.each(from20)('2.0 state $state is read as $expected', ({ state, expected }) =>
    expect(fromXliff20State(state)).toBe(expected),
  );
});

describe('write then read', () => {
  const expected: ImportedUnit[] = [
    { id: 'title', source: '标题', target: 'Title', status: 'reviewed', revision: '111111111111' },
    {
      id: 'c4pzjo',
      source: '见[链接](https://example.com)。',
      target: 'See the <link> & "more"\nsecond line',
      status: 'draft',
      revision: '222222222222',
    },
    { id: 'k2abcd', source: '未译', status: 'draft', revision: '333333333333' },
    { id: 'm3efgh', source: '旧的', target: 'Old', status: 'draft', revision: '444444444444' },
  ];
  it.each([
    ['1.2', serializeXliff12],
    ['2.0', serializeXliff20],
  ] as const)('XLIFF %s keeps ids, sources, targets, states and revisions', (version, serialize) => {
    const file = parsed(serialize(doc));
    expect(file).toMatchObject({ version, original: 'demo', sourceLanguage: 'zh-CN', targetLanguage: 'en' });
    expect(file.units).toEqual(expected);
  });

  it('1.2 writes untranslated units without a target, states on targets and notes', () => {
    const xml = serializeXliff12(doc);
    expect(xml).toContain(
      '<trans-unit id="k2abcd" resname="k2abcd" restype="x-heading" extradata="revision:333333333333" xml:space="preserve">\n        <source xml:lang="zh-CN">未译</source>\n      </trans-unit>',
    );
    expect(xml).toContain('approved="yes"');
    expect(xml).toContain('<target xml:lang="en" state="needs-review-translation">Old</target>');
    expect(xml).toContain('<note from="bilingual-reader">Note on “旧”: a note</note>');
  });

  it('with sourceInTarget every target holds the Chinese, and reads back as a copy', () => {
    const xml = serializeXliff12({ ...doc, sourceInTarget: true });
    const file = parsed(xml);
    expect(file.units.map((u) => u.target)).toEqual(doc.units.map((u) => u.source));
    // The stale unit's English is not lost: it goes in a note (only there).
    expect(xml).toContain(`<note from="bilingual-reader">${STALE_NOTE_PREFIX}Old</note>`);
    expect(xml.split(STALE_NOTE_PREFIX)).toHaveLength(2);
    expect(serializeXliff12(doc)).not.toContain(STALE_NOTE_PREFIX);
  });
});

describe('parseXliff: files from other programs', () => {
  it('locize: CDATA targets and &amp;', () => {
    expect(parsed(fixture('locize-cdata12.xliff')).units.map((u) => u.target)).toEqual([
      'Hola',
      'Validate & Submit',
      'Validate & Submit',
    ]);
  });

  it('locize: units inside nested groups', () => {
    expect(parsed(fixture('locize-groups12.xliff')).units.map((u) => u.id)).toEqual([
      'standalone',
      'in-group',
      'in-nested-group',
    ]);
  });

  it('locize: two files for two texts are refused', () => {
    expect(parseXliff(fixture('locize-note12.xliff'))).toEqual({
      ok: false,
      error: expect.stringMatching(/several texts \(namespace1, namespace2\)/),
    });
  });

  it('OmegaT: an XLIFF 1.1 file with two originals is refused', () => {
    expect(parseXliff(fixture('omegat-cdata-two-files.xlf'))).toMatchObject({ ok: false });
  });

  it('OmegaT: units without ids are read with an empty id (the import rejects them)', () => {
    const file = parsed(fixture('omegat-units-without-ids.xlf'));
    expect(file.units.map((u) => [u.id, u.target])).toEqual([
      ['', 'tr1=This is test'],
      ['', 'tr2=test2'],
    ]);
  });

  it('OmegaT: the XLIFF 2.0 spec example with a glossary module and <mrk>', () => {
    const file = parsed(fixture('omegat-xliff2-glossary.xlf'));
    expect(file).toMatchObject({ version: '2.0', sourceLanguage: 'en', targetLanguage: 'pt' });
    expect(file.units[0]).toMatchObject({ id: '1', status: 'draft' });
    expect(file.units[0]?.source.replace(/\s+/g, ' ').trim()).toBe('It was a unique bill..');
    expect(file.units[0]?.target).toBeUndefined();
    expect(file.units[0]?.problem).toBeUndefined();
  });

  it('translate-toolkit: approved="yes" makes every unit reviewed', () => {
    const file = parsed(fixture('translate-toolkit-states.xlf'));
    expect(file.units).toHaveLength(8);
    expect(new Set(file.units.map((u) => u.status))).toEqual(new Set(['reviewed']));
  });
});

describe('parseXliff: hand-made hard cases', () => {
  const unit = (inner: string, attrs = 'id="c4pzjo"') =>
    `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="demo" source-language="zh-CN" target-language="en"><body><trans-unit ${attrs}>${inner}</trans-unit></body></file></xliff>`;

  const cases = [
    {
      name: 'a prefixed XLIFF namespace',
      text: '<x:xliff xmlns:x="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><x:file original="demo"><x:body><x:trans-unit id="a"><x:source>甲</x:source><x:target>A</x:target></x:trans-unit></x:body></x:file></x:xliff>',
      expected: { id: 'a', source: '甲', target: 'A' },
    },
    {
      name: 'a BOM and CRLF line endings',
      text: `\uFEFF<?xml version="1.0"?>\r\n${unit('<source>甲</source>\r\n<target>A\r\nB</target>')}`,
      expected: { target: 'A\nB' },
    },
    {
      name: '<g> and <mrk> keep their text',
      text: unit('<source>甲</source><target><g id="1">A</g> <mrk mtype="term">B</mrk></target>'),
      expected: { target: 'A B' },
    },
    {
      name: '<x/> is markup the app cannot keep',
      text: unit('<source>甲</source><target>A<x id="1"/>B</target>'),
      expected: { problem: expect.stringMatching(/inline markup .*<x>/) },
    },
    {
      name: '<ph> is markup the app cannot keep',
      text: unit('<source>甲<ph id="1">&lt;b&gt;</ph></source><target>A</target>'),
      expected: { problem: expect.stringMatching(/source contains inline markup .*<ph>/) },
    },
    { name: 'an empty target', text: unit('<source>甲</source><target/>'), expected: { target: '' } },
    {
      name: 'notes are ignored',
      text: unit('<source>甲</source><note>n</note><target>A</target><note>m</note>'),
      expected: { target: 'A' },
    },
    {
      name: 'alt-trans is ignored',
      text: unit('<source>甲</source><target>A</target><alt-trans><target>Z</target></alt-trans>'),
      expected: { target: 'A' },
    },
  ];
  it.each(cases)('$name', ({ text, expected }) => {
    expect(parsed(text).units[0]).toMatchObject(expected);
  });

  it('an extradata from another tool is not taken as a revision', () => {
    expect(
      parsed(unit('<source>甲</source><target>A</target>', 'id="a" extradata="something else"')).units[0]?.revision,
    ).toBeUndefined();
  });

  const refused = [
    { name: 'malformed XML', text: '<xliff version="1.2"><file><body></file></xliff>', error: /Not well-formed XML/ },
    {
      name: 'a file cut short',
      text: '<xliff version="1.2"><file original="demo"><body>',
      error: /ends before its elements are closed/,
    },
    { name: 'another root', text: '<tmx version="1.4"><body/></tmx>', error: /not an XLIFF file: its root element is <tmx>/ },
    { name: 'no file element', text: '<xliff version="1.2"/>', error: /no <file> element/ },
    { name: 'an unknown version', text: '<xliff version="3.0"><file/></xliff>', error: /version 3.0 is not supported/ },
    { name: 'a binary file', text: '\u0089PNG\r\n\u001a\n', error: /Not well-formed XML/ },
  ];
  it.each(refused)('refuses $name', ({ text, error }) => {
    const result = parseXliff(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(error);
  });

  it('reads 100,000 units', () => {
    const units = Array.from(
      { length: 100_000 },
      (_, i) => `<trans-unit id="u${i}"><source>甲${i}</source><target>A${i}</target></trans-unit>`,
    ).join('');
    const file = parsed(`<xliff version="1.2"><file original="demo"><body>${units}</body></file></xliff>`);
    expect(file.units).toHaveLength(100_000);
    expect(file.units[99_999]).toMatchObject({ id: 'u99999', target: 'A99999' });
  }, 60_000);
});

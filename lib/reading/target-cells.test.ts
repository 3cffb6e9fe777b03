import { createInstance } from 'i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ESSAY as SLUG, makeEssayDataDir } from '@/lib/testing/essay';
import { loadText } from '@/lib/library/load';
import { targetCells, type GlossColumn } from './target-cells';

const en: GlossColumn = {
  lang: 'en',
  blocks: [
    { id: 'aaaaaa', en: 'First.', status: 'reviewed' },
    { id: 'bbbbbb', en: 'Second.', status: 'draft' },
    { id: 'cccccc', status: 'untranslated' },
    { id: 'brbrbr' },
  ],
};
const fr: GlossColumn = {
  lang: 'fr',
  blocks: [
    { id: 'aaaaaa', en: 'Premier.', status: 'stale' },
    { id: 'bbbbbb', status: 'untranslated' },
    { id: 'cccccc', status: 'untranslated' },
    { id: 'brbrbr' },
  ],
};
const versions = (n: number) => Array.from({ length: n }, (_, i) => ({ text: `v${i}`, author: `a${i}`, revision: `r${i}` }));
const frInConflict: GlossColumn = {
  lang: 'fr',
  blocks: [
    { id: 'aaaaaa', en: 'Premier.', status: 'draft', conflict: { versions: versions(2) } },
    { id: 'bbbbbb', status: 'untranslated', conflict: { versions: versions(3) } },
  ],
};
const ar: GlossColumn = { lang: 'ar', blocks: [{ id: 'aaaaaa', en: 'الأول.', status: 'draft' }] };

describe('targetCells', () => {
  const cases: {
    name: string;
    columns: GlossColumn[];
    reference?: GlossColumn;
    id: string;
    expected: object[] | undefined;
  }[] = [
    {
      name: 'a missing French gloss is untranslated, never the English',
      columns: [fr],
      id: 'bbbbbb',
      expected: [{ lang: 'fr', dir: 'ltr', status: 'untranslated' }],
    },
    {
      name: 'with a reference asked for, the English comes labelled as its own language',
      columns: [fr],
      reference: en,
      id: 'bbbbbb',
      expected: [{ lang: 'fr', dir: 'ltr', status: 'untranslated', reference: { lang: 'en', gloss: 'Second.' } }],
    },
    {
      name: 'no reference where the cell has its own gloss',
      columns: [fr],
      reference: en,
      id: 'aaaaaa',
      expected: [{ lang: 'fr', dir: 'ltr', status: 'stale', gloss: 'Premier.' }],
    },
    {
      name: 'no reference where English has none either',
      columns: [fr],
      reference: en,
      id: 'cccccc',
      expected: [{ lang: 'fr', dir: 'ltr', status: 'untranslated' }],
    },
    {
      name: 'no reference when English is a column of its own',
      columns: [en, fr],
      reference: en,
      id: 'bbbbbb',
      expected: [
        { lang: 'en', dir: 'ltr', status: 'draft', gloss: 'Second.' },
        { lang: 'fr', dir: 'ltr', status: 'untranslated' },
      ],
    },
    {
      name: 'each cell its own status and direction',
      columns: [en, fr, ar],
      id: 'aaaaaa',
      expected: [
        { lang: 'en', dir: 'ltr', status: 'reviewed', gloss: 'First.' },
        { lang: 'fr', dir: 'ltr', status: 'stale', gloss: 'Premier.' },
        { lang: 'ar', dir: 'rtl', status: 'draft', gloss: 'الأول.' },
      ],
    },
    { name: 'a break has no cells', columns: [en, fr], id: 'brbrbr', expected: undefined },
    {
      name: 'a conflict is marked in its own language only',
      columns: [en, frInConflict],
      id: 'aaaaaa',
      expected: [
        { lang: 'en', dir: 'ltr', status: 'reviewed', gloss: 'First.' },
        { lang: 'fr', dir: 'ltr', status: 'draft', gloss: 'Premier.', conflictVersions: 2 },
      ],
    },
    {
      name: 'a conflict on an untranslated cell (one side cleared it) is marked too',
      columns: [frInConflict],
      id: 'bbbbbb',
      expected: [{ lang: 'fr', dir: 'ltr', status: 'untranslated', conflictVersions: 3 }],
    },
  ];
  it.each(cases)('$name', ({ columns, reference, id, expected }) => {
    expect(targetCells(columns, reference).get(id)).toEqual(expected);
  });
});

describe('no fallback from the files', () => {
  let data: ReturnType<typeof makeEssayDataDir>;
  beforeEach(() => {
    data = makeEssayDataDir({
      [`locales/en/${SLUG}.state.json`]: '{}\n',
      [`locales/fr/${SLUG}.json`]: '{}\n',
      [`locales/fr/${SLUG}.state.json`]: '{}\n',
    });
  });
  afterEach(() => data.dispose());

  it('a French view of a text translated into English alone has no English in it', async () => {
    const english = await loadText(SLUG);
    if (!english?.ok) throw new Error('no English view');
    // Give every English paragraph a gloss, through the files, so a fallback would show.
    const ids = english.text.blocks.filter((b) => b.status !== undefined).map((b) => b.id);
    const glosses = Object.fromEntries([['title', 'A short essay'], ...ids.map((id, n) => [id, `Paragraph ${n + 1}.`])]);
    data.write(`locales/en/${SLUG}.json`, `${JSON.stringify(glosses, null, 2)}\n`);
    const [enView, frView] = await Promise.all([loadText(SLUG), loadText(SLUG, { lang: 'fr' })]);
    if (!enView?.ok || !frView?.ok) throw new Error('no views');
    expect(enView.text.blocks.filter((b) => b.en).length).toBe(ids.length);
    expect(frView.text.title.en).toBeUndefined();
    const cells = targetCells([frView.text]);
    for (const id of ids) expect(cells.get(id)).toEqual([{ lang: 'fr', dir: 'ltr', status: 'untranslated' }]);
  });

  it('i18next with English as fallbackLng would leak it: the gloss files never go through that', async () => {
    // The trap, shown: an i18next instance with the files as resources and fallbackLng 'en'
    // answers a French key with the English. The reader does not ask i18next for glosses.
    const i18n = createInstance();
    await i18n.init({
      lng: 'fr',
      fallbackLng: 'en',
      resources: { en: { essay: { aaaaaa: 'First.' } }, fr: { essay: {} } },
      keySeparator: false,
    });
    expect(i18n.t('aaaaaa', { ns: 'essay' })).toBe('First.');
    expect(i18n.exists('aaaaaa', { ns: 'essay', lng: 'fr', fallbackLng: false })).toBe(false);
    // The cells take only the French column's own values, whatever the English says.
    const cells = targetCells([{ lang: 'fr', blocks: [{ id: 'aaaaaa', status: 'untranslated' }] }]);
    expect(cells.get('aaaaaa')?.[0]?.gloss).toBeUndefined();
  });
});

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { glossRevision } from '@/lib/gloss/validate';
import { ESSAY as SLUG, makeEssayDataDir } from '@/lib/testing/essay';
import { saveGloss } from './edit';
import { addLanguage, listLanguages, otherLanguages, removeLanguage } from './languages';
import { loadText } from './load';

let data: ReturnType<typeof makeEssayDataDir>;
beforeEach(() => {
  data = makeEssayDataDir({
    [`locales/de/${SLUG}.json`]: '{}\n',
    'locales/ja/essay.history.jsonl': '',
    'locales/zh/common.json': '{}\n',
  });
});
afterEach(() => data.dispose());

describe('addLanguage', () => {
  it.each([
    { input: 'fr', lang: 'fr' },
    { input: 'pt-br', lang: 'pt-BR' },
    { input: 'zh-hant', lang: 'zh-Hant' },
  ])('adds $input as $lang: empty files, every paragraph untranslated, English not copied', async ({ input, lang }) => {
    const english = readFileSync(data.file(`locales/en/${SLUG}.json`), 'utf8');
    expect(await addLanguage(SLUG, input)).toEqual({
      ok: true,
      slug: SLUG,
      lang,
      files: [`locales/${lang}/${SLUG}.json`, `locales/${lang}/${SLUG}.state.json`],
    });
    expect(readFileSync(data.file(`locales/${lang}/${SLUG}.json`), 'utf8')).toBe('{}\n');
    expect(readFileSync(data.file(`locales/${lang}/${SLUG}.state.json`), 'utf8')).toBe('{}\n');
    const loaded = await loadText(SLUG, { lang });
    expect(loaded?.ok && loaded.text.progress).toEqual({ glossed: 0, total: 2 });
    expect(loaded?.ok && loaded.text.title.status).toBe('untranslated');
    expect(readFileSync(data.file(`locales/en/${SLUG}.json`), 'utf8')).toBe(english);
  });

  it.each([
    { slug: SLUG, input: '../x', kind: 'invalid' },
    { slug: SLUG, input: 'zh', kind: 'invalid' },
    { slug: SLUG, input: 'en', kind: 'exists' },
    { slug: SLUG, input: 'de', kind: 'exists' },
    { slug: SLUG, input: 'DE', kind: 'exists' },
    // A history left in locales/ja/ without a gloss file: not added over it.
    { slug: SLUG, input: 'ja', kind: 'exists' },
    { slug: 'nothing', input: 'fr', kind: 'not-found' },
    { slug: '../etc', input: 'fr', kind: 'not-found' },
  ])('refuses $input for $slug ($kind), writing nothing', async ({ slug, input, kind }) => {
    const before = readdirSync(data.file('locales')).sort();
    expect(await addLanguage(slug, input)).toMatchObject({ ok: false, kind, error: expect.any(String) });
    expect(readdirSync(data.file('locales')).sort()).toEqual(before);
    expect(readFileSync(data.file(`locales/de/${SLUG}.json`), 'utf8')).toBe('{}\n');
  });
});

describe('removeLanguage', () => {
  it('moves every file of the language to removed/, and the text keeps English', async () => {
    await addLanguage(SLUG, 'fr');
    const loaded = await loadText(SLUG, { lang: 'fr' });
    const id = loaded?.ok ? (loaded.text.blocks[0]?.id ?? '') : '';
    await saveGloss({ slug: SLUG, lang: 'fr', id, text: 'Un.', baseRevision: glossRevision(undefined), editor: 'ann' });
    const now = new Date('2026-12-01T10:00:00Z');
    expect(await removeLanguage(SLUG, 'fr', { dryRun: true, now })).toMatchObject({ ok: true, dryRun: true });
    expect(existsSync(data.file(`locales/fr/${SLUG}.json`))).toBe(true);
    const result = await removeLanguage(SLUG, 'fr', { now });
    expect(result).toEqual({
      ok: true,
      slug: SLUG,
      lang: 'fr',
      files: [
        `locales/fr/${SLUG}.history.jsonl`,
        `locales/fr/${SLUG}.journal.jsonl`,
        `locales/fr/${SLUG}.json`,
        `locales/fr/${SLUG}.state.json`,
      ],
      archive: `removed/${SLUG}-fr-2026-12-01T10-00-00-000Z`,
      dryRun: false,
    });
    expect(readdirSync(data.file('locales/fr'))).toEqual([]);
    expect(readFileSync(data.file(`removed/${SLUG}-fr-2026-12-01T10-00-00-000Z/locales/fr/${SLUG}.json`), 'utf8')).toBe('{}\n');
    expect((await listLanguages(SLUG))?.map((l) => l.lang)).toEqual(['en', 'de']);
    // Added again, it starts empty: nothing of the removed one comes back.
    expect(await addLanguage(SLUG, 'fr')).toMatchObject({ ok: true });
    const again = await loadText(SLUG, { lang: 'fr' });
    expect(again?.ok && again.text.progress.glossed).toBe(0);
  });

  it.each([
    { slug: SLUG, input: 'en', kind: 'invalid' },
    { slug: SLUG, input: 'fr', kind: 'not-found' },
    { slug: SLUG, input: 'not a tag', kind: 'invalid' },
    { slug: 'nothing', input: 'de', kind: 'not-found' },
  ])('refuses $input for $slug ($kind)', async ({ slug, input, kind }) => {
    expect(await removeLanguage(slug, input)).toMatchObject({ ok: false, kind });
    expect(existsSync(data.file('removed'))).toBe(false);
  });
});

describe('listLanguages', () => {
  it('lists English first, then each language with its progress', async () => {
    expect(await listLanguages(SLUG)).toEqual([
      { lang: 'en', name: 'English', progress: { glossed: 0, total: 2 } },
      { lang: 'de', name: 'German', progress: { glossed: 0, total: 2 } },
    ]);
    expect(await listLanguages('nothing')).toBeUndefined();
  });
});

describe('otherLanguages', () => {
  it('gives the languages besides English of each text that has any', async () => {
    expect(await otherLanguages([SLUG, 'nothing'])).toEqual({
      [SLUG]: [{ lang: 'de', name: 'German', progress: { glossed: 0, total: 2 } }],
    });
    await removeLanguage(SLUG, 'de');
    expect(await otherLanguages([SLUG])).toEqual({});
  });
});

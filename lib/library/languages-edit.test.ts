import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { glossRevision } from '@/lib/gloss/validate';
import { textLanguages } from '@/lib/store/languages';
import { makeDataDir } from '@/lib/testing/data-dir';
import { glossHistory, saveGloss, setGlossStatus } from './edit';
import { foldJournal } from './fold';
import { loadText } from './load';
import { syncLibrary } from './sync';

const SLUG = 'essay';
const SOURCE = '---\ntitle: 小文\n---\n\n第一段。\n\n第二段。\n';

let data: ReturnType<typeof makeDataDir>;
beforeEach(() => {
  data = makeDataDir({
    files: {
      [`content/${SLUG}.md`]: SOURCE,
      [`locales/en/${SLUG}.json`]: '{\n  "title": "A short essay"\n}\n',
      [`locales/en/${SLUG}.state.json`]: '{}\n',
      [`locales/fr/${SLUG}.json`]: '{}\n',
      [`locales/fr/${SLUG}.state.json`]: '{}\n',
      // Interface strings, and a file named like the text in the interface's Chinese: not a target.
      'locales/zh/common.json': '{}\n',
      [`locales/zh/${SLUG}.json`]: '{}\n',
      // A folder for German without this text.
      'locales/de/other.json': '{}\n',
    },
  });
});
afterEach(() => data.dispose());

/** Every file under locales/<lang>/ with its bytes. */
function snapshot(lang: string): Record<string, string> {
  const dir = data.file(`locales/${lang}`);
  return Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]));
}

async function view(lang: string) {
  const loaded = await loadText(SLUG, { lang });
  if (!loaded?.ok) throw new Error(`${SLUG} did not load in ${lang}`);
  return loaded.text;
}

async function firstParagraph(lang = 'en') {
  const block = (await view(lang)).blocks.find((b) => b.type === 'paragraph');
  if (!block) throw new Error('no paragraph');
  return block;
}

describe('textLanguages', () => {
  it('is English, then each folder with the text’s gloss file; never zh/ (interface strings)', async () => {
    expect(await textLanguages(SLUG)).toEqual(['en', 'fr']);
    expect(await textLanguages('other')).toEqual(['en', 'de']);
    expect(await textLanguages('nothing')).toEqual(['en']);
  });
});

describe('a save in another language', () => {
  it.each([
    { lang: 'fr', text: 'Premier paragraphe.' },
    { lang: 'en', text: 'The first paragraph.' },
  ])('$lang: lands in locales/$lang only, with its own history', async ({ lang, text }) => {
    const other = lang === 'en' ? 'fr' : 'en';
    const untouched = snapshot(other);
    const { id } = await firstParagraph(lang);
    const result = await saveGloss({ slug: SLUG, lang, id, text, baseRevision: glossRevision(undefined), editor: 'ann' });
    expect(result).toMatchObject({ ok: true, text, status: 'draft' });
    expect((await firstParagraph(lang)).en).toBe(text);
    expect((await firstParagraph(other)).en).toBeUndefined();
    expect(await glossHistory(SLUG, id, lang)).toMatchObject([{ id, kind: 'gloss', before: null, after: text }]);
    expect(await glossHistory(SLUG, id, other)).toEqual([]);
    expect(existsSync(data.file(`locales/${lang}/${SLUG}.journal.jsonl`))).toBe(true);
    expect(snapshot(other)).toEqual(untouched);
  });

  it('keeps English as it was, byte for byte, through a French save, a review and a fold', async () => {
    const english = snapshot('en');
    const { id } = await firstParagraph('fr');
    const saved = await saveGloss({
      slug: SLUG,
      lang: 'fr',
      id,
      text: 'Un.',
      baseRevision: glossRevision(undefined),
      editor: 'ann',
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    expect(
      await setGlossStatus({ slug: SLUG, lang: 'fr', id, status: 'reviewed', baseRevision: saved.revision, editor: 'bo' }),
    ).toMatchObject({
      ok: true,
      status: 'reviewed',
    });
    expect(await foldJournal(SLUG, 'fr')).toBe(true);
    expect(JSON.parse(readFileSync(data.file(`locales/fr/${SLUG}.json`), 'utf8'))).toEqual({ [id]: 'Un.' });
    expect(existsSync(data.file(`locales/fr/${SLUG}.journal.jsonl`))).toBe(false);
    expect((await firstParagraph('fr')).status).toBe('reviewed');
    expect((await firstParagraph('en')).status).toBe('untranslated');
    expect(snapshot('en')).toEqual(english);
  });

  it('is refused on a stale base revision of its own language, whatever English has', async () => {
    const { id } = await firstParagraph('fr');
    const empty = glossRevision(undefined);
    await saveGloss({ slug: SLUG, lang: 'en', id, text: 'One.', baseRevision: empty, editor: 'ann' });
    // English changed: French still starts from empty.
    expect(await saveGloss({ slug: SLUG, lang: 'fr', id, text: 'Un.', baseRevision: empty, editor: 'ann' })).toMatchObject({
      ok: true,
    });
    expect(await saveGloss({ slug: SLUG, lang: 'fr', id, text: 'Premier.', baseRevision: empty, editor: 'bo' })).toEqual({
      ok: false,
      kind: 'conflict',
      error: expect.any(String),
      current: { text: 'Un.', revision: glossRevision('Un.') },
    });
  });

  it.each([
    { lang: 'de', why: /no German/ },
    { lang: 'ja', why: /no Japanese/ },
  ])('is refused for a language the text does not have ($lang), writing nothing', async ({ lang, why }) => {
    const { id } = await firstParagraph();
    const result = await saveGloss({ slug: SLUG, lang, id, text: 'x', baseRevision: glossRevision(undefined), editor: 'ann' });
    expect(result).toMatchObject({ ok: false, kind: 'not-found', error: expect.stringMatching(why) });
    expect(existsSync(data.file(`locales/${lang}/${SLUG}.json`))).toBe(false);
    expect(existsSync(data.file(`locales/${lang}/${SLUG}.history.jsonl`))).toBe(false);
  });
});

describe('staleness per language', () => {
  it('marks each language’s gloss stale when the Chinese changes, and each language confirms its own', async () => {
    const title = async (lang: string) => (await view(lang)).title;
    const empty = glossRevision(undefined);
    await saveGloss({ slug: SLUG, lang: 'fr', id: 'title', text: 'Un petit essai', baseRevision: empty, editor: 'ann' });
    const english = await title('en');
    expect(
      await setGlossStatus({
        slug: SLUG,
        id: 'title',
        status: 'reviewed',
        baseRevision: glossRevision(english.en),
        editor: 'ann',
      }),
    ).toMatchObject({ ok: true });
    expect((await title('fr')).status).toBe('draft');
    writeFileSync(data.file(`content/${SLUG}.md`), SOURCE.replace('小文', '短文'));
    expect((await title('fr')).status).toBe('stale');
    expect((await title('en')).status).toBe('stale');
    const fr = glossRevision('Un petit essai');
    expect(
      await setGlossStatus({ slug: SLUG, lang: 'fr', id: 'title', status: 'draft', baseRevision: fr, editor: 'ann' }),
    ).toMatchObject({
      ok: true,
      status: 'draft',
    });
    expect((await title('fr')).status).toBe('draft');
    expect((await title('en')).status).toBe('stale');
  });
});

describe('sync', () => {
  it('folds the journal of every language, each into its own files', async () => {
    const { id } = await firstParagraph();
    const empty = glossRevision(undefined);
    await saveGloss({ slug: SLUG, lang: 'fr', id, text: 'Un.', baseRevision: empty, editor: 'ann' });
    await saveGloss({ slug: SLUG, id, text: 'One.', baseRevision: empty, editor: 'ann' });
    await syncLibrary();
    for (const [lang, text] of [
      ['fr', 'Un.'],
      ['en', 'One.'],
    ] as const) {
      expect(existsSync(data.file(`locales/${lang}/${SLUG}.journal.jsonl`))).toBe(false);
      expect(JSON.parse(readFileSync(data.file(`locales/${lang}/${SLUG}.json`), 'utf8'))).toMatchObject({ [id]: text });
    }
  });
});

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDataDir } from '@/lib/testing/data-dir';
import { exportTmx, exportXliff } from '@/lib/library-exchange/exchange-export';
import { importXliff } from '@/lib/library-exchange/import';
import { addLanguage } from './languages';
import { loadText } from './load';

const SLUG = 'essay';
const SOURCE = '---\ntitle: 小文\n---\n\n第一段。\n\n第二段。\n';

let data: ReturnType<typeof makeDataDir>;
beforeEach(() => {
  data = makeDataDir({
    files: {
      [`content/${SLUG}.md`]: SOURCE,
      [`locales/en/${SLUG}.json`]: '{\n  "title": "A short essay"\n}\n',
      [`locales/en/${SLUG}.state.json`]: '{}\n',
    },
  });
});
afterEach(() => data.dispose());

/** Every file under locales/ with its bytes, to show an import wrote nothing. */
function snapshot(): Record<string, string> {
  const root = data.file('locales');
  return Object.fromEntries(
    readdirSync(root, { recursive: true, encoding: 'utf8' })
      .map((name) => path.join(root, name))
      .filter((file) => statSync(file).isFile())
      .map((file) => [path.relative(root, file), readFileSync(file, 'utf8')]),
  );
}

async function xliff(options: Parameters<typeof exportXliff>[1]): Promise<string> {
  const result = await exportXliff(SLUG, options);
  if (!result.ok) throw new Error(result.error);
  return result.xml;
}

/** Gives every untranslated unit of an XLIFF 1.2 file a target: `<id> in <lang>`. */
function translated(xml: string, lang: string): string {
  return xml.replace(
    /(<trans-unit id="([^"]+)"[^>]*>\s*<source[^>]*>[^<]*<\/source>)(?!\s*<target)/g,
    (_, unit: string, id: string) => `${unit}<target xml:lang="${lang}" state="translated">${id} in ${lang}</target>`,
  );
}

const run = (xml: string, lang?: string) =>
  importXliff({ bytes: Buffer.from(xml), fileName: 'essay.xlf', editor: 'ann', slug: SLUG, ...(lang ? { lang } : {}) });

describe('XLIFF and TMX in another target language', () => {
  it('a language the text does not have is not exported (never as all untranslated)', async () => {
    for (const result of [await exportXliff(SLUG, { lang: 'fr' }), await exportTmx(SLUG, { lang: 'fr' })])
      expect(result).toMatchObject({ ok: false, kind: 'not-found', error: '"essay" has no French (fr) translation' });
  });

  it('French goes out with its language and states, and comes back into French only', async () => {
    expect(await addLanguage(SLUG, 'fr')).toMatchObject({ ok: true });
    const out = await xliff({ lang: 'fr' });
    expect(out).toContain('target-language="fr"');
    // Nothing of the English goes out as French: every unit is untranslated.
    expect(out).not.toContain('A short essay');
    expect(out).not.toContain('<target');
    const english = readFileSync(data.file(`locales/en/${SLUG}.json`), 'utf8');

    const result = await run(translated(out, 'fr-FR'), 'fr');
    expect(result).toMatchObject({ ok: true, lang: 'fr', counts: { applied: 3 } });
    const french = JSON.parse(readFileSync(data.file(`locales/fr/${SLUG}.json`), 'utf8')) as Record<string, string>;
    expect(french.title).toBe('title in fr-FR');
    expect(readFileSync(data.file(`locales/en/${SLUG}.json`), 'utf8')).toBe(english);
    const loaded = await loadText(SLUG, { lang: 'fr' });
    expect(loaded?.ok && loaded.text.blocks.map((b) => b.status)).toEqual(['draft', 'draft']);

    // The XLIFF 2.0 and the TMX of the French say so, and carry the French.
    const v20 = await xliff({ lang: 'fr', version: '2.0' });
    expect(v20).toContain('trgLang="fr"');
    expect(v20).toContain('title in fr-FR');
    const tmx = await exportTmx(SLUG, { lang: 'fr', withDrafts: true });
    expect(tmx.ok && tmx.xml.match(/<tuv xml:lang="fr">/g)?.length).toBe(3);
    expect(tmx.ok && tmx.xml).not.toContain('A short essay');
    const all = await exportTmx(undefined, { lang: 'fr', withDrafts: true });
    expect(all.ok && all.units).toBe(3);
  });

  it.each([
    {
      name: 'a French file into English',
      fileLang: 'fr',
      lang: undefined,
      kind: 'wrong-language',
      says: ['French (fr)', 'English (en)'],
    },
    {
      name: 'a German file into French',
      fileLang: 'de',
      lang: 'fr',
      kind: 'wrong-language',
      says: ['German (de)', 'French (fr)'],
    },
    {
      name: 'an English file into French',
      fileLang: 'en',
      lang: 'fr',
      kind: 'wrong-language',
      says: ['English (en)', 'French (fr)'],
    },
    {
      name: 'a German file into German, which the text lacks',
      fileLang: 'de',
      lang: 'de',
      kind: 'not-found',
      says: ['German (de)', 'npm run language -- add essay de'],
    },
  ])('$name is refused and nothing is written', async ({ fileLang, lang, kind, says }) => {
    expect(await addLanguage(SLUG, 'fr')).toMatchObject({ ok: true });
    const file = translated(
      (await xliff({ lang: 'fr' })).replace('target-language="fr"', `target-language="${fileLang}"`),
      fileLang,
    );
    const before = snapshot();
    const result = await run(file, lang);
    expect(result).toMatchObject({ ok: false, kind });
    for (const text of says) expect(!result.ok && result.error).toContain(text);
    expect(snapshot()).toEqual(before);
    expect(existsSync(data.file('locales/de'))).toBe(false);
  });

  it('a file in pt-br imports into pt-BR (case and form of the tag do not count)', async () => {
    expect(await addLanguage(SLUG, 'pt-BR')).toMatchObject({ ok: true });
    const out = await xliff({ lang: 'pt-BR' });
    expect(out).toContain('target-language="pt-BR"');
    const file = translated(out.replace('target-language="pt-BR"', 'target-language="pt-br"'), 'pt-br');
    expect(await run(file, 'pt-BR')).toMatchObject({ ok: true, lang: 'pt-BR', counts: { applied: 3 } });
  });
});

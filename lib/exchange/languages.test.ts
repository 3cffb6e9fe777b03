import { describe, expect, it } from 'vitest';
import { checkFileLanguages, fileLanguageMatches } from './languages';
import { serializeTmx } from './tmx';
import type { ExportDocument } from './types';
import { parseXliff } from './xliff-read';
import { serializeXliff12, serializeXliff20, staleNotePrefix } from './xliff-write';

describe('fileLanguageMatches', () => {
  it.each([
    { file: 'fr', lang: 'fr', expected: true },
    { file: 'FR', lang: 'fr', expected: true },
    { file: 'fr-FR', lang: 'fr', expected: true },
    { file: 'fr-CA', lang: 'fr', expected: true },
    { file: 'fr', lang: 'en', expected: false },
    { file: 'de', lang: 'fr', expected: false },
    { file: 'en-US', lang: 'en', expected: true },
    { file: 'pt-br', lang: 'pt-BR', expected: true },
    { file: 'PT-BR', lang: 'pt-BR', expected: true },
    { file: 'pt-PT', lang: 'pt-BR', expected: false },
    { file: 'pt', lang: 'pt-BR', expected: false },
    { file: 'zh-TW', lang: 'zh-Hant', expected: true },
    { file: 'zh-Hant-HK', lang: 'zh-Hant', expected: true },
    { file: 'zh-CN', lang: 'zh-Hant', expected: false },
    { file: 'sr-Latn', lang: 'sr-Cyrl', expected: false },
    { file: 'not a tag', lang: 'fr', expected: false },
    { file: '', lang: 'fr', expected: false },
  ])('a file in "$file" imported into $lang: $expected', ({ file, lang, expected }) => {
    expect(fileLanguageMatches(file, lang)).toBe(expected);
  });
});

describe('checkFileLanguages', () => {
  it.each([
    { file: { sourceLanguage: 'zh-CN', targetLanguage: 'en' }, lang: undefined, error: undefined },
    { file: { sourceLanguage: 'zh', targetLanguage: 'fr-FR' }, lang: 'fr', error: undefined },
    // A file that names no target language cannot be checked, as before.
    { file: { sourceLanguage: 'zh-CN' }, lang: 'fr', error: undefined },
    { file: { sourceLanguage: 'ja', targetLanguage: 'fr' }, lang: 'fr', error: 'The file translates from ja, not Chinese' },
    {
      file: { sourceLanguage: 'zh-CN', targetLanguage: 'de' },
      lang: 'fr',
      error: 'The file translates into German (de), not French (fr), the language this import is for; nothing was imported',
    },
    {
      file: { sourceLanguage: 'zh-CN', targetLanguage: 'fr' },
      lang: undefined,
      error: 'The file translates into French (fr), not English (en), the language this import is for; nothing was imported',
    },
    {
      file: { sourceLanguage: 'zh-CN', targetLanguage: '<x>' },
      lang: 'fr',
      error: 'The file translates into "<x>", not French (fr), the language this import is for; nothing was imported',
    },
  ])('$file.targetLanguage into $lang', ({ file, lang, error }) => {
    expect(checkFileLanguages(file, lang)).toBe(error);
  });
});

const doc = (targetLanguage?: string): ExportDocument => ({
  slug: 'demo',
  ...(targetLanguage ? { targetLanguage } : {}),
  units: [
    { id: 'title', kind: 'title', source: '标题', target: 'Titre', status: 'reviewed', revision: '111111111111', notes: [] },
    { id: 'm3efgh', kind: 'paragraph', source: '旧的', target: 'Vieux', status: 'stale', revision: '222222222222', notes: [] },
  ],
});

describe('target language written into exchange files', () => {
  it.each([
    { lang: undefined, expected: 'en' },
    { lang: 'fr', expected: 'fr' },
    { lang: 'pt-BR', expected: 'pt-BR' },
    { lang: 'zh-Hant', expected: 'zh-Hant' },
  ])('XLIFF 1.2 and 2.0 in $expected: written and read back', ({ lang, expected }) => {
    const v12 = serializeXliff12(doc(lang));
    expect(v12).toContain(`target-language="${expected}"`);
    expect(v12.match(/<target xml:lang="([^"]+)"/g)).toEqual([
      `<target xml:lang="${expected}"`,
      `<target xml:lang="${expected}"`,
    ]);
    const v20 = serializeXliff20(doc(lang));
    expect(v20).toContain(`trgLang="${expected}"`);
    for (const xml of [v12, v20]) {
      const parsed = parseXliff(xml);
      expect(parsed.ok && parsed.file).toMatchObject({ sourceLanguage: 'zh-CN', targetLanguage: expected });
      expect(parsed.ok && checkFileLanguages(parsed.file, expected)).toBeUndefined();
    }
  });

  it.each([
    { lang: 'en', expected: 'English before the Chinese changed (revise it): Vieux' },
    { lang: 'fr', expected: 'French before the Chinese changed (revise it): Vieux' },
  ])('a stale unit sent with the Chinese in the target names its $lang in the note', ({ lang, expected }) => {
    const xml = serializeXliff12({ ...doc(lang), sourceInTarget: true });
    expect(xml).toContain(`<note from="bilingual-reader">${expected}</note>`);
    expect(staleNotePrefix(lang)).toBe(expected.replace('Vieux', ''));
  });

  it.each([
    { lang: undefined, expected: 'en' },
    { lang: 'fr', expected: 'fr' },
    { lang: 'pt-BR', expected: 'pt-BR' },
  ])('TMX: the target tuv is xml:lang="$expected", the source zh-CN', ({ lang, expected }) => {
    const pair = { id: 'demo/title', source: '标题', target: 'Titre', status: 'reviewed' as const };
    const xml = serializeTmx([pair], new Date('2026-12-07T00:00:00Z'), lang);
    expect(xml.match(/<tuv xml:lang="([^"]+)"/g)).toEqual(['<tuv xml:lang="zh-CN"', `<tuv xml:lang="${expected}"`]);
    expect(xml).toContain('srclang="zh-CN"');
  });
});

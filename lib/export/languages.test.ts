import { describe, expect, it } from 'vitest';
import type { TextView } from '@/lib/library/load';
import { textView } from '@/lib/testing/text-view';
import { buildExportDocument } from './document';
import { buildEpubFiles } from './epub';
import { renderStandaloneHtml } from './html';
import { ExportOptionError, exportFileName, parseExportLanguages } from './options';

// The same text in English (both paragraphs) and in French (the first only, and a title).
const english = textView([
  ['paragraph', '第一段。', 'One.'],
  ['paragraph', '第二段。', 'Two.'],
]);
const french: TextView = {
  ...textView(
    [
      ['paragraph', '第一段。', 'Un.'],
      ['paragraph', '第二段。'],
    ],
    { zh: '标题', en: 'Titre' },
  ),
  lang: 'fr',
};

const docIn = (views: TextView[]) => buildExportDocument({ text: english, views, notes: [] });

describe('parseExportLanguages', () => {
  it.each([
    { input: undefined, expected: ['en'] },
    { input: '', expected: ['en'] },
    { input: 'fr', expected: ['fr'] },
    { input: 'en,fr', expected: ['en', 'fr'] },
    { input: 'fr, pt-br', expected: ['fr', 'pt-BR'] },
    { input: 'en,fr,de', error: 'at most 2 languages' },
    { input: 'fr,FR', error: 'names fr twice' },
    { input: 'zh', error: "the source's language" },
    { input: '../en', error: 'not a language tag' },
  ])('$input', ({ input, expected, error }) => {
    if (error) expect(() => parseExportLanguages(input)).toThrow(new RegExp(error));
    else expect(parseExportLanguages(input)).toEqual(expected);
    if (error) expect(() => parseExportLanguages(input)).toThrow(ExportOptionError);
  });

  it.each([
    { languages: undefined, expected: 'sample.epub' },
    { languages: ['en'], expected: 'sample.epub' },
    { languages: ['fr'], expected: 'sample.fr.epub' },
    { languages: ['en', 'fr'], expected: 'sample.en-fr.epub' },
  ])('names the file for $languages: $expected', ({ languages, expected }) => {
    expect(exportFileName('sample', { format: 'epub', ...(languages ? { languages } : {}) })).toBe(expected);
  });
});

describe('HTML in one or two target languages', () => {
  it.each([
    {
      views: [french],
      cells: [
        ['fr', 'Un.'],
        ['fr', 'Not yet translated into French'],
      ],
    },
    {
      views: [english, french],
      cells: [
        ['en', 'One.'],
        ['fr', 'Un.'],
        ['en', 'Two.'],
        ['fr', 'Not yet translated into French'],
      ],
    },
  ])('$views.length target(s): each cell with its lang, a missing gloss said in English, never filled', ({ views, cells }) => {
    const html = renderStandaloneHtml(docIn(views), { layout: 'side' });
    const found = [...html.matchAll(/<div class="cell cell-en" lang="([^"]+)"><(?:p|h\d)[^>]*>([^<]*)</g)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(found).toEqual(cells);
    // The notice is in English and says so; the English is never passed off as French.
    expect(html).toContain('<p class="mark" lang="en">Not yet translated into French</p>');
    expect(html).not.toMatch(/lang="fr">Two\./);
    expect(html).toContain('<span class="title-gloss" lang="fr">Titre</span>');
    expect(html.includes('class="reader two-targets"')).toBe(views.length === 2);
  });
});

describe('EPUB in one or two target languages', () => {
  const modified = new Date('2026-12-07T00:00:00Z');
  it.each([
    { views: [english], mode: 'parallel' as const, languages: ['zh-Hans', 'en'], titles: ['zh-Hans', 'en'] },
    { views: [french], mode: 'parallel' as const, languages: ['zh-Hans', 'fr'], titles: ['zh-Hans', 'fr'] },
    { views: [english, french], mode: 'parallel' as const, languages: ['zh-Hans', 'en', 'fr'], titles: ['zh-Hans', 'en', 'fr'] },
    { views: [english, french], mode: 'zh' as const, languages: ['zh-Hans'], titles: ['zh-Hans'] },
  ])('$mode with $languages: dc:language and titles list every language shown', ({ views, mode, languages, titles }) => {
    const files = buildEpubFiles(docIn(views), { order: 'zh-first', mode, modified });
    const opf = files.find((f) => f.path === 'OEBPS/content.opf')?.data ?? '';
    expect([...opf.matchAll(/<dc:language>([^<]+)<\/dc:language>/g)].map((m) => m[1])).toEqual(languages);
    expect([...opf.matchAll(/<dc:title id="[^"]+" xml:lang="([^"]+)"/g)].map((m) => m[1])).toEqual(titles);
  });

  it('a pair holds the Chinese, then each language in order with its lang; a missing French is said, not filled', () => {
    const files = buildEpubFiles(docIn([english, french]), { order: 'zh-first', mode: 'parallel', modified });
    const text = files.find((f) => f.path === 'OEBPS/text-1.xhtml')?.data ?? '';
    const pairs = [...text.matchAll(/<div class="pair" id="[^"]+">(.*?)<\/div>/g)].map((m) =>
      [...(m[1] ?? '').matchAll(/<p class="[^"]*" lang="([^"]+)" xml:lang="[^"]+">([^<]*)</g)].map((p) => `${p[1]}:${p[2]}`),
    );
    expect(pairs).toEqual([
      ['zh-Hans:第一段。', 'en:One.', 'fr:Un.'],
      ['zh-Hans:第二段。', 'en:Two.', 'en:(Not yet translated into French)'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { textInLanguageResponse } from '@/lib/api/contract';
import { glossRevision } from '@/lib/gloss/validate';
import { textView } from '@/lib/testing/text-view';
import { exportText, exportTextIn } from '@/lib/downloads/export';

describe('exportTextIn', () => {
  it.each([
    { lang: 'fr', en: false },
    { lang: 'pt-BR', en: false },
    { lang: 'en', en: true },
  ])('$lang: gloss and lang on the title and every block; en only for English ($en)', ({ lang, en }) => {
    const view = {
      ...textView([
        ['paragraph', '第一段。', 'Un.'],
        ['break', ''],
        ['paragraph', '第二段。'],
      ]),
      lang,
    };
    const exported = exportTextIn(view);
    expect(textInLanguageResponse.parse(exported)).toEqual(exported);
    expect(exported.lang).toBe(lang);
    expect(exported.title).toMatchObject({ zh: '标题', gloss: 'Title', lang, revision: glossRevision('Title') });
    expect(exported.blocks.map((b) => [b.gloss, b.lang, b.status, b.revision])).toEqual([
      ['Un.', lang, 'draft', glossRevision('Un.')],
      [null, lang, null, null],
      [null, lang, 'untranslated', glossRevision(undefined)],
    ]);
    expect(exported.blocks.every((b) => 'en' in b === en)).toBe(true);
    expect('en' in exported.title).toBe(en);
    // For English, what an English client reads is as before.
    if (en) expect(exported.blocks.map((b) => b.en)).toEqual(exportText(view).blocks.map((b) => b.en));
  });
});

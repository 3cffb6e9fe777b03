import { describe, expect, it } from 'vitest';
import { languageKey, noteLanguage, type SelectedColumn } from './note-language';

const onlyFrench = (lang: string) => lang === 'fr';
const anyLanguage = () => true;
const none = () => false;

describe('noteLanguage', () => {
  const cases: {
    name: string;
    selected: SelectedColumn;
    shown: string[];
    may: (lang: string) => boolean;
    expected: string | undefined;
  }[] = [
    {
      name: 'the English cell of an English page',
      selected: { column: 'target', lang: 'en' },
      shown: [],
      may: anyLanguage,
      expected: 'en',
    },
    {
      name: 'a French cell, for a French translator',
      selected: { column: 'target', lang: 'fr' },
      shown: ['en', 'fr'],
      may: onlyFrench,
      expected: 'fr',
    },
    {
      name: 'an English cell, for a French translator',
      selected: { column: 'target', lang: 'en' },
      shown: ['en', 'fr'],
      may: onlyFrench,
      expected: undefined,
    },
    { name: 'the Chinese of an English page', selected: { column: 'zh' }, shown: [], may: anyLanguage, expected: 'en' },
    { name: 'the Chinese of a French page', selected: { column: 'zh' }, shown: ['fr'], may: anyLanguage, expected: 'fr' },
    {
      name: 'the Chinese beside English and French, for anyone',
      selected: { column: 'zh' },
      shown: ['en', 'fr'],
      may: anyLanguage,
      expected: 'en',
    },
    {
      name: 'the Chinese beside English and French, for a French translator',
      selected: { column: 'zh' },
      shown: ['en', 'fr'],
      may: onlyFrench,
      expected: 'fr',
    },
    {
      name: 'the Chinese of an English page, for a French translator',
      selected: { column: 'zh' },
      shown: ['en'],
      may: onlyFrench,
      expected: undefined,
    },
    { name: 'nothing allowed', selected: { column: 'target', lang: 'fr' }, shown: ['fr'], may: none, expected: undefined },
  ];
  it.each(cases)('$name → $expected', ({ selected, shown, may, expected }) => {
    expect(noteLanguage(selected, shown, may)).toBe(expected);
  });
});

describe('languageKey', () => {
  it.each([
    { lang: 'en', id: 'n3', expected: 'n3' },
    { lang: 'fr', id: 'n3', expected: 'fr-n3' },
    { lang: 'zh-Hant', id: 'a1', expected: 'zh-Hant-a1' },
  ])('$lang $id → $expected', ({ lang, id, expected }) => expect(languageKey(lang, id)).toBe(expected));
});

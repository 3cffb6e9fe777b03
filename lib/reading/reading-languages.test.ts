import { describe, expect, it } from 'vitest';
import {
  isEnglishAlone,
  parseReadingLanguages,
  parseReadingLanguagesSegment,
  readingLanguagesSegment,
  textDirection,
} from './reading-languages';

describe('parseReadingLanguages', () => {
  const cases: { tl: string | null; ref?: string | null; langs: string[]; reference?: boolean; rejected: boolean }[] = [
    { tl: null, langs: ['en'], rejected: false },
    { tl: 'fr', langs: ['fr'], rejected: false },
    { tl: 'en,fr', langs: ['en', 'fr'], rejected: false },
    { tl: 'FR,pt-br', langs: ['fr', 'pt-BR'], rejected: false },
    { tl: 'fr,fr,en', langs: ['fr', 'en'], rejected: false },
    { tl: 'en,fr,de', langs: ['en', 'fr', 'de'], rejected: false },
    { tl: 'en,fr,de,ja', langs: ['en', 'fr', 'de'], rejected: true },
    { tl: 'zh-Hant,ar', langs: ['zh-Hant', 'ar'], rejected: false },
    { tl: 'zh', langs: ['en'], rejected: true },
    { tl: '../en', langs: ['en'], rejected: true },
    { tl: 'fr,<b>', langs: ['fr'], rejected: true },
    { tl: '', langs: ['en'], rejected: true },
    { tl: ',,', langs: ['en'], rejected: true },
    { tl: 'x'.repeat(500), langs: ['en'], rejected: true },
    { tl: 'fr', ref: 'en', langs: ['fr'], reference: true, rejected: false },
    { tl: 'fr', ref: 'yes', langs: ['fr'], reference: false, rejected: true },
  ];
  it.each(cases)('tl=$tl ref=$ref → $langs (rejected: $rejected)', ({ tl, ref = null, langs, reference = false, rejected }) => {
    expect(parseReadingLanguages(tl, ref)).toEqual({ langs, reference, rejected });
  });

  it('English alone only when nothing else was asked for or said', () => {
    expect(isEnglishAlone(parseReadingLanguages(null))).toBe(true);
    expect(isEnglishAlone(parseReadingLanguages('en'))).toBe(true);
    expect(isEnglishAlone(parseReadingLanguages('en', 'en'))).toBe(false);
    expect(isEnglishAlone(parseReadingLanguages('??'))).toBe(false);
    expect(isEnglishAlone(parseReadingLanguages('fr'))).toBe(false);
  });
});

describe('reading language segments', () => {
  const roundTrips: [string | null, string | null, string][] = [
    ['fr', null, 'fr'],
    ['en,fr', null, 'en,fr'],
    ['fr', 'en', 'fr~ref'],
    ['fr,??', 'en', 'fr~ref~bad'],
    ['??', null, 'en~bad'],
  ];
  it.each(roundTrips)('tl=%s ref=%s ↔ %s', (tl, ref, segment) => {
    const choice = parseReadingLanguages(tl, ref);
    expect(readingLanguagesSegment(choice)).toBe(segment);
    expect(parseReadingLanguagesSegment(segment)).toEqual(choice);
  });

  const refused = ['FR', 'fr~x', 'fr~ref~ref', 'fr,fr', '../en', 'fr~bad~ref', '', 'zh', 'en%2Cfr%2Cde%2Cja'];
  it.each(refused)('a segment not written by the app is refused: %s', (segment) => {
    expect(parseReadingLanguagesSegment(segment)).toBeUndefined();
  });
});

describe('textDirection', () => {
  const cases: [string, 'ltr' | 'rtl'][] = [
    ['ar', 'rtl'],
    ['he', 'rtl'],
    ['fa', 'rtl'],
    ['ur', 'rtl'],
    ['ar-EG', 'rtl'],
    ['az-Arab', 'rtl'],
    ['ar-Latn', 'ltr'],
    ['fr', 'ltr'],
    ['ja', 'ltr'],
    ['zh-Hant', 'ltr'],
  ];
  it.each(cases)('%s → %s', (lang, dir) => expect(textDirection(lang)).toBe(dir));
});

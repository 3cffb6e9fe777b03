import { describe, expect, it } from 'vitest';
import { isTargetLanguage, parseTargetLanguage, targetLanguageName } from './target-language';

describe('parseTargetLanguage', () => {
  it.each([
    { input: 'fr', expected: 'fr' },
    { input: 'de', expected: 'de' },
    { input: 'ja', expected: 'ja' },
    { input: 'en', expected: 'en' },
    { input: 'pt-br', expected: 'pt-BR' },
    { input: 'PT-BR', expected: 'pt-BR' },
    { input: 'zh-hant', expected: 'zh-Hant' },
    { input: 'zh-Hant-TW', expected: 'zh-Hant-TW' },
    { input: 'sr-latn-rs', expected: 'sr-Latn-RS' },
    { input: 'es-419', expected: 'es-419' },
    { input: ' fr ', expected: 'fr' },
    { input: 'iw', expected: 'he' },
  ])('accepts $input as $expected', ({ input, expected }) => {
    expect(parseTargetLanguage(input)).toEqual({ ok: true, lang: expected });
  });

  it.each([
    { input: '', why: /No language/ },
    { input: '..', why: /not a language tag/ },
    { input: '../en', why: /not a language tag/ },
    { input: 'fr/x', why: /not a language tag/ },
    { input: 'fr\\x', why: /not a language tag/ },
    { input: 'fr_FR', why: /not a language tag/ },
    { input: 'français', why: /not a language tag/ },
    { input: 'f', why: /not a BCP 47/ },
    { input: 'toolonglanguage', why: /not a BCP 47/ },
    { input: 'en-u-ca-gregory', why: /not a plain language tag/ },
    { input: 'x-klingon', why: /not a BCP 47|not a plain/ },
    { input: 'und', why: /names no language/ },
    { input: 'zh', why: /source's language/ },
    { input: 'ZH', why: /source's language/ },
    { input: 'zh-Hans', why: /source's language/ },
    { input: 'zh-CN', why: /source's language/ },
    { input: 'zh-TW', why: /zh-Hant/ },
    { input: 'a'.repeat(40), why: /not a language tag/ },
  ])('refuses "$input"', ({ input, why }) => {
    const check = parseTargetLanguage(input);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.error).toMatch(why);
  });
});

describe('isTargetLanguage', () => {
  it.each([
    { input: 'fr', expected: true },
    { input: 'pt-BR', expected: true },
    { input: 'pt-br', expected: false },
    { input: 'zh', expected: false },
    { input: 'common', expected: false },
    { input: '.locks', expected: false },
  ])('$input → $expected', ({ input, expected }) => {
    expect(isTargetLanguage(input)).toBe(expected);
  });
});

describe('targetLanguageName', () => {
  it.each([
    { lang: 'fr', ui: 'en', expected: 'French' },
    { lang: 'pt-BR', ui: 'en', expected: 'Brazilian Portuguese' },
    { lang: 'zh-Hant', ui: 'en', expected: 'Traditional Chinese' },
    { lang: 'fr', ui: 'zh', expected: '法语' },
    { lang: 'de', ui: undefined, expected: 'German' },
  ])('$lang in $ui → $expected', ({ lang, ui, expected }) => {
    expect(targetLanguageName(lang, ui)).toBe(expected);
  });
});

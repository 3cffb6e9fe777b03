import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { uiLocales, type UiLocale } from './config';
import { createUiI18n } from './instance';
import { translate } from './translate';

const strings = {
  greet: 'Hello {{name}}',
  spaced: 'n = {{ n }}',
  twice: '{{a}} and {{a}}',
  files_one: 'one file',
  files_other: '{{count}} files',
  only_other: '{{count}} items',
  plain: 'just text',
  nothing_zero: 'none',
  nothing_other: '{{count}} things',
};

describe('translate', () => {
  it.each([
    { lng: 'en', key: 'greet', values: { name: '李' }, expected: 'Hello 李' },
    { lng: 'en', key: 'greet', values: undefined, expected: 'Hello {{name}}' },
    { lng: 'en', key: 'greet', values: {}, expected: 'Hello {{name}}' },
    { lng: 'en', key: 'greet', values: { name: null }, expected: 'Hello ' },
    { lng: 'en', key: 'greet', values: { name: 0 }, expected: 'Hello 0' },
    { lng: 'en', key: 'greet', values: { name: '<b>' }, expected: 'Hello <b>' },
    { lng: 'en', key: 'spaced', values: { n: 7 }, expected: 'n = 7' },
    { lng: 'en', key: 'twice', values: { a: 'x' }, expected: 'x and x' },
    { lng: 'en', key: 'files', values: { count: 1 }, expected: 'one file' },
    { lng: 'en', key: 'files', values: { count: 2 }, expected: '2 files' },
    { lng: 'en', key: 'files', values: { count: 0 }, expected: '0 files' },
    { lng: 'zh', key: 'files', values: { count: 1 }, expected: '1 files' },
    { lng: 'en', key: 'only', values: { count: 1 }, expected: 'only' },
    { lng: 'zh', key: 'only', values: { count: 1 }, expected: '1 items' },
    { lng: 'en', key: 'nothing', values: { count: 0 }, expected: 'none' },
    { lng: 'en', key: 'nothing', values: { count: 3 }, expected: '3 things' },
    { lng: 'en', key: 'files', values: { count: '1' }, expected: 'files' },
    { lng: 'en', key: 'missing.key', values: undefined, expected: 'missing.key' },
    { lng: 'en', key: 'plain', values: { unused: 1 }, expected: 'just text' },
  ] as const)('$lng $key with $values gives “$expected”, as i18next does', ({ lng, key, values, expected }) => {
    expect(translate(strings, lng, key, values)).toBe(expected);
    expect(createUiI18n(lng, strings).t(key, values)).toBe(expected);
  });
});

/** Values for every placeholder a string names, and a count of 0, 1, 2 and 5. */
function valuesFor(text: string, count: number): Record<string, unknown> {
  const values: Record<string, unknown> = { count };
  for (const [, name] of text.matchAll(/\{\{([^{}]+)\}\}/g))
    if (name && name.trim() !== 'count') values[name.trim()] = `«${name}»`;
  return values;
}

describe.each(uiLocales.map((lng) => ({ lng })))('every interface string of $lng', ({ lng }: { lng: UiLocale }) => {
  const all = JSON.parse(readFileSync(`locales/${lng}/common.json`, 'utf8')) as Record<string, string>;
  const i18n = createUiI18n(lng, all);
  const keys = [...new Set(Object.keys(all).map((key) => key.replace(/_(zero|one|two|few|many|other)$/, '')))];

  it('has strings to compare', () => {
    expect(keys.length).toBeGreaterThan(100);
  });

  it.each([0, 1, 2, 5])('comes out as i18next gives it with count %i', (count) => {
    const differences = keys.flatMap((key) => {
      const values = valuesFor(all[key] ?? all[`${key}_other`] ?? '', count);
      const ours = translate(all, lng, key, values);
      const theirs = i18n.t(key, values);
      return ours === theirs ? [] : [{ key, ours, theirs }];
    });
    expect(differences).toEqual([]);
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidSlugError, isSlug, textFilePath } from './paths';
import { textLockPath } from './lock';
import { glossPath } from './glosses';
import { ledgerPath } from './sources';

describe('textFilePath', () => {
  const accepted = [
    { slug: 'karpathy-no-priors', expected: '/d/karpathy-no-priors.json' },
    { slug: 'a', expected: '/d/a.json' },
    { slug: 'hong_lou_3', expected: '/d/hong_lou_3.json' },
  ];
  it.each(accepted)('builds $expected from "$slug"', ({ slug, expected }) => {
    expect(textFilePath('/d', slug, '.json')).toBe(expected);
  });

  const refused = [
    '../yarn',
    '../../etc/x',
    '/etc/passwd',
    'a/b',
    '.locks',
    '',
    'A',
    'common',
    'glossary',
    'a\u0000b',
    'x'.repeat(81),
  ];
  it.each(refused)('refuses %j', (slug) => {
    expect(isSlug(slug)).toBe(false);
    expect(() => textFilePath('/d', slug, '.json')).toThrow(InvalidSlugError);
  });

  const builders = [
    { name: 'the lock file', build: textLockPath },
    { name: 'the gloss file', build: (slug: string) => glossPath(slug, 'en') },
    { name: 'the id ledger', build: ledgerPath },
  ];
  it.each(builders)('$name refuses a path out of the data folder', ({ build }) => {
    expect(() => build('../yarn')).toThrow(/not a text's name/);
    expect(path.isAbsolute(build('ok-slug'))).toBe(true);
  });
});

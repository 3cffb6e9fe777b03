import { describe, expect, it } from 'vitest';
import { carriedQuery, redirectLocation, withReadingQuery } from './reading-url';

describe('carriedQuery', () => {
  it.each([
    { search: '', expected: '' },
    { search: '?', expected: '' },
    { search: '?utm_source=x&_rsc=abc', expected: '' },
    { search: '?pinyin=1&layout=stacked', expected: '?layout=stacked&pinyin=1' },
    { search: 'layout=zh', expected: '?layout=zh' },
    { search: '?layout=stacked&pinyin=off', expected: '?layout=stacked&pinyin=off' },
    {
      search: '?theme=dark&size=l&script=trad&tones=1&phonetic=zhuyin&pinyin=1&layout=reveal',
      expected: '?layout=reveal&pinyin=1&phonetic=zhuyin&tones=1&script=trad&size=l&theme=dark',
    },
    { search: '?layout=zh&layout=en', expected: '?layout=zh' },
    { search: '?layout=', expected: '?layout=' },
    { search: `?layout=${'x'.repeat(33)}&pinyin=1`, expected: '?pinyin=1' },
    { search: '?script=%E7%B9%81', expected: '?script=%E7%B9%81' },
    { search: '?layout=a%26b%3Dc', expected: '?layout=a%26b%3Dc' },
    { search: '?tlref=en&tl=en,fr&q=x', expected: '?tl=en%2Cfr&tlref=en' },
    { search: '?tl=fr&layout=stacked', expected: '?layout=stacked&tl=fr' },
  ])('$search → "$expected"', ({ search, expected }) => {
    expect(carriedQuery(search)).toBe(expected);
  });

  it('takes URLSearchParams too', () => {
    expect(carriedQuery(new URLSearchParams({ tones: '1', other: 'x' }))).toBe('?tones=1');
  });
});

describe('withReadingQuery', () => {
  it.each([
    { path: '/read/novel', search: '', expected: '/read/novel' },
    { path: '/read/novel', search: '?layout=stacked&pinyin=1', expected: '/read/novel?layout=stacked&pinyin=1' },
    {
      path: '/read/novel/s/k3x9qa#m2p8rt',
      search: '?layout=stacked&pinyin=off&ref=mail',
      expected: '/read/novel/s/k3x9qa?layout=stacked&pinyin=off#m2p8rt',
    },
    { path: '/read/novel#m2p8rt', search: '?script=trad', expected: '/read/novel?script=trad#m2p8rt' },
    // Options in the path are the old page's; the reader's current ones win, and an option they turned off goes.
    { path: '/read/novel/s/k3x9qa?layout=zh&pinyin=1', search: '?layout=en', expected: '/read/novel/s/k3x9qa?layout=en' },
    { path: '/read/novel/s/k3x9qa?layout=zh&pinyin=1#x1', search: '', expected: '/read/novel/s/k3x9qa#x1' },
    // What is not a reading option in the path stays.
    { path: '/search?q=%E6%A8%A1%E5%9E%8B', search: '?tones=1', expected: '/search?q=%E6%A8%A1%E5%9E%8B&tones=1' },
    // A fragment is never taken for the query, nor the other way round.
    { path: '/read/novel#a?layout=zh', search: '?pinyin=1', expected: '/read/novel?pinyin=1#a?layout=zh' },
  ])('$path + $search → $expected', ({ path, search, expected }) => {
    expect(withReadingQuery(path, search)).toBe(expected);
  });
});

describe('redirectLocation', () => {
  it.each([
    {
      path: '/read/novel/s/k3x9qa#m2p8rt',
      from: { search: '?layout=stacked&pinyin=1' },
      expected: '/read/novel/s/k3x9qa?layout=stacked&pinyin=1#m2p8rt',
    },
    { path: '/read/novel/p/m2p8rt', from: { language: 'zh', search: '?pinyin=1' }, expected: '/zh/read/novel/p/m2p8rt?pinyin=1' },
    { path: '/read/novel', from: { language: 'en', search: '' }, expected: '/en/read/novel' },
    { path: '/read/novel#gone01', from: { language: undefined, search: '?tones=1&x=1' }, expected: '/read/novel?tones=1#gone01' },
  ])('$path from $from → $expected', ({ path, from, expected }) => {
    expect(redirectLocation(path, from)).toBe(expected);
  });

  it.each(['read/novel', '//evil.example/read/novel', 'https://evil.example/'])(
    'refuses %s, which is not a same-site path',
    (path) => {
      expect(() => redirectLocation(path, { search: '' })).toThrow(/same-site/);
    },
  );
});

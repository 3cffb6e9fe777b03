import { describe, expect, it } from 'vitest';
import { languageAlternates, linkHeader } from './alternates';

describe('languageAlternates', () => {
  it.each([
    {
      path: '/read/novel',
      origin: undefined,
      expected: [
        { hrefLang: 'en', href: '/en/read/novel' },
        { hrefLang: 'zh-Hans', href: '/zh/read/novel' },
        { hrefLang: 'x-default', href: '/read/novel' },
      ],
    },
    {
      path: '/read/novel/s/k3x9qa',
      origin: 'https://reader.example.org',
      expected: [
        { hrefLang: 'en', href: 'https://reader.example.org/en/read/novel/s/k3x9qa' },
        { hrefLang: 'zh-Hans', href: 'https://reader.example.org/zh/read/novel/s/k3x9qa' },
        { hrefLang: 'x-default', href: 'https://reader.example.org/read/novel/s/k3x9qa' },
      ],
    },
    {
      path: '/',
      origin: 'http://localhost:3000',
      expected: [
        { hrefLang: 'en', href: 'http://localhost:3000/en' },
        { hrefLang: 'zh-Hans', href: 'http://localhost:3000/zh' },
        { hrefLang: 'x-default', href: 'http://localhost:3000/' },
      ],
    },
  ])('$path on $origin', ({ path, origin, expected }) => {
    expect(languageAlternates(path, origin)).toEqual(expected);
  });
});

describe('linkHeader', () => {
  it('lists each alternate with its language', () => {
    expect(linkHeader(languageAlternates('/read/novel', 'https://r.example'))).toBe(
      '<https://r.example/en/read/novel>; rel="alternate"; hreflang="en", ' +
        '<https://r.example/zh/read/novel>; rel="alternate"; hreflang="zh-Hans", ' +
        '<https://r.example/read/novel>; rel="alternate"; hreflang="x-default"',
    );
  });
  it('is empty for no alternates', () => {
    expect(linkHeader([])).toBe('');
  });
});

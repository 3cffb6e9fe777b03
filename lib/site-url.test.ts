import { describe, expect, it } from 'vitest';
import { absoluteUrl, parseSiteUrl, SiteUrlError, siteUrlFromEnv, trustedRequestOrigin } from './site-url';

describe('parseSiteUrl', () => {
  it.each([
    { value: 'https://reader.example.org', expected: 'https://reader.example.org' },
    { value: 'https://Reader.Example.org/', expected: 'https://reader.example.org' },
    { value: '  http://localhost:3000  ', expected: 'http://localhost:3000' },
    { value: 'https://reader.example.org:443', expected: 'https://reader.example.org' },
    { value: 'http://[::1]:8080', expected: 'http://[::1]:8080' },
    { value: 'https://读者.example', expected: 'https://xn--zw0ax8v.example' },
  ])('$value → $expected', ({ value, expected }) => {
    expect(parseSiteUrl(value)).toBe(expected);
  });

  it.each([
    { value: 'reader.example.org', problem: /must be an http\(s\) origin/ },
    { value: '', problem: /must be an http\(s\) origin/ },
    { value: 'ftp://reader.example.org', problem: /scheme is ftp/ },
    { value: 'javascript:alert(1)', problem: /scheme is javascript/ },
    { value: 'https://ann:secret@reader.example.org', problem: /user name or password/ },
    { value: 'https://reader.example.org/books', problem: /path, query or fragment/ },
    { value: 'https://reader.example.org/?x=1', problem: /path, query or fragment/ },
    { value: 'https://reader.example.org#top', problem: /path, query or fragment/ },
    { value: 'https://reader.example.org?', problem: /path, query or fragment/ },
  ])('refuses $value', ({ value, problem }) => {
    expect(() => parseSiteUrl(value)).toThrow(SiteUrlError);
    expect(() => parseSiteUrl(value)).toThrow(problem);
  });
});

describe('siteUrlFromEnv', () => {
  it.each([
    { env: {}, expected: undefined },
    { env: { SITE_URL: '' }, expected: undefined },
    { env: { SITE_URL: '   ' }, expected: undefined },
    { env: { SITE_URL: 'https://reader.example.org/' }, expected: 'https://reader.example.org' },
  ] as { env: Record<string, string>; expected: string | undefined }[])('$env → $expected', ({ env, expected }) => {
    expect(siteUrlFromEnv(env)).toBe(expected);
  });

  it('names the variable when it is wrong', () => {
    expect(() => siteUrlFromEnv({ SITE_URL: 'reader.example.org' })).toThrow(/^SITE_URL must be/);
  });
});

describe('trustedRequestOrigin', () => {
  const trusted = { TRUST_PROXY: '1' };
  it.each([
    { env: {}, headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'reader.example.org' }, expected: undefined },
    { env: { TRUST_PROXY: 'yes' }, headers: { 'x-forwarded-proto': 'https', host: 'reader.example.org' }, expected: undefined },
    {
      env: trusted,
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'reader.example.org' },
      expected: 'https://reader.example.org',
    },
    {
      env: trusted,
      headers: { 'x-forwarded-proto': 'HTTPS', host: 'reader.example.org' },
      expected: 'https://reader.example.org',
    },
    { env: trusted, headers: { 'x-forwarded-proto': 'http', host: 'localhost:3000' }, expected: 'http://localhost:3000' },
    // The nearest proxy's value, as for X-Forwarded-For.
    {
      env: trusted,
      headers: { 'x-forwarded-proto': 'http, https', 'x-forwarded-host': 'evil.example, reader.example.org' },
      expected: 'https://reader.example.org',
    },
    { env: trusted, headers: { host: 'reader.example.org' }, expected: undefined },
    { env: trusted, headers: { 'x-forwarded-proto': 'ftp', host: 'reader.example.org' }, expected: undefined },
    { env: trusted, headers: { 'x-forwarded-proto': 'https' }, expected: undefined },
    { env: trusted, headers: { 'x-forwarded-proto': 'https', host: 'reader.example.org/evil' }, expected: undefined },
    { env: trusted, headers: { 'x-forwarded-proto': 'https', host: 'ann@reader.example.org' }, expected: undefined },
    { env: trusted, headers: { 'x-forwarded-proto': 'https', host: 'reader.example.org:99999' }, expected: undefined },
    { env: trusted, headers: { 'x-forwarded-proto': 'https', host: '<script>' }, expected: undefined },
  ] as { env: Record<string, string>; headers: Record<string, string>; expected: string | undefined }[])(
    '$env $headers → $expected',
    ({ env, headers, expected }) => {
      expect(trustedRequestOrigin(new Headers(headers), env)).toBe(expected);
    },
  );
});

describe('absoluteUrl', () => {
  it.each([
    { path: '/zh/read/novel', origin: 'https://reader.example.org', expected: 'https://reader.example.org/zh/read/novel' },
    { path: '/read/novel', origin: undefined, expected: '/read/novel' },
    { path: '/', origin: 'http://localhost:3000', expected: 'http://localhost:3000/' },
  ])('$path on $origin → $expected', ({ path, origin, expected }) => {
    expect(absoluteUrl(path, origin)).toBe(expected);
  });

  it.each(['read/novel', '//evil.example/x'])('refuses %s', (path) => {
    expect(() => absoluteUrl(path, 'https://reader.example.org')).toThrow(/not a site path/);
  });
});

import { describe, expect, it } from 'vitest';
import { authConfig, parseAccounts, type Account, type AuthConfig, type Role } from './config';
import { hashPassword, sameSecret, verifyPassword } from './passwords';
import { authorizeEdit, cleanName, type EditAccess } from './request';
import { decodeSession, encodeSession, SESSION_COOKIE, type Session } from './session';

/** An environment as authConfig reads it (Next's types make NODE_ENV required; tests set what they need). */
const env = (vars: Record<string, string>) => vars as unknown as NodeJS.ProcessEnv;

// Hashing is deliberately slow: hash once per test file.
const ANN_HASH = hashPassword('correct horse', Buffer.alloc(16, 1));
const ROB_HASH = hashPassword('reader pass', Buffer.alloc(16, 2));

describe('hashPassword and verifyPassword', () => {
  it('hashes to scrypt$<salt>$<hash> in base64url', () => {
    expect(ANN_HASH).toMatch(/^scrypt\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
  });

  it('salts each hash, so one password hashes differently twice', () => {
    expect(hashPassword('correct horse')).not.toBe(hashPassword('correct horse'));
  });

  it('is deterministic for a given salt', () => {
    expect(hashPassword('correct horse', Buffer.alloc(16, 1))).toBe(ANN_HASH);
  });

  const checks: { name: string; password: string; stored: string; expected: boolean }[] = [
    { name: 'the right password', password: 'correct horse', stored: ANN_HASH, expected: true },
    { name: 'a freshly salted hash', password: 'pässwörd', stored: hashPassword('pässwörd'), expected: true },
    { name: 'the same password in another Unicode form (NFD vs NFC)', password: 'pa\u0308sswo\u0308rd', stored: hashPassword('pässwörd'), expected: true },
    { name: 'a wrong password', password: 'correct horse!', stored: ANN_HASH, expected: false },
    { name: 'another account’s password', password: 'reader pass', stored: ANN_HASH, expected: false },
    { name: 'an empty password', password: '', stored: ANN_HASH, expected: false },
    { name: 'an empty stored hash', password: 'correct horse', stored: '', expected: false },
    { name: 'a stored hash of another scheme', password: 'correct horse', stored: ANN_HASH.replace('scrypt$', 'bcrypt$'), expected: false },
    { name: 'a stored hash without salt', password: 'correct horse', stored: `scrypt$$${ANN_HASH.split('$')[2]}`, expected: false },
    { name: 'a stored hash without hash', password: 'correct horse', stored: `scrypt$${ANN_HASH.split('$')[1]}$`, expected: false },
    { name: 'a stored hash cut short', password: 'correct horse', stored: ANN_HASH.slice(0, -4), expected: false },
    { name: 'a stored hash that is just the scheme', password: 'correct horse', stored: 'scrypt', expected: false },
    { name: 'a stored hash that is the plain password', password: 'correct horse', stored: 'correct horse', expected: false },
  ];

  it.each(checks)('$name → $expected', ({ password, stored, expected }) => {
    expect(verifyPassword(password, stored)).toBe(expected);
  });
});

describe('sameSecret', () => {
  const cases: [string, string, boolean][] = [
    ['tok-123', 'tok-123', true],
    ['tok-124', 'tok-123', false],
    ['tok-12', 'tok-123', false],
    ['tok-1234', 'tok-123', false],
    ['', 'tok-123', false],
    ['TOK-123', 'tok-123', false],
    ['é', 'e\u0301', false],
  ];
  it.each(cases)('%j vs %j → %s', (given, expected, same) => {
    expect(sameSecret(given, expected)).toBe(same);
  });
});

describe('parseAccounts', () => {
  const bob = hashPassword('bob', Buffer.alloc(16, 3));
  const cases: { name: string; value: string | undefined; expected: Account[] }[] = [
    { name: 'undefined', value: undefined, expected: [] },
    { name: 'empty', value: '', expected: [] },
    { name: 'one valid account', value: `ann:${ANN_HASH}`, expected: [{ name: 'ann', role: 'editor', passwordHash: ANN_HASH }] },
    { name: 'spaces around name and hash', value: `  ann : ${ANN_HASH}  `, expected: [{ name: 'ann', role: 'editor', passwordHash: ANN_HASH }] },
    {
      name: 'several separated by ;',
      value: `ann:${ANN_HASH};bob:${bob}`,
      expected: [
        { name: 'ann', role: 'editor', passwordHash: ANN_HASH },
        { name: 'bob', role: 'editor', passwordHash: bob },
      ],
    },
    {
      name: 'several separated by newlines, with blank lines',
      value: `ann:${ANN_HASH}\n\nbob:${bob}\n`,
      expected: [
        { name: 'ann', role: 'editor', passwordHash: ANN_HASH },
        { name: 'bob', role: 'editor', passwordHash: bob },
      ],
    },
    { name: 'missing colon', value: `ann${ANN_HASH}`, expected: [] },
    { name: 'empty name', value: `:${ANN_HASH}`, expected: [] },
    { name: 'not scrypt', value: 'ann:plaintext', expected: [] },
    { name: 'empty hash', value: 'ann:', expected: [] },
    { name: 'a malformed entry among valid ones is skipped', value: `ann:${ANN_HASH};broken;bob:secret`, expected: [{ name: 'ann', role: 'editor', passwordHash: ANN_HASH }] },
  ];
  it.each(cases)('$name', ({ value, expected }) => {
    expect(parseAccounts(value, 'editor')).toEqual(expected);
  });

  it('gives the role asked for', () => {
    expect(parseAccounts(`rob:${ROB_HASH}`, 'reader')).toEqual([{ name: 'rob', role: 'reader', passwordHash: ROB_HASH }]);
  });
});

describe('authConfig', () => {
  const modes: { name: string; vars: Record<string, string>; mode: AuthConfig['mode'] }[] = [
    { name: 'nothing set on a production server', vars: { NODE_ENV: 'production' }, mode: 'read-only' },
    { name: 'nothing set in development', vars: { NODE_ENV: 'development' }, mode: 'open' },
    { name: 'nothing set in test', vars: { NODE_ENV: 'test' }, mode: 'open' },
    { name: 'a blank EDITOR_TOKEN on a production server', vars: { NODE_ENV: 'production', EDITOR_TOKEN: '   ' }, mode: 'read-only' },
    { name: 'only malformed EDITORS on a production server', vars: { NODE_ENV: 'production', EDITORS: 'ann:secret' }, mode: 'read-only' },
    { name: 'EDITOR_TOKEN on a production server', vars: { NODE_ENV: 'production', EDITOR_TOKEN: 'tok-123' }, mode: 'accounts' },
    { name: 'EDITOR_TOKEN in development', vars: { NODE_ENV: 'development', EDITOR_TOKEN: 'tok-123' }, mode: 'accounts' },
    { name: 'EDITORS on a production server', vars: { NODE_ENV: 'production', EDITORS: `ann:${ANN_HASH}` }, mode: 'accounts' },
    { name: 'only READERS on a production server', vars: { NODE_ENV: 'production', READERS: `rob:${ROB_HASH}` }, mode: 'accounts' },
  ];
  it.each(modes)('$name → $mode', ({ vars, mode }) => {
    expect(authConfig(env(vars)).mode).toBe(mode);
  });

  it('reads the token (trimmed) and both kinds of account', () => {
    const config = authConfig(env({ EDITOR_TOKEN: ' tok-123 ', EDITORS: `ann:${ANN_HASH}`, READERS: `rob:${ROB_HASH}` }));
    expect(config.token).toBe('tok-123');
    expect(config.accounts).toEqual([
      { name: 'ann', role: 'editor', passwordHash: ANN_HASH },
      { name: 'rob', role: 'reader', passwordHash: ROB_HASH },
    ]);
  });

  it('has no token when none is set', () => {
    expect(authConfig(env({ NODE_ENV: 'production' }))).not.toHaveProperty('token');
  });

  it('uses SESSION_SECRET when given', () => {
    expect(authConfig(env({ EDITOR_TOKEN: 'tok-123', SESSION_SECRET: ' s3cret ' })).secret).toBe('s3cret');
  });

  it('without SESSION_SECRET derives a stable secret that changes with the credentials', () => {
    const a = authConfig(env({ EDITOR_TOKEN: 'tok-123' })).secret;
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(authConfig(env({ EDITOR_TOKEN: 'tok-123' })).secret).toBe(a);
    expect(authConfig(env({ EDITOR_TOKEN: 'tok-456' })).secret).not.toBe(a);
    expect(authConfig(env({ EDITOR_TOKEN: 'tok-123', EDITORS: `ann:${ANN_HASH}` })).secret).not.toBe(a);
    expect(a).not.toContain('tok-123');
  });
});

describe('encodeSession and decodeSession', () => {
  const SECRET = 'test-secret';
  const NOW = Date.UTC(2024, 8, 8);
  const session: Session = { name: 'ann', role: 'editor', expires: NOW + 60_000 };
  const cookie = encodeSession(session, SECRET);
  const [payload, signature] = cookie.split('.') as [string, string];
  const flip = (s: string, at: number) => s.slice(0, at) + (s[at] === 'A' ? 'B' : 'A') + s.slice(at + 1);
  const otherPayload = encodeSession({ ...session, role: 'editor', name: 'mallory' }, 'another').split('.')[0]!;

  it('round-trips a session', () => {
    expect(decodeSession(cookie, SECRET, NOW)).toEqual(session);
  });

  it('round-trips a reader and a non-ASCII name', () => {
    const reader: Session = { name: '张三 Zoë', role: 'reader', expires: NOW + 1 };
    expect(decodeSession(encodeSession(reader, SECRET), SECRET, NOW)).toEqual(reader);
  });

  it('is <payload>.<signature> in base64url, safe in a cookie', () => {
    expect(cookie).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  });

  const refused: { name: string; value: string | undefined; secret?: string; now?: number }[] = [
    { name: 'no cookie', value: undefined },
    { name: 'an empty cookie', value: '' },
    { name: 'no signature', value: payload },
    { name: 'an empty signature', value: `${payload}.` },
    { name: 'a tampered payload', value: `${flip(payload, 5)}.${signature}` },
    { name: 'another session’s payload with this signature', value: `${otherPayload}.${signature}` },
    { name: 'a tampered signature', value: `${payload}.${flip(signature, 3)}` },
    { name: 'a truncated signature', value: `${payload}.${signature.slice(0, -1)}` },
    { name: 'the wrong secret', value: cookie, secret: 'other-secret' },
    { name: 'an expired session', value: cookie, now: NOW + 60_001 },
    { name: 'garbage', value: 'not a cookie' },
  ];
  it.each(refused)('refuses $name', ({ value, secret, now }) => {
    expect(decodeSession(value, secret ?? SECRET, now ?? NOW)).toBeUndefined();
  });

  const badShapes: { name: string; data: unknown }[] = [
    { name: 'an unknown role', data: { name: 'ann', role: 'admin', expires: NOW + 1 } },
    { name: 'no name', data: { role: 'editor', expires: NOW + 1 } },
    { name: 'no expiry', data: { name: 'ann', role: 'editor' } },
    { name: 'an expiry as a string', data: { name: 'ann', role: 'editor', expires: String(NOW + 1) } },
  ];
  it.each(badShapes)('refuses a correctly signed payload with $name', ({ data }) => {
    // encodeSession signs whatever JSON it is given, so this is a validly signed cookie.
    const signed = encodeSession(data as Session, SECRET);
    expect(signed.split('.')[0]).toBe(Buffer.from(JSON.stringify(data)).toString('base64url'));
    expect(decodeSession(signed, SECRET, NOW)).toBeUndefined();
  });
});

describe('cleanName', () => {
  const cases: [string | null | undefined, string][] = [
    [undefined, ''],
    [null, ''],
    ['  Ann  ', 'Ann'],
    ['Ann\u0007 Lee', 'Ann Lee'],
    ['a\u0000b\u001Fc\u007Fd\u0085e', 'abcde'],
    ['Zoe\u0308', 'Zoë'],
    ['x'.repeat(100), 'x'.repeat(64)],
  ];
  it.each(cases)('%j → %j', (value, expected) => {
    expect(cleanName(value)).toBe(expected);
  });

  // The limit counts characters, so an emoji across the cut is never split into half a pair.
  it('never cuts a character in half at the 64-character limit', () => {
    const name = cleanName(`a${'😀'.repeat(40)}`);
    const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    expect(name).not.toMatch(loneSurrogate);
    expect([...name].length).toBeLessThanOrEqual(64);
  });
});

describe('authorizeEdit', () => {
  const SECRET = 'test-secret';
  const TOKEN = 'tok-123';
  const URL_ = 'http://localhost:3000/api/texts/karpathy-no-priors/glosses/c4pzjo';
  const accounts: AuthConfig = {
    mode: 'accounts',
    token: TOKEN,
    accounts: [
      { name: 'ann', role: 'editor', passwordHash: ANN_HASH },
      { name: 'rob', role: 'reader', passwordHash: ROB_HASH },
    ],
    secret: SECRET,
  };
  const open: AuthConfig = { mode: 'open', accounts: [], secret: 'open-secret' };
  const readOnly: AuthConfig = { mode: 'read-only', accounts: [], secret: 'ro-secret' };

  const sessionCookie = (name: string, role: Role, options: { secret?: string; expires?: number } = {}) =>
    `${SESSION_COOKIE}=${encodeSession({ name, role, expires: options.expires ?? Date.now() + 3_600_000 }, options.secret ?? SECRET)}`;
  const annCookie = sessionCookie('ann', 'editor');
  const SAME = 'http://localhost:3000';
  const EVIL = 'https://evil.example';

  const ok = (editor: string): EditAccess => ({ ok: true, editor });
  const no = (status: 401 | 403) => ({ ok: false, status, error: expect.any(String) });

  const cases: { name: string; config: AuthConfig; headers?: Record<string, string>; url?: string; expected: unknown }[] = [
    { name: 'read-only: refused even with the token', config: readOnly, headers: { authorization: `Bearer ${TOKEN}` }, expected: no(403) },
    { name: 'read-only: refused from localhost', config: readOnly, headers: { origin: SAME }, expected: no(403) },
    { name: 'no credentials', config: accounts, expected: no(401) },
    { name: 'no credentials from this site', config: accounts, headers: { origin: SAME }, expected: no(401) },
    { name: 'the token, no Origin, no name', config: accounts, headers: { authorization: `Bearer ${TOKEN}` }, expected: ok('token') },
    { name: 'the token from any origin', config: accounts, headers: { authorization: `Bearer ${TOKEN}`, origin: EVIL }, expected: ok('token') },
    { name: 'the token with Sec-Fetch-Site: cross-site', config: accounts, headers: { authorization: `Bearer ${TOKEN}`, 'sec-fetch-site': 'cross-site' }, expected: ok('token') },
    { name: 'the token named by X-Editor-Name', config: accounts, headers: { authorization: `Bearer ${TOKEN}`, 'x-editor-name': 'ci-bot' }, expected: ok('ci-bot') },
    {
      name: 'the token with control characters in X-Editor-Name',
      config: accounts,
      headers: { authorization: `Bearer ${TOKEN}`, 'x-editor-name': 'Ann\u0007 Lee\u007F' },
      expected: ok('Ann Lee'),
    },
    {
      name: 'the token with a 100-character X-Editor-Name',
      config: accounts,
      headers: { authorization: `Bearer ${TOKEN}`, 'x-editor-name': 'n'.repeat(100) },
      expected: ok('n'.repeat(64)),
    },
    { name: 'the token with an X-Editor-Name of controls only', config: accounts, headers: { authorization: `Bearer ${TOKEN}`, 'x-editor-name': '\u0007\u0008' }, expected: ok('token') },
    { name: 'the token with the scheme in lower case', config: accounts, headers: { authorization: `bearer ${TOKEN}` }, expected: ok('token') },
    { name: 'the token with the scheme in capitals and two spaces', config: accounts, headers: { authorization: `BEARER  ${TOKEN}` }, expected: ok('token') },
    { name: 'another scheme is not a token', config: accounts, headers: { authorization: `Basic ${TOKEN}` }, expected: no(401) },
    { name: 'a wrong token', config: accounts, headers: { authorization: 'Bearer tok-124' }, expected: no(401) },
    { name: 'a token prefix', config: accounts, headers: { authorization: 'Bearer tok-12' }, expected: no(401) },
    { name: 'an empty bearer token', config: accounts, headers: { authorization: 'Bearer ' }, expected: no(401) },
    { name: 'a wrong token beside a valid session', config: accounts, headers: { authorization: 'Bearer nope', cookie: annCookie, origin: SAME }, expected: no(401) },
    { name: 'an editor session from this site (Origin)', config: accounts, headers: { cookie: annCookie, origin: SAME }, expected: ok('ann') },
    { name: 'an editor session from this site (Sec-Fetch-Site)', config: accounts, headers: { cookie: annCookie, 'sec-fetch-site': 'same-origin' }, expected: ok('ann') },
    { name: 'an editor session among other cookies', config: accounts, headers: { cookie: `a=1; ${annCookie}; b=2`, origin: SAME }, expected: ok('ann') },
    { name: 'an editor session from another origin', config: accounts, headers: { cookie: annCookie, origin: EVIL }, expected: no(403) },
    { name: 'an editor session from another port', config: accounts, headers: { cookie: annCookie, origin: 'http://localhost:4000' }, expected: no(403) },
    { name: 'an editor session with Origin: null', config: accounts, headers: { cookie: annCookie, origin: 'null' }, expected: no(403) },
    { name: 'an editor session, no Origin, Sec-Fetch-Site: cross-site', config: accounts, headers: { cookie: annCookie, 'sec-fetch-site': 'cross-site' }, expected: no(403) },
    { name: 'an editor session, no Origin, Sec-Fetch-Site: same-site', config: accounts, headers: { cookie: annCookie, 'sec-fetch-site': 'same-site' }, expected: no(403) },
    { name: 'an editor session with neither Origin nor Sec-Fetch-Site', config: accounts, headers: { cookie: annCookie }, expected: no(403) },
    { name: 'a reader session from this site', config: accounts, headers: { cookie: sessionCookie('rob', 'reader'), origin: SAME }, expected: no(403) },
    { name: 'an expired editor session', config: accounts, headers: { cookie: sessionCookie('ann', 'editor', { expires: Date.now() - 1 }), origin: SAME }, expected: no(401) },
    { name: 'an editor session signed with another secret', config: accounts, headers: { cookie: sessionCookie('ann', 'editor', { secret: 'other' }), origin: SAME }, expected: no(401) },
    { name: 'a session cookie under another name', config: accounts, headers: { cookie: annCookie.replace(SESSION_COOKIE, 'other'), origin: SAME }, expected: no(401) },
    { name: 'accounts mode gives localhost no free pass', config: accounts, headers: { origin: SAME }, expected: no(401) },
    { name: 'open mode from localhost', config: open, headers: { origin: SAME }, expected: ok('local') },
    { name: 'open mode from 127.0.0.1', config: open, url: 'http://127.0.0.1:3000/api/x', headers: { origin: 'http://127.0.0.1:3000' }, expected: ok('local') },
    { name: 'open mode from [::1]', config: open, url: 'http://[::1]:3000/api/x', headers: { origin: 'http://[::1]:3000' }, expected: ok('local') },
    { name: 'open mode from localhost, cross-site page', config: open, headers: { origin: EVIL }, expected: no(403) },
    { name: 'open mode with Host example.com', config: open, headers: { host: 'example.com', origin: 'http://example.com' }, expected: no(401) },
    { name: 'open mode at an example.com URL', config: open, url: 'http://example.com/api/x', headers: { origin: 'http://example.com' }, expected: no(401) },
    { name: 'open mode ignores session cookies from elsewhere', config: open, url: 'http://example.com/api/x', headers: { cookie: annCookie, origin: 'http://example.com' }, expected: no(401) },
  ];

  it.each(cases)('$name', ({ config, headers, url, expected }) => {
    const request = new Request(url ?? URL_, { method: 'PUT', headers: headers ?? {} });
    expect(authorizeEdit(request, config)).toEqual(expected);
  });
});

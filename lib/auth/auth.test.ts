import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeDataDir } from '@/lib/testing/data-dir';
import { SignInGuard } from './attempts';
import { accountProblems, authConfig, parseAccounts, type Account, type AuthConfig, type Role } from './config';
import { hashPassword, sameSecret, verifyPassword } from './passwords';
import { PEER_HEADER, setPeerNonce } from './peer';
import { authorizeEdit, cleanName, editorNameHeader, replaceSignInGuard } from './request';
import { credentialFingerprint, decodeSession, encodeSession, SESSION_COOKIE, type Session } from './session';

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
    {
      name: 'the same password in another Unicode form (NFD vs NFC)',
      password: 'pa\u0308sswo\u0308rd',
      stored: hashPassword('pässwörd'),
      expected: true,
    },
    { name: 'a wrong password', password: 'correct horse!', stored: ANN_HASH, expected: false },
    { name: 'another account’s password', password: 'reader pass', stored: ANN_HASH, expected: false },
    { name: 'an empty password', password: '', stored: ANN_HASH, expected: false },
    { name: 'an empty stored hash', password: 'correct horse', stored: '', expected: false },
    {
      name: 'a stored hash of another scheme',
      password: 'correct horse',
      stored: ANN_HASH.replace('scrypt$', 'bcrypt$'),
      expected: false,
    },
    {
      name: 'a stored hash without salt',
      password: 'correct horse',
      stored: `scrypt$$${ANN_HASH.split('$')[2]}`,
      expected: false,
    },
    {
      name: 'a stored hash without hash',
      password: 'correct horse',
      stored: `scrypt$${ANN_HASH.split('$')[1]}$`,
      expected: false,
    },
    { name: 'a stored hash cut short', password: 'correct horse', stored: ANN_HASH.slice(0, -4), expected: false },
    { name: 'a stored hash that is just the scheme', password: 'correct horse', stored: 'scrypt', expected: false },
    { name: 'a stored hash that is the plain password', password: 'correct horse', stored: 'correct horse', expected: false },
  ];

  it.each(checks)('$name → $expected', async ({ password, stored, expected }) => {
    expect(await verifyPassword(password, stored)).toBe(expected);
  });

  // Before: scryptSync held the main thread for the whole check.
  it('verifies off the main thread: a timer fires while four checks run', async () => {
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 1);
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: 4 }, () => verifyPassword('wrong', ANN_HASH)));
    const elapsed = performance.now() - started;
    clearInterval(timer);
    expect(results).toEqual([false, false, false, false]);
    // With the main thread free the 1 ms timer keeps ticking through the checks.
    expect(ticks).toBeGreaterThan(Math.min(10, elapsed / 20));
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
    { name: 'one valid account', value: `ann:${ANN_HASH}`, expected: [{ name: 'ann', role: 'admin', passwordHash: ANN_HASH }] },
    {
      name: 'spaces around name and hash',
      value: `  ann : ${ANN_HASH}  `,
      expected: [{ name: 'ann', role: 'admin', passwordHash: ANN_HASH }],
    },
    {
      name: 'several separated by ;',
      value: `ann:${ANN_HASH};bob:${bob}`,
      expected: [
        { name: 'ann', role: 'admin', passwordHash: ANN_HASH },
        { name: 'bob', role: 'admin', passwordHash: bob },
      ],
    },
    {
      name: 'several separated by newlines, with blank lines',
      value: `ann:${ANN_HASH}\n\nbob:${bob}\n`,
      expected: [
        { name: 'ann', role: 'admin', passwordHash: ANN_HASH },
        { name: 'bob', role: 'admin', passwordHash: bob },
      ],
    },
    { name: 'missing colon', value: `ann${ANN_HASH}`, expected: [] },
    { name: 'empty name', value: `:${ANN_HASH}`, expected: [] },
    { name: 'not scrypt', value: 'ann:plaintext', expected: [] },
    { name: 'empty hash', value: 'ann:', expected: [] },
    {
      name: 'a malformed entry among valid ones is skipped',
      value: `ann:${ANN_HASH};broken;bob:secret`,
      expected: [{ name: 'ann', role: 'admin', passwordHash: ANN_HASH }],
    },
  ];
  it.each(cases)('$name', ({ value, expected }) => {
    expect(parseAccounts(value, 'admin')).toEqual(expected);
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
    {
      name: 'a blank EDITOR_TOKEN on a production server',
      vars: { NODE_ENV: 'production', EDITOR_TOKEN: '   ' },
      mode: 'read-only',
    },
    {
      name: 'only malformed EDITORS on a production server',
      vars: { NODE_ENV: 'production', EDITORS: 'ann:secret' },
      mode: 'read-only',
    },
    { name: 'EDITOR_TOKEN on a production server', vars: { NODE_ENV: 'production', EDITOR_TOKEN: 'tok-123' }, mode: 'accounts' },
    { name: 'EDITOR_TOKEN in development', vars: { NODE_ENV: 'development', EDITOR_TOKEN: 'tok-123' }, mode: 'accounts' },
    { name: 'EDITORS on a production server', vars: { NODE_ENV: 'production', EDITORS: `ann:${ANN_HASH}` }, mode: 'accounts' },
    {
      name: 'only READERS on a production server',
      vars: { NODE_ENV: 'production', READERS: `rob:${ROB_HASH}` },
      mode: 'accounts',
    },
  ];
  it.each(modes)('$name → $mode', ({ vars, mode }) => {
    expect(authConfig(env(vars)).mode).toBe(mode);
  });

  it('reads the token (trimmed) and both kinds of account', () => {
    const config = authConfig(env({ EDITOR_TOKEN: ' tok-123 ', EDITORS: `ann:${ANN_HASH}`, READERS: `rob:${ROB_HASH}` }));
    expect(config.token).toBe('tok-123');
    expect(config.accounts).toEqual([
      { name: 'ann', role: 'admin', passwordHash: ANN_HASH },
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
  const session: Session = {
    name: 'ann',
    role: 'admin',
    expires: NOW + 60_000,
    sid: 'sid-1',
    via: 'account',
    fp: 'fp-1',
    ep: 'epoch-1',
  };
  const cookie = encodeSession(session, SECRET);
  const [payload, signature] = cookie.split('.') as [string, string];
  const flip = (s: string, at: number) => s.slice(0, at) + (s[at] === 'A' ? 'B' : 'A') + s.slice(at + 1);
  const otherPayload = encodeSession({ ...session, role: 'admin', name: 'mallory' }, 'another').split('.')[0]!;

  it('round-trips a session', () => {
    expect(decodeSession(cookie, SECRET, NOW)).toEqual(session);
  });

  it('round-trips a reader and a non-ASCII name', () => {
    const reader: Session = {
      name: '张三 Zoë',
      role: 'reader',
      expires: NOW + 1,
      sid: 'sid-2',
      via: 'token',
      fp: 'fp-2',
      ep: 'epoch-1',
    };
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
    { name: 'no name', data: { role: 'admin', expires: NOW + 1 } },
    { name: 'no expiry', data: { name: 'ann', role: 'admin' } },
    { name: 'an expiry as a string', data: { name: 'ann', role: 'admin', expires: String(NOW + 1) } },
    {
      name: 'no session id (a cookie from before sessions could be revoked)',
      data: { name: 'ann', role: 'admin', expires: NOW + 1, via: 'account', fp: 'x' },
    },
    { name: 'an unknown way in', data: { name: 'ann', role: 'admin', expires: NOW + 1, sid: 's', via: 'magic', fp: 'x' } },
    {
      name: 'no epoch (a cookie from before sessions were registered)',
      data: { name: 'ann', role: 'admin', expires: NOW + 1, sid: 's', via: 'account', fp: 'x' },
    },
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

const NONCE = 'test-nonce';
const LOCAL_PEER = { [PEER_HEADER]: `${NONCE} 127.0.0.1` };
// The session registry's epoch the cookies below are made in (written to the data folder before each test).
const EPOCH = 'test-epoch-0123456789';
let data: ReturnType<typeof makeDataDir>;
beforeAll(() => {
  setPeerNonce(NONCE);
  data = makeDataDir();
});
beforeEach(() => {
  data.write('.sessions/revoked.json', JSON.stringify({ epoch: EPOCH, floor: 0, revoked: [] }));
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('bilingual-reader.session-registry')];
});
afterAll(() => data.dispose());
beforeEach(() => replaceSignInGuard(new SignInGuard()));

describe('authorizeEdit', () => {
  const SECRET = 'test-secret';
  const TOKEN = 'tok-123';
  const URL_ = 'http://localhost:3000/api/texts/karpathy-no-priors/glosses/c4pzjo';
  const accounts: AuthConfig = {
    mode: 'accounts',
    token: TOKEN,
    accounts: [
      { name: 'ann', role: 'admin', passwordHash: ANN_HASH },
      { name: 'rob', role: 'reader', passwordHash: ROB_HASH },
    ],
    secret: SECRET,
  };
  const open: AuthConfig = { mode: 'open', accounts: [], secret: 'open-secret' };
  const readOnly: AuthConfig = { mode: 'read-only', accounts: [], secret: 'ro-secret' };

  const hashOf: Record<string, string> = { ann: ANN_HASH, rob: ROB_HASH };
  const sessionCookie = (name: string, role: Role, options: { secret?: string; expires?: number } = {}) =>
    `${SESSION_COOKIE}=${encodeSession(
      {
        name,
        role,
        expires: options.expires ?? Date.now() + 3_600_000,
        sid: `sid-${name}`,
        via: 'account',
        fp: credentialFingerprint(hashOf[name] ?? '', SECRET),
        ep: EPOCH,
      },
      options.secret ?? SECRET,
    )}`;
  const annCookie = sessionCookie('ann', 'admin');
  const SAME = 'http://localhost:3000';
  const EVIL = 'https://evil.example';

  const ok = (editor: string) => ({ ok: true, editor, viewer: expect.objectContaining({ name: editor }) });
  const no = (kind: 'signed-out' | 'forbidden') => ({ ok: false, kind, error: expect.any(String) });

  const cases: { name: string; config: AuthConfig; headers?: Record<string, string>; url?: string; expected: unknown }[] = [
    {
      name: 'read-only: refused even with the token',
      config: readOnly,
      headers: { authorization: `Bearer ${TOKEN}` },
      expected: no('forbidden'),
    },
    { name: 'read-only: refused from localhost', config: readOnly, headers: { origin: SAME }, expected: no('forbidden') },
    { name: 'no credentials', config: accounts, expected: no('signed-out') },
    { name: 'no credentials from this site', config: accounts, headers: { origin: SAME }, expected: no('signed-out') },
    {
      name: 'the token, no Origin, no name',
      config: accounts,
      headers: { authorization: `Bearer ${TOKEN}` },
      expected: ok('token'),
    },
    {
      name: 'the token from any origin',
      config: accounts,
      headers: { authorization: `Bearer ${TOKEN}`, origin: EVIL },
      expected: ok('token'),
    },
    {
      name: 'the token with Sec-Fetch-Site: cross-site',
      config: accounts,
      headers: { authorization: `Bearer ${TOKEN}`, 'sec-fetch-site': 'cross-site' },
      expected: ok('token'),
    },
    {
      name: 'the token named by X-Editor-Name',
      config: accounts,
      headers: { authorization: `Bearer ${TOKEN}`, 'x-editor-name': 'ci-bot' },
      expected: ok('ci-bot'),
    },
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
    {
      name: 'the token with an X-Editor-Name of controls only',
      config: accounts,
      headers: { authorization: `Bearer ${TOKEN}`, 'x-editor-name': '\u0007\u0008' },
      expected: ok('token'),
    },
    {
      name: 'the token with the scheme in lower case',
      config: accounts,
      headers: { authorization: `bearer ${TOKEN}` },
      expected: ok('token'),
    },
    {
      name: 'the token with the scheme in capitals and two spaces',
      config: accounts,
      headers: { authorization: `BEARER  ${TOKEN}` },
      expected: ok('token'),
    },
    {
      name: 'another scheme is not a token',
      config: accounts,
      headers: { authorization: `Basic ${TOKEN}` },
      expected: no('signed-out'),
    },
    { name: 'a wrong token', config: accounts, headers: { authorization: 'Bearer tok-124' }, expected: no('signed-out') },
    { name: 'a token prefix', config: accounts, headers: { authorization: 'Bearer tok-12' }, expected: no('signed-out') },
    { name: 'an empty bearer token', config: accounts, headers: { authorization: 'Bearer ' }, expected: no('signed-out') },
    {
      name: 'a wrong token beside a valid session',
      config: accounts,
      headers: { authorization: 'Bearer nope', cookie: annCookie, origin: SAME },
      expected: no('signed-out'),
    },
    {
      name: 'an editor session from this site (Origin)',
      config: accounts,
      headers: { cookie: annCookie, origin: SAME },
      expected: ok('ann'),
    },
    {
      name: 'an editor session from this site (Sec-Fetch-Site)',
      config: accounts,
      headers: { cookie: annCookie, 'sec-fetch-site': 'same-origin' },
      expected: ok('ann'),
    },
    {
      name: 'an editor session among other cookies',
      config: accounts,
      headers: { cookie: `a=1; ${annCookie}; b=2`, origin: SAME },
      expected: ok('ann'),
    },
    {
      name: 'an editor session from another origin',
      config: accounts,
      headers: { cookie: annCookie, origin: EVIL },
      expected: no('forbidden'),
    },
    {
      name: 'an editor session from another port',
      config: accounts,
      headers: { cookie: annCookie, origin: 'http://localhost:4000' },
      expected: no('forbidden'),
    },
    {
      name: 'an editor session with Origin: null',
      config: accounts,
      headers: { cookie: annCookie, origin: 'null' },
      expected: no('forbidden'),
    },
    {
      name: 'an editor session, no Origin, Sec-Fetch-Site: cross-site',
      config: accounts,
      headers: { cookie: annCookie, 'sec-fetch-site': 'cross-site' },
      expected: no('forbidden'),
    },
    {
      name: 'an editor session, no Origin, Sec-Fetch-Site: same-site',
      config: accounts,
      headers: { cookie: annCookie, 'sec-fetch-site': 'same-site' },
      expected: no('forbidden'),
    },
    {
      name: 'an editor session with neither Origin nor Sec-Fetch-Site',
      config: accounts,
      headers: { cookie: annCookie },
      expected: no('forbidden'),
    },
    {
      name: 'a reader session from this site',
      config: accounts,
      headers: { cookie: sessionCookie('rob', 'reader'), origin: SAME },
      expected: no('forbidden'),
    },
    {
      name: 'an expired editor session',
      config: accounts,
      headers: { cookie: sessionCookie('ann', 'admin', { expires: Date.now() - 1 }), origin: SAME },
      expected: no('signed-out'),
    },
    {
      name: 'an editor session signed with another secret',
      config: accounts,
      headers: { cookie: sessionCookie('ann', 'admin', { secret: 'other' }), origin: SAME },
      expected: no('signed-out'),
    },
    {
      name: 'a session cookie under another name',
      config: accounts,
      headers: { cookie: annCookie.replace(SESSION_COOKIE, 'other'), origin: SAME },
      expected: no('signed-out'),
    },
    {
      name: 'accounts mode gives localhost no free pass',
      config: accounts,
      headers: { origin: SAME },
      expected: no('signed-out'),
    },
    { name: 'open mode from localhost', config: open, headers: { origin: SAME, ...LOCAL_PEER }, expected: ok('local') },
    {
      name: 'open mode from 127.0.0.1',
      config: open,
      url: 'http://127.0.0.1:3000/api/x',
      headers: { origin: 'http://127.0.0.1:3000', ...LOCAL_PEER },
      expected: ok('local'),
    },
    {
      name: 'open mode from [::1]',
      config: open,
      url: 'http://[::1]:3000/api/x',
      headers: { origin: 'http://[::1]:3000', [PEER_HEADER]: `${NONCE} ::1` },
      expected: ok('local'),
    },
    {
      name: 'open mode from IPv4-mapped 127.0.0.1',
      config: open,
      headers: { origin: SAME, [PEER_HEADER]: `${NONCE} ::ffff:127.0.0.1` },
      expected: ok('local'),
    },
    {
      name: 'open mode from localhost, cross-site page',
      config: open,
      headers: { origin: EVIL, ...LOCAL_PEER },
      expected: no('forbidden'),
    },
    {
      name: 'open mode with Host example.com',
      config: open,
      headers: { host: 'example.com', origin: 'http://example.com', ...LOCAL_PEER },
      expected: no('signed-out'),
    },
    {
      name: 'open mode at an example.com URL',
      config: open,
      url: 'http://example.com/api/x',
      headers: { origin: 'http://example.com', ...LOCAL_PEER },
      expected: no('signed-out'),
    },
    {
      name: 'open mode ignores session cookies from elsewhere',
      config: open,
      url: 'http://example.com/api/x',
      headers: { cookie: annCookie, origin: 'http://example.com' },
      expected: no('signed-out'),
    },
    // Before: Host: localhost was enough, from any machine.
    {
      name: 'open mode: another machine saying Host: localhost',
      config: open,
      headers: { origin: SAME, [PEER_HEADER]: `${NONCE} 192.168.1.20` },
      expected: no('signed-out'),
    },
    { name: 'open mode: no peer address stamped', config: open, headers: { origin: SAME }, expected: no('signed-out') },
    {
      name: 'open mode: a peer header forged by the client',
      config: open,
      headers: { origin: SAME, [PEER_HEADER]: 'guessed-nonce 127.0.0.1' },
      expected: no('signed-out'),
    },
    {
      name: 'open mode: X-Forwarded-For 127.0.0.1 from another machine',
      config: open,
      headers: { origin: SAME, 'x-forwarded-for': '127.0.0.1', [PEER_HEADER]: `${NONCE} 10.0.0.5` },
      expected: no('signed-out'),
    },
    {
      name: 'the token named by a UTF-8 X-Editor-Name',
      config: accounts,
      headers: { authorization: `Bearer ${TOKEN}`, 'x-editor-name': Buffer.from('张三 Zoë').toString('latin1') },
      expected: ok('张三 Zoë'),
    },
    {
      name: 'the token with an X-Editor-Name that is not UTF-8',
      config: accounts,
      headers: { authorization: `Bearer ${TOKEN}`, 'x-editor-name': Buffer.from([0x41, 0xff, 0xfe]).toString('latin1') },
      expected: { ok: false, kind: 'invalid', error: 'X-Editor-Name must be UTF-8 text' },
    },
  ];

  it.each(cases)('$name', async ({ config, headers, url, expected }) => {
    const request = new Request(url ?? URL_, { method: 'PUT', headers: headers ?? {} });
    expect(await authorizeEdit(request, config)).toEqual(expected);
  });
});

describe('a session holds only while its account does (checked on every request)', () => {
  const SECRET = 'test-secret';
  const SAME = 'http://localhost:3000';
  const base: AuthConfig = {
    mode: 'accounts',
    token: 'tok-123',
    accounts: [{ name: 'ann', role: 'admin', passwordHash: ANN_HASH }],
    secret: SECRET,
  };
  const cookieFor = (session: Partial<Session> = {}) =>
    `${SESSION_COOKIE}=${encodeSession(
      {
        name: 'ann',
        role: 'admin',
        expires: Date.now() + 3_600_000,
        sid: 'sid-ann',
        via: 'account',
        fp: credentialFingerprint(ANN_HASH, SECRET),
        ep: EPOCH,
        ...session,
      },
      SECRET,
    )}`;
  const edit = (config: AuthConfig, cookie: string) =>
    authorizeEdit(new Request('http://localhost:3000/api/x', { method: 'PUT', headers: { cookie, origin: SAME } }), config);

  // Before: the cookie alone was trusted for 14 days.
  const cases: { name: string; config: AuthConfig; cookie?: Partial<Session>; expected: 'signed-out' | 'ok' }[] = [
    { name: 'the account as configured', config: base, expected: 'ok' },
    { name: 'the account removed from EDITORS', config: { ...base, accounts: [] }, expected: 'signed-out' },
    {
      name: 'the account moved to READERS',
      config: { ...base, accounts: [{ name: 'ann', role: 'reader', passwordHash: ANN_HASH }] },
      expected: 'signed-out',
    },
    {
      name: 'the password changed',
      config: { ...base, accounts: [{ name: 'ann', role: 'admin', passwordHash: ROB_HASH }] },
      expected: 'signed-out',
    },
    {
      name: 'a token session while the token is unchanged',
      config: base,
      cookie: { via: 'token', name: 'bot', fp: credentialFingerprint('tok-123', SECRET) },
      expected: 'ok',
    },
    {
      name: 'a token session after the token changed',
      config: { ...base, token: 'tok-456' },
      cookie: { via: 'token', name: 'bot', fp: credentialFingerprint('tok-123', SECRET) },
      expected: 'signed-out',
    },
    {
      name: 'a token session after the token was removed',
      config: { ...base, token: undefined },
      cookie: { via: 'token', name: 'bot', fp: credentialFingerprint('tok-123', SECRET) },
      expected: 'signed-out',
    },
  ];
  it.each(cases)('$name', async ({ config, cookie, expected }) => {
    const access = await edit(config, cookieFor(cookie));
    expect(access.ok ? 'ok' : access.kind).toBe(expected);
  });

  it('a signed-out session stops working, copies of its cookie included, also for another process', async () => {
    const { revokeSession, isRevoked } = await import('./revocations');
    const cookie = cookieFor({ sid: 'sid-to-revoke' });
    expect((await edit(base, cookie)).ok).toBe(true);
    await revokeSession('sid-to-revoke', Date.now() + 3_600_000);
    expect(await edit(base, cookie)).toMatchObject({ ok: false, kind: 'signed-out' });
    expect((await edit(base, cookieFor({ sid: 'sid-other' }))).ok).toBe(true);
    // The revocation is on disk: a fresh process (an empty cache) still refuses the cookie.
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('bilingual-reader.session-registry')];
    expect(await isRevoked({ sid: 'sid-to-revoke', ep: EPOCH, expires: Date.now() + 3_600_000 })).toBe(true);
  });
});

describe('wrong bearer tokens are limited like wrong passwords', () => {
  const config: AuthConfig = { mode: 'accounts', token: 'tok-123', accounts: [], secret: 's' };
  const put = (token: string, peer = '203.0.113.9') =>
    authorizeEdit(
      new Request('http://localhost/api/x', {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, [PEER_HEADER]: `${NONCE} ${peer}` },
      }),
      config,
    );

  it('after five free wrong tokens from one address, the sixth brings 429 with a wait, even for the right token', async () => {
    for (let i = 0; i < 6; i += 1) expect(await put(`wrong-${i}`)).toMatchObject({ kind: 'signed-out' });
    const limited = await put('tok-123');
    expect(limited).toMatchObject({ ok: false, kind: 'too-many-attempts', retryAfterSeconds: expect.any(Number) });
    // Another address is not held up.
    expect(await put('tok-123', '198.51.100.7')).toMatchObject({ ok: true, editor: 'token' });
  });
});

describe('editorNameHeader', () => {
  const latin1 = (text: string) => Buffer.from(text).toString('latin1');
  const cases: { name: string; value: string | null; expected: unknown }[] = [
    { name: 'no header', value: null, expected: { ok: true, name: '' } },
    { name: 'ASCII', value: 'ci-bot', expected: { ok: true, name: 'ci-bot' } },
    { name: 'UTF-8 Chinese as it arrives (bytes as Latin-1)', value: latin1('张三'), expected: { ok: true, name: '张三' } },
    { name: 'UTF-8 Zoë', value: latin1('Zoë'), expected: { ok: true, name: 'Zoë' } },
    { name: 'already decoded text', value: '张三', expected: { ok: true, name: '张三' } },
    { name: 'bytes that are not UTF-8', value: '\u00ff\u00fe', expected: { ok: false, error: expect.stringContaining('UTF-8') } },
  ];
  it.each(cases)('$name', ({ value, expected }) => {
    expect(editorNameHeader(value)).toEqual(expected);
  });
});

describe('accountProblems (logged at start-up)', () => {
  it('names each malformed entry by setting, position and name, never repeating the secret part', () => {
    const problems = accountProblems(env({ EDITORS: `ann:${ANN_HASH};bob:hunter2;${ANN_HASH}`, READERS: ':x' }));
    expect(problems).toEqual([
      expect.stringMatching(/^EDITORS entry 2 \("bob"\) does not have a password hash/),
      expect.stringMatching(/^EDITORS entry 3 has no "name:"/),
      expect.stringMatching(/^READERS entry 1 has an empty name/),
    ]);
    expect(problems.join('\n')).not.toContain('hunter2');
  });

  it('is empty for well-formed settings', () => {
    expect(accountProblems(env({ EDITORS: `ann:${ANN_HASH}`, READERS: `rob:${ROB_HASH}` }))).toEqual([]);
  });
});

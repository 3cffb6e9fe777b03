import { describe, expect, it } from 'vitest';
import { ANN_HASH, EPOCH, LOCAL_PEER, NONCE, ROB_HASH, prepareAuthDataDir } from '@/lib/testing/auth-fixtures';
import type { AuthConfig, Role } from './config';
import { PEER_HEADER } from './peer';
import { authorizeEdit } from './request';
import { credentialFingerprint, encodeSession, SESSION_COOKIE } from './session';

prepareAuthDataDir();

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

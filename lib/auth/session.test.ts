import { describe, expect, it } from 'vitest';
import { decodeSession, encodeSession, type Session } from './session';

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

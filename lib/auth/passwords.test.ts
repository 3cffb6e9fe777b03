import { describe, expect, it } from 'vitest';
import { ANN_HASH } from '@/lib/testing/auth-fixtures';
import { hashPassword, sameSecret, verifyPassword } from './passwords';

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

import { describe, expect, it } from 'vitest';
import { checkSyncCall } from './secret';

describe('checkSyncCall', () => {
  const cases = [
    { token: 's3cret', secret: 's3cret', expected: 'ok' },
    { token: undefined, secret: 's3cret', expected: 'missing' },
    { token: '', secret: 's3cret', expected: 'missing' },
    { token: 's3cre', secret: 's3cret', expected: 'wrong' },
    { token: 's3cret ', secret: 's3cret', expected: 'wrong' },
    { token: 's3cret', secret: undefined, expected: 'no-secret-set' },
  ] as const;
  for (const c of cases)
    it(`${String(c.token)} against ${String(c.secret)} → ${c.expected}`, () =>
      expect(checkSyncCall(c.token, c.secret)).toBe(c.expected));
});

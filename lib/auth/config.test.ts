import { describe, expect, it } from 'vitest';
import { ANN_HASH, env, ROB_HASH } from '@/lib/testing/auth-fixtures';
import { accountProblems, authConfig, parseAccounts, type Account, type AuthConfig } from './config';
import { hashPassword } from './passwords';

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

import { describe, expect, it } from 'vitest';
import { addAccount, removeAccount, setAccount, type AccountRecord } from './accounts';

const H = 'scrypt$AAAA$hash';
const ann: AccountRecord = { name: 'ann', role: 'translator', passwordHash: H, langs: ['fr'] };

describe('addAccount', () => {
  const cases: { name: string; input: { name: string; role: string; langs?: string[]; texts?: string[] }; expected: unknown }[] =
    [
      { name: 'a reader', input: { name: 'bob', role: 'reader' }, expected: { name: 'bob', role: 'reader', passwordHash: H } },
      {
        name: 'limits canonicalised and deduplicated',
        input: { name: ' 张三 ', role: 'reviewer', langs: ['FR', 'pt-br', 'fr'], texts: ['a', 'a'] },
        expected: { name: '张三', role: 'reviewer', passwordHash: H, langs: ['fr', 'pt-BR'], texts: ['a'] },
      },
      { name: 'a name taken', input: { name: 'ann', role: 'reader' }, expected: 'There is already an account named "ann"' },
      {
        name: 'an unknown role',
        input: { name: 'cy', role: 'editor' },
        expected: '"editor" is not a role: reader, translator, reviewer or admin',
      },
      {
        name: 'a colon in the name',
        input: { name: 'a:b', role: 'reader' },
        expected: expect.stringContaining('cannot name an account'),
      },
      { name: 'an empty name', input: { name: '  ', role: 'reader' }, expected: 'An account needs a name' },
      {
        name: 'not a language',
        input: { name: 'cy', role: 'translator', langs: ['../en'] },
        expected: expect.stringContaining('not a language tag'),
      },
      { name: 'Chinese is the source', input: { name: 'cy', role: 'translator', langs: ['zh'] }, expected: expect.any(String) },
      {
        name: 'not a text',
        input: { name: 'cy', role: 'translator', texts: ['../x'] },
        expected: expect.stringContaining('is not a text'),
      },
    ];
  it.each(cases)('$name', ({ input, expected }) => {
    const { name, ...fields } = input;
    const result = addAccount([ann], name, { ...fields, passwordHash: H });
    expect(result.ok ? result.result : result.error).toEqual(expected);
    if (result.ok) expect(result.accounts).toHaveLength(2);
  });
});

describe('setAccount and removeAccount', () => {
  const cases: { name: string; run: (list: AccountRecord[]) => ReturnType<typeof setAccount>; expected: unknown }[] = [
    { name: 'promote', run: (l) => setAccount(l, 'ann', { role: 'reviewer' }), expected: { ...ann, role: 'reviewer' } },
    {
      name: 'clear the languages',
      run: (l) => setAccount(l, 'ann', { langs: [] }),
      expected: { name: 'ann', role: 'translator', passwordHash: H },
    },
    { name: 'a new password', run: (l) => setAccount(l, 'ann', { passwordHash: 'x' }), expected: { ...ann, passwordHash: 'x' } },
    {
      name: 'an unknown account',
      run: (l) => setAccount(l, 'zed', { role: 'admin' }),
      expected: 'There is no account named "zed"',
    },
    {
      name: 'a bad role leaves it',
      run: (l) => setAccount(l, 'ann', { role: 'root' }),
      expected: expect.stringContaining('not a role'),
    },
    { name: 'remove', run: (l) => removeAccount(l, 'ann'), expected: ann },
    { name: 'remove an unknown one', run: (l) => removeAccount(l, 'zed'), expected: 'There is no account named "zed"' },
  ];
  it.each(cases)('$name', ({ run, expected }) => {
    const list = [ann];
    const result = run(list);
    expect(result.ok ? result.result : result.error).toEqual(expected);
    expect(list).toEqual([ann]);
  });
});

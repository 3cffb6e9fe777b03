import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDataDir } from '@/lib/testing/data-dir';
import { readConflicts, resolveConflicts, withoutResolved, type StoredConflicts } from './conflicts';

const versions = [
  { text: 'Ours.', author: 'ann', revision: 'r1' },
  { text: 'Theirs.', author: 'bo', revision: 'r2' },
];

describe('withoutResolved', () => {
  const cases: { name: string; conflicts: StoredConflicts; keys: string[]; expected: string[]; same: boolean }[] = [
    { name: 'no conflicts at all', conflicts: {}, keys: ['p1'], expected: [], same: true },
    { name: 'a save of another paragraph', conflicts: { p1: { versions } }, keys: ['p2'], expected: ['p1'], same: true },
    { name: 'a save of the paragraph in conflict', conflicts: { p1: { versions } }, keys: ['p1'], expected: [], same: false },
    {
      name: 'one of two resolved',
      conflicts: { p1: { versions }, p2: { versions } },
      keys: ['p2', 'p3'],
      expected: ['p1'],
      same: false,
    },
    { name: 'no keys saved', conflicts: { p1: { versions } }, keys: [], expected: ['p1'], same: true },
    {
      name: 'a key named like an object property',
      conflicts: { p1: { versions } },
      keys: ['toString'],
      expected: ['p1'],
      same: true,
    },
  ];
  it.each(cases)('$name', ({ conflicts, keys, expected, same }) => {
    const left = withoutResolved(conflicts, keys);
    expect(Object.keys(left)).toEqual(expected);
    expect(left === conflicts).toBe(same);
    // The object read from the file is shared with readers and never changed.
    if (!same) expect(Object.keys(conflicts).length).toBeGreaterThan(expected.length);
  });
});

describe('resolveConflicts', () => {
  let data: ReturnType<typeof makeDataDir>;
  const FILE = 'locales/fr/novel.conflicts.json';
  beforeEach(() => {
    data = makeDataDir();
  });
  afterEach(() => data.dispose());

  it('leaves a text without a conflict file without one', async () => {
    expect(await resolveConflicts('novel', 'fr', ['p1'])).toBe(false);
    expect(existsSync(data.file(FILE))).toBe(false);
  });

  it('rewrites the file without the saved paragraph, then removes it with the last one', async () => {
    data.write(FILE, JSON.stringify({ p1: { versions }, p2: { versions } }));
    expect(await resolveConflicts('novel', 'fr', ['p1'])).toBe(true);
    expect(Object.keys(JSON.parse(readFileSync(data.file(FILE), 'utf8')) as object)).toEqual(['p2']);
    expect(await resolveConflicts('novel', 'fr', ['p1'])).toBe(false);
    expect(await resolveConflicts('novel', 'fr', ['p2'])).toBe(true);
    expect(existsSync(data.file(FILE))).toBe(false);
    expect(await readConflicts('novel', 'fr')).toEqual({});
  });

  it('refuses a file of the wrong shape, naming it, and leaves it as it was', async () => {
    data.write(FILE, '{ "p1": { "versions": "both" } }');
    await expect(resolveConflicts('novel', 'fr', ['p1'])).rejects.toThrow(/novel\.conflicts\.json/);
    expect(readFileSync(data.file(FILE), 'utf8')).toContain('"both"');
  });
});

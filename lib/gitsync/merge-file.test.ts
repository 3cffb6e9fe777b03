// What each library file is for a merge, and the append-only logs merged line by line.
import { describe, expect, it } from 'vitest';
import { fileKind, mergeFileVersions } from './merge-file';

describe('fileKind', () => {
  const cases = [
    { path: 'locales/en/a.json', expected: { kind: 'glosses', slug: 'a', lang: 'en' } },
    { path: 'locales/fr/a.state.json', expected: { kind: 'states', slug: 'a', lang: 'fr' } },
    { path: 'locales/en/a.history.jsonl', expected: { kind: 'history', slug: 'a', lang: 'en' } },
    { path: 'locales/en/a.suggestions.jsonl', expected: { kind: 'history', slug: 'a', lang: 'en' } },
    { path: 'locales/fr/a.comments.jsonl', expected: { kind: 'history', slug: 'a', lang: 'fr' } },
    { path: 'locales/en/a.notes.json', expected: { kind: 'records', slug: 'a', lang: 'en' } },
    { path: 'content/a.md', expected: { kind: 'content', slug: 'a' } },
    { path: 'README.md', expected: { kind: 'other' } },
  ];
  it.each(cases)('$path', ({ path, expected }) => {
    expect(fileKind(path)).toEqual(expected);
  });
});

const context = { authorOf: () => 'someone', revisionOf: (text: string) => text };

describe('mergeFileVersions on a comments log', () => {
  it('keeps the comments written on both sides', () => {
    const base = '{"cid":"c1"}\n';
    const merged = mergeFileVersions(
      'locales/en/a.comments.jsonl',
      base,
      `${base}{"cid":"c2"}\n`,
      `${base}{"cid":"c3"}\n`,
      context,
    );
    expect(merged).toEqual({ text: '{"cid":"c1"}\n{"cid":"c2"}\n{"cid":"c3"}\n', clashed: [] });
  });
});

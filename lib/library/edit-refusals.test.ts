import { describe, expect, it } from 'vitest';
import { glossRevision, MAX_GLOSS_LENGTH } from '@/lib/gloss/validate';
import { glossHistory, revertGloss, saveGloss, setGlossStatus } from './edit';
import type { BlockView } from './load';
import {
  copyRepoDataForEachTest,
  SLUG,
  GLOSS,
  STATE,
  read,
  glosses,
  states,
  load,
  glossable,
  blockById,
  revisionOf,
  save,
  mark,
  expectOk,
  snapshot,
  expectCanonical,
  dataDir,
} from '@/lib/testing/article-edits';

copyRepoDataForEachTest();

describe('saveGloss validation', () => {
  const cases: { name: string; text: string; clear?: boolean; stored?: string; kind?: 'invalid' | 'too-long' }[] = [
    { name: 'too long (20,001 characters)', text: 'a'.repeat(MAX_GLOSS_LENGTH + 1), kind: 'too-long' },
    { name: 'too long even when clearing', text: 'a'.repeat(MAX_GLOSS_LENGTH + 1), clear: true, kind: 'too-long' },
    { name: 'exactly 20,000 characters', text: 'a'.repeat(MAX_GLOSS_LENGTH), stored: 'a'.repeat(MAX_GLOSS_LENGTH) },
    { name: 'empty', text: '', kind: 'invalid' },
    { name: 'whitespace only', text: '  \n\t ', kind: 'invalid' },
    { name: 'control characters only', text: '\u0007\u0000', kind: 'invalid' },
    { name: 'empty with clear: false', text: '', clear: false, kind: 'invalid' },
    { name: 'a control character inside', text: 'a\u0007b', stored: 'ab' },
    { name: 'CRLF line endings', text: 'one\r\ntwo', stored: 'one\ntwo' },
    { name: 'decomposed é', text: 'e\u0301', stored: 'é' },
    { name: 'surrounding whitespace', text: '  padded  \n', stored: 'padded' },
    { name: 'a script tag, stored verbatim as text', text: '<script>alert(1)</script>', stored: '<script>alert(1)</script>' },
    { name: 'JSON-looking text with quotes and backslashes', text: '"}, "x": "\\u0000', stored: '"}, "x": "\\u0000' },
    { name: 'text with clear: true', text: 'Not empty', clear: true, stored: 'Not empty' },
  ];

  it.each(cases)('$name', async ({ text, clear, stored, kind }) => {
    const id = (await glossable())[1]!.id;
    const before = snapshot();
    const result = await save(id, text, clear === undefined ? {} : { clear });
    if (kind) {
      expect(result).toEqual({ ok: false, kind, error: expect.any(String) });
      expect(snapshot()).toEqual(before);
      return;
    }
    expect(result).toEqual({ ok: true, text: stored, revision: glossRevision(stored), status: 'draft' });
    expect(glosses()[id]).toBe(stored);
    expectCanonical(read(GLOSS));
    expect((await blockById(id)).en).toBe(stored);
  });

  it.each([
    { name: 'the empty string', text: '' },
    { name: 'whitespace', text: ' \r\n ' },
  ])('clearing with $name removes the key from both files and records after: null', async ({ text }) => {
    const id = (await glossable())[1]!.id;
    const previous = glosses()[id];
    const result = await save(id, text, { clear: true });
    expect(result).toEqual({ ok: true, text: '', revision: glossRevision(''), status: 'untranslated' });
    expect(glosses()).not.toHaveProperty(id);
    expect(states()).not.toHaveProperty(id);
    expectCanonical(read(GLOSS));
    expectCanonical(read(STATE));
    expect(await glossHistory(SLUG, id)).toEqual([
      expect.objectContaining({ kind: 'gloss', before: previous, after: null, revision: glossRevision('') }),
    ]);
    expect((await blockById(id)).status).toBe('untranslated');
  });

  it('clearing a gloss that is already absent is allowed and records before: null', async () => {
    const id = (await glossable())[1]!.id;
    expectOk(await save(id, '', { clear: true }));
    expectOk(await save(id, '', { clear: true }));
    expect((await glossHistory(SLUG, id)).map((e) => [e.before === null, e.after])).toEqual([
      [false, null],
      [true, null],
    ]);
  });
});

describe('edits of things that do not exist', () => {
  const cases: { name: string; slug?: string; id: string | ((blocks: BlockView[]) => string) }[] = [
    { name: 'an unknown slug', slug: 'nope', id: 'c4pzjo' },
    { name: 'a slug with a path', slug: '../content/karpathy-no-priors', id: 'c4pzjo' },
    { name: 'a slug in capitals', slug: 'KARPATHY-NO-PRIORS', id: 'c4pzjo' },
    { name: 'the UI strings file as a slug', slug: 'common', id: 'title' },
    { name: 'the glossary file as a slug', slug: 'glossary', id: 'title' },
    { name: 'an empty slug', slug: '', id: 'c4pzjo' },
    { name: 'an unknown id', id: 'zzzzzz' },
    { name: 'an empty id', id: '' },
    { name: 'a break’s id', id: (blocks) => blocks.find((b) => b.type === 'break')!.id },
    { name: 'the id ../x', id: '../x' },
    { name: 'the id %2e%2e', id: '%2e%2e' },
    { name: 'the id ../../content/karpathy-no-priors', id: '../../content/karpathy-no-priors' },
    { name: 'the id __proto__', id: '__proto__' },
    { name: 'the id constructor', id: 'constructor' },
    { name: 'the id TITLE', id: 'TITLE' },
  ];

  it.each(cases)('$name → not-found for save, status and revert; no file touched', async ({ slug, id }) => {
    const blockId = typeof id === 'function' ? id((await load()).blocks) : id;
    const change = { slug: slug ?? SLUG, id: blockId, editor: 'ann', baseRevision: glossRevision(undefined) };
    const before = snapshot();
    const results = [
      await saveGloss({ ...change, text: 'Hello' }),
      await saveGloss({ ...change, text: '', clear: true }),
      await setGlossStatus({ ...change, status: 'reviewed' }),
      await revertGloss({ ...change, to: glossRevision('Hello') }),
    ];
    for (const result of results) expect(result).toEqual({ ok: false, kind: 'not-found', error: expect.any(String) });
    expect(snapshot()).toEqual(before);
  });
});

describe('edits when a locale file is malformed', () => {
  const cases: { name: string; file: string; text: string }[] = [
    { name: 'a gloss file cut short', file: GLOSS, text: '{ "title": ' },
    { name: 'a gloss file with a trailing comma', file: GLOSS, text: '{ "title": "A", }\n' },
    { name: 'a gloss file that is an array', file: GLOSS, text: '["a"]\n' },
    { name: 'a gloss file with a nested value', file: GLOSS, text: '{ "title": { "en": "A" } }\n' },
    { name: 'a state file cut short', file: STATE, text: '{ "title": {"hash":' },
    {
      name: 'a state file with a bad status',
      file: STATE,
      text: '{ "title": {"hash":"edf6144a0ef3","zh":"x","status":"final"} }\n',
    },
  ];

  it.each(cases)('$name → broken-file naming it, and its bytes stay as they were', async ({ file, text }) => {
    const id = (await glossable())[0]!.id;
    const base = revisionOf(id);
    dataDir().write(file, text);
    const before = snapshot();
    const results = [
      await save(id, 'New text', { base }),
      await save(id, '', { base, clear: true }),
      await mark(id, 'reviewed', { base }),
      await save('title', 'New title', { base: glossRevision('A') }),
    ];
    for (const result of results) {
      expect(result).toMatchObject({ ok: false, kind: 'broken-file' });
      expect(!result.ok && result.error).toContain(file);
    }
    expect(snapshot()).toEqual(before);
    expect(read(file)).toBe(text);
  });
});

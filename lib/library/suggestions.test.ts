// The life of a suggestion: made, listed, voted on, accepted (with edits) or rejected, marked stale.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDataDir } from '@/lib/testing/data-dir';
import { glossHistory } from './edit';
import { loadText } from './load';
import { syncLibrary } from './sync';
import { acceptSuggestion, listSuggestions, rejectSuggestion, suggest, voteSuggestion } from './suggestions';

const SLUG = 'karpathy-no-priors';
let data: ReturnType<typeof makeDataDir>;
beforeEach(() => {
  data = makeDataDir({ copyRepoData: true });
});
afterEach(() => data.dispose());

async function firstParagraph() {
  const loaded = await loadText(SLUG);
  if (!loaded?.ok) throw new Error('no text');
  const block = loaded.text.blocks.find((b) => b.type === 'paragraph');
  if (!block) throw new Error('no paragraph');
  return { slug: SLUG, lang: 'en', id: block.id, zh: block.text };
}

async function made(author = 'rita', text = 'A better rendering.') {
  const where = await firstParagraph();
  const result = await suggest({ ...where, author, text });
  if (!result.ok) throw new Error(result.error);
  return { where, suggestion: result.suggestion };
}

describe('making and listing', () => {
  const cases = [
    { name: 'a suggestion', text: 'A better rendering.', expected: { ok: true } },
    { name: 'empty text', text: '   ', expected: { ok: false, kind: 'invalid' } },
  ];
  it.each(cases)('$name', async ({ text, expected }) => {
    const where = await firstParagraph();
    expect(await suggest({ ...where, author: 'rita', text })).toMatchObject(expected);
  });

  it('is stored as one line beside the glosses and listed with the current gloss', async () => {
    const { where, suggestion } = await made();
    expect(suggestion).toMatchObject({ author: 'rita', status: 'pending', votes: [], stale: false, text: 'A better rendering.' });
    const lines = readFileSync(data.file(`locales/en/${SLUG}.suggestions.jsonl`), 'utf8')
      .trim()
      .split('\n');
    expect(lines).toHaveLength(1);
    const listed = await listSuggestions(where);
    expect(listed.ok && listed.suggestions.map((s) => s.sid)).toEqual([suggestion.sid]);
    // A retried request makes no second suggestion.
    expect((await suggest({ ...where, author: 'rita', text: 'A better rendering.' })).ok).toBe(true);
    expect(
      readFileSync(data.file(`locales/en/${SLUG}.suggestions.jsonl`), 'utf8')
        .trim()
        .split('\n'),
    ).toHaveLength(1);
  });

  it('is marked stale when the Chinese changed since', async () => {
    const { where } = await made();
    const source = data.file(`content/${SLUG}.txt`);
    const text = readFileSync(source, 'utf8');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(source, text.replace(where.zh, `${where.zh}改`));
    await syncLibrary();
    const listed = await listSuggestions(where);
    expect(listed.ok && listed.suggestions[0]?.stale).toBe(true);
  });
});

describe('votes', () => {
  const cases = [
    { name: 'another account votes', voters: ['vic'], expected: { ok: true, suggestion: { votes: ['vic'] } } },
    { name: 'twice', voters: ['vic', 'vic'], expected: { ok: false, kind: 'conflict' } },
    { name: 'for oneself', voters: ['rita'], expected: { ok: false, kind: 'invalid' } },
  ];
  it.each(cases)('$name', async ({ voters, expected }) => {
    const { where, suggestion } = await made();
    let last;
    for (const voter of voters) last = await voteSuggestion({ ...where, sid: suggestion.sid, voter });
    expect(last).toMatchObject(expected);
  });
});

describe('rejecting', () => {
  const cases = [
    { name: 'with a reason and a note', reason: 'style', note: 'Too literal', expected: { ok: true } },
    { name: 'with a reason alone', reason: 'duplicate', note: undefined, expected: { ok: true } },
    { name: 'without a reason', reason: '', note: 'Too literal', expected: { ok: false, kind: 'invalid' } },
    { name: '"other" without a note', reason: 'other', note: ' ', expected: { ok: false, kind: 'invalid' } },
  ];
  it.each(cases)('$name', async ({ reason, note, expected }) => {
    const { where, suggestion } = await made();
    const result = await rejectSuggestion({ ...where, sid: suggestion.sid, reviewer: 'rev', reason, ...(note ? { note } : {}) });
    expect(result).toMatchObject(expected);
    if (result.ok) {
      // The suggester sees the outcome and its reason.
      const listed = await listSuggestions(where);
      expect(listed.ok && listed.suggestions[0]).toMatchObject({ status: 'rejected', outcome: { reviewer: 'rev', reason } });
      expect(await acceptSuggestion({ ...where, sid: suggestion.sid, reviewer: 'rev' })).toMatchObject({
        ok: false,
        kind: 'conflict',
      });
    }
  });
});

describe('accepting', () => {
  it('saves the suggestion as the suggester, then the reviewer’s edit as the reviewer', async () => {
    const { where, suggestion } = await made();
    const result = await acceptSuggestion({
      ...where,
      sid: suggestion.sid,
      reviewer: 'rev',
      text: 'A better rendering, edited.',
    });
    expect(result).toMatchObject({
      ok: true,
      suggestion: { status: 'accepted', outcome: { reviewer: 'rev', text: 'A better rendering, edited.' } },
    });
    const history = (await glossHistory(SLUG, where.id)).slice(-2);
    expect(history.map((e) => [e.editor, e.after])).toEqual([
      ['rita', 'A better rendering.'],
      ['rev', 'A better rendering, edited.'],
    ]);
    expect(result.ok && result.suggestion.current.text).toBe('A better rendering, edited.');
  });

  it('without edits credits the suggester alone', async () => {
    const { where, suggestion } = await made();
    expect(await acceptSuggestion({ ...where, sid: suggestion.sid, reviewer: 'rev' })).toMatchObject({ ok: true });
    expect((await glossHistory(SLUG, where.id)).slice(-1).map((e) => e.editor)).toEqual(['rita']);
  });

  it('is a conflict when the gloss changed since, and the suggestion stays pending', async () => {
    const { where, suggestion } = await made();
    const other = await made('sam', 'Another rendering.');
    expect(await acceptSuggestion({ ...where, sid: other.suggestion.sid, reviewer: 'rev' })).toMatchObject({ ok: true });
    expect(await acceptSuggestion({ ...where, sid: suggestion.sid, reviewer: 'rev' })).toMatchObject({
      ok: false,
      kind: 'conflict',
    });
    const listed = await listSuggestions(where);
    expect(listed.ok && listed.suggestions.find((s) => s.sid === suggestion.sid)?.status).toBe('pending');
  });
});

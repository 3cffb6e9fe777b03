// Notes, glossary entries and word lists changed as the API changes them: stored, logged,
// refused with a reason, 409 on a stale revision, and seen by the annotations at once.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDataDir } from '@/lib/testing/data-dir';
import { readAnnotationChanges } from '@/lib/store/annotation-files';
import { readNotes } from '@/lib/store/annotations';
import { getActivity } from './activity';
import { annotateText } from './annotate-text';
import { putTerm, removeTerm, textGlossary } from './glossary-edit';
import { loadText } from './load';
import { addNote, changeNote, removeNote } from './notes-edit';
import { editTerms } from './terms-edit';

const SLUG = 'karpathy-no-priors';
let data: ReturnType<typeof makeDataDir>;
beforeEach(() => {
  data = makeDataDir({ copyRepoData: true });
});
afterEach(() => data.dispose());

async function paragraph() {
  const loaded = await loadText(SLUG);
  if (!loaded?.ok) throw new Error('no text');
  const block = loaded.text.blocks.find((b) => b.type === 'paragraph' && b.en && /[\u4e00-\u9fff]{4}/.test(b.text));
  if (!block?.en) throw new Error('no paragraph');
  return { block: block.id, zh: block.text, en: block.en };
}

const where = { slug: SLUG, lang: 'en', editor: 'tess' };

describe('notes', () => {
  it('adds a note on a quote, logs it, and the reader anchors it', async () => {
    const p = await paragraph();
    const quote = p.zh.slice(2, 4);
    const added = await addNote({ ...where, block: p.block, quote, body: 'A new note.' });
    if (!added.ok) throw new Error(added.error);
    expect(added.value).toMatchObject({ block: p.block, quote, occurrence: 1, body: 'A new note.' });
    expect(added.value.revision).toMatch(/^[0-9a-f]{12}$/);
    expect((await readNotes(SLUG, 'en')).find((n) => n.id === added.value.id)).toMatchObject({ quote, body: 'A new note.' });
    expect((await readAnnotationChanges(SLUG)).at(-1)).toMatchObject({ kind: 'note', editor: 'tess', key: added.value.id });
    const loaded = await loadText(SLUG);
    if (!loaded?.ok) throw new Error('no text');
    const annotation = await annotateText(loaded.text, [p.block]);
    expect(annotation.notes.find((n) => n.id === added.value.id)).toMatchObject({ detached: false, body: 'A new note.' });
  }, 60_000);

  const refusals = [
    { title: 'a quote in neither column', input: { quote: '不在这里的话', body: 'x' }, kind: 'invalid' },
    { title: 'an empty body', input: { quote: '', body: ' ' }, kind: 'invalid' },
    { title: 'no such paragraph', input: { block: 'zzzzzz', quote: '的', body: 'x' }, kind: 'not-found' },
  ];
  it.each(refusals)('refuses $title', async ({ input, kind }) => {
    const p = await paragraph();
    const before = readFileSync(data.file(`locales/en/${SLUG}.notes.json`), 'utf8');
    const result = await addNote({ ...where, block: p.block, ...input });
    expect(result).toMatchObject({ ok: false, kind });
    expect(readFileSync(data.file(`locales/en/${SLUG}.notes.json`), 'utf8')).toBe(before);
  });

  it('changes with the revision it was read at, 409 with a stale one, then removes', async () => {
    const p = await paragraph();
    const added = await addNote({ ...where, block: p.block, quote: p.en.slice(0, 8), body: 'On the English.' });
    if (!added.ok) throw new Error(added.error);
    expect(added.value).toMatchObject({ quote: p.zh, enQuote: p.en.slice(0, 8).trim() });
    const changed = await changeNote({ ...where, id: added.value.id, baseRevision: added.value.revision, body: 'Changed.' });
    if (!changed.ok) throw new Error(changed.error);
    expect(changed.value.body).toBe('Changed.');
    const stale = await changeNote({ ...where, id: added.value.id, baseRevision: added.value.revision, body: 'Lost?' });
    expect(stale).toMatchObject({ ok: false, kind: 'conflict', current: { body: 'Changed.' } });
    expect(await removeNote({ ...where, id: added.value.id, baseRevision: added.value.revision })).toMatchObject({
      kind: 'conflict',
    });
    expect(await removeNote({ ...where, id: added.value.id, baseRevision: changed.value.revision })).toMatchObject({ ok: true });
    expect((await readNotes(SLUG, 'en')).some((n) => n.id === added.value.id)).toBe(false);
    expect(await removeNote({ ...where, id: added.value.id, baseRevision: changed.value.revision })).toMatchObject({
      kind: 'not-found',
    });
  });

  it('twenty notes added at once get twenty ids, none lost', async () => {
    const p = await paragraph();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => addNote({ ...where, block: p.block, quote: p.zh.slice(0, 2), body: `note ${i}` })),
    );
    const ids = results.map((r) => (r.ok ? r.value.id : r.error));
    expect(new Set(ids).size).toBe(20);
    const stored = await readNotes(SLUG, 'en');
    for (const id of ids) expect(stored.some((n) => n.id === id)).toBe(true);
  });
});

describe('glossary', () => {
  it('adds a text term, the lint flags a gloss at once, and a stale change is 409', async () => {
    const p = await paragraph();
    const term = p.zh.match(/[\u4e00-\u9fff]{2}/)?.[0] ?? '';
    const added = await putTerm({ ...where, term, input: { en: ['zzyzx rendering'] } });
    if (!added.ok) throw new Error(added.error);
    expect(added.value).toMatchObject({ term, en: ['zzyzx rendering'], source: 'text' });
    const glossary = await textGlossary(SLUG, 'en');
    expect(glossary?.findings.some((f) => f.term === term && f.id === p.block && f.kind === 'missing')).toBe(true);
    expect(await putTerm({ ...where, term, input: { en: ['other'] } })).toMatchObject({ kind: 'conflict' });
    const changed = await putTerm({ ...where, term, input: { en: ['other'] }, baseRevision: added.value.revision });
    expect(changed).toMatchObject({ ok: true, value: { en: ['other'] } });
    expect(await removeTerm({ ...where, term, baseRevision: added.value.revision })).toMatchObject({ kind: 'conflict' });
    if (!changed.ok) throw new Error(changed.error);
    expect(await removeTerm({ ...where, term, baseRevision: changed.value.revision })).toMatchObject({ ok: true });
    expect((await textGlossary(SLUG, 'en'))?.entries.some((e) => e.term === term && e.source === 'text')).toBe(false);
  });

  it('writes the shared glossary under its own lock, one entry a line', async () => {
    const added = await putTerm({ lang: 'en', editor: 'ada', term: '测试词', input: { en: ['test word'] } });
    expect(added).toMatchObject({ ok: true, value: { source: 'shared' } });
    const text = readFileSync(data.file('locales/en/glossary.json'), 'utf8');
    expect(text).toContain('\n  "测试词": {"en":["test word"]}\n');
    expect((await readAnnotationChanges(undefined)).at(-1)).toMatchObject({ kind: 'glossary', key: '测试词' });
  });

  const refusals = [
    { title: 'a term without Chinese', term: 'Tesla', input: { en: ['Tesla'] } },
    { title: 'no rendering', term: '测试', input: { en: [] } },
    { title: 'approved and forbidden', term: '测试', input: { en: ['a'], forbidden: ['A'] } },
  ];
  it.each(refusals)('refuses $title', async ({ term, input }) => {
    expect(await putTerm({ ...where, term, input })).toMatchObject({ ok: false, kind: 'invalid' });
  });
});

describe('word list', () => {
  it('treating a passage as one word changes the segmentation at once; a split cuts it', async () => {
    const loaded = await loadText(SLUG);
    if (!loaded?.ok) throw new Error('no text');
    const p = await paragraph();
    const before = await annotateText(loaded.text, [p.block]);
    const [id, annotation] = Object.entries(before.blocks).find(([, a]) => a.tokens.filter((t) => t.chinese).length > 3) ?? [];
    const chinese = annotation?.tokens.filter((t) => t.chinese) ?? [];
    const [first, second] = chinese;
    if (!id || !first || !second || first.end !== second.start) throw new Error('no two adjacent words');
    const joined = first.text + second.text;
    expect(await editTerms({ slug: SLUG, editor: 'tess', add: [joined] })).toMatchObject({ ok: true });
    const after = await annotateText(loaded.text, [id]);
    expect(after.blocks[id]?.tokens.some((t) => t.text === joined)).toBe(true);
    const split = `${first.text}|${second.text}`;
    const cut = await editTerms({ slug: SLUG, editor: 'tess', add: [split], remove: [joined] });
    expect(cut).toMatchObject({ ok: true });
    const again = await annotateText(loaded.text, [id]);
    expect(again.blocks[id]?.tokens.some((t) => t.text === joined)).toBe(false);
    expect(readFileSync(data.file(`content/${SLUG}.terms`), 'utf8')).toMatch(/^# Words the segmenter/);
    expect((await readAnnotationChanges(SLUG)).filter((c) => c.kind === 'terms')).toHaveLength(2);
  }, 90_000);

  it('409 on a stale revision, 400-kind refusals for bad terms', async () => {
    expect(await editTerms({ slug: SLUG, editor: 'tess', add: ['小镇'], baseRevision: '000000000000' })).toMatchObject({
      kind: 'conflict',
    });
    expect(await editTerms({ slug: SLUG, editor: 'tess', add: ['# x'] })).toMatchObject({ kind: 'invalid' });
    expect(await editTerms({ slug: 'no-such-text', editor: 'tess', add: ['小镇'] })).toMatchObject({ kind: 'not-found' });
  });
});

describe('activity', () => {
  it('lists note, glossary and word-list changes with who made them, filtered by kind', async () => {
    const p = await paragraph();
    await addNote({ ...where, block: p.block, quote: p.zh.slice(0, 2), body: 'Seen in the feed.' });
    await putTerm({ ...where, term: '测试词', input: { en: ['test word'] } });
    await editTerms({ slug: SLUG, editor: 'tess', add: ['测试词语'] });
    const cases = [
      { kind: 'note' as const, expected: { user: 'tess', id: p.block, detail: 'Seen in the feed.' } },
      { kind: 'glossary' as const, expected: { user: 'tess', id: '测试词', detail: '测试词: test word' } },
      { kind: 'terms' as const, expected: { user: 'tess', detail: '+测试词语' } },
    ];
    for (const { kind, expected } of cases) {
      const { items } = await getActivity({ text: SLUG, kind });
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ kind, text: SLUG, ...expected });
    }
    expect((await getActivity({ text: SLUG, lang: 'fr', kind: 'note' })).items).toEqual([]);
  });
});

import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { glossRevision } from '@/lib/gloss/validate';
import { hashText } from '@/lib/text/hash';
import { glossHistory, revertGloss } from './edit';
import {
  copyRepoDataForEachTest,
  SLUG,
  GLOSS,
  HISTORY,
  read,
  glosses,
  states,
  historyLines,
  load,
  glossable,
  blockById,
  revisionOf,
  save,
  mark,
  expectOk,
  snapshot,
  editChinese,
  dataDir,
} from '@/lib/testing/article-edits';

copyRepoDataForEachTest();

describe('history', () => {
  it('records each save and status change as one entry, in order, as JSON lines', async () => {
    const [a, b] = await glossable();
    const originalA = glosses()[a!.id]!;
    const originalB = glosses()[b!.id]!;
    const start = Date.now();
    const first = await save(a!.id, 'First', { editor: 'ann' });
    const second = await mark(a!.id, 'reviewed', { editor: 'bob' });
    const third = await save(b!.id, 'Third', { editor: 'cy' });
    const fourth = await save(a!.id, '', { editor: 'ann', clear: true });
    for (const r of [first, second, third, fourth]) expectOk(r);

    const all = await glossHistory(SLUG);
    expect(all).toEqual([
      {
        time: expect.any(String),
        editor: 'ann',
        id: a!.id,
        kind: 'gloss',
        before: originalA,
        after: 'First',
        revision: glossRevision('First'),
      },
      {
        time: expect.any(String),
        editor: 'bob',
        id: a!.id,
        kind: 'status',
        before: 'draft',
        after: 'reviewed',
        revision: glossRevision('First'),
      },
      {
        time: expect.any(String),
        editor: 'cy',
        id: b!.id,
        kind: 'gloss',
        before: originalB,
        after: 'Third',
        revision: glossRevision('Third'),
      },
      {
        time: expect.any(String),
        editor: 'ann',
        id: a!.id,
        kind: 'gloss',
        before: 'First',
        after: null,
        revision: glossRevision(''),
      },
    ]);
    const times = all.map((e) => Date.parse(e.time));
    for (const [i, time] of times.entries()) {
      expect(new Date(time).toISOString()).toBe(all[i]!.time);
      expect(time).toBeGreaterThanOrEqual(i === 0 ? start - 1 : times[i - 1]!);
    }
    for (const e of all) expect(Object.keys(e)).toEqual(['time', 'editor', 'id', 'kind', 'before', 'after', 'revision']);

    expect((await glossHistory(SLUG, a!.id)).map((e) => e.kind)).toEqual(['gloss', 'status', 'gloss']);
    expect(await glossHistory(SLUG, b!.id)).toEqual([all[2]]);
    expect(await glossHistory(SLUG, 'zzzzzz')).toEqual([]);

    const text = read(HISTORY);
    expect(text.endsWith('\n')).toBe(true);
    const lines = historyLines();
    expect(lines).toHaveLength(4);
    expect(lines.map((line) => JSON.parse(line))).toEqual(all);
  });

  it('is empty for a text never edited', async () => {
    expect(await glossHistory(SLUG)).toEqual([]);
    expect(existsSync(dataDir().file(HISTORY))).toBe(false);
  });

  it('records nothing for a refused edit', async () => {
    const id = (await glossable())[0]!.id;
    await save(id, 'x', { base: 'ffffffffffff' });
    await save(id, '');
    await save('zzzzzz', 'x');
    await mark(id, 'reviewed', { base: 'ffffffffffff' });
    expect(await glossHistory(SLUG)).toEqual([]);
  });
});

describe('revertGloss', () => {
  it('puts back an earlier version as a new change', async () => {
    const id = (await glossable())[4]!.id;
    const a = await save(id, 'Version A');
    expectOk(a);
    const b = await save(id, 'Version B');
    expectOk(b);
    const result = await revertGloss({ slug: SLUG, id, to: a.revision, baseRevision: b.revision, editor: 'ann' });
    expect(result).toEqual({ ok: true, text: 'Version A', revision: a.revision, status: 'draft' });
    expect(glosses()[id]).toBe('Version A');
    const history = await glossHistory(SLUG, id);
    expect(history).toHaveLength(3);
    expect(history[2]).toMatchObject({ kind: 'gloss', before: 'Version B', after: 'Version A', revision: a.revision });
  });

  it('puts back the gloss as it was before the first recorded edit', async () => {
    const id = (await glossable())[4]!.id;
    const original = glosses()[id]!;
    const saved = await save(id, 'Changed');
    expectOk(saved);
    expectOk(await revertGloss({ slug: SLUG, id, to: glossRevision(original), baseRevision: saved.revision, editor: 'ann' }));
    expect(glosses()[id]).toBe(original);
  });

  it('reverting to the empty revision of a once-untranslated paragraph clears it again', async () => {
    const id = (await glossable())[4]!.id;
    expectOk(await save(id, '', { clear: true }));
    const added = await save(id, 'Added');
    expectOk(added);
    const result = await revertGloss({ slug: SLUG, id, to: glossRevision(''), baseRevision: added.revision, editor: 'ann' });
    expect(result).toMatchObject({ ok: true, text: '', status: 'untranslated' });
    expect(glosses()).not.toHaveProperty(id);
  });

  const unknown: { name: string; to: (other: string) => string }[] = [
    { name: 'a made-up revision', to: () => 'ffffffffffff' },
    { name: 'the revision of a text never saved', to: () => glossRevision('Never saved') },
    { name: 'a revision from another paragraph’s history', to: (other) => other },
  ];
  it.each(unknown)('refuses $name as not-found and writes nothing', async ({ to }) => {
    const [x, y] = await glossable();
    const elsewhere = await save(y!.id, 'Only in the other paragraph');
    expectOk(elsewhere);
    const saved = await save(x!.id, 'Version A');
    expectOk(saved);
    const before = snapshot();
    const result = await revertGloss({
      slug: SLUG,
      id: x!.id,
      to: to(elsewhere.revision),
      baseRevision: saved.revision,
      editor: 'ann',
    });
    expect(result).toEqual({ ok: false, kind: 'not-found', error: expect.any(String) });
    expect(snapshot()).toEqual(before);
  });

  it('refuses a revert from a stale base revision with the current text', async () => {
    const id = (await glossable())[4]!.id;
    const a = await save(id, 'Version A');
    expectOk(a);
    const b = await save(id, 'Version B');
    expectOk(b);
    const result = await revertGloss({ slug: SLUG, id, to: a.revision, baseRevision: a.revision, editor: 'ann' });
    expect(result).toMatchObject({ ok: false, kind: 'conflict', current: { text: 'Version B', revision: b.revision } });
    expect(glosses()[id]).toBe('Version B');
  });
});

describe('setGlossStatus', () => {
  it.each(['reviewed', 'draft'] as const)('marks a gloss %s without changing its text or revision', async (status) => {
    const id = (await glossable())[6]!.id;
    const text = glosses()[id]!;
    const revision = revisionOf(id);
    const result = await mark(id, status);
    expect(result).toEqual({ ok: true, text, revision, status });
    expect(glosses()[id]).toBe(text);
    expect(states()[id]?.status).toBe(status);
    expect((await blockById(id)).status).toBe(status);
  });

  it('marks a reviewed gloss back to draft', async () => {
    const id = (await glossable())[6]!.id;
    expectOk(await mark(id, 'reviewed'));
    expectOk(await mark(id, 'draft'));
    expect((await blockById(id)).status).toBe('draft');
    expect((await glossHistory(SLUG, id)).map((e) => [e.before, e.after])).toEqual([
      ['draft', 'reviewed'],
      ['reviewed', 'draft'],
    ]);
  });

  it('marks the title', async () => {
    expectOk(await mark('title', 'reviewed'));
    expect((await load()).title.status).toBe('reviewed');
  });

  it.each(['reviewed', 'draft'] as const)('confirms a stale gloss when marking it %s', async (status) => {
    const block = (await glossable()).find((b) => b.text.startsWith('近日，播客节目'))!;
    editChinese('发布了对这位', '发布了一期对这位');
    const stale = await blockById(block.id);
    expect(stale.status).toBe('stale');
    const text = glosses()[block.id];

    expectOk(await mark(block.id, status));
    const after = await blockById(block.id);
    expect(after.status).toBe(status);
    expect(after.staleFrom).toBeUndefined();
    expect(glosses()[block.id]).toBe(text);
    const revision = status === 'reviewed' ? { revision: glossRevision(text) } : {};
    expect(states()[block.id]).toEqual({ hash: hashText(stale.text), zh: stale.text, status, ...revision });
    expect((await glossHistory(SLUG, block.id)).at(-1)).toMatchObject({ kind: 'status', before: 'stale', after: status });
  });

  it('is refused on a stale base revision, with the current text, writing nothing', async () => {
    const id = (await glossable())[6]!.id;
    const base = revisionOf(id);
    const saved = await save(id, 'Changed meanwhile');
    expectOk(saved);
    const before = snapshot();
    expect(await mark(id, 'reviewed', { base })).toEqual({
      ok: false,
      kind: 'conflict',
      error: expect.any(String),
      current: { text: 'Changed meanwhile', revision: saved.revision },
    });
    expect(snapshot()).toEqual(before);
  });

  it('is refused on an untranslated paragraph, writing nothing', async () => {
    const id = (await glossable())[6]!.id;
    expectOk(await save(id, '', { clear: true }));
    const before = snapshot();
    expect(await mark(id, 'reviewed', { base: glossRevision(undefined) })).toEqual({
      ok: false,
      kind: 'invalid',
      error: expect.any(String),
    });
    expect(snapshot()).toEqual(before);
  });

  // A hand-edited whitespace-only gloss reads as untranslated everywhere, so it cannot be marked.
  it('is refused on a paragraph whose gloss is only whitespace (untranslated)', async () => {
    const id = (await glossable())[6]!.id;
    dataDir().write(GLOSS, read(GLOSS).replace(`"${id}": ${JSON.stringify(glosses()[id])}`, `"${id}": "  "`));
    expect((await blockById(id)).status).toBe('untranslated');
    const before = snapshot();
    expect(await mark(id, 'reviewed', { base: glossRevision('  ') })).toEqual({
      ok: false,
      kind: 'invalid',
      error: expect.any(String),
    });
    expect(snapshot()).toEqual(before);
  });
});

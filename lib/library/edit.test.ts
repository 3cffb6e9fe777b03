import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { glossRevision } from '@/lib/gloss/validate';
import { hashText } from '@/lib/text/hash';
import { glossHistory, saveGloss, type EditResult } from './edit';
import { foldJournal } from './fold';
import type { BlockView } from './load';
import {
  copyRepoDataForEachTest,
  SLUG,
  GLOSS,
  STATE,
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
  changedKeys,
  expectCanonical,
  dataDir,
} from '@/lib/testing/article-edits';

copyRepoDataForEachTest();

describe('saveGloss', () => {
  it('writes the text, returns its new revision and records the current Chinese as a draft', async () => {
    const [block] = await glossable();
    const before = revisionOf(block!.id);
    const result = await save(block!.id, 'A new gloss.');
    expect(result).toEqual({ ok: true, text: 'A new gloss.', revision: glossRevision('A new gloss.'), status: 'draft' });
    expectOk(result);
    expect(result.revision).not.toBe(before);
    expect(glosses()[block!.id]).toBe('A new gloss.');
    expect(states()[block!.id]).toEqual({ hash: hashText(block!.text), zh: block!.text, status: 'draft' });
    expect(await blockById(block!.id)).toMatchObject({ en: 'A new gloss.', status: 'draft' });
  });

  it('saves the title under its key', async () => {
    const result = await save('title', 'A new title');
    expectOk(result);
    expect(glosses().title).toBe('A new title');
    expect((await load()).title).toMatchObject({ en: 'A new title', status: 'draft' });
  });

  it('turns a stale paragraph into a draft of its new Chinese', async () => {
    const block = (await glossable()).find((b) => b.text.startsWith('近日，播客节目'))!;
    editChinese('发布了对这位', '发布了一期对这位');
    const stale = await blockById(block.id);
    expect(stale).toMatchObject({ status: 'stale', staleFrom: block.text });

    expectOk(await save(block.id, 'Recently, No Priors released an episode of its interview.'));
    const saved = await blockById(block.id);
    expect(saved.status).toBe('draft');
    expect(saved.staleFrom).toBeUndefined();
    expect(states()[block.id]).toEqual({ hash: hashText(stale.text), zh: stale.text, status: 'draft' });
  });
});

describe('saveGloss keeps git diffs to one line', () => {
  const cases: {
    name: string;
    pick: (blocks: BlockView[]) => string;
    prepare?: (id: string) => Promise<unknown>;
    act: (id: string) => Promise<EditResult>;
    changed: { gloss: boolean; state: boolean };
  }[] = [
    {
      name: 'saving a paragraph changes its gloss line; its draft state line is already right',
      pick: (blocks) => blocks[3]!.id,
      act: (id) => save(id, 'Changed.'),
      changed: { gloss: true, state: false },
    },
    {
      name: 'saving the first key (title) changes its line only',
      pick: () => 'title',
      act: (id) => save(id, 'Changed title'),
      changed: { gloss: true, state: false },
    },
    {
      name: 'saving the last paragraph changes its line only (no comma moves)',
      pick: (blocks) => blocks.at(-1)!.id,
      act: (id) => save(id, 'Changed last.'),
      changed: { gloss: true, state: false },
    },
    {
      name: 'marking a paragraph reviewed changes its state line only',
      pick: (blocks) => blocks[3]!.id,
      act: (id) => mark(id, 'reviewed'),
      changed: { gloss: false, state: true },
    },
    {
      name: 'saving a reviewed paragraph changes its line in both files',
      pick: (blocks) => blocks[3]!.id,
      prepare: (id) => mark(id, 'reviewed'),
      act: (id) => save(id, 'Changed after review.'),
      changed: { gloss: true, state: true },
    },
  ];

  it.each(cases)('$name', async ({ pick, prepare, act, changed }) => {
    const id = pick(await glossable());
    if (prepare) expectOk((await prepare(id)) as EditResult);
    await foldJournal(SLUG);
    const glossBefore = read(GLOSS);
    const stateBefore = read(STATE);
    expectOk(await act(id));
    // What the files look like once the save is folded into them.
    expect(await foldJournal(SLUG)).toBe(true);
    const glossAfter = read(GLOSS);
    const stateAfter = read(STATE);

    expect(changedKeys(glossBefore, glossAfter)).toEqual(changed.gloss ? [id] : []);
    expect(changedKeys(stateBefore, stateAfter)).toEqual(changed.state ? [id] : []);
    expect(Object.keys(JSON.parse(glossAfter))).toEqual(Object.keys(JSON.parse(glossBefore)));
    expect(Object.keys(JSON.parse(stateAfter))).toEqual(Object.keys(JSON.parse(stateBefore)));
    expectCanonical(glossAfter);
    expectCanonical(stateAfter);
  });

  it('the bundled files are already in the written format', () => {
    expectCanonical(read(GLOSS));
    expectCanonical(read(STATE));
  });

  it('clearing a gloss and saving it again gives back both files byte for byte, key in place', async () => {
    const id = (await glossable())[10]!.id;
    const glossBefore = read(GLOSS);
    const stateBefore = read(STATE);
    const text = glosses()[id]!;
    expectOk(await save(id, '', { clear: true }));
    await foldJournal(SLUG);
    expect(read(GLOSS).split('\n')).toHaveLength(glossBefore.split('\n').length - 1);
    expect(glosses()).not.toHaveProperty(id);
    expectOk(await save(id, text));
    await foldJournal(SLUG);
    expect(read(GLOSS)).toBe(glossBefore);
    expect(read(STATE)).toBe(stateBefore);
  });
});

describe('saveGloss writes atomically', () => {
  it('leaves no temporary files and only whole files, even for a reader reading meanwhile', async () => {
    const localesBefore = readdirSync(dataDir().file('locales/en')).sort();
    const ids = (await glossable()).map((b) => b.id);
    let done = false;
    let reads = 0;
    const reader = (async () => {
      while (!done) {
        for (const file of [GLOSS, STATE]) JSON.parse(await readFile(dataDir().file(file), 'utf8'));
        reads += 1;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    try {
      for (let i = 0; i < 40; i += 1) {
        const id = ids[i % ids.length]!;
        expectOk(await save(id, `Gloss number ${i}, “quoted”, 中文 and a long tail ${'x'.repeat(i * 50)}`));
        // Every few saves the journal is folded into the files, which are then rewritten whole.
        if (i % 8 === 7) expect(await foldJournal(SLUG)).toBe(true);
        expect(() => JSON.parse(read(GLOSS))).not.toThrow();
        expect(() => JSON.parse(read(STATE))).not.toThrow();
        expect(glosses()[id]).toMatch(new RegExp(`^Gloss number ${i},`));
      }
    } finally {
      done = true;
      await reader;
    }
    expect(reads).toBeGreaterThan(0);
    expect(readdirSync(dataDir().file('locales/en')).sort()).toEqual([...localesBefore, `${SLUG}.history.jsonl`].sort());
    expect(historyLines()).toHaveLength(40);
    // 40 durable saves and five folds: about 4 s on a busy 2-core machine, over vitest's default 5 s
    // with other test files running beside it.
  }, 30_000);
});

describe('saveGloss under concurrency', () => {
  it('lands 200 concurrent saves to 50 blocks, each with the revision its predecessor leaves', async () => {
    const ids = (await glossable()).map((b) => b.id);
    expect(ids).toHaveLength(50);
    const original = glosses();
    const last = new Map<string, string>();
    const saves = Array.from({ length: 200 }, (_, i) => {
      const id = ids[i % 50]!;
      const text = `Gloss ${i} for ${id}`;
      const baseRevision = last.get(id) ?? glossRevision(original[id]);
      last.set(id, glossRevision(text));
      return saveGloss({ slug: SLUG, id, text, baseRevision, editor: `editor-${i}` });
    });
    const results = await Promise.all(saves);
    expect(results.filter((r) => !r.ok)).toEqual([]);

    const final = glosses();
    for (const [k, id] of ids.entries()) expect(final[id]).toBe(`Gloss ${150 + k} for ${id}`);
    expect(final.title).toBe(original.title);
    expectCanonical(read(GLOSS));
    expectCanonical(read(STATE));

    const history = await glossHistory(SLUG);
    expect(history).toHaveLength(200);
    expect(history.every((e) => e.kind === 'gloss')).toBe(true);
    for (const id of ids.slice(0, 3)) {
      const k = ids.indexOf(id);
      expect((await glossHistory(SLUG, id)).map((e) => [e.before, e.after])).toEqual([
        [original[id], `Gloss ${k} for ${id}`],
        [`Gloss ${k} for ${id}`, `Gloss ${50 + k} for ${id}`],
        [`Gloss ${50 + k} for ${id}`, `Gloss ${100 + k} for ${id}`],
        [`Gloss ${100 + k} for ${id}`, `Gloss ${150 + k} for ${id}`],
      ]);
    }
  }, 60_000);

  it.each([2, 10])('lets exactly one of %i concurrent saves from one base revision win; the rest see its text', async (count) => {
    const id = (await glossable())[5]!.id;
    const base = revisionOf(id);
    const results = await Promise.all(Array.from({ length: count }, (_, i) => save(id, `Contender ${i}`, { base })));
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    const winner = winners[0]!;
    expectOk(winner);
    for (const loser of results.filter((r) => !r.ok)) {
      expect(loser).toEqual({
        ok: false,
        kind: 'conflict',
        error: expect.any(String),
        current: { text: winner.text, revision: winner.revision },
      });
    }
    expect(glosses()[id]).toBe(winner.text);
    expect(await glossHistory(SLUG, id)).toHaveLength(1);
  });

  it('refuses a status change queued behind a save from the same base revision', async () => {
    const id = (await glossable())[5]!.id;
    const base = revisionOf(id);
    const [saved, marked] = await Promise.all([save(id, 'Saved first', { base }), mark(id, 'reviewed', { base })]);
    expectOk(saved);
    expect(marked).toMatchObject({ ok: false, kind: 'conflict', current: { text: 'Saved first', revision: saved.revision } });
    expect(states()[id]?.status).toBe('draft');
  });

  it('lets a save follow a status change from the same base (marking does not change the revision)', async () => {
    const id = (await glossable())[5]!.id;
    const base = revisionOf(id);
    const [marked, saved] = await Promise.all([mark(id, 'reviewed', { base }), save(id, 'Saved second', { base })]);
    expectOk(marked);
    expectOk(saved);
    expect((await blockById(id)).status).toBe('draft');
    expect((await glossHistory(SLUG, id)).map((e) => e.kind)).toEqual(['status', 'gloss']);
  });
});

describe('saveGloss on a stale revision', () => {
  const cases: { name: string; base: (id: string, original: string) => string }[] = [
    { name: 'the revision before another editor’s save', base: (_, original) => glossRevision(original) },
    { name: 'a made-up revision', base: () => 'ffffffffffff' },
    { name: 'the revision of an empty gloss', base: () => glossRevision('') },
    { name: 'an empty string', base: () => '' },
  ];

  it.each(cases)('is refused with the current text when based on $name, and writes nothing', async ({ base }) => {
    const id = (await glossable())[2]!.id;
    const original = glosses()[id]!;
    const other = await save(id, 'Another editor’s text', { editor: 'bob' });
    expectOk(other);
    const before = snapshot();
    const result = await save(id, 'My text', { base: base(id, original) });
    expect(result).toEqual({
      ok: false,
      kind: 'conflict',
      error: expect.any(String),
      current: { text: 'Another editor’s text', revision: other.revision },
    });
    expect(snapshot()).toEqual(before);
  });

  it('gives an empty current text when the gloss was removed meanwhile', async () => {
    const id = (await glossable())[2]!.id;
    const base = revisionOf(id);
    expectOk(await save(id, '', { clear: true }));
    expect(await save(id, 'My text', { base })).toMatchObject({
      ok: false,
      kind: 'conflict',
      current: { text: '', revision: glossRevision('') },
    });
  });
});

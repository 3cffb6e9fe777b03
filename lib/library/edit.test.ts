import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { glossRevision, MAX_GLOSS_LENGTH } from '@/lib/gloss/validate';
import type { SavedStatus } from '@/lib/gloss/types';
import { makeDataDir } from '@/lib/testing/data-dir';
import { storedGlosses } from '@/lib/testing/stored-glosses';
import { hashText } from '@/lib/text/hash';
import { glossHistory, revertGloss, saveGloss, setGlossStatus, type EditResult } from './edit';
import { foldJournal } from './fold';
import { loadText, type BlockView } from './load';

const SLUG = 'karpathy-no-priors';
const GLOSS = `locales/en/${SLUG}.json`;
const STATE = `locales/en/${SLUG}.state.json`;
const HISTORY = `locales/en/${SLUG}.history.jsonl`;
const SOURCE = `content/${SLUG}.txt`;

let data: ReturnType<typeof makeDataDir>;
beforeEach(() => {
  data = makeDataDir({ copyRepoData: true });
});
afterEach(() => data.dispose());

const read = (relative: string) => readFileSync(data.file(relative), 'utf8');
/** The glosses and states as stored: the files with the journal replayed (see storedGlosses). */
const glosses = () => storedGlosses(data.root, SLUG).glosses;
const states = () => storedGlosses(data.root, SLUG).states;
const historyLines = () => (existsSync(data.file(HISTORY)) ? read(HISTORY).split('\n').filter(Boolean) : []);

async function load() {
  const loaded = await loadText(SLUG);
  if (!loaded?.ok) throw new Error(`${SLUG} did not load`);
  return loaded.text;
}

async function glossable(): Promise<BlockView[]> {
  return (await load()).blocks.filter((b) => b.type !== 'break');
}

async function blockById(id: string) {
  const block = (await load()).blocks.find((b) => b.id === id);
  if (!block) throw new Error(`no block ${id}`);
  return block;
}

/** The current revision of a gloss, read from the file as an editor would have it. */
const revisionOf = (id: string) => glossRevision(glosses()[id]);

function save(id: string, text: string, options: { base?: string; editor?: string; clear?: boolean } = {}) {
  return saveGloss({
    slug: SLUG,
    id,
    text,
    baseRevision: options.base ?? revisionOf(id),
    editor: options.editor ?? 'ann',
    ...(options.clear === undefined ? {} : { clear: options.clear }),
  });
}

function mark(id: string, status: SavedStatus, options: { base?: string; editor?: string } = {}) {
  return setGlossStatus({
    slug: SLUG,
    id,
    status,
    baseRevision: options.base ?? revisionOf(id),
    editor: options.editor ?? 'ann',
  });
}

function expectOk(result: EditResult): asserts result is Extract<EditResult, { ok: true }> {
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
}

/** Every file under the data folder with its bytes, to show that nothing was written. */
function snapshot(root = data.root): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[path.relative(root, full)] = readFileSync(full).toString('base64');
    }
  };
  walk(root);
  return files;
}

/** Replaces a phrase in the Chinese source, making the paragraph that holds it stale. */
function editChinese(from: string, to: string) {
  const source = read(SOURCE);
  expect(source).toContain(from);
  data.write(SOURCE, source.replace(from, to));
}

/** The keys of the lines that differ between two versions of a flat JSON file of the same length. */
function changedKeys(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b).toHaveLength(a.length);
  return a.flatMap((line, i) =>
    (line === b[i] ? [] : [JSON.parse(`{${b[i]!.replace(/,$/, '')}}`) as Record<string, unknown>]).flatMap((o) => Object.keys(o)),
  );
}

/** The house format: `{`, one `  "key": value` line per key, `}`, final newline. */
function expectCanonical(text: string) {
  const lines = text.split('\n');
  expect(lines[0]).toBe('{');
  expect(lines.slice(-2)).toEqual(['}', '']);
  for (const [i, line] of lines.slice(1, -2).entries()) {
    expect(line).toMatch(/^ {2}"[^"]+": \S/);
    expect(line.endsWith(',')).toBe(i < lines.length - 4);
  }
}

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
    const localesBefore = readdirSync(data.file('locales/en')).sort();
    const ids = (await glossable()).map((b) => b.id);
    let done = false;
    let reads = 0;
    const reader = (async () => {
      while (!done) {
        for (const file of [GLOSS, STATE]) JSON.parse(await readFile(data.file(file), 'utf8'));
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
    expect(readdirSync(data.file('locales/en')).sort()).toEqual([...localesBefore, `${SLUG}.history.jsonl`].sort());
    expect(historyLines()).toHaveLength(40);
  });
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
    data.write(file, text);
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
    expect(existsSync(data.file(HISTORY))).toBe(false);
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
    data.write(GLOSS, read(GLOSS).replace(`"${id}": ${JSON.stringify(glosses()[id])}`, `"${id}": "  "`));
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

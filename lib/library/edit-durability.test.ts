import { appendFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { glossRevision } from '@/lib/gloss/validate';
import { StoreWriteError } from '@/lib/store/errors';
import { makeDataDir } from '@/lib/testing/data-dir';
import { storedGlosses } from '@/lib/testing/stored-glosses';
import { glossHistory, saveGloss, setGlossStatus, type EditResult } from './edit';
import { foldJournal } from './fold';
import { loadText } from './load';

/**
 * Faults injected into the real file system: `when(path, call)` decides whether a call on a
 * path fails, and with which code. Only the calls the store makes for writing are wrapped.
 */
const faults = vi.hoisted(() => ({
  rule: undefined as undefined | ((file: string, call: 'open' | 'write' | 'sync' | 'rename') => string | undefined),
}));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const fail = (code: string) => Object.assign(new Error(`injected ${code}`), { code });
  const wrap = (handle: FileHandle, file: string): FileHandle =>
    new Proxy(handle, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (prop === 'write' || prop === 'sync') {
          return async (...args: unknown[]) => {
            const code = faults.rule?.(file, prop);
            if (code && prop === 'write') {
              // A full disk takes part of the write first, as a real one does.
              const [buffer, offset, length, position] = args as [Uint8Array, number, number, number];
              if (length > 1) await target.write(buffer, offset, Math.floor(length / 2), position);
            }
            if (code) throw fail(code);
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  const open = (async (file: string, flags?: string, mode?: number) => {
    // Opens for writing only: readers open with numeric flags (O_RDONLY | O_NOFOLLOW) or 'r'.
    const code = typeof flags === 'string' && flags !== 'r' ? faults.rule?.(String(file), 'open') : undefined;
    if (code) throw fail(code);
    return wrap(await real.open(file, flags, mode), String(file));
  }) as typeof real.open;
  const rename = (async (from: string, to: string) => {
    const code = faults.rule?.(String(to), 'rename');
    if (code) throw fail(code);
    return real.rename(from, to);
  }) as typeof real.rename;
  return { ...real, open, rename, default: { ...real, open, rename } };
});

const SLUG = 'karpathy-no-priors';
const GLOSS = `locales/en/${SLUG}.json`;
const HISTORY = `locales/en/${SLUG}.history.jsonl`;

let data: ReturnType<typeof makeDataDir>;
beforeEach(() => {
  data = makeDataDir({ copyRepoData: true });
  faults.rule = undefined;
});
afterEach(() => {
  faults.rule = undefined;
  data.dispose();
});

const read = (relative: string) => readFileSync(data.file(relative), 'utf8');
/** The glosses as stored: the gloss file with the journal replayed (see storedGlosses). */
const glosses = () => storedGlosses(data.root, SLUG).glosses;
const revisionOf = (id: string) => glossRevision(glosses()[id]);

/** Every file under the data folder with its bytes (empty folders, such as the lock folder, do not count). */
function snapshot(): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[path.relative(data.root, full)] = readFileSync(full).toString('base64');
    }
  };
  walk(data.root);
  return files;
}

async function blockIds(): Promise<string[]> {
  const loaded = await loadText(SLUG);
  if (!loaded?.ok) throw new Error('did not load');
  return loaded.text.blocks.filter((b) => b.type !== 'break').map((b) => b.id);
}

const save = (id: string, text: string, base = revisionOf(id)) =>
  saveGloss({ slug: SLUG, id, text, baseRevision: base, editor: 'ann' });

const JOURNAL = `${SLUG}.journal.jsonl`;

describe('a save that cannot be written changes nothing and says why', () => {
  const cases: { name: string; rule: (file: string, call: string) => string | undefined; reason: string }[] = [
    {
      name: 'the disk fills while the journal is appended',
      rule: (f, c) => (c === 'write' && f.endsWith(JOURNAL) ? 'ENOSPC' : undefined),
      reason: 'disk-full',
    },
    {
      name: 'the journal cannot be flushed',
      rule: (f, c) => (c === 'sync' && f.endsWith(JOURNAL) ? 'EIO' : undefined),
      reason: 'failed',
    },
    {
      name: 'the journal cannot be opened (EACCES)',
      rule: (f, c) => (c === 'open' && f.endsWith(JOURNAL) ? 'EACCES' : undefined),
      reason: 'unwritable',
    },
    {
      name: 'the quota runs out on the history append',
      rule: (f, c) => (c === 'write' && f.endsWith('.history.jsonl') ? 'EDQUOT' : undefined),
      reason: 'disk-full',
    },
    {
      name: 'the history file cannot be flushed',
      rule: (f, c) => (c === 'sync' && f.endsWith('.history.jsonl') ? 'EIO' : undefined),
      reason: 'failed',
    },
    {
      name: 'the history file is read-only (EROFS)',
      rule: (f, c) => (c === 'open' && f.endsWith('.history.jsonl') ? 'EROFS' : undefined),
      reason: 'unwritable',
    },
    {
      name: 'the lock cannot be taken (EPERM)',
      rule: (f, c) => (c === 'open' && f.endsWith('.lock') ? 'EPERM' : undefined),
      reason: 'unwritable',
    },
  ];

  it.each(cases)('when $name', async ({ rule, reason }) => {
    const [id] = await blockIds();
    // A history file and a journal already there, so that a torn append would show.
    expect((await save(id!, 'First.')).ok).toBe(true);
    const before = snapshot();
    const base = revisionOf(id!);
    faults.rule = rule;
    const result = await save(id!, 'Second.', base);
    faults.rule = undefined;
    expect(result).toMatchObject({ ok: false, kind: 'store', reason });
    expect((result as { error: string }).error).toMatch(/^Nothing was saved/);
    expect(snapshot()).toEqual(before);
    // The editor's retry, from the same base, lands: no 409 against its own text.
    expect(await save(id!, 'Second.', base)).toMatchObject({ ok: true, revision: glossRevision('Second.') });
    expect((await glossHistory(SLUG, id!)).map((e) => e.after)).toEqual(['First.', 'Second.']);
  });

  it('a status change that cannot be written changes nothing', async () => {
    const [id] = await blockIds();
    expect((await save(id!, 'First.')).ok).toBe(true);
    const before = snapshot();
    faults.rule = (f, c) => (c === 'write' && f.endsWith(JOURNAL) ? 'ENOSPC' : undefined);
    const result = await setGlossStatus({
      slug: SLUG,
      id: id!,
      status: 'reviewed',
      baseRevision: revisionOf(id!),
      editor: 'ann',
    });
    expect(result).toMatchObject({ ok: false, kind: 'store', reason: 'disk-full' });
    expect(snapshot()).toEqual(before);
  });
});

describe('a fold that cannot be written keeps every save in the journal', () => {
  const cases: { name: string; rule: (file: string, call: string) => string | undefined }[] = [
    {
      name: 'the disk fills while the gloss file is written',
      rule: (f, c) => (c === 'write' && f.includes(`.${SLUG}.json.`) ? 'ENOSPC' : undefined),
    },
    {
      name: 'the disk fills while the state file is written',
      rule: (f, c) => (c === 'write' && f.includes('.state.json.') ? 'ENOSPC' : undefined),
    },
    {
      name: 'the state file cannot be created (EACCES)',
      rule: (f, c) => (c === 'open' && f.includes('.state.json.') ? 'EACCES' : undefined),
    },
    { name: 'fsync of the gloss file fails', rule: (f, c) => (c === 'sync' && f.includes(`.${SLUG}.json.`) ? 'EIO' : undefined) },
    {
      name: 'the gloss file cannot be renamed into place',
      rule: (f, c) => (c === 'rename' && f.endsWith(`${SLUG}.json`) ? 'EIO' : undefined),
    },
    {
      name: 'the state file cannot be renamed into place',
      rule: (f, c) => (c === 'rename' && f.endsWith('.state.json') ? 'EIO' : undefined),
    },
  ];

  it.each(cases)('when $name', async ({ rule }) => {
    const ids = (await blockIds()).slice(0, 3);
    for (const id of ids) expect((await save(id, `Saved ${id}.`)).ok).toBe(true);
    const stored = storedGlosses(data.root, SLUG);
    faults.rule = rule;
    await expect(foldJournal(SLUG)).rejects.toThrow(StoreWriteError);
    faults.rule = undefined;
    expect(storedGlosses(data.root, SLUG)).toEqual(stored);
    expect(existsSync(data.file(`locales/en/${JOURNAL}`))).toBe(true);
    expect(readdirSync(data.file('locales/en')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    // Saves go on meanwhile, and the next fold takes them all.
    expect((await save(ids[0]!, 'After the failed fold.')).ok).toBe(true);
    expect(await foldJournal(SLUG)).toBe(true);
    expect(existsSync(data.file(`locales/en/${JOURNAL}`))).toBe(false);
    const onDisk = JSON.parse(read(GLOSS)) as Record<string, string>;
    expect(ids.map((id) => onDisk[id])).toEqual(['After the failed fold.', `Saved ${ids[1]}.`, `Saved ${ids[2]}.`]);
  });
});

describe('after a crash between the writes of a save', () => {
  it('a history entry whose gloss never landed is not shown, and the next save is recorded', async () => {
    const [id] = await blockIds();
    expect((await save(id!, 'Landed.')).ok).toBe(true);
    // A save that appended its entry and was killed before its gloss file was renamed.
    const phantom = {
      time: new Date().toISOString(),
      editor: 'bob',
      id,
      kind: 'gloss',
      before: 'Landed.',
      after: 'Never landed.',
      revision: glossRevision('Never landed.'),
    };
    appendFileSync(data.file(HISTORY), `${JSON.stringify(phantom)}\n`);
    expect((await glossHistory(SLUG, id!)).map((e) => e.after)).toEqual(['Landed.']);
    expect((await save(id!, 'Next.')).ok).toBe(true);
    expect((await glossHistory(SLUG, id!)).map((e) => e.after)).toEqual(['Landed.', 'Next.']);
  });

  it('a "reviewed" recorded for an earlier revision of the gloss counts as draft', async () => {
    const [id] = await blockIds();
    expect((await save(id!, 'Checked.')).ok).toBe(true);
    expect(
      (await setGlossStatus({ slug: SLUG, id: id!, status: 'reviewed', baseRevision: revisionOf(id!), editor: 'ann' })).ok,
    ).toBe(true);
    // The gloss file of a later save landed, its state file did not.
    writeFileSync(data.file(GLOSS), JSON.stringify({ ...glosses(), [id!]: 'Edited after review.' }, null, 2));
    const loaded = await loadText(SLUG);
    expect(loaded?.ok && loaded.text.blocks.find((b) => b.id === id)?.status).toBe('draft');
  });

  it('a status change whose state never landed is not shown', async () => {
    const [id] = await blockIds();
    expect((await save(id!, 'Checked.')).ok).toBe(true);
    const phantom = {
      time: new Date().toISOString(),
      editor: 'bob',
      id,
      kind: 'status',
      before: 'draft',
      after: 'reviewed',
      revision: revisionOf(id!),
    };
    appendFileSync(data.file(HISTORY), `${JSON.stringify(phantom)}\n`);
    expect((await glossHistory(SLUG, id!)).map((e) => e.kind)).toEqual(['gloss']);
  });
});

describe('replayed and concurrent changes', () => {
  it('a status change sent twice is recorded once', async () => {
    const [id] = await blockIds();
    expect((await save(id!, 'Checked.')).ok).toBe(true);
    const change = { slug: SLUG, id: id!, status: 'reviewed' as const, baseRevision: revisionOf(id!), editor: 'ann' };
    const results: EditResult[] = [await setGlossStatus(change), await setGlossStatus(change)];
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    expect((await glossHistory(SLUG, id!)).filter((e) => e.kind === 'status')).toHaveLength(1);
  });

  it('a status change on a stale base revision is refused with the current text', async () => {
    const [id] = await blockIds();
    const base = revisionOf(id!);
    expect((await save(id!, 'Changed meanwhile.')).ok).toBe(true);
    expect(await setGlossStatus({ slug: SLUG, id: id!, status: 'reviewed', baseRevision: base, editor: 'ann' })).toMatchObject({
      ok: false,
      kind: 'conflict',
      current: { text: 'Changed meanwhile.' },
    });
  });

  it('a save replayed after it landed is answered as it was, with no second entry', async () => {
    const [id] = await blockIds();
    const base = revisionOf(id!);
    const first = await save(id!, 'Once.', base);
    const again = await save(id!, 'Once.', base);
    expect(again).toEqual(first);
    expect((await glossHistory(SLUG, id!)).map((e) => e.after)).toEqual(['Once.']);
  });

  it('saves that arrive together share commits, and each keeps its own history entry', async () => {
    const ids = (await blockIds()).slice(0, 40);
    const appends: string[] = [];
    faults.rule = (f, c) => {
      if (c === 'sync' && f.endsWith(JOURNAL)) appends.push(f);
      return undefined;
    };
    const results = await Promise.all(ids.map((id) => save(id, `Together ${id}.`)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(appends.length).toBeGreaterThan(0);
    expect(appends.length).toBeLessThan(ids.length / 4);
    const onDisk = glosses();
    for (const id of ids) expect(onDisk[id]).toBe(`Together ${id}.`);
    const history = await glossHistory(SLUG);
    expect(history.map((e) => e.id).sort()).toEqual([...ids].sort());
  });

  it('refuses a gloss with a lone surrogate, which could not be stored as typed', async () => {
    const [id] = await blockIds();
    const before = snapshot();
    expect(await save(id!, 'broken \uD800 half')).toMatchObject({ ok: false, kind: 'invalid' });
    expect(snapshot()).toEqual(before);
    expect(existsSync(data.file(HISTORY))).toBe(false);
  });
});

import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { glossRevision } from '@/lib/gloss/validate';
import { makeDataDir } from '@/lib/testing/data-dir';
import { storedGlosses } from '@/lib/testing/stored-glosses';
import { saveGloss } from './edit';
import { FOLD_AFTER_MS, FOLD_AT_MOST_MS, FOLD_BYTES, foldDelay, foldJournal, scheduleLeftoverFolds } from './fold';
import { loadText } from './load';
import { syncText } from './sync';
import { findSource } from '@/lib/store/sources';

const SLUG = 'karpathy-no-priors';
const GLOSS = `locales/en/${SLUG}.json`;
const STATE = `locales/en/${SLUG}.state.json`;
const JOURNAL = `locales/en/${SLUG}.journal.jsonl`;

let data: ReturnType<typeof makeDataDir>;
// Cleared before the data folder goes: saves a timed-out test left running stop there, instead
// of going on into the repository's own locales/ once the folder's setting is gone.
let running = false;
beforeEach(() => {
  data = makeDataDir({ copyRepoData: true });
  running = true;
});
afterEach(() => {
  running = false;
  data.dispose();
});

const onDisk = () => JSON.parse(readFileSync(data.file(GLOSS), 'utf8')) as Record<string, string>;

async function blockIds(): Promise<string[]> {
  const loaded = await loadText(SLUG);
  if (!loaded?.ok) throw new Error('did not load');
  return loaded.text.blocks.filter((b) => b.type !== 'break').map((b) => b.id);
}

const save = (id: string, text: string, base = glossRevision(storedGlosses(data.root, SLUG).glosses[id])) =>
  saveGloss({ slug: SLUG, id, text, baseRevision: base, editor: 'ann' });

describe('the journal', () => {
  it('takes a save without rewriting the gloss files; a fold puts it in them and removes the journal', async () => {
    const [id] = await blockIds();
    const gloss = readFileSync(data.file(GLOSS), 'utf8');
    const state = readFileSync(data.file(STATE), 'utf8');
    expect((await save(id!, 'Journaled.')).ok).toBe(true);
    expect(readFileSync(data.file(GLOSS), 'utf8')).toBe(gloss);
    expect(readFileSync(data.file(STATE), 'utf8')).toBe(state);
    expect(existsSync(data.file(JOURNAL))).toBe(true);
    const loaded = await loadText(SLUG);
    expect(loaded?.ok && loaded.text.blocks.find((b) => b.id === id)?.en).toBe('Journaled.');

    expect(await foldJournal(SLUG)).toBe(true);
    expect(onDisk()[id!]).toBe('Journaled.');
    expect(existsSync(data.file(JOURNAL))).toBe(false);
    expect(await foldJournal(SLUG)).toBe(false);
  });

  it('keeps a hand edit of the gloss file made after a save that is not yet folded', async () => {
    const [a, b] = await blockIds();
    expect((await save(a!, 'Saved in the app.')).ok).toBe(true);
    expect((await save(b!, 'Also saved.')).ok).toBe(true);
    writeFileSync(data.file(GLOSS), JSON.stringify({ ...onDisk(), [a!]: 'Edited by hand.' }, null, 2));
    const loaded = await loadText(SLUG);
    const en = (id: string) => (loaded?.ok ? loaded.text.blocks.find((block) => block.id === id)?.en : undefined);
    expect([en(a!), en(b!)]).toEqual(['Edited by hand.', 'Also saved.']);
    expect(await foldJournal(SLUG)).toBe(true);
    expect([onDisk()[a!], onDisk()[b!]]).toEqual(['Edited by hand.', 'Also saved.']);
  });

  it('is not folded over a state file with invalid entries, which a rewrite would drop', async () => {
    const [id] = await blockIds();
    expect((await save(id!, 'Journaled.')).ok).toBe(true);
    const states = JSON.parse(readFileSync(data.file(STATE), 'utf8')) as Record<string, unknown>;
    writeFileSync(data.file(STATE), JSON.stringify({ ...states, [id!]: { status: 'nonsense' } }, null, 2));
    expect(await foldJournal(SLUG)).toBe(false);
    expect(existsSync(data.file(JOURNAL))).toBe(true);
    expect(storedGlosses(data.root, SLUG).glosses[id!]).toBe('Journaled.');
  });

  it('left by a stopped server is folded soon after the next start', async () => {
    const [id] = await blockIds();
    expect((await save(id!, 'Saved before the crash.')).ok).toBe(true);
    // The same files in a folder no server of this process has written to: as after a restart.
    const restarted = makeDataDir();
    try {
      cpSync(data.file('content'), restarted.file('content'), { recursive: true });
      cpSync(data.file('locales'), restarted.file('locales'), { recursive: true });
      expect(await scheduleLeftoverFolds()).toEqual([SLUG]);
      const journal = restarted.file(JOURNAL);
      await expect.poll(() => existsSync(journal), { timeout: FOLD_AFTER_MS * 5 }).toBe(false);
      expect(JSON.parse(readFileSync(restarted.file(GLOSS), 'utf8'))[id!]).toBe('Saved before the crash.');
    } finally {
      restarted.dispose();
    }
  });

  it('is folded by sync', async () => {
    const [id] = await blockIds();
    expect((await save(id!, 'Journaled.')).ok).toBe(true);
    const source = await findSource(SLUG);
    const result = await syncText(source!);
    expect(result.journalFolded).toBe(true);
    expect(onDisk()[id!]).toBe('Journaled.');
    expect(existsSync(data.file(JOURNAL))).toBe(false);
  });

  it('loses nothing when it grows past FOLD_BYTES and is folded while saves go on', { timeout: 60_000 }, async () => {
    const ids = await blockIds();
    const clients = 8;
    const long = 'x'.repeat(10_000);
    const last = new Map<string, string>();
    const revisions = new Map(ids.map((id) => [id, glossRevision(storedGlosses(data.root, SLUG).glosses[id])]));
    const refused: unknown[] = [];
    let written = 0;
    // Each client saves its own blocks one after another, with the revision its last save returned.
    await Promise.all(
      Array.from({ length: clients }, async (_, c) => {
        const mine = ids.filter((_, i) => i % clients === c);
        for (let n = 0; running && written < FOLD_BYTES * 3; n += 1) {
          const id = mine[n % mine.length]!;
          const text = `Client ${c}, save ${n}: ${long}`;
          const result = await saveGloss({ slug: SLUG, id, text, baseRevision: revisions.get(id)!, editor: `c${c}` });
          if (!result.ok) refused.push(result);
          else {
            revisions.set(id, result.revision);
            last.set(id, text);
            written += text.length;
          }
        }
      }),
    );
    expect(refused).toEqual([]);
    // Folds ran meanwhile: the files took most of it, and the journal stayed small.
    const folded = Object.values(onDisk()).filter((text) => text.startsWith('Client ')).length;
    expect(folded).toBeGreaterThan(0);
    const journal = existsSync(data.file(JOURNAL)) ? readFileSync(data.file(JOURNAL)).length : 0;
    expect(journal).toBeLessThan(FOLD_BYTES * 2);
    const stored = storedGlosses(data.root, SLUG).glosses;
    for (const [id, text] of last) expect(stored[id], id).toBe(text);
  });
});

describe('foldDelay', () => {
  const cases: { name: string; bytes: number; waited: number; delay: number }[] = [
    { name: 'the first save of a quiet text waits a quiet second', bytes: 400, waited: 0, delay: FOLD_AFTER_MS },
    {
      name: 'a save half way into a busy stretch still waits a quiet second',
      bytes: 40_000,
      waited: 5_000,
      delay: FOLD_AFTER_MS,
    },
    { name: 'near the longest wait, the rest of it', bytes: 40_000, waited: FOLD_AT_MOST_MS - 300, delay: 300 },
    { name: 'past the longest wait, at once', bytes: 40_000, waited: FOLD_AT_MOST_MS + 5, delay: 0 },
    { name: 'a large journal, at once', bytes: FOLD_BYTES, waited: 0, delay: 0 },
  ];
  it.each(cases)('$name', ({ bytes, waited, delay }) => {
    expect(foldDelay(bytes, waited)).toBe(delay);
  });
});

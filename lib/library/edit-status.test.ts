// A status change made on a stale view of the status (issue 27 G): refused like a stale save.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { glossRevision } from '@/lib/gloss/validate';
import { makeDataDir } from '@/lib/testing/data-dir';
import { storedGlosses } from '@/lib/testing/stored-glosses';
import { setGlossStatus, type EditResult } from './edit';
import { loadText } from './load';

const SLUG = 'karpathy-no-priors';
const FILES = [`locales/en/${SLUG}.json`, `locales/en/${SLUG}.state.json`, `locales/en/${SLUG}.journal.jsonl`];

let data: ReturnType<typeof makeDataDir>;
beforeEach(() => {
  data = makeDataDir({ copyRepoData: true });
});
afterEach(() => data.dispose());

const glosses = () => storedGlosses(data.root, SLUG).glosses;
const snapshot = () =>
  FILES.map((file) => {
    try {
      return readFileSync(data.file(file), 'utf8');
    } catch {
      return null;
    }
  });

async function paragraph(): Promise<string> {
  const loaded = await loadText(SLUG);
  if (!loaded?.ok) throw new Error(`${SLUG} did not load`);
  const block = loaded.text.blocks.filter((b) => b.type === 'paragraph' && b.en)[3];
  if (!block) throw new Error('no glossed paragraph');
  return block.id;
}

async function statusOf(id: string) {
  const loaded = await loadText(SLUG);
  return loaded?.ok ? loaded.text.blocks.find((b) => b.id === id)?.status : undefined;
}

function expectOk(result: EditResult) {
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
}

describe('setGlossStatus with the status the editor saw', () => {
  const races = [
    { name: 'a stale "draft" after a newer "reviewed"', first: 'reviewed', late: 'draft', seen: 'draft' },
    { name: 'a stale "reviewed" after a newer "draft"', first: 'draft', late: 'reviewed', seen: 'reviewed' },
  ] as const;
  it.each(races)('$name is refused as a conflict naming the status, writing nothing', async ({ first, late, seen }) => {
    const id = await paragraph();
    const base = glossRevision(glosses()[id]);
    if (seen === 'reviewed')
      expectOk(await setGlossStatus({ slug: SLUG, id, status: 'reviewed', baseRevision: base, editor: 'bob' }));
    expect(await statusOf(id)).toBe(seen);
    // Bob changes the status; Ann, who saw the old one, then sends hers.
    expectOk(await setGlossStatus({ slug: SLUG, id, status: first, baseRevision: base, baseStatus: seen, editor: 'bob' }));
    const before = snapshot();
    const stale = await setGlossStatus({ slug: SLUG, id, status: late, baseRevision: base, baseStatus: seen, editor: 'ann' });
    expect(stale).toEqual({
      ok: false,
      kind: 'conflict',
      error: `This gloss was marked ${first} by someone else since you opened it`,
      current: { text: glosses()[id], revision: base, status: first },
    });
    expect(snapshot()).toEqual(before);
    expect(await statusOf(id)).toBe(first);
  });

  it('a replayed mark with its base status is answered as before, not a conflict', async () => {
    const id = await paragraph();
    const change = {
      slug: SLUG,
      id,
      status: 'reviewed',
      baseRevision: glossRevision(glosses()[id]),
      baseStatus: 'draft',
      editor: 'ann',
    } as const;
    expectOk(await setGlossStatus(change));
    expect(await setGlossStatus(change)).toMatchObject({ ok: true, status: 'reviewed' });
  });
});

import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { glossRevision } from '@/lib/gloss/validate';
import { textLockPath } from '@/lib/store/lock';
import { makeDataDir } from '@/lib/testing/data-dir';
import { saveGloss } from './edit';
import { loadText } from './load';
import { DuplicateSlugError, SyncFailures, syncLibrary } from './sync';

const SLUG = 'karpathy-no-priors';
let data: ReturnType<typeof makeDataDir> | undefined;
afterEach(() => data?.dispose());

function snapshot(root: string): Record<string, string> {
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

describe('syncLibrary refuses two source files with one slug', () => {
  const twins = [
    { name: '.md beside .txt', extra: `content/${SLUG}.md` },
    { name: '.markdown beside .txt', extra: `content/${SLUG}.markdown` },
  ];
  it.each(twins)('$name: names both files and changes nothing', async ({ extra }) => {
    data = makeDataDir({ copyRepoData: true });
    data.write(extra, '# 另一个\n\n完全不同的一段。\n');
    const before = snapshot(data.root);
    const error = await syncLibrary().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DuplicateSlugError);
    expect((error as Error).message).toContain(`content/${SLUG}.txt`);
    expect((error as Error).message).toContain(extra);
    expect(snapshot(data.root)).toEqual(before);
  });
});

describe('syncLibrary with a text that cannot be read', () => {
  it('syncs the others, leaves that one as it is, and says why', async () => {
    data = makeDataDir({ copyRepoData: true });
    // A GB18030 file dropped into content/ by hand, and a new text in UTF-8 beside it.
    const gb = Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0xa3, 0xac, 0xca, 0xc0, 0xbd, 0xe7, 0xa1, 0xa3, 0x0a]);
    data.write('content/gb-by-hand.txt', gb);
    data.write('content/fresh.md', '# 新文\n\n一段新的文字。\n');
    const error = await syncLibrary().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncFailures);
    const { synced, failures } = error as SyncFailures;
    expect(failures).toEqual([
      { slug: 'gb-by-hand', error: expect.stringContaining('content/gb-by-hand.txt is not UTF-8 text') },
    ]);
    expect(synced.map((r) => r.slug).sort()).toEqual(['fresh', SLUG]);
    expect((error as Error).message).toContain('1 of 3 texts could not be synced');
    expect(readdirSync(data.file('content')).sort()).toContain('fresh.ids.json');
    expect(readdirSync(data.file('content'))).not.toContain('gb-by-hand.ids.json');
    expect(readFileSync(data.file('content/gb-by-hand.txt'))).toEqual(gb);
  });
});

describe('syncLibrary with a file whose name cannot be a text’s', () => {
  it('syncs the texts and names the file, saying how to add it', async () => {
    data = makeDataDir({ copyRepoData: true });
    data.write('content/西游记.txt', '第一回\n\n灵根育孕源流出。\n');
    const error = await syncLibrary().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncFailures);
    const { synced, failures } = error as SyncFailures;
    expect(synced.map((r) => r.slug)).toEqual([SLUG]);
    expect(failures).toEqual([
      { slug: '西游记', error: expect.stringMatching(/^content\/西游记\.txt cannot be served: .*npm run add/) },
    ]);
  });
});

describe('syncLibrary and saves share the text lock', () => {
  it('waits while another process holds the lock, then goes on once that process is gone', async () => {
    data = makeDataDir({ copyRepoData: true });
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 400)']);
    await new Promise((resolve) => holder.once('spawn', resolve));
    data.write(path.relative(data.root, textLockPath(SLUG)), JSON.stringify({ pid: holder.pid, host: hostname(), token: 't' }));
    const exited = new Promise<number>((resolve) => holder.once('exit', () => resolve(Date.now())));
    await syncLibrary();
    const done = Date.now();
    expect(done).toBeGreaterThanOrEqual(await exited);
  });

  it('keeps a save that lands while sync runs, and the save keeps sync’s work', async () => {
    data = makeDataDir({ copyRepoData: true });
    const loaded = await loadText(SLUG);
    if (!loaded?.ok) throw new Error('did not load');
    const block = loaded.text.blocks.find((b) => b.type === 'paragraph')!;
    // A hand edit that sync must record: a new paragraph at the top.
    const file = data.file(`content/${SLUG}.txt`);
    data.write(`content/${SLUG}.txt`, readFileSync(file, 'utf8').replace('前些天，', '新插入的一段。\n\n前些天，'));
    const glosses = () => JSON.parse(readFileSync(data!.file(`locales/en/${SLUG}.json`), 'utf8')) as Record<string, string>;
    const [synced, saved] = await Promise.all([
      syncLibrary(),
      saveGloss({
        slug: SLUG,
        id: block.id,
        text: 'Saved during sync.',
        baseRevision: glossRevision(glosses()[block.id]),
        editor: 'ann',
      }),
    ]);
    expect(saved.ok).toBe(true);
    expect(synced[0]?.added).toHaveLength(1);
    expect(glosses()[block.id]).toBe('Saved during sync.');
    const after = await loadText(SLUG);
    expect(after?.ok && after.text.ledgerOutOfDate).toBe(false);
  });
});

describe('syncLibrary ties old reviewed states to their gloss', () => {
  it('records the revision of a reviewed state that had none, so a later hand edit is a draft', async () => {
    data = makeDataDir({ copyRepoData: true });
    const statesFile = `locales/en/${SLUG}.state.json`;
    const glossesFile = `locales/en/${SLUG}.json`;
    const glosses = JSON.parse(readFileSync(data.file(glossesFile), 'utf8')) as Record<string, string>;
    const states = JSON.parse(readFileSync(data.file(statesFile), 'utf8')) as Record<string, Record<string, string>>;
    const id = Object.keys(states).find((key) => key !== 'title' && glosses[key])!;
    // A reviewed state as files written before revisions were kept have it: no revision.
    const old: Record<string, string> = { ...states[id]!, status: 'reviewed' };
    delete old.revision;
    data.write(statesFile, JSON.stringify({ ...states, [id]: old }, null, 2));
    const [result] = await syncLibrary();
    expect(result?.revisionsRecorded).toBe(1);
    const written = JSON.parse(readFileSync(data.file(statesFile), 'utf8')) as Record<string, { revision?: string }>;
    expect(written[id]?.revision).toBe(glossRevision(glosses[id]));
    // A hand edit of the gloss afterwards: a draft, no longer reviewed.
    data.write(glossesFile, JSON.stringify({ ...glosses, [id]: `${glosses[id]} (edited by hand)` }, null, 2));
    const loaded = await loadText(SLUG);
    expect(loaded?.ok && loaded.text.blocks.find((b) => b.id === id)?.status).toBe('draft');
  });
});

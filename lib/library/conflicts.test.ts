import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pageDigest } from '@/lib/reading/page-digest';
import { copyRepoDataForEachTest, dataDir, expectOk, glossable, load, revisionOf, save, SLUG } from '@/lib/testing/article-edits';

copyRepoDataForEachTest();

const FILE = `locales/en/${SLUG}.conflicts.json`;
const versions = [
  { text: 'The version kept here.', author: 'ann', revision: 'aaaaaaaaaaaa' },
  { text: 'The version from the other server.', author: 'bo', revision: 'bbbbbbbbbbbb' },
];

describe('a paragraph in conflict, through the read pipeline', () => {
  it('carries its versions on its block, keeps the gloss shown, and follows the file as it changes', async () => {
    const [first, second] = await glossable();
    const before = await load();
    expect(before.blocks.some((b) => b.conflict)).toBe(false);
    dataDir().write(FILE, JSON.stringify({ [second!.id]: { versions } }));
    const after = await load();
    const block = after.blocks.find((b) => b.id === second!.id);
    expect(block?.conflict).toEqual({ versions });
    expect(block?.en).toBe(second!.en);
    expect(after.blocks.find((b) => b.id === first!.id)?.conflict).toBeUndefined();
    // The page shows the mark: its digest changes with it.
    expect(pageDigest(after, { kind: 'paragraph', id: second!.id })).not.toBe(
      pageDigest(before, { kind: 'paragraph', id: second!.id }),
    );
    expect(pageDigest(after, { kind: 'paragraph', id: first!.id })).toBe(
      pageDigest(before, { kind: 'paragraph', id: first!.id }),
    );
  });

  const saves: { name: string; which: 'first' | 'second'; left: boolean }[] = [
    { name: 'a save of another paragraph leaves the conflict', which: 'first', left: true },
    { name: 'a save of the paragraph resolves it (no git sync running)', which: 'second', left: false },
  ];
  it.each(saves)('$name', async ({ which, left }) => {
    const [first, second] = await glossable();
    dataDir().write(FILE, JSON.stringify({ [second!.id]: { versions } }));
    await load();
    const target = which === 'first' ? first! : second!;
    expectOk(await save(target.id, `${versions[1]!.text} Merged.`, { base: revisionOf(target.id) }));
    expect(existsSync(dataDir().file(FILE))).toBe(left);
    const view = await load();
    expect(view.blocks.find((b) => b.id === second!.id)?.conflict !== undefined).toBe(left);
  });
});

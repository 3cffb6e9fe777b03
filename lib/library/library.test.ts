import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { makeDataDir } from '@/lib/testing/data-dir';
import { exportText } from '@/lib/downloads/export';
import { loadLibrary, loadText, resolveRetiredId } from './load';
import { syncLibrary } from './sync';

const SLUG = 'karpathy-no-priors';
let data: ReturnType<typeof makeDataDir> | undefined;
afterEach(() => data?.dispose());

const read = (relative: string) => readFileSync(data!.file(relative), 'utf8');
const readJson = (relative: string) => JSON.parse(read(relative));

async function load(slug = SLUG) {
  const loaded = await loadText(slug);
  if (!loaded?.ok) throw new Error(`${slug} did not load`);
  return loaded.text;
}

describe('loadText', () => {
  it('loads the bundled article: 52 blocks, every text block glossed, title in both languages', async () => {
    data = makeDataDir({ copyRepoData: true });
    const text = await load();
    expect(text.blocks).toHaveLength(52);
    expect(text.progress).toEqual({ glossed: 50, total: 50 });
    expect(text.title.zh).toBe('Andrej Karpathy最新激进观点：Transformer将超越人脑');
    expect(text.title.en).toMatch(/Karpathy/);
    expect(text.ledgerOutOfDate).toBe(false);
    for (const block of text.blocks) {
      if (block.type === 'break') expect(block.status).toBeUndefined();
      else expect([block.status, block.en && /[\u3400-\u9fff]/.test(block.en)]).toEqual(['draft', false]);
    }
  });

  const unknown = ['nope', '../content/karpathy-no-priors', 'KARPATHY-NO-PRIORS', '', 'a'.repeat(200), 'common'];
  it.each(unknown)('gives undefined for the slug %j', async (slug) => {
    data = makeDataDir({ copyRepoData: true });
    expect(await loadText(slug)).toBeUndefined();
  });

  it('shows the Chinese with a gloss error when the gloss file is malformed, and the other texts still load', async () => {
    data = makeDataDir({ copyRepoData: true, files: { 'content/second.md': '第二篇。' } });
    data.write(`locales/en/${SLUG}.json`, '{ "title": "broken", }');
    const text = await load();
    expect(text.glossError).toMatch(new RegExp(`locales/en/${SLUG}.json:1:\\d+: malformed JSON`));
    expect(text.blocks.every((b) => b.en === undefined)).toBe(true);
    const other = await load('second');
    expect(other.glossError).toBeUndefined();
    expect(other.blocks.map((b) => [b.text, b.status])).toEqual([['第二篇。', 'untranslated']]);
  });

  it('reports a source that is not UTF-8 by name instead of showing mojibake', async () => {
    // 你好 in GBK.
    data = makeDataDir({ files: { 'content/gbk.txt': Uint8Array.from([0xc4, 0xe3, 0xba, 0xc3]) } });
    const loaded = await loadText('gbk');
    expect(loaded).toMatchObject({ ok: false, broken: { slug: 'gbk', file: 'content/gbk.txt' } });
    expect(loaded?.ok === false && loaded.broken.error).toMatch(/content\/gbk\.txt is not UTF-8/);
  });

  it('marks a gloss stale when its Chinese is edited, keeping the id', async () => {
    data = makeDataDir({ copyRepoData: true });
    const before = await load();
    const target = before.blocks[1]!;
    data.write(`content/${SLUG}.txt`, read(`content/${SLUG}.txt`).replace('发布了对这位', '发布了一期对这位'));
    const after = await load();
    expect(after.blocks[1]).toMatchObject({ id: target.id, status: 'stale', en: target.en });
    expect(after.ledgerOutOfDate).toBe(true);
  });

  it('exports the stable JSON shape', async () => {
    data = makeDataDir({ copyRepoData: true });
    const exported = exportText(await load());
    expect(Object.keys(exported)).toEqual(['slug', 'title', 'meta', 'blocks']);
    expect(exported.meta).toEqual({ title: exported.title.zh, date: '2024-09-08', author: 'ByteAILab' });
    expect(exported.blocks[2]).toEqual({
      id: expect.stringMatching(/^[a-z][a-z0-9]{5}$/),
      type: 'break',
      zh: '',
      en: null,
      status: null,
      revision: null,
    });
    expect(Object.keys(exported.blocks[0]!)).toEqual(['id', 'type', 'zh', 'en', 'status', 'revision']);
    expect(exported.blocks[0]!.revision).toMatch(/^[0-9a-f]{12}$/);
  });
});

describe('syncLibrary', () => {
  it('does nothing on the bundled data', async () => {
    data = makeDataDir({ copyRepoData: true });
    const ledger = read(`content/${SLUG}.ids.json`);
    const glosses = read(`locales/en/${SLUG}.json`);
    const [result] = await syncLibrary();
    expect(result).toMatchObject({ added: [], edited: [], retired: [], ledgerWritten: false, glossesReordered: false });
    expect(read(`content/${SLUG}.ids.json`)).toBe(ledger);
    expect(read(`locales/en/${SLUG}.json`)).toBe(glosses);
  });

  it('after a hand edit: keeps ids, retires removed blocks, keeps their glosses, reorders keys', async () => {
    data = makeDataDir({ copyRepoData: true });
    const before = await load();
    const glossesBefore = readJson(`locales/en/${SLUG}.json`) as Record<string, string>;
    const source = read(`content/${SLUG}.txt`);
    const removed = before.blocks.find((b) => b.text.startsWith('近日，播客节目'))!;
    const moved = before.blocks.find((b) => b.text.startsWith('首先，Andrej Karpathy'))!;
    // Delete one paragraph, move another to the end, insert a new one at the top.
    const edited = `${source
      .replace(`${removed.text}\n`, '')
      .replace(`${moved.text}\n`, '')
      .replace('前些天，', '新插入的一段。\n\n前些天，')}\n\n${moved.text}\n`;
    data.write(`content/${SLUG}.txt`, edited);

    const [result] = await syncLibrary();
    expect(result?.added).toHaveLength(1);
    expect(result?.retired).toEqual([{ id: removed.id }]);
    expect(result?.glossesReordered).toBe(true);

    const after = await load();
    expect(after.ledgerOutOfDate).toBe(false);
    const textById = new Map(after.blocks.map((b) => [b.id, b.text]));
    for (const block of before.blocks) if (block.id !== removed.id) expect(textById.get(block.id)).toBe(block.text);
    expect(after.blocks.at(-1)?.id).toBe(moved.id);

    const glossesAfter = readJson(`locales/en/${SLUG}.json`) as Record<string, string>;
    expect(glossesAfter).toEqual(glossesBefore); // nothing lost, nothing changed
    const keys = Object.keys(glossesAfter);
    expect(keys.at(-1)).toBe(removed.id); // retired gloss kept, after the live ones
    expect(keys.at(-2)).toBe(moved.id);
    expect(resolveRetiredId(after, removed.id)).toBeUndefined();
  });

  it('redirects the id of a paragraph merged into its neighbour', async () => {
    data = makeDataDir({ copyRepoData: true });
    const before = await load();
    const a = before.blocks.find((b) => b.text.startsWith('Karpathy 表示 Transformer 还远没到'))!;
    const b = before.blocks.find((x) => x.text.startsWith('互联网数据很多'))!;
    data.write(`content/${SLUG}.txt`, read(`content/${SLUG}.txt`).replace(`${a.text}\n\n${b.text}`, `${a.text}${b.text}`));
    await syncLibrary();
    const after = await load();
    const survivor = [a.id, b.id].find((id) => after.blocks.some((x) => x.id === id))!;
    const gone = survivor === a.id ? b.id : a.id;
    expect(resolveRetiredId(after, gone)).toBe(survivor);
  });
});

describe('loadLibrary', () => {
  it('lists every text, broken ones included', async () => {
    data = makeDataDir({
      copyRepoData: true,
      files: {
        'content/empty.md': '',
        'content/bad.txt': Uint8Array.from([0xff, 0xfe, 0x00]),
        'content/西游记.txt': '第一回\n\n灵根育孕源流出。\n',
      },
    });
    const texts = await loadLibrary();
    expect(texts.map((t) => [t.ok ? t.text.slug : t.broken.slug, t.ok])).toEqual([
      ['bad', false],
      ['empty', false],
      [SLUG, true],
      ['西游记', false],
    ]);
    // A file whose name cannot be a URL is listed, saying so, never silently missing.
    const unnamed = texts.find((t) => !t.ok && t.broken.slug === '西游记');
    expect(unnamed && !unnamed.ok && unnamed.broken.error).toMatch(/^content\/西游记\.txt cannot be served: its name must be/);
    // An empty file is listed as what it is, not as a text with nothing in it.
    const empty = texts.find((t) => !t.ok && t.broken.slug === 'empty');
    expect(empty && !empty.ok && empty.broken.error).toBe('content/empty.md: has no text in it: nothing to read');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { makeDataDir } from '@/lib/testing/data-dir';
import { checkLibrary } from '@/lib/check/check';
import { loadText } from './load';

let data: ReturnType<typeof makeDataDir> | undefined;
afterEach(() => data?.dispose());

const SOURCE = '# 标题\n\n第一段。\n\n第二段。\n';

async function load(slug = 'demo') {
  const loaded = await loadText(slug);
  if (!loaded?.ok) throw new Error(`${slug} did not load`);
  return loaded.text;
}

describe('the read pipeline', () => {
  it('reads a text once while its files are unchanged', async () => {
    data = makeDataDir({ files: { 'content/demo.md': SOURCE } });
    expect(await load()).toBe(await load());
  });

  it('reads it again after a gloss file is written behind it', async () => {
    data = makeDataDir({ files: { 'content/demo.md': SOURCE } });
    const before = await load();
    const id = before.blocks[2]!.id;
    data.write('locales/en/demo.json', JSON.stringify({ [id]: 'The second paragraph.' }));
    const after = await load();
    expect(after).not.toBe(before);
    expect(after.blocks[2]).toMatchObject({ id, en: 'The second paragraph.', status: 'draft' });
  });

  it('reads it again after a hand edit of the source', async () => {
    data = makeDataDir({ files: { 'content/demo.md': SOURCE } });
    const before = await load();
    data.write('content/demo.md', `${SOURCE}\n第三段。\n`);
    const after = await load();
    expect(after.blocks.map((b) => b.text)).toEqual([...before.blocks.map((b) => b.text), '第三段。']);
    expect(after.blocks.slice(0, 3).map((b) => b.id)).toEqual(before.blocks.map((b) => b.id));
  });

  it('keeps another data folder’s texts apart', async () => {
    data = makeDataDir({ files: { 'content/demo.md': SOURCE } });
    const first = await load();
    data.dispose();
    data = makeDataDir({ files: { 'content/demo.md': '# 另一个\n\n别的。\n' } });
    const other = await load();
    expect(other).not.toBe(first);
    expect(other.title.zh).toBe('另一个');
  });

  it('counts a whitespace-only gloss as untranslated everywhere: status, progress and check', async () => {
    data = makeDataDir({ files: { 'content/demo.md': SOURCE } });
    const ids = (await load()).blocks.map((b) => b.id);
    data.write('locales/en/demo.json', JSON.stringify({ [ids[1]!]: '  \n ', [ids[2]!]: 'The second.' }));
    const text = await load();
    expect(text.blocks[1]).toMatchObject({ status: 'untranslated' });
    expect(text.blocks[1]!.en).toBeUndefined();
    expect(text.progress).toEqual({ glossed: 1, total: 3 });
    const report = await checkLibrary();
    expect(report.warnings.filter((w) => w.id === ids[1]).map((w) => w.code)).toEqual(['empty']);
  });
});

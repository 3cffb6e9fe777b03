import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveGloss } from '@/lib/library/edit';
import { addLanguage } from '@/lib/library/languages';
import { loadText } from '@/lib/library/load';
import { makeDataDir } from '@/lib/testing/data-dir';
import { glossRevision } from '@/lib/gloss/validate';
import { indexedSlugs, memoryShortfall, resetSearchIndex, searchLibrary, warmSearchIndex } from './library-search';
import { readSearchRequest } from './request';

const SOURCE = '---\ntitle: 测试\n---\n\n人工智能正在改变世界。\n\n知识蒸馏把大模型变小。\n';

async function search(q: string, params: Record<string, string> = {}) {
  const read = readSearchRequest({ q, ...params }, { editor: true });
  if (!read.ok) throw new Error(read.error);
  const found = await searchLibrary(read.request);
  if (!found.ok) throw new Error(found.error);
  return found;
}

let data: ReturnType<typeof makeDataDir>;
beforeEach(() => {
  resetSearchIndex();
  data = makeDataDir({ files: { 'content/demo.md': SOURCE } });
});
afterEach(() => {
  resetSearchIndex();
  data.dispose();
});

describe('warmSearchIndex', () => {
  it('indexes the library in the background, before any search', async () => {
    data.write('content/other.md', '# 另一篇\n\n人工智能。\n');
    expect(indexedSlugs()).toEqual([]);
    const warmed = await warmSearchIndex(0);
    expect(warmed).toMatchObject({ texts: 2 });
    expect(indexedSlugs()).toEqual(['demo', 'other']);
  });

  it('resolves with the error when the library cannot be read, and a later search still works', async () => {
    const { renameSync, rmSync, writeFileSync } = await import('node:fs');
    renameSync(data.file('content'), data.file('content-away'));
    writeFileSync(data.file('content'), 'not a folder');
    const warmed = await warmSearchIndex(0);
    rmSync(data.file('content'));
    renameSync(data.file('content-away'), data.file('content'));
    expect(warmed).toBeInstanceOf(Error);
    expect(String(warmed)).toContain('ENOTDIR');
    expect((await search('智能')).total).toBe(1);
  });
});

describe('searchLibrary while a large text is being indexed', () => {
  it('answers from what is indexed after its wait, naming the text still being indexed, then finds it', async () => {
    expect((await search('智能')).total).toBe(1);
    const paragraphs = Array.from({ length: 20_000 }, (_, i) => `第${i + 1}段：人工智能的一个例子。`);
    data.write('content/big.md', `# 大书\n\n${paragraphs.join('\n\n')}\n`);
    const read = readSearchRequest({ q: '智能' }, { editor: true });
    if (!read.ok) throw new Error(read.error);
    const early = await searchLibrary(read.request, 50);
    expect(early.ok && early.indexing).toEqual(['big']);
    // The text already indexed is found meanwhile.
    expect(early.ok && early.results.some((r) => r.slug === 'demo')).toBe(true);
    const late = await searchLibrary(read.request, 60_000);
    expect(late.ok && late.indexing).toEqual([]);
    expect(late.ok && late.total).toBe(20_001);
  }, 60_000);
});

describe('searchLibrary keeps up with the files', () => {
  it('finds a gloss as soon as its save returns, and no longer finds the old wording', async () => {
    expect((await search('智能')).total).toBe(1);
    const loaded = await loadText('demo');
    const block = loaded?.ok ? loaded.text.blocks.find((b) => b.text.includes('蒸馏')) : undefined;
    if (!block) throw new Error('demo did not load');
    const first = await saveGloss({
      slug: 'demo',
      id: block.id,
      text: 'Distillation shrinks models.',
      baseRevision: glossRevision(undefined),
      editor: 't',
    });
    expect(first.ok).toBe(true);
    expect((await search('distilled')).results.map((r) => r.id)).toEqual([block.id]);
    if (!first.ok) return;
    await saveGloss({ slug: 'demo', id: block.id, text: 'Knowledge is boiled down.', baseRevision: first.revision, editor: 't' });
    expect((await search('distilled')).total).toBe(0);
    expect((await search('boil')).results.map((r) => r.id)).toEqual([block.id]);
  });

  it('follows a text edited, added and removed on disk', async () => {
    expect((await search('量子')).total).toBe(0);
    data.write('content/demo.md', SOURCE.replace('人工智能正在改变世界。', '量子计算机正在改变世界。'));
    expect((await search('量子')).total).toBe(1);
    expect((await search('智能')).total).toBe(0);
    data.write('content/other.md', '# 另一篇\n\n人工智能。\n');
    expect((await search('智能')).results.map((r) => r.slug)).toEqual(['other']);
    expect((await search('智能', { text: 'other' })).total).toBe(1);
    const { rmSync } = await import('node:fs');
    rmSync(data.file('content/other.md'));
    expect((await search('智能')).total).toBe(0);
    await expect(searchLibrary({ q: 'a', terms: [], limit: 20, offset: 0, text: 'other' })).resolves.toMatchObject({
      ok: false,
      status: 400,
    });
  });

  it('finds a French gloss once the text has French, only where French is searched, and follows its saves', async () => {
    const loaded = await loadText('demo');
    const block = loaded?.ok ? loaded.text.blocks.find((b) => b.text.includes('蒸馏')) : undefined;
    if (!block) throw new Error('demo did not load');
    expect((await search('distillation', { tl: 'fr' })).total).toBe(0);
    expect((await addLanguage('demo', 'fr')).ok).toBe(true);
    const save = (text: string, baseRevision: string) =>
      saveGloss({ slug: 'demo', id: block.id, text, baseRevision, editor: 't', lang: 'fr' });
    const first = await save('La distillation réduit les modèles.', glossRevision(undefined));
    expect(first.ok).toBe(true);
    const found = await search('modèle', { tl: 'en,fr' });
    expect(found.results.map((r) => [r.id, r.matchedIn, r.glosses?.fr])).toEqual([
      [block.id, ['fr'], 'La distillation réduit les modèles.'],
    ]);
    expect((await search('modèle')).total).toBe(0);
    if (!first.ok) return;
    await save('Le savoir est condensé.', first.revision);
    expect((await search('modèle', { tl: 'fr' })).total).toBe(0);
    expect((await search('condensé', { lang: 'fr' })).results.map((r) => r.id)).toEqual([block.id]);
  });

  it('gives the titles of the texts in the results', async () => {
    const found = await search('蒸馏');
    expect(found.titles).toEqual({ demo: { zh: '测试' } });
  });
});

describe('texts left out of search', () => {
  it('names a text that cannot be read, and forgets it once it is gone', async () => {
    data.write('content/gb-by-hand.txt', Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0x0a]));
    const found = await search('智能');
    expect(found.total).toBe(1);
    expect(found.leftOut).toEqual([{ slug: 'gb-by-hand', reason: expect.stringContaining('is not UTF-8 text') }]);
    const { rmSync } = await import('node:fs');
    rmSync(data.file('content/gb-by-hand.txt'));
    expect((await search('智能')).leftOut).toEqual([]);
  });
});

describe('memoryShortfall', () => {
  const MB = 1024 * 1024;
  // Blocks as a novel has them: about 100 characters each.
  const cases: {
    name: string;
    chars: number;
    blocks?: number;
    indexed?: number;
    used: number;
    limit: number;
    fits: RegExp | true;
  }[] = [
    { name: 'a novel on a 512 MB server', chars: 1_000_000, used: 100 * MB, limit: 512 * MB, fits: true },
    {
      name: 'a second novel past the index share of a 512 MB server',
      chars: 1_000_000,
      indexed: 700_000,
      used: 200 * MB,
      limit: 512 * MB,
      fits: /may take 154 MB of the server's 512 MB, and holds 67 MB/,
    },
    { name: 'two novels on a 1.5 GB server', chars: 1_000_000, indexed: 1_000_000, used: 300 * MB, limit: 1536 * MB, fits: true },
    {
      name: 'four novels at once on a 512 MB server',
      chars: 4_200_000,
      used: 100 * MB,
      limit: 512 * MB,
      fits: /may take 154 MB/,
    },
    {
      name: 'a small text on a nearly full heap',
      chars: 10_000,
      used: 440 * MB,
      limit: 512 * MB,
      fits: /has 512 MB with 440 MB in use/,
    },
    {
      name: '200,000 one-character paragraphs on a 512 MB server (1.6 MB of text)',
      chars: 200_000,
      blocks: 200_000,
      used: 100 * MB,
      limit: 512 * MB,
      fits: /needs about 458 MB, and the search index may take 154 MB/,
    },
    {
      name: '20,000 one-character paragraphs on a 512 MB server',
      chars: 20_000,
      blocks: 20_000,
      used: 100 * MB,
      limit: 512 * MB,
      fits: true,
    },
  ];
  it.each(cases)('$name', ({ chars, blocks, indexed, used, limit, fits }) => {
    const size = (n: number) => ({ chars: n, blocks: Math.ceil(n / 100) });
    const added = blocks === undefined ? size(chars) : { chars, blocks };
    const shortfall = memoryShortfall(added, { used, limit }, indexed === undefined ? undefined : size(indexed));
    if (fits === true) expect(shortfall).toBeUndefined();
    else {
      expect(shortfall).toMatch(fits);
      expect(shortfall).toMatch(/needs about \d+ MB.*BILINGUAL_HEAP_MB/);
    }
  });
});

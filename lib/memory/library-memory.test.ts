import { copyFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { glossRevision } from '@/lib/gloss/validate';
import { saveGloss } from '@/lib/library/edit';
import { makeDataDir } from '@/lib/testing/data-dir';
import { storedGlosses } from '@/lib/testing/stored-glosses';
import { importMemory } from './imported-memories';
import { currentMemory, resetMemory } from './library-memory';
import { memoryMatches } from './library-queries';

const SLUG = 'karpathy-no-priors';
const NEAR = path.join(__dirname, '..', '..', 'e2e', 'fixtures', 'memory');

let data: ReturnType<typeof makeDataDir>;
beforeEach(() => {
  data = makeDataDir({ copyRepoData: true });
  resetMemory();
});
afterEach(() => {
  resetMemory();
  data.dispose();
});

function addNearText() {
  copyFileSync(path.join(NEAR, 'memory-near.md'), data.file('content/memory-near.md'));
  copyFileSync(path.join(NEAR, 'memory-near.ids.json'), data.file('content/memory-near.ids.json'));
  copyFileSync(path.join(NEAR, 'memory-near.json'), data.file('locales/en/memory-near.json'));
}

describe('the library memory stays current', () => {
  it('a saved gloss is a match source as soon as the save returns', async () => {
    const before = (await currentMemory('en')).index.unitsOf(SLUG).get('an0w1i');
    expect(before?.gloss).toMatch(/Elon Musk/);
    const baseRevision = glossRevision(storedGlosses(data.root, SLUG).glosses.an0w1i);
    const saved = await saveGloss({ slug: SLUG, id: 'an0w1i', text: 'A fresh gloss.', baseRevision, editor: 'ann' });
    expect(saved.ok).toBe(true);
    expect((await currentMemory('en')).index.unitsOf(SLUG).get('an0w1i')?.gloss).toBe('A fresh gloss.');
  });

  it('a save indexes again the paragraph saved, not its whole text', async () => {
    const { index } = await currentMemory('en');
    const added = vi.spyOn(index, 'addUnit');
    const removed = vi.spyOn(index, 'removeText');
    const baseRevision = glossRevision(storedGlosses(data.root, SLUG).glosses.an0w1i);
    expect(await saveGloss({ slug: SLUG, id: 'an0w1i', text: 'One more gloss.', baseRevision, editor: 'ann' })).toMatchObject({
      ok: true,
    });
    await currentMemory('en');
    expect(added.mock.calls.map(([unit]) => `${unit.id}: ${unit.gloss}`)).toEqual(['an0w1i: One more gloss.']);
    expect(removed).not.toHaveBeenCalled();
  });

  it('a text added is matched without a restart, and forgotten once removed', async () => {
    await currentMemory('en');
    addNearText();
    const found = await memoryMatches({ slug: SLUG, id: 'an0w1i', lang: 'en' }, { editor: true });
    expect(found.ok && found.matches.map((m) => [m.slug, m.id, m.origin, m.url])).toEqual([
      ['memory-near', 'l9lpzm', '近似段落', '/read/memory-near#l9lpzm'],
    ]);
    expect(found.ok && found.matches[0]!.score).toBeGreaterThanOrEqual(80);
    rmSync(data.file('content/memory-near.md'));
    const after = await memoryMatches({ slug: SLUG, id: 'an0w1i', lang: 'en' }, { editor: true });
    expect(after.ok && after.matches).toEqual([]);
  });

  it('who last changed a match is given to editors, and follows each save', async () => {
    addNearText();
    const by = async (editor: boolean) => {
      const found = await memoryMatches({ slug: SLUG, id: 'an0w1i', lang: 'en' }, { editor });
      return found.ok ? found.matches.map((m) => m.by) : [];
    };
    expect(await by(true)).toEqual([undefined]);
    for (const [editor, text] of [
      ['ann', 'A first gloss.'],
      ['bob', 'A second gloss.'],
    ] as const) {
      const baseRevision = glossRevision(storedGlosses(data.root, 'memory-near').glosses.l9lpzm);
      expect(await saveGloss({ slug: 'memory-near', id: 'l9lpzm', text, baseRevision, editor })).toMatchObject({ ok: true });
      expect(await by(true)).toEqual([editor]);
    }
    expect(await by(false)).toEqual([undefined]);
  });

  it('an imported memory is matched by name, and forgotten once removed', async () => {
    await currentMemory('en');
    const zh = '当伊隆·马斯克决定做人形机器人时，各种 CAD 模型和供应链等等都是现成的，可以从汽车生产线直接拿过来重新配置。';
    const tmx = `<tmx version="1.4"><header srclang="zh-CN"/><body><tu changeid="wang"><tuv xml:lang="zh-CN"><seg>${zh}</seg></tuv><tuv xml:lang="en"><seg>From the memory.</seg></tuv></tu></body></tmx>`;
    expect(await importMemory(new TextEncoder().encode(tmx), { file: 'omegat.tmx' })).toMatchObject({ ok: true });
    const found = await memoryMatches({ slug: SLUG, id: 'an0w1i', lang: 'en' }, { editor: true });
    expect(found.ok && found.matches.map((m) => [m.origin, m.originKind, m.by, m.gloss])).toEqual([
      ['omegat', 'memory', 'wang', 'From the memory.'],
    ]);
    rmSync(data.file('memories/omegat.tmx.json'));
    const after = await memoryMatches({ slug: SLUG, id: 'an0w1i', lang: 'en' }, { editor: true });
    expect(after.ok && after.matches).toEqual([]);
  });

  it('tells an unknown paragraph from an unknown text', async () => {
    expect(await memoryMatches({ slug: SLUG, id: 'zzzzzz', lang: 'en' }, { editor: false })).toMatchObject({
      ok: false,
      kind: 'unknown-paragraph',
    });
    expect(await memoryMatches({ slug: 'nope', id: 'zzzzzz', lang: 'en' }, { editor: false })).toMatchObject({
      ok: false,
      kind: 'unknown-text',
    });
  });
});

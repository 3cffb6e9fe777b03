import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeLinks } from '@/lib/align/row';
import { sentenceHash } from '@/lib/align/stored';
import { makeDataDir } from '@/lib/testing/data-dir';
import { getBlockAlignments, realignBlockInBackground } from '@/lib/library/alignment';
import { loadText } from '@/lib/library/load';
import { loadRowSentences } from './row-sentences';

const SLUG = 'karpathy-no-priors';
let data: ReturnType<typeof makeDataDir>;
beforeEach(() => {
  data = makeDataDir({ copyRepoData: true });
});
afterEach(() => data.dispose());

const glosses = () => JSON.parse(readFileSync(data.file(`locales/en/${SLUG}.json`), 'utf8')) as Record<string, string>;

/** The article's rows with English, with their Chinese found in the source by the stored offsets' texts. */
async function articleRows() {
  const english = glosses();
  const ids = Object.keys(english).filter((id) => id !== '_title');
  const views = await getBlockAlignments(SLUG, 'en', ids);
  if (!(views instanceof Map)) throw new Error(views.error);
  return { english, views };
}

describe('loadRowSentences', () => {
  it('gives each row its sentences and links, covering every sentence of both sides', async () => {
    const loaded = await loadText(SLUG);
    if (!loaded?.ok) throw new Error('the article cannot be read');
    const rows = loaded.text.blocks.map((b) => ({ id: b.id, zh: b.text, glosses: b.en ? { en: b.en } : {} }));
    const sentences = await loadRowSentences(SLUG, ['en'], rows);
    expect(sentences.size).toBe(rows.filter((row) => row.glosses.en).length);
    for (const { id, zh, glosses: shown } of rows) {
      const row = sentences.get(id);
      const cell = row?.cells.en;
      if (!row || !cell) continue;
      const links = decodeLinks(cell.links);
      expect(
        links.flatMap((l) => l.zh),
        id,
      ).toEqual(row.zh.map((_, i) => i));
      expect(
        links.flatMap((l) => l.gloss),
        id,
      ).toEqual(cell.gloss.map((_, j) => j));
      const gloss = shown.en ?? '';
      expect(cell.gloss.map(([s, e]) => gloss.slice(s, e)).join(' '), id).toBe(gloss.replace(/\s+/g, ' ').trim());
      const squeeze = (value: string) => value.replace(/\s+/g, '');
      expect(squeeze(row.zh.map(([s, e]) => zh.slice(s, e)).join('')), id).toBe(squeeze(zh));
    }
  });

  const cases = [
    { name: 'a gloss shorter than its stored sentences', gloss: 'Short.', zh: '那' },
    { name: 'a language the text does not have', gloss: 'x', zh: 'x', lang: 'fr' as const },
  ];
  for (const { name, gloss, zh, lang } of cases) {
    it(`leaves out ${name}`, async () => {
      const { views } = await articleRows();
      const id = [...views.keys()][3] ?? '';
      const sentences = await loadRowSentences(SLUG, [lang ?? 'en'], [{ id, zh, glosses: { [lang ?? 'en']: gloss } }]);
      expect(sentences.has(id)).toBe(false);
    });
  }
});

describe('realignBlockInBackground', () => {
  it('aligns a saved paragraph again without being asked, keeping the links of its unchanged sentences', async () => {
    const { english, views } = await articleRows();
    const [id, view] = [...views].find(([, v]) => v.gloss.length >= 3 && v.zh.length >= 2) ?? [];
    if (!id || !view) throw new Error('the article has no paragraph of three English sentences');
    const last = view.gloss[view.gloss.length - 1] ?? [0, 0];
    const edited = `${(english[id] ?? '').slice(0, last[0])}A last sentence written again.`;
    const file = data.file(`locales/en/${SLUG}.json`);
    const all = glosses();
    all[id] = edited;
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
    // A save's re-alignment is one line appended to the alignment's journal, not the file rewritten.
    const stored = data.file(`locales/en/${SLUG}.align.json`);
    const journal = data.file(`locales/en/${SLUG}.align.journal.jsonl`);
    const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');
    const [fileBefore, linesBefore] = [read(stored), read(journal).split('\n').length];
    realignBlockInBackground(SLUG, 'en', id);
    await expect.poll(() => read(journal).includes(`"glossHash":"${sentenceHash(edited)}"`)).toBe(true);
    expect(read(stored)).toBe(fileBefore);
    expect(read(journal).split('\n').length).toBe(linesBefore + 1);
    const after = await getBlockAlignments(SLUG, 'en', [id]);
    if (!(after instanceof Map)) throw new Error(after.error);
    expect(after.get(id)?.links[0]).toEqual(view.links[0]);
  });
});

// Sentence-level matches of the translation memory: drawn from another text's aligned sentence
// pairs, labelled as sentences with their permalink, current after a save's re-alignment, never
// from the paragraph's own sentences nor from stale links.
import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { splitSentences } from '@/lib/align/sentences';
import { addText } from '@/lib/library/add';
import { getAlignment, saveAlignmentLinks } from '@/lib/library/alignment';
import { loadText } from '@/lib/library/load';
import { makeDataDir } from '@/lib/testing/data-dir';
import { resetMemory } from './library-memory';
import { memoryMatches } from './library-queries';
import { resetSentenceMemory } from './library-sentences';

const SLUG = 'karpathy-no-priors';
const OTHER = 'sentence-source';

let data: ReturnType<typeof makeDataDir>;
beforeEach(() => {
  data = makeDataDir({ copyRepoData: true });
  resetMemory();
  resetSentenceMemory();
});
afterEach(() => {
  resetMemory();
  resetSentenceMemory();
  data.dispose();
});

/** A paragraph of the article with at least two sentences of eight characters or more. */
async function articleParagraph() {
  const loaded = await loadText(SLUG, { lang: 'en' });
  if (!loaded?.ok) throw new Error('the article did not load');
  for (const block of loaded.text.blocks) {
    if (block.type !== 'paragraph' || !block.en) continue;
    const sentences = splitSentences(block.text, 'zh');
    if (sentences.length >= 2 && sentences.every((s) => s.text.length >= 8)) return { block, sentences };
  }
  throw new Error('no such paragraph');
}

/** Another text whose one paragraph holds the article paragraph's second sentence, slightly changed, then a sentence of its own. */
async function addSourceText(sentence: string): Promise<{ id: string; zh: string; gloss: string }> {
  const changed = `${sentence.slice(0, -2)}呢${sentence.slice(-1)}`;
  const zh = `${changed}他们后来又谈了很多别的事情，一直到天黑。`;
  const added = await addText({ bytes: Buffer.from(`# 句子来源\n\n${zh}\n`), fileName: `${OTHER}.md`, slug: OTHER });
  if (!added.ok) throw new Error(added.error);
  const loaded = await loadText(OTHER, { lang: 'en' });
  const block = loaded?.ok ? loaded.text.blocks.find((b) => b.type === 'paragraph') : undefined;
  if (!block) throw new Error('the added text has no paragraph');
  const gloss = 'This sentence renders the borrowed one in the other text. They talked about many other things until dark.';
  writeFileSync(data.file(`locales/en/${OTHER}.json`), `${JSON.stringify({ [block.id]: gloss }, null, 2)}\n`);
  const aligned = await getAlignment({ slug: OTHER, lang: 'en' });
  if (!aligned.ok) throw new Error(aligned.error);
  return { id: block.id, zh, gloss };
}

describe('sentence matches', () => {
  it('offers a sentence pair of another text for the sentence it matches, labelled, with its permalink', async () => {
    const { block, sentences } = await articleParagraph();
    const second = sentences[1]!;
    const source = await addSourceText(second.text);
    const found = await memoryMatches({ slug: SLUG, id: block.id, lang: 'en' }, { editor: true });
    if (!found.ok) throw new Error(found.error);
    expect(found.sentences).toHaveLength(1);
    const [only] = found.sentences;
    expect(found.zh.slice(only!.zh[0], only!.zh[1])).toBe(second.text);
    expect(only!.matches).toEqual([
      expect.objectContaining({
        unit: 'sentence',
        slug: OTHER,
        id: source.id,
        link: 1,
        gloss: 'This sentence renders the borrowed one in the other text.',
        origin: '句子来源',
        originKind: 'text',
        url: `/read/${OTHER}#${source.id}`,
      }),
    ]);
    expect(only!.matches[0]!.score).toBeGreaterThanOrEqual(80);
    expect(only!.matches[0]!.score).toBeLessThan(100);
    expect(only!.matches[0]!.diff.length).toBeGreaterThan(0);
  });

  it("never offers the paragraph's own sentences, and leaves out a link marked stale", async () => {
    const { block, sentences } = await articleParagraph();
    const source = await addSourceText(sentences[1]!.text);
    // The other text's own paragraph: its sentences are not matches for itself.
    const own = await memoryMatches({ slug: OTHER, id: source.id, lang: 'en' }, { editor: true });
    expect(own.ok && own.sentences).toEqual([]);

    // A manual link of the source that goes stale is no longer a sentence pair.
    const view = await getAlignment({ slug: OTHER, lang: 'en', id: source.id });
    const current = view.ok ? view.blocks[0] : undefined;
    if (!current) throw new Error('no alignment');
    const saved = await saveAlignmentLinks({
      slug: OTHER,
      lang: 'en',
      id: source.id,
      links: current.links.map((l) => ({ zh: l.zh, gloss: l.gloss, manual: true })),
      baseRevision: current.revision,
    });
    expect(saved.ok).toBe(true);
    const gloss = source.gloss.replace('borrowed one', 'borrowed sentence, reworded');
    writeFileSync(data.file(`locales/en/${OTHER}.json`), `${JSON.stringify({ [source.id]: gloss }, null, 2)}\n`);
    await getAlignment({ slug: OTHER, lang: 'en', id: source.id });
    const after = await memoryMatches({ slug: SLUG, id: block.id, lang: 'en' }, { editor: true });
    expect(after.ok && after.sentences).toEqual([]);
  });
});

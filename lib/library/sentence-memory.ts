import 'server-only';
import { sentencePairs } from '@/lib/align/block';
import type { MemoryPair } from '@/lib/exchange/tmx';
import { TITLE_KEY } from '@/lib/gloss/types';
import { GLOSS_LANGUAGE } from './text-files';
import { getAlignment } from './alignment';

/**
 * Paragraph pairs of a translation memory cut into sentence pairs by the stored alignment (made
 * now for blocks that have none): ids `<slug>/<block>/<n>`, the n-th link of the block. Links
 * with one side empty or marked stale are left out; the title is one sentence and stays whole.
 * A pair whose texts are not the ones aligned (the gloss changed in between) stays whole too.
 */
export async function sentenceMemoryPairs(paragraphs: readonly MemoryPair[]): Promise<MemoryPair[]> {
  const bySlug = new Map<string, MemoryPair[]>();
  for (const pair of paragraphs) {
    const slug = pair.id.slice(0, pair.id.indexOf('/'));
    bySlug.set(slug, [...(bySlug.get(slug) ?? []), pair]);
  }
  const out: MemoryPair[] = [];
  for (const [slug, pairs] of bySlug) {
    const alignment = await getAlignment({ slug, lang: GLOSS_LANGUAGE });
    const views = new Map(alignment.ok ? alignment.blocks.map((block) => [block.id, block]) : []);
    for (const pair of pairs) {
      const id = pair.id.slice(slug.length + 1);
      const view = id === TITLE_KEY ? undefined : views.get(id);
      const fits =
        view && view.zh.every(([, end]) => end <= pair.source.length) && view.gloss.every(([, end]) => end <= pair.target.length);
      if (!view || !fits) {
        out.push(pair);
        continue;
      }
      for (const sentence of sentencePairs(pair.source, pair.target, view))
        out.push({ id: `${pair.id}/${sentence.index}`, source: sentence.zh, target: sentence.gloss, status: pair.status });
    }
  }
  return out;
}

import type { AlignmentEntry } from '@/lib/align/block';
import { sentenceHash } from '@/lib/align/stored';
import { plainText } from '@/lib/text/inline';
import type { MemoryUnit } from './memory-index';
import { normalizeForMatch } from './similarity';

/**
 * Sentence pairs as translation-memory units, from a block's stored alignment: each one-to-one
 * link that is neither stale nor unsure. Pure.
 */

/** Shorter Chinese sentences (spaces aside) are not memory units: 是。 or 对！ match everything. */
export const MIN_SENTENCE_CHARS = 4;

/** A sentence unit's id: the block's id and the link's place in it (from 1), as in the sentence TMX. `sentenceUnitId('c4pzjo', 2)` → `'c4pzjo/2'`. */
export function sentenceUnitId(block: string, link: number): string {
  return `${block}/${link}`;
}

/** The block id and link of a sentence unit's id; undefined for another id. `('c4pzjo/2')` → `{ block: 'c4pzjo', link: 2 }`. */
export function parseSentenceUnitId(id: string): { block: string; link: number } | undefined {
  const match = /^(.+)\/(\d+)$/.exec(id);
  return match ? { block: match[1]!, link: Number(match[2]) } : undefined;
}

/**
 * The sentence units of one block of a text: its stored Chinese `zh` and translation `gloss` (as the
 * files hold them, markup included: the offsets are into those), cut by the alignment `entry` made
 * from exactly these texts (else none: it is out of date), each sentence made plain text.
 * `sentenceUnits({ slug: 'a', block: 'b1', zh: '他来了。他走了很久。', gloss: 'He came. He left long ago.', status: 'draft' }, entry)`
 * → `[{ slug: 'a', id: 'b1/2', zh: '他走了很久。', gloss: 'He left long ago.', status: 'draft' }]` (the first is too short).
 */
export function sentenceUnits(
  block: { slug: string; block: string; zh: string; gloss: string; status: MemoryUnit['status'] },
  entry: AlignmentEntry | undefined,
): MemoryUnit[] {
  if (!entry || entry.zhHash !== sentenceHash(block.zh) || entry.glossHash !== sentenceHash(block.gloss)) return [];
  const { zh, en, links } = entry.alignment;
  const units: MemoryUnit[] = [];
  links.forEach((link, k) => {
    if (link.stale || link.unsure || link.zh.length !== 1 || link.en.length !== 1) return;
    const zhSentence = zh[link.zh[0]!];
    const enSentence = en[link.en[0]!];
    if (!zhSentence || !enSentence || zhSentence.end > block.zh.length || enSentence.end > block.gloss.length) return;
    const zhText = plainText(block.zh.slice(zhSentence.start, zhSentence.end)).trim();
    const glossText = plainText(block.gloss.slice(enSentence.start, enSentence.end)).trim();
    if (normalizeForMatch(zhText).length < MIN_SENTENCE_CHARS || !glossText) return;
    units.push({ slug: block.slug, id: sentenceUnitId(block.block, k + 1), zh: zhText, gloss: glossText, status: block.status });
  });
  return units;
}

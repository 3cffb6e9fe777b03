import type { SentenceLink } from './types';

/** Precision and recall of sentence links, counted as (Chinese sentence, English sentence) pairs. */
export interface LinkScore {
  /** Pairs both in the gold links and the links found. */
  correct: number;
  found: number;
  gold: number;
  precision: number;
  recall: number;
}

/** The sentence pairs of links: `[{ zh: [0], en: [0, 1] }]` → `['0-0', '0-1']`; a link with an empty side gives none. */
export function linkPairs(links: readonly SentenceLink[]): Set<string> {
  const pairs = new Set<string>();
  for (const link of links) for (const zh of link.zh) for (const en of link.en) pairs.add(`${zh}-${en}`);
  return pairs;
}

/**
 * Scores found links against gold links, paragraph by paragraph (each entry one paragraph pair).
 * `scoreLinks([{ found: [{ zh: [0], en: [0] }], gold: [{ zh: [0], en: [0] }] }])` → precision 1, recall 1.
 */
export function scoreLinks(paragraphs: readonly { found: readonly SentenceLink[]; gold: readonly SentenceLink[] }[]): LinkScore {
  let correct = 0;
  let found = 0;
  let gold = 0;
  for (const paragraph of paragraphs) {
    const foundPairs = linkPairs(paragraph.found);
    const goldPairs = linkPairs(paragraph.gold);
    found += foundPairs.size;
    gold += goldPairs.size;
    for (const pair of foundPairs) if (goldPairs.has(pair)) correct += 1;
  }
  return { correct, found, gold, precision: found === 0 ? 1 : correct / found, recall: gold === 0 ? 1 : correct / gold };
}

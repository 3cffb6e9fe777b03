import type { IndexedBlock } from './document';
import { excerpt } from './excerpt';
import { highlights, scopeLanguages, type SearchScope, type Span } from './match';
import type { QueryTerm } from './query';

/** One result: a block, its status and where the query matched in each language. */
export interface SearchHit {
  slug: string;
  id: string;
  type: string;
  zh: string;
  en: string;
  status?: string;
  /** The glosses of the other target languages searched that the text has, by tag. */
  glosses?: Record<string, string>;
  /** The target languages whose gloss the query matched in (English is `en`); empty when it matched the Chinese only. */
  matchedIn: string[];
  highlights: { zh: Span[]; en: Span[]; glosses?: Record<string, Span[]> };
}

/** Past this many hits, results of equal weight are not grouped by their matched Chinese (see commonReadings). */
export const COMMON_READING_HITS = 5_000;

/**
 * For a query with a pinyin term, how many hits share each hit's matched Chinese: `wusong` finds
 * 武松 in 427 paragraphs of 水浒传 and 物送 in two, and the name should come first, as an input
 * method puts the common word first. Empty (no reordering) for other queries and past
 * COMMON_READING_HITS hits.
 */
export function commonReadings(
  ranked: readonly { indexed: IndexedBlock }[],
  terms: readonly QueryTerm[],
  scope: SearchScope,
): Map<IndexedBlock, number> {
  const counts = new Map<IndexedBlock, number>();
  if (!terms.some((term) => term.pinyin) || ranked.length > COMMON_READING_HITS || ranked.length < 2) return counts;
  const keys = new Map<IndexedBlock, string>();
  const frequency = new Map<string, number>();
  for (const { indexed } of ranked) {
    const key = highlights(indexed, terms, scope)
      .zh.map(([start, end]) => indexed.block.zh.slice(start, end))
      .join('|');
    keys.set(indexed, key);
    frequency.set(key, (frequency.get(key) ?? 0) + 1);
  }
  for (const [indexed, key] of keys) counts.set(indexed, key ? (frequency.get(key) ?? 0) : 0);
  return counts;
}

/** A result as the page and the API show it: each text around its first match (a chapter-long paragraph is cut). */
export function hitOf(indexed: IndexedBlock, terms: readonly QueryTerm[], scope: SearchScope): SearchHit {
  const marks = highlights(indexed, terms, scope);
  const zh = excerpt(indexed.block.zh, marks.zh);
  const en = excerpt(indexed.block.en ?? '', marks.glosses.en ?? []);
  const glosses: Record<string, string> = {};
  const glossMarks: Record<string, Span[]> = {};
  for (const lang of scopeLanguages(scope)) {
    const gloss = indexed.block.glosses?.[lang];
    if (lang === 'en' || gloss === undefined) continue;
    const cut = excerpt(gloss, marks.glosses[lang] ?? []);
    glosses[lang] = cut.text;
    glossMarks[lang] = cut.spans;
  }
  const other = Object.keys(glosses).length > 0;
  return {
    slug: indexed.slug,
    id: indexed.block.id,
    type: indexed.block.type,
    zh: zh.text,
    en: en.text,
    ...(indexed.block.status ? { status: indexed.block.status } : {}),
    ...(other ? { glosses } : {}),
    matchedIn: Object.keys(marks.glosses),
    highlights: { zh: zh.spans, en: en.spans, ...(other ? { glosses: glossMarks } : {}) },
  };
}

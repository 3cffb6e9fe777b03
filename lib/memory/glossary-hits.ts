import { findTerms, glossKeepsName, glossUsesTerm } from '@/lib/annotate/glossary';
import type { TermEntry } from '@/lib/annotate/types';

/** A glossary term found in a paragraph, and how the translation being written treats it. */
export interface GlossaryHit {
  term: string;
  /** Approved renderings, preferred first. */
  renderings: string[];
  /** Whether the translation uses one of them (a name kept as written: the name itself). */
  used: boolean;
  /** The forbidden renderings the translation uses. */
  forbiddenUsed: string[];
  source?: TermEntry['source'];
  note?: string;
}

/**
 * The glossary terms in a paragraph's Chinese, each once, in order, with whether `gloss` uses an
 * approved rendering and which forbidden ones it uses; run again as the translator types.
 * `('人机融合', 'a merger of man and machine', [{ term: '融合', en: ['merge'], forbidden: ['merger'] }])`
 * → `[{ term: '融合', renderings: ['merge'], used: false, forbiddenUsed: ['merger'] }]`.
 */
export function glossaryHits(zh: string, gloss: string, glossary: readonly TermEntry[]): GlossaryHit[] {
  const byTerm = new Map(glossary.map((entry) => [entry.term, entry]));
  const seen = new Set<string>();
  const hits: GlossaryHit[] = [];
  for (const match of findTerms(zh, glossary)) {
    if (seen.has(match.term)) continue;
    seen.add(match.term);
    const entry = byTerm.get(match.term);
    const used =
      gloss.trim() !== '' && (entry?.doNotTranslate ? glossKeepsName(gloss, match.en) : glossUsesTerm(gloss, match.en));
    const forbiddenUsed = (entry?.forbidden ?? []).filter((rendering) => glossUsesTerm(gloss, [rendering]));
    hits.push({
      term: match.term,
      renderings: match.en,
      used,
      forbiddenUsed,
      ...(entry?.source ? { source: entry.source } : {}),
      ...(entry?.note ? { note: entry.note } : {}),
    });
  }
  return hits;
}

/** The entries of a glossary whose term occurs in a paragraph (what the editor needs to re-check it). */
export function termsIn(zh: string, glossary: readonly TermEntry[]): TermEntry[] {
  const found = new Set(findTerms(zh, glossary).map((m) => m.term));
  return glossary.filter((entry) => found.has(entry.term));
}

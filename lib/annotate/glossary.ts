import type { TermEntry } from './types';

/** A glossary term found in a block's Chinese. */
export interface TermMatch {
  term: string;
  start: number;
  end: number;
  /** Approved renderings, preferred first. */
  en: string[];
}

/**
 * Finds glossary terms in a text, longest first, without overlaps.
 * `('人形机器人公司', [{ term: '人形机器人', en: ['humanoid robot'] }])` → one match at 0–5.
 */
export function findTerms(text: string, glossary: readonly TermEntry[]): TermMatch[] {
  const byLength = [...glossary].filter((entry) => entry.term).sort((a, b) => b.term.length - a.term.length);
  const taken: boolean[] = [];
  const matches: TermMatch[] = [];
  for (const entry of byLength) {
    let from = 0;
    for (let at = text.indexOf(entry.term, from); at >= 0; at = text.indexOf(entry.term, from)) {
      const end = at + entry.term.length;
      from = at + 1;
      if (taken.slice(at, end).some(Boolean)) continue;
      for (let i = at; i < end; i += 1) taken[i] = true;
      matches.push({ term: entry.term, start: at, end, en: entry.en });
    }
  }
  return matches.sort((a, b) => a.start - b.start);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A pattern for one approved rendering that also accepts simple inflections of its last word
 * (-s, -es, -d, -ed, -ing; y → ies, ied as well as ys, yed), either spacing of hyphenated words, and straight or
 * curly apostrophes. `'humanoid robot'` matches "Humanoid robots".
 */
export function renderingPattern(rendering: string): RegExp {
  const words = rendering.trim().toLowerCase().split(/[\s-]+/).map((w) => escapeRegExp(w).replace(/['’]/g, "['’]"));
  const last = words.pop() ?? '';
  const lastForms = /y$/.test(last) ? `${last.slice(0, -1)}(?:y|ys|yed|ying|ies|ied)` : `${last}(?:s|es|d|ed|ing)?`;
  const body = [...words, lastForms].join('[\\s-]+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'iu');
}

/** Whether a gloss uses at least one approved rendering. `('Humanoid robots…', ['humanoid robot'])` → true. */
export function glossUsesTerm(gloss: string, renderings: readonly string[]): boolean {
  return renderings.some((rendering) => renderingPattern(rendering).test(gloss));
}

export interface GlossaryMiss {
  id: string;
  term: string;
  en: string[];
  gloss: string;
}

/**
 * The glossary lint: every block whose Chinese contains a term must have a gloss with one of
 * the term's approved renderings. Untranslated blocks are not checked (they warn elsewhere).
 */
export function lintGlossary(
  blocks: readonly { id: string; zh: string; en?: string }[],
  glossary: readonly TermEntry[],
): GlossaryMiss[] {
  const misses: GlossaryMiss[] = [];
  for (const block of blocks) {
    if (!block.en?.trim()) continue;
    const seen = new Set<string>();
    for (const match of findTerms(block.zh, glossary)) {
      if (seen.has(match.term)) continue;
      seen.add(match.term);
      if (!glossUsesTerm(block.en, match.en)) misses.push({ id: block.id, term: match.term, en: match.en, gloss: block.en });
    }
  }
  return misses;
}

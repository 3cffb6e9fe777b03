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
  const words = rendering
    .trim()
    .toLowerCase()
    .split(/[\s-]+/)
    .map((w) => escapeRegExp(w).replace(/['’]/g, "['’]"));
  const last = words.pop() ?? '';
  const lastForms = /y$/.test(last) ? `${last.slice(0, -1)}(?:y|ys|yed|ying|ies|ied)` : `${last}(?:s|es|d|ed|ing)?`;
  const body = [...words, lastForms].join('[\\s-]+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'iu');
}

/** Whether a gloss uses at least one approved rendering. `('Humanoid robots…', ['humanoid robot'])` → true. */
export function glossUsesTerm(gloss: string, renderings: readonly string[]): boolean {
  return renderings.some((rendering) => renderingPattern(rendering).test(gloss));
}

/** Whether a gloss contains a name exactly as written (case kept; a plural or possessive may follow). `('Eureka Labs’s…', ['Eureka Labs'])` → true. */
export function glossKeepsName(gloss: string, names: readonly string[]): boolean {
  return names.some((name) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name.trim())}`, 'u').test(gloss));
}

/**
 * The glossary a text is checked and annotated with: the shared entries, each replaced by the
 * text's own entry for the same term, then the text's other entries; every entry says its source.
 * `([{ term: '特拉斯', en: ['Truss'] }], [{ term: '特拉斯', en: ['Tesla'] }])` → `[{ term: '特拉斯', en: ['Tesla'], source: 'text' }]`.
 */
export function mergeGlossaries(shared: readonly TermEntry[], own: readonly TermEntry[]): TermEntry[] {
  const ownByTerm = new Map(own.map((entry) => [entry.term, entry]));
  const merged = shared.map((entry): TermEntry => {
    const override = ownByTerm.get(entry.term);
    return override ? { ...override, source: 'text' } : { ...entry, source: 'shared' };
  });
  const sharedTerms = new Set(shared.map((entry) => entry.term));
  for (const entry of own) if (!sharedTerms.has(entry.term)) merged.push({ ...entry, source: 'text' });
  return merged;
}

export interface GlossaryMiss {
  id: string;
  term: string;
  en: string[];
  gloss: string;
  /** `missing`: none of the approved renderings (or, for a name, not as written); `forbidden`: uses one it must not. */
  kind: 'missing' | 'forbidden';
  /** For `forbidden`: the renderings the gloss uses. */
  used?: string[];
  source?: TermEntry['source'];
}

/**
 * The glossary lint: every block whose Chinese contains a term must have a gloss with one of
 * the term's approved renderings (a name kept as written: the name itself, same case) and none of
 * its forbidden ones. Untranslated blocks are not checked (they warn elsewhere).
 */
export function lintGlossary(
  blocks: readonly { id: string; zh: string; en?: string }[],
  glossary: readonly TermEntry[],
): GlossaryMiss[] {
  const byTerm = new Map(glossary.map((entry) => [entry.term, entry]));
  const misses: GlossaryMiss[] = [];
  for (const block of blocks) {
    if (!block.en?.trim()) continue;
    const seen = new Set<string>();
    for (const match of findTerms(block.zh, glossary)) {
      if (seen.has(match.term)) continue;
      seen.add(match.term);
      const entry = byTerm.get(match.term);
      const where = {
        id: block.id,
        term: match.term,
        en: match.en,
        gloss: block.en,
        ...(entry?.source ? { source: entry.source } : {}),
      };
      const uses = entry?.doNotTranslate ? glossKeepsName(block.en, match.en) : glossUsesTerm(block.en, match.en);
      if (!uses) misses.push({ ...where, kind: 'missing' });
      const used = (entry?.forbidden ?? []).filter((rendering) => glossUsesTerm(block.en!, [rendering]));
      if (used.length > 0) misses.push({ ...where, kind: 'forbidden', used });
    }
  }
  return misses;
}

import { MAX_BIGRAMS_COUNTED, type MemoryIndex, type MemoryUnit } from './memory-index';
import {
  characterBigrams,
  diffSpans,
  MIN_SIMILARITY,
  normalizeForMatch,
  similarity,
  similarityBound,
  type DiffSpan,
} from './similarity';

/** The most matches shown for a paragraph. */
export const MAX_MATCHES = 5;
/** How many candidates (by shared bigrams) are measured with the edit distance. */
export const CANDIDATES_MEASURED = 100;

/** A match for the paragraph being translated. */
export interface MemoryMatch {
  /** Similarity in whole percent, 50 to 100. */
  score: number;
  unit: MemoryUnit;
  /** Spans of the match's Chinese the current paragraph does not have. */
  diff: DiffSpan[];
}

/** The same Chinese with the same translation: shown once. */
function pairKey(unit: MemoryUnit): string {
  return `${unit.zh}\u0000${unit.gloss}`;
}

/**
 * Orders matches: higher similarity first; at equal similarity reviewed before draft, then a
 * text's paragraph before an imported memory's, then by slug and id (so the order is stable).
 */
export function compareMatches(a: MemoryMatch, b: MemoryMatch): number {
  if (a.score !== b.score) return b.score - a.score;
  const reviewed = Number(b.unit.status === 'reviewed') - Number(a.unit.status === 'reviewed');
  if (reviewed !== 0) return reviewed;
  const imported = Number(a.unit.slug.startsWith('tmx:')) - Number(b.unit.slug.startsWith('tmx:'));
  if (imported !== 0) return imported;
  return a.unit.slug.localeCompare(b.unit.slug) || a.unit.id.localeCompare(b.unit.id);
}

/**
 * The best matches for a paragraph's (or a sentence's) Chinese: candidates found by shared
 * character bigrams, measured by edit ratio, at least MIN_SIMILARITY, at most MAX_MATCHES;
 * `exclude` leaves out the paragraph itself (or, as a test, the units it says), and matches whose
 * translation is empty are left out; `measured` candidates at most are measured.
 * `findMatches(index, '今天天气不好', { slug: 'a', id: 'b1' })` → `[{ score: 83, unit: 今天天气很好…, diff: [[4, 5]] }]`.
 */
export function findMatches(
  index: MemoryIndex,
  zh: string,
  exclude?: { slug: string; id: string } | ((unit: MemoryUnit) => boolean),
  limit = MAX_MATCHES,
  measured = CANDIDATES_MEASURED,
): MemoryMatch[] {
  const excluded =
    typeof exclude === 'function' ? exclude : (unit: MemoryUnit) => unit.slug === exclude?.slug && unit.id === exclude.id;
  const bigrams = characterBigrams(zh);
  if (bigrams.length === 0) return [];
  const length = normalizeForMatch(zh).length;
  // A match of at least 50 % keeps at least about a third of the bigrams when edits are spread out.
  const minShared = Math.max(1, Math.floor(Math.min(bigrams.length, MAX_BIGRAMS_COUNTED) * 0.2));
  const { counted, found } = index.candidates(bigrams, minShared, measured);
  const matches: MemoryMatch[] = [];
  // A candidate is measured only if its bound (lengths, bigrams it lacks) reaches the least score
  // that can still be shown: 50 %, then the limit-th best of the distinct pairs found so far.
  let least = Math.round(MIN_SIMILARITY * 100);
  const best = new Map<string, number>();
  for (const { unit, shared } of found) {
    if (excluded(unit)) continue;
    if (!unit.gloss.trim()) continue;
    const bound = similarityBound(length, normalizeForMatch(unit.zh).length, counted - shared);
    if (Math.floor(bound * 100) < least) continue;
    const ratio = similarity(zh, unit.zh);
    if (ratio < MIN_SIMILARITY) continue;
    const score = Math.floor(ratio * 100);
    matches.push({ score, unit, diff: [] });
    const key = pairKey(unit);
    if ((best.get(key) ?? -1) >= score) continue;
    best.set(key, score);
    if (limit > 0 && best.size >= limit) least = Math.max(least, [...best.values()].sort((x, y) => y - x)[limit - 1]!);
  }
  matches.sort(compareMatches);
  // The same pair stored twice (a text and a memory imported from it) is shown once, as ranked first.
  const seen = new Set<string>();
  const unique = matches.filter(({ unit }) => {
    const key = pairKey(unit);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.slice(0, limit).map((match) => ({ ...match, diff: diffSpans(zh, match.unit.zh) }));
}

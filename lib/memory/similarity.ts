import DiffMatchPatch from 'diff-match-patch';
import { distance } from 'fastest-levenshtein';

/**
 * The one adapter for the edit distance (fastest-levenshtein) and the character diff
 * (diff-match-patch): similarity is measured on characters, so it needs no word segmenter.
 */

/** The least similarity a match must have to be shown. */
export const MIN_SIMILARITY = 0.5;

/** What similarity counts as an exact or near-exact match (it stands out in the panel). */
export const NEAR_EXACT = 0.95;

/** Characters compared: spaces are dropped, so a reflowed copy still matches exactly. */
export function normalizeForMatch(text: string): string {
  return text.replace(/\s+/gu, '');
}

/**
 * The set of character bigrams of a text, spaces dropped (a one-character text gives itself).
 * `'特斯拉'` → `['特斯', '斯拉']`.
 */
export function characterBigrams(text: string): string[] {
  const chars = [...normalizeForMatch(text)];
  if (chars.length === 1) return [chars[0]!];
  const seen = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i += 1) seen.add(chars[i]! + chars[i + 1]!);
  return [...seen];
}

/**
 * How alike two texts are, from 0 to 1: one minus their edit distance over the longer length
 * (spaces dropped). `('今天天气很好', '今天天气不好')` → 0.833….
 */
export function similarity(a: string, b: string): number {
  const x = normalizeForMatch(a);
  const y = normalizeForMatch(b);
  const longer = Math.max(x.length, y.length);
  if (longer === 0) return 0;
  return 1 - distance(x, y) / longer;
}

/**
 * The least edit distance two texts of these lengths can have: a cheap bound that skips the
 * full computation for candidates that cannot reach `min`. `(10, 30, 0.5)` → false.
 */
export function lengthsAllow(a: number, b: number, min = MIN_SIMILARITY): boolean {
  const longer = Math.max(a, b);
  if (longer === 0) return false;
  return 1 - Math.abs(a - b) / longer >= min;
}

/**
 * The highest similarity two texts can have, from what is cheap to know: their lengths (spaces
 * dropped) and how many distinct character bigrams of one the other lacks. An edit changes at most
 * two bigrams, so `missing` of them take at least `missing / 2` edits, and lengths `a` and `b` at
 * least `|a - b|`. `(40, 40, 10)` → 0.875; `(40, 30, 4)` → 0.75.
 */
export function similarityBound(a: number, b: number, missing: number): number {
  const longer = Math.max(a, b);
  if (longer === 0) return 0;
  return 1 - Math.max(Math.abs(a - b), Math.ceil(missing / 2)) / longer;
}

/** A span of a match's Chinese, `[start, end)` in UTF-16 offsets, that the current paragraph does not have. */
export type DiffSpan = [start: number, end: number];

const dmp = new DiffMatchPatch();
// A paragraph is at most a few thousand characters: no time limit, so the diff is the same on every machine.
dmp.Diff_Timeout = 0;

/**
 * Where `match` differs from `current`: the spans of `match` (in its own offsets) that were
 * inserted or replaced relative to `current`. `('今天天气很好', '今天天气不好')` → `[[4, 5]]`.
 */
export function diffSpans(current: string, match: string): DiffSpan[] {
  const diffs = dmp.diff_main(current, match);
  dmp.diff_cleanupSemantic(diffs);
  const spans: DiffSpan[] = [];
  let at = 0;
  for (const [op, text] of diffs) {
    if (op === DiffMatchPatch.DIFF_DELETE) continue;
    if (op === DiffMatchPatch.DIFF_INSERT) {
      const last = spans.at(-1);
      if (last && last[1] === at) last[1] = at + text.length;
      else spans.push([at, at + text.length]);
    }
    at += text.length;
  }
  return spans;
}

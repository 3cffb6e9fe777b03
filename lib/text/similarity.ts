/**
 * How alike two blocks of Chinese are, by their character bigrams (whitespace ignored). A text's
 * bigrams are counted once (`grams`) and compared many times. Pure.
 */

/** A text's character bigrams with their counts, and how many there are in all. */
export interface Grams {
  counts: Map<string, number>;
  total: number;
}

export function grams(text: string): Grams {
  const chars = [...text.replace(/\s+/g, '')];
  const counts = new Map<string, number>();
  if (chars.length === 1) counts.set(chars[0] ?? '', 1);
  for (let i = 0; i + 1 < chars.length; i += 1) {
    const gram = `${chars[i]}${chars[i + 1]}`;
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  let total = 0;
  for (const count of counts.values()) total += count;
  return { counts, total };
}

function overlap(a: Grams, b: Grams): number {
  const [small, large] = a.counts.size <= b.counts.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [gram, count] of small.counts) shared += Math.min(count, large.counts.get(gram) ?? 0);
  return shared;
}

/** Dice similarity of two texts' bigrams, 0–1. */
export function gramSimilarity(a: Grams, b: Grams): number {
  const size = a.total + b.total;
  return size === 0 ? 0 : (2 * overlap(a, b)) / size;
}

/** Share of `part`'s bigrams found in `whole`, 0–1. */
export function gramContainment(part: Grams, whole: Grams): number {
  return part.total === 0 ? 0 : overlap(part, whole) / part.total;
}

/** Dice similarity of two texts' character bigrams, 0–1. `('今天天气好', '今天天气很好')` → about 0.67. */
export function similarity(a: string, b: string): number {
  return gramSimilarity(grams(a), grams(b));
}

/** Share of `part`'s bigrams found in `whole`, 0–1. `('天气好', '今天天气好')` → 1. */
export function containment(part: string, whole: string): number {
  return gramContainment(grams(part), grams(whole));
}

/**
 * English stemming through `stemmer` (Martin Porter's algorithm), the only module that imports
 * it: distill, distilled and distillation all become `distil`, so a query for one finds the others.
 */
import { stemmer } from 'stemmer';

const cache = new Map<string, string>();
const CACHE_LIMIT = 50_000;

/** The stem of one lower-case word; digits and short words are kept as they are. `stem('distillation')` → `'distil'`. */
export function stem(word: string): string {
  if (word.length < 3 || !/^[a-z]+$/.test(word)) return word;
  let stemmed = cache.get(word);
  if (stemmed === undefined) {
    stemmed = stemmer(word);
    // Stems are reused across the whole library: keep one copy of each (bounded).
    if (cache.size < CACHE_LIMIT) cache.set(word, stemmed);
  }
  return stemmed;
}

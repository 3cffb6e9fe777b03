/**
 * The search engine on FlexSearch, the only module that imports it: one in-memory inverted index
 * per field, documents added and removed one at a time. Tokens arrive made (our own tokenizer
 * for Chinese, English and pinyin), so FlexSearch's encoder is replaced by a plain split.
 */
import { Index } from 'flexsearch';
import { engineFields, type EngineDocument, type EngineField, type SearchEngine } from './engine';

// One token per array element, joined with a separator that no token holds.
const SEPARATOR = '\u0001';
const encode = (text: string) => text.split(SEPARATOR).filter(Boolean);
/** More than any library holds: the engine returns every candidate, and ranking is ours. */
const NO_LIMIT = 10_000_000;

/** A SearchEngine in this process's memory. `createFlexSearchEngine().match('zh', ['智', '能'])` → `Map { key → score }`. */
export function createFlexSearchEngine(): SearchEngine {
  // resolution 1: we rank ourselves, so FlexSearch's positional scores are not needed (four times faster
  // look-ups); fastupdate: removing a paragraph touches its own entries, not the whole index.
  const make = () => new Index({ tokenize: 'strict', encode, cache: false, resolution: 1, fastupdate: true });
  const fields: Record<EngineField, Index> = { zh: make(), en: make(), py: make() };
  const live = new Set<number>();
  return {
    add(document: EngineDocument) {
      for (const field of engineFields) {
        const tokens = document[field];
        if (tokens.length > 0) fields[field].add(document.key, tokens.join(SEPARATOR));
      }
      live.add(document.key);
    },
    remove(key: number) {
      if (!live.delete(key)) return;
      for (const field of engineFields) fields[field].remove(key);
    },
    match(field: EngineField, tokens: readonly string[]) {
      const found = new Map<number, number>();
      if (tokens.length === 0) return found;
      const ids = fields[field].search(tokens.join(SEPARATOR), { limit: NO_LIMIT });
      // FlexSearch orders by where the tokens occur, not by a score: earlier is better.
      ids.forEach((id, rank) => found.set(Number(id), 1 / (rank + 1)));
      return found;
    },
    get size() {
      return live.size;
    },
  };
}

/**
 * The search engine on MiniSearch, the only module that imports it: an in-memory inverted index
 * with BM25 scores, documents added and discarded one at a time.
 */
import MiniSearch from 'minisearch';
import { engineFields, type EngineDocument, type EngineField, type SearchEngine } from './engine';

// Tokens arrive made: one per array element, joined with a separator that no token holds.
const SEPARATOR = '\u0001';
const tokenize = (text: string) => text.split(SEPARATOR);
const keep = (term: string) => term || null;

type Stored = { key: number; zh: string; en: string; py: string };

/** A SearchEngine in this process's memory. `createMiniSearchEngine().match('zh', ['智', '能'])` → `Map { key → score }`. */
export function createMiniSearchEngine(): SearchEngine {
  const index = new MiniSearch<Stored>({
    idField: 'key',
    fields: [...engineFields],
    storeFields: [],
    tokenize,
    processTerm: keep,
    searchOptions: { tokenize, processTerm: keep, combineWith: 'AND' },
  });
  return {
    add(document: EngineDocument) {
      index.add({
        key: document.key,
        zh: document.zh.join(SEPARATOR),
        en: document.en.join(SEPARATOR),
        py: document.py.join(SEPARATOR),
      });
    },
    remove(key: number) {
      if (index.has(key)) index.discard(key);
    },
    match(field: EngineField, tokens: readonly string[]) {
      const found = new Map<number, number>();
      if (tokens.length === 0) return found;
      for (const result of index.search(tokens.join(SEPARATOR), { fields: [field], combineWith: 'AND' })) {
        found.set(result.id as number, result.score);
      }
      return found;
    },
    get size() {
      return index.documentCount;
    },
  };
}

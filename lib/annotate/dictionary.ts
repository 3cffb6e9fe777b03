import 'server-only';
// Dictionary data: CC-CEDICT by MDBG, licensed CC BY-SA 4.0 (https://cc-cedict.org/wiki/).
// The app must show this attribution wherever it shows senses.
import path from 'node:path';
import { buildWords, DictionaryError, getCedictSource } from './dictionary-build';
import { readCache, writeCache } from './dictionary-cache';
import { Words } from './dictionary-entries';
import { lookupIn } from './dictionary-lookup';
import type { DictionaryEntry } from './types';
import { processState } from '@/lib/process-state';

export { DictionaryError } from './dictionary-build';
export { readableSense } from './dictionary-senses';

/**
 * The dictionary: CC-CEDICT senses for a word, loaded once per process.
 *
 * Loading cc-cedict costs seconds and hundreds of megabytes, so it happens once per installation:
 * a child process imports it and hands back the raw entries (`dictionary-build.ts`), from which a
 * compact lookup (simplified word → [numbered pinyin, traditional, senses][]) is built and cached
 * on disk as `node_modules/.cache/bilingual-reader/cedict-<version>.json` (folder overridable with
 * `CEDICT_CACHE_DIR`; `dictionary-cache.ts`). Later processes read that file; the loaded lookup
 * is kept once per process (lib/process-state.ts), so no route bundle loads it again.
 *
 * Use: `await lookupWord('赋能')`, or `await loadDictionary()` once and then `lookupWordSync`.
 * How an entry is chosen is in `dictionary-lookup.ts`; how senses are cleaned up in
 * `dictionary-senses.ts`.
 */

/** How the dictionary was loaded: from the disk cache or built from cc-cedict. */
export interface DictionaryLoad {
  source: 'cache' | 'built';
  /** The cache file read or written. */
  file: string;
  /** Number of distinct simplified headwords. */
  words: number;
  /** Load time in milliseconds. */
  ms: number;
  /** Set when the cache could not be written; the dictionary still works for this process. */
  cacheError?: string;
}

interface Loaded {
  words: Words;
  info: DictionaryLoad;
}

interface Store {
  current?: {
    /** The value of CEDICT_CACHE_DIR the dictionary was loaded for. */
    key: string;
    promise: Promise<Loaded>;
    loaded?: Loaded;
  };
}

function getStore(): Store {
  return processState<Store>('cedict', () => ({}));
}

/**
 * Loads the dictionary once per process (reading the disk cache, or building it the first time):
 * `await loadDictionary()` → `{ source: 'cache', words: 120521, ms: 380, … }`, after which
 * `lookupWordSync('赋能')` answers at once. Later calls return the same load; `{ fresh: true }`
 * drops the loaded copy and loads from disk again.
 */
export async function loadDictionary(options: { fresh?: boolean } = {}): Promise<DictionaryLoad> {
  return (await getLoaded(options.fresh ?? false)).info;
}

function getLoaded(fresh: boolean): Promise<Loaded> {
  const store = getStore();
  const key = process.env.CEDICT_CACHE_DIR ?? '';
  if (!fresh && store.current?.key === key) return store.current.promise;
  const current: NonNullable<Store['current']> = {
    key,
    promise: readOrBuild(key),
  };
  store.current = current;
  current.promise.then(
    (loaded) => {
      current.loaded = loaded;
    },
    () => {
      // Let the next call try again.
      if (store.current === current) store.current = undefined;
    },
  );
  return current.promise;
}

/**
 * The CC-CEDICT entry of a simplified word, loading the dictionary if needed. `preferredPinyin` is
 * the reading the text uses (tone marks, syllables separated by spaces); it picks among readings.
 * `await lookupWord('赋能')` → `{ pinyin: 'fù néng', senses: ['(neologism c. 2019) to empower', …],
 * traditional: '賦能' }`; `await lookupWord('了', 'le')` → `{ pinyin: 'le', senses: ['(completed
 * action marker)', …] }`; `await lookupWord('AI')` → `undefined`. A word of a traditional text
 * comes with its simplified form, as long as the word: `await lookupWord('母親', undefined, '母亲')`
 * → `{ pinyin: 'mǔ qīn', senses: ['mother', …] }`.
 */
export async function lookupWord(
  word: string,
  preferredPinyin?: string,
  simplified?: string,
): Promise<DictionaryEntry | undefined> {
  const { words } = await getLoaded(false);
  return lookupIn(words, word, preferredPinyin, simplified);
}

/**
 * `lookupWord` without waiting, after `await loadDictionary()`; throws a `DictionaryError` if the
 * dictionary is not loaded yet. `lookupWordSync('中国')` → `{ pinyin: 'Zhōng guó', senses:
 * ['China'], traditional: '中國' }`.
 */
export function lookupWordSync(word: string, preferredPinyin?: string, simplified?: string): DictionaryEntry | undefined {
  const loaded = getStore().current?.loaded;
  if (!loaded) throw new DictionaryError('The dictionary is not loaded: await loadDictionary() first');
  return lookupIn(loaded.words, word, preferredPinyin, simplified);
}

async function readOrBuild(cacheDirSetting: string): Promise<Loaded> {
  const started = performance.now();
  const source = await getCedictSource();
  const cacheDir = cacheDirSetting || path.join(source.root, 'node_modules', '.cache', 'bilingual-reader');
  const file = path.join(cacheDir, `cedict-${source.version}.json`);
  const cached = await readCache(file, source.stamp);
  if (cached) {
    const ms = Math.round(performance.now() - started);
    return {
      words: cached,
      info: { source: 'cache', file, words: cached.size, ms },
    };
  }
  const built = await buildWords(source.root);
  let cacheError: string | undefined;
  try {
    await writeCache(file, source.stamp, built);
  } catch (error) {
    cacheError = `Could not write ${file}: ${error instanceof Error ? error.message : String(error)}`;
  }
  const words = new Words(built.words, built.count, built.traditional);
  const ms = Math.round(performance.now() - started);
  return {
    words,
    info: {
      source: 'built',
      file,
      words: words.size,
      ms,
      ...(cacheError ? { cacheError } : {}),
    },
  };
}

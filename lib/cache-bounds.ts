import { getHeapStatistics } from 'node:v8';
import bounds from './cache-bounds.json';

/**
 * Every in-process cache and its bound, in one place (the numbers are in cache-bounds.json so
 * that cache-handler.cjs, which Next.js loads without compiling, reads the same ones). The large
 * ones are shares of the server's heap limit (`npm run serve` sets it from BILINGUAL_HEAP_MB), so
 * that together they leave the server room to render whatever it is asked, however many books
 * are read:
 * - `loadedTexts`: parsed texts with their glosses (lib/library/text-files.ts), by source file
 *   (about 6 bytes per character of Chinese: a novel is a few MB); a text's sections are kept
 *   with it;
 * - `annotationsHeapShare`: word, pinyin and term annotations of single blocks, by the block's
 *   content (lib/library/annotate-text.ts), weighed at ANNOTATION_BYTES_PER_CHAR;
 * - `pageCacheHeapShare`: rendered pages (HTML + RSC) kept by cache-handler.cjs, by payload size;
 *   `pageCacheEntryMegabytes`: a page larger than this is not kept;
 * - `searchIndexHeapShare`: the search index (lib/search/library-search.ts); a text that would
 *   take it past this is left out of search, and the search page says so;
 * - `memoryIndexHeapShare`: the translation memory (lib/memory/library-memory.ts); a text or an
 *   imported memory that would take it past this is left out of the matches;
 * - `sentenceMemoryHeapShare`: the memory's sentence pairs (lib/memory/library-sentences.ts); a
 *   text whose sentences would take it past this gives no sentence matches.
 * Each cache is least-recently-used: the oldest entry goes first when the bound is reached.
 */
export const CACHE_BOUNDS: Readonly<{
  loadedTexts: number;
  annotationsHeapShare: number;
  pageCacheHeapShare: number;
  pageCacheEntryMegabytes: number;
  searchIndexHeapShare: number;
  memoryIndexHeapShare: number;
  sentenceMemoryHeapShare: number;
}> = bounds;

/** The heap limit of this process in bytes (`--max-old-space-size`, or V8's default). */
export function heapLimitBytes(): number {
  return getHeapStatistics().heap_size_limit;
}

/** A share of the heap limit, in bytes: `heapShareBytes(0.1)` → about 52 MB on a 512 MB heap. */
export function heapShareBytes(share: number, limit: number = heapLimitBytes()): number {
  return Math.floor(share * limit);
}

/**
 * The smallest heap limit a server is supported on. The caches' shares leave half the heap for
 * rendering, but below this that half is too little: a server given 192 MB died of heap
 * exhaustion after 3,200–3,600 saves with a reader fetching pages, while 256 MB and up level off.
 */
export const MIN_HEAP_MB = 256;

/**
 * Why a heap limit is too small to serve with, or undefined when it is enough:
 * `heapTooSmall(192 * 1024 * 1024)` → `'The server has a 192 MB heap; it needs at least 256 MB …'`.
 */
export function heapTooSmall(limit: number = heapLimitBytes()): string | undefined {
  if (limit >= MIN_HEAP_MB * 1024 * 1024) return undefined;
  const mb = Math.floor(limit / 1024 / 1024);
  return `The server has a ${mb} MB heap; it needs at least ${MIN_HEAP_MB} MB (set BILINGUAL_HEAP_MB=${MIN_HEAP_MB} or more): below that its caches leave too little room to render pages, and it runs out of memory under load`;
}

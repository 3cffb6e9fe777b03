import bounds from './cache-bounds.json';

/**
 * Every in-process cache and its bound, in one place (the numbers are in cache-bounds.json so
 * that cache-handler.cjs, which Next.js loads without compiling, reads the same ones):
 * - `loadedTexts`: parsed texts with their glosses (lib/library/load.ts), by source file;
 * - `annotatedBlocks`: word, pinyin and term annotations of single blocks, by the block's content
 *   (lib/library/annotate-text.ts);
 * - `sectionedTexts`: the sections of a text and its id → section map (lib/library/sections.ts);
 * - `pageCacheMegabytes`: rendered pages (HTML + RSC) kept by cache-handler.cjs, in MB of payload;
 *   `pageCacheEntryMegabytes`: a page larger than this is not kept.
 * Each is least-recently-used: the oldest entry goes first when the bound is reached.
 */
export const CACHE_BOUNDS: Readonly<{
  loadedTexts: number;
  annotatedBlocks: number;
  sectionedTexts: number;
  pageCacheMegabytes: number;
  pageCacheEntryMegabytes: number;
}> = bounds;

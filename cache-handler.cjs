// The page cache behind `next start` (next.config.js `cacheHandler`). Pages made on demand
// (reading sections, paragraph pages, the library) are kept in memory only, each with a
// fingerprint of the data files it was made from: a page is served from the cache only while
// those files are unchanged on disk, whoever changed them (a save, `git pull`, a hand edit, a
// restore). The fingerprint is the app's (lib/store/page-freshness.ts); this file keeps the
// entries. Nothing persists across restarts, so a server started on another data folder never
// sees pages made from the previous one. Bounded in bytes, a share of the heap limit
// (lib/cache-bounds.json).
// Next.js loads this file itself, uncompiled: plain CommonJS, Node built-ins only.
'use strict';

const { getHeapStatistics } = require('node:v8');
const bounds = require('./lib/cache-bounds.json');

/** A share of the heap limit, as lib/cache-bounds.ts gives the other caches theirs. */
const MAX_BYTES = Math.floor(bounds.pageCacheHeapShare * getHeapStatistics().heap_size_limit);
const MAX_ENTRY_BYTES = bounds.pageCacheEntryMegabytes * 1024 * 1024;

const FINGERPRINT_HOOK = Symbol.for('bilingual-reader.page-fingerprint');

/**
 * What the page depends on, from the app's own check (lib/store/page-freshness.ts, registered at
 * start by instrumentation.ts); undefined before it is registered, and then nothing is cached.
 */
async function fingerprint(pathname, html) {
  const hook = globalThis[FINGERPRINT_HOOK];
  if (typeof hook !== 'function') return undefined;
  try {
    return await hook(pathname, html);
  } catch {
    return undefined;
  }
}

/** The page path a cache key is for: `/route-cache/APP_PAGE/<hash>/$/en/read/x` → `/en/read/x`. */
function pathnameOf(key) {
  const at = key.indexOf('/$/');
  return at >= 0 ? key.slice(at + 2) : key;
}

function sizeOf(value) {
  if (!value) return 64;
  let size = 64;
  if (typeof value.html === 'string') size += value.html.length * 2;
  else if (value.html && typeof value.html.length === 'number') size += value.html.length;
  if (value.rscData) size += value.rscData.length;
  if (value.body) size += value.body.length;
  if (value.segmentData) for (const [segment, buffer] of value.segmentData) size += segment.length + (buffer ? buffer.length : 0);
  if (value.kind === 'FETCH') size += JSON.stringify(value.data || '').length;
  return size;
}

function tagsOf(value, ctx) {
  const tags = new Set((ctx && ctx.tags) || []);
  const header = value && value.headers && value.headers['x-next-cache-tags'];
  if (typeof header === 'string') for (const tag of header.split(',')) tags.add(tag);
  return tags;
}

const STORE_KEY = Symbol.for('bilingual-reader.page-cache');

/** One store per process, whichever bundle constructs the handler. */
function store() {
  globalThis[STORE_KEY] ??= { entries: new Map(), bytes: 0 };
  return globalThis[STORE_KEY];
}

function remove(key) {
  const s = store();
  const entry = s.entries.get(key);
  if (!entry) return;
  s.entries.delete(key);
  s.bytes -= entry.size;
}

module.exports = class DataBoundCacheHandler {
  constructor() {}

  async get(key) {
    const entry = store().entries.get(key);
    if (!entry) return null;
    const now = await fingerprint(entry.pathname);
    if (now === undefined || entry.fingerprint !== now) {
      remove(key);
      return null;
    }
    // Least recently used goes first: move it to the end.
    store().entries.delete(key);
    store().entries.set(key, entry);
    // The data is unchanged, so the page is as fresh as when it was made.
    return { lastModified: Date.now(), value: entry.value, ...(entry.cacheControl ? { cacheControl: entry.cacheControl } : {}) };
  }

  async set(key, value, ctx) {
    remove(key);
    if (!value) return;
    const size = sizeOf(value) + key.length;
    if (size > MAX_ENTRY_BYTES) return;
    const pathname = pathnameOf(key);
    // The digest the page was made from, not the one of the files now: a save during the render
    // must not leave the page cached as if it held it.
    const print = await fingerprint(pathname, value.html);
    if (print === undefined) return;
    const s = store();
    remove(key);
    s.entries.set(key, {
      value,
      pathname,
      fingerprint: print,
      tags: tagsOf(value, ctx),
      size,
      cacheControl: ctx && ctx.cacheControl,
    });
    s.bytes += size;
    while (s.bytes > MAX_BYTES && s.entries.size > 1) remove(s.entries.keys().next().value);
  }

  async revalidateTag(tags) {
    const list = typeof tags === 'string' ? [tags] : tags;
    for (const [key, entry] of store().entries) if (list.some((tag) => entry.tags.has(tag))) remove(key);
  }

  resetRequestCache() {}
};

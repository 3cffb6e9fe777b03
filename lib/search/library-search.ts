import 'server-only';
import { pinyinByOffset } from '@/lib/annotate/pinyin';
import { CACHE_BOUNDS, heapLimitBytes, heapShareBytes } from '@/lib/cache-bounds';
import { GLOSS_LANGUAGE, loadText, type TextView } from '@/lib/library/load';
import { textFingerprint } from '@/lib/store/fingerprint';
import { textLanguages } from '@/lib/store/languages';
import { listSources, type SourceFile } from '@/lib/store/sources';
import { plainText } from '@/lib/text/inline';
import { isGlossable } from '@/lib/text/types';
import type { SearchableBlock } from './document';
import { createFlexSearchEngine } from './flexsearch-engine';
import type { SearchRequest } from './request';
import { blockCharacters, SearchIndex, type SearchPage, type TextTitle } from './search-index';
import { processState, setProcessState } from '@/lib/process-state';

/**
 * The library's search index in this server process: built on the first search, from the same
 * loaded texts the reader shows, and brought up to date before every search by comparing each
 * text's files with what was indexed (so a save, an import or an edit on disk is found as soon
 * as it is written). Only texts whose files changed are loaded again, and only their changed
 * blocks are indexed again. A restart builds it anew.
 */
interface State {
  index: SearchIndex;
  fingerprints: Map<string, string>;
  /** The refresh in progress: searches wait for it instead of starting their own. */
  queue: Promise<unknown>;
  /** Why a text could not be indexed (it is left out). */
  problems: Map<string, string>;
  /** The texts the refresh in progress has still to index (new or changed since they were indexed). */
  pending: Set<string>;
}

function state(): State {
  // One index per process: route handlers and pages are separate bundles.
  return processState<State>('search', () => ({
    index: new SearchIndex(createFlexSearchEngine(), pinyinByOffset),
    fingerprints: new Map(),
    queue: Promise.resolve(),
    problems: new Map(),
    pending: new Set(),
  }));
}

/**
 * A loaded text's blocks as the index takes them: the plain text a reader sees, with the glosses
 * of the text's other target languages (`others`: each language's view of the same text).
 */
export function searchableBlocks(text: TextView, others: readonly TextView[] = []): SearchableBlock[] {
  const byLang = others.map((view) => ({ lang: view.lang, glosses: new Map(view.blocks.map((b) => [b.id, b.en])) }));
  return text.blocks
    .filter((block) => isGlossable(block.type))
    .map((block) => {
      const glosses: Record<string, string> = {};
      for (const { lang, glosses: of } of byLang) {
        const gloss = of.get(block.id);
        if (gloss) glosses[lang] = plainText(gloss);
      }
      return {
        id: block.id,
        type: block.type,
        zh: plainText(block.text),
        ...(block.en ? { en: plainText(block.en) } : {}),
        ...(block.status ? { status: block.status } : {}),
        ...(Object.keys(glosses).length > 0 ? { glosses } : {}),
      };
    });
}

/** What a text is indexed from, in every target language: changed when any of its files did. */
async function libraryFingerprint(source: SourceFile): Promise<string> {
  const langs = await textLanguages(source.slug);
  const parts = await Promise.all(langs.map(async (lang) => `${lang}:${await textFingerprint(source, lang)}`));
  return parts.join('|');
}

/** A text's views in its target languages other than English, for the index. */
async function otherLanguageViews(slug: string): Promise<TextView[]> {
  const langs = (await textLanguages(slug)).filter((lang) => lang !== GLOSS_LANGUAGE);
  const views = await Promise.all(langs.map((lang) => loadText(slug, { lang })));
  return views.flatMap((view) => (view?.ok ? [view.text] : []));
}

/**
 * About what the index holds per character of a text's Chinese and English (measured with
 * `npm run bench:search`: 112 MB for 10,100 paragraphs of 1.2 M characters). The index may take
 * CACHE_BOUNDS.searchIndexHeapShare of the heap limit, so that it never crowds out reading (the
 * annotation and page caches have their own shares); a text that would take it past that, or
 * that the heap has no room for now, is left out of search, and says so, rather than the server
 * running out of memory.
 */
export const INDEX_BYTES_PER_CHAR = 100;
/**
 * About what the index holds per block, however short: 2.4 KB per block of one character
 * (measured: 237 MB for 100,000 such blocks). Counting characters alone, a text of 200,000
 * one-character paragraphs looked like 20 MB and ran a 512 MB server out of memory.
 */
export const INDEX_BYTES_PER_BLOCK = 2_400;

/** What a text (or the index) holds: characters of Chinese and English, and blocks. */
export interface IndexSize {
  chars: number;
  blocks: number;
}

/**
 * The index memory for this much text: whichever of its characters and its blocks weighs more
 * (a novel's paragraphs are weighed by their characters, a list of one-character lines by its lines).
 * `indexBytes({ chars: 200_000, blocks: 200_000 })` → 480,000,000.
 */
export function indexBytes(size: IndexSize): number {
  return Math.max(size.chars * INDEX_BYTES_PER_CHAR, size.blocks * INDEX_BYTES_PER_BLOCK, 0);
}
/** The most of the heap limit the heap may reach while a text is being indexed. */
export const HEAP_SHARE_WHILE_INDEXING = 0.85;

/**
 * Why adding `added` to an index holding `indexed` would run short of memory (the index past its
 * share, or the heap past HEAP_SHARE_WHILE_INDEXING now); undefined when it fits. Both are
 * weighed by characters and by blocks (see indexBytes).
 */
export function memoryShortfall(
  added: IndexSize,
  heap: { used: number; limit: number } = { used: process.memoryUsage().heapUsed, limit: heapLimitBytes() },
  indexed: IndexSize = { chars: 0, blocks: 0 },
): string | undefined {
  const needed = indexBytes(added);
  const share = heapShareBytes(CACHE_BOUNDS.searchIndexHeapShare, heap.limit);
  const fitsShare = indexBytes({ chars: indexed.chars + added.chars, blocks: indexed.blocks + added.blocks }) <= share;
  const fitsNow = heap.used + needed <= heap.limit * HEAP_SHARE_WHILE_INDEXING;
  if (fitsShare && fitsNow) return undefined;
  const mb = (bytes: number) => Math.ceil(bytes / 1024 / 1024);
  const why = fitsShare
    ? `the server has ${mb(heap.limit)} MB with ${mb(heap.used)} MB in use`
    : `the search index may take ${mb(share)} MB of the server's ${mb(heap.limit)} MB, and holds ${mb(indexBytes(indexed))} MB`;
  return `left out of search: indexing it needs about ${mb(needed)} MB, and ${why} (start it with a larger BILINGUAL_HEAP_MB)`;
}

async function refresh(current: State): Promise<void> {
  const { sources } = await listSources();
  const seen = new Set(sources.map((source) => source.slug));
  const fingerprints = await Promise.all(sources.map(libraryFingerprint));
  current.pending = new Set(
    sources.filter((source, i) => current.fingerprints.get(source.slug) !== fingerprints[i]).map((s) => s.slug),
  );
  try {
    await indexChanged(current, sources, fingerprints);
  } finally {
    current.pending.clear();
  }
  for (const slug of current.index.slugs()) {
    if (seen.has(slug)) continue;
    current.index.removeText(slug);
    current.fingerprints.delete(slug);
  }
  for (const slug of current.fingerprints.keys()) if (!seen.has(slug)) current.fingerprints.delete(slug);
  for (const slug of current.problems.keys()) if (!seen.has(slug)) current.problems.delete(slug);
}

/** Indexes the texts whose files changed since they were indexed, one after another. */
async function indexChanged(current: State, sources: { slug: string }[], fingerprints: string[]): Promise<void> {
  for (const [i, source] of sources.entries()) {
    const fingerprint = fingerprints[i] ?? '';
    if (current.fingerprints.get(source.slug) === fingerprint) continue;
    const loaded = await loadText(source.slug);
    const blocks = loaded?.ok ? searchableBlocks(loaded.text, await otherLanguageViews(source.slug)) : [];
    // What the text adds to the index: all of it when new, what it adds when already in.
    const chars = blocks.reduce((sum, b) => sum + blockCharacters(b), 0);
    // The index after: what it holds now, with this text's old blocks replaced by its new ones.
    const own = { chars: current.index.characters(source.slug), blocks: current.index.blockCount(source.slug) };
    const added = { chars: chars - own.chars, blocks: blocks.length - own.blocks };
    const indexed = { chars: current.index.totalCharacters(), blocks: current.index.size };
    const shortfall = loaded?.ok ? memoryShortfall(added, undefined, indexed) : undefined;
    if (loaded?.ok && shortfall) {
      current.index.removeText(source.slug);
      current.problems.set(source.slug, shortfall);
    } else if (loaded?.ok) {
      const title: TextTitle = { zh: loaded.text.title.zh, ...(loaded.text.title.en ? { en: loaded.text.title.en } : {}) };
      await current.index.setTextGradually(source.slug, title, blocks);
      current.problems.delete(source.slug);
    } else {
      current.index.removeText(source.slug);
      current.problems.set(source.slug, loaded ? loaded.broken.error : 'not found');
    }
    current.fingerprints.set(source.slug, fingerprint);
    current.pending.delete(source.slug);
  }
}

/** Brings the index up to date with the files; concurrent callers share one pass. */
export async function currentIndex(): Promise<SearchIndex> {
  const current = state();
  const pass = current.queue.then(() => refresh(current));
  // A failed pass is reported to its callers and does not block the next one.
  current.queue = pass.catch(() => undefined);
  await pass;
  return current.index;
}

/** How long after the server starts the index is built in the background (see warmSearchIndex). */
export const SEARCH_WARM_UP_DELAY_MS = 2_000;

/**
 * Builds the index in the background after `delayMs`, so that the first search on a server that
 * just started does not wait for every text to be read and indexed (seconds for a novel). Texts are
 * indexed a few hundred blocks at a time, so pages keep being served meanwhile; a search made
 * before it is done waits for the same pass. Resolves with what was indexed, or the error.
 */
export function warmSearchIndex(delayMs = SEARCH_WARM_UP_DELAY_MS): Promise<{ texts: number; seconds: number } | Error> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      const started = performance.now();
      currentIndex().then(
        (index) => resolve({ texts: index.slugs().length, seconds: (performance.now() - started) / 1000 }),
        (error: unknown) => resolve(error instanceof Error ? error : new Error(String(error))),
      );
    }, delayMs);
    timer.unref();
  });
}

/** The texts in the index now, without bringing it up to date. */
export function indexedSlugs(): string[] {
  return state().index.slugs();
}

/** A text the search could not take in, and why. */
export interface LeftOut {
  slug: string;
  reason: string;
}

export type LibrarySearchResult =
  | ({
      ok: true;
      titles: Record<string, TextTitle>;
      leftOut: LeftOut[];
      /** Texts still being indexed when the search ran: their results may be missing or partial. */
      indexing: string[];
    } & SearchPage)
  | { ok: false; kind: 'unknown-text'; error: string };

/**
 * How long a search waits for the index to catch up with the files before it answers from what
 * is indexed (and says which texts are still being indexed): a book just added takes seconds.
 */
export const SEARCH_WAIT_MS = 1_500;

/** The index brought up to date, or as it is after `waitMs` if the refresh takes longer. */
async function indexWithin(waitMs: number): Promise<{ index: SearchIndex; indexing: string[] }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), waitMs);
  });
  const pass = currentIndex();
  const index = await Promise.race([pass, late]);
  clearTimeout(timer);
  if (index) return { index, indexing: [] };
  const current = state();
  // Until the refresh knows which texts it has to index, an answer could not say what it lacks: wait.
  if (current.pending.size === 0) return { index: await pass, indexing: [] };
  return { index: current.index, indexing: [...current.pending] };
}

/** The texts left out of the index (unreadable, or too large for the memory there is). */
function leftOut(): LeftOut[] {
  return [...state().problems].map(([slug, reason]) => ({ slug, reason }));
}

/**
 * Runs a validated search over the whole library (or one text), with the titles of the texts
 * in the results; while texts are being indexed past `waitMs`, from what is indexed, naming them.
 * `searchLibrary(request)` → `{ ok: true, total, results, next, titles, leftOut: [], indexing: [] }`.
 */
export async function searchLibrary(request: SearchRequest, waitMs = SEARCH_WAIT_MS): Promise<LibrarySearchResult> {
  const { index, indexing } = await indexWithin(waitMs);
  if (request.text && !index.title(request.text))
    return { ok: false, kind: 'unknown-text', error: `Unknown text: ${request.text}` };
  const page = index.search(request.terms, {
    limit: request.limit,
    offset: request.offset,
    ...(request.text ? { text: request.text } : {}),
    ...(request.statuses ? { statuses: request.statuses } : {}),
    ...(request.field ? { field: request.field } : {}),
    ...(request.langs ? { langs: request.langs } : {}),
  });
  const titles: Record<string, TextTitle> = {};
  for (const hit of page.results) titles[hit.slug] ??= index.title(hit.slug) ?? { zh: hit.slug };
  return { ok: true, ...page, titles, leftOut: leftOut(), indexing };
}

/** The titles of every indexed text, in slug order, for choosing one to search in. */
export async function searchableTexts(): Promise<{ slug: string; title: TextTitle }[]> {
  const index = await currentIndex();
  return index.slugs().map((slug) => ({ slug, title: index.title(slug) ?? { zh: slug } }));
}

/** Forgets the index, so the next search builds it anew (for the benchmark and tests). */
export function resetSearchIndex(): void {
  setProcessState('search', undefined);
}

import 'server-only';
import { loadText } from '@/lib/library/load';
import { pageDigest, type DigestedPage } from '@/lib/reading/page-digest';
import { findSection } from '@/lib/reading/sections';
import { dataFingerprint, digestInHtml, readingPageSlug } from '@/lib/store/page-freshness';
import { setProcessState } from '@/lib/process-state';

/** Where cache-handler.cjs finds pageFingerprint. */

/** `/en/read/novel/s/a5h2d1` → `{ slug: 'novel', page: … }`; undefined for any other path. */
function readingPage(pathname: string): { slug: string; section?: string; id?: string } | undefined {
  const match = /^\/[a-z]{2}\/read\/([a-z0-9][a-z0-9_-]*)(?:\/(s|p)\/([a-z0-9]+))?\/?$/.exec(pathname);
  if (!match?.[1]) return undefined;
  if (match[2] === 's') return { slug: match[1], section: match[3] };
  if (match[2] === 'p') return { slug: match[1], id: match[3] };
  return { slug: match[1] };
}

/** The digest of the English a reading page shows, from the text as on disk now; undefined when there is none to give. */
export async function readingPageDigest(pathname: string): Promise<string | undefined> {
  const target = readingPage(pathname);
  if (!target) return undefined;
  const loaded = await loadText(target.slug);
  if (!loaded?.ok) return undefined;
  let page: DigestedPage = { kind: 'section', index: 0 };
  if (target.id) page = { kind: 'paragraph', id: target.id };
  else if (target.section) {
    const found = findSection(loaded.text, target.section);
    if (!found) return undefined;
    page = { kind: 'section', index: found.index };
  }
  return pageDigest(loaded.text, page);
}

/**
 * What the page at `pathname` depends on, for the page cache (cache-handler.cjs): with the HTML
 * of a page just made, the digest it was made from (a save during the render must not leave the
 * page cached as if it held it); without, the digest of the text as on disk now.
 */
export async function pageFingerprint(pathname: string, html?: unknown): Promise<string> {
  const digest = readingPageSlug(pathname)
    ? (digestInHtml(html) ?? (await readingPageDigest(pathname).catch(() => undefined)))
    : undefined;
  return dataFingerprint(pathname, digest);
}

/**
 * Gives the page cache its freshness check, so that each reading page is tied to the glosses it
 * shows rather than to the whole text's gloss files: a save regenerates the pages it changed and
 * no others. Called once at start (instrumentation.ts); until then the cache keeps nothing.
 */
export function registerPageFingerprint(): void {
  setProcessState('page-fingerprint', pageFingerprint);
}

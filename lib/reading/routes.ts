import 'server-only';
import { isBlockId } from '@/lib/text/hash';
import { isGlossable } from '@/lib/text/types';
import { loadText } from '@/lib/library/load';
import { readingRedirect, type ReadingRedirect } from './reading-redirect';
import { findSection, locateBlock, textSections } from './sections';

/** A reading URL taken apart: `/read/<slug>`, `/read/<slug>/p/<id>`, `/read/<slug>/s/<name>`, `/read/<slug>/contents`. */
export interface ReadingRoute {
  slug: string;
  kind?: 'p' | 's' | 'contents';
  id?: string;
}

/**
 * The reading route a path names, or undefined for any other path (a language prefix is allowed).
 * `readingRoute('/zh/read/novel/p/k3x9qa')` → `{ slug: 'novel', kind: 'p', id: 'k3x9qa' }`.
 */
export function readingRoute(pathname: string): ReadingRoute | undefined {
  const match = /^(?:\/[a-z]{2})?\/read\/([^/]+)(?:\/(p|s)\/([^/]+)|\/(contents))?\/?$/.exec(pathname);
  if (!match) return undefined;
  const [, slug, kind, id, contents] = match;
  if (!slug) return undefined;
  if (contents) return { slug: decodeURIComponent(slug), kind: 'contents' };
  return { slug: decodeURIComponent(slug), ...(kind === 'p' || kind === 's' ? { kind, id: decodeURIComponent(id ?? '') } : {}) };
}

/**
 * Whether a reading route has a page: the text exists (a broken one too: its page says what is
 * wrong); a paragraph id is a live or retired block; a section name is a section or a block id
 * (the page sends it to the section holding that block).
 */
export async function readingRouteExists(route: ReadingRoute): Promise<boolean> {
  const loaded = await loadText(route.slug);
  if (!loaded) return false;
  if (!route.kind) return true;
  if (route.kind === 'contents') return loaded.ok;
  if (!loaded.ok || !route.id || !isBlockId(route.id)) return false;
  const text = loaded.text;
  if (route.kind === 'p') {
    return text.blocks.some((b) => b.id === route.id && isGlossable(b.type)) || text.retired.some((r) => r.id === route.id);
  }
  return findSection(text, route.id) !== undefined || locateBlock(text, route.id) !== undefined;
}

/**
 * What a reading route answers: a page, a redirect (an old section name, the first section's
 * name, a retired paragraph id; see readingRedirect), or nothing (404). proxy.ts decides here,
 * where the request's query is known, so a redirect keeps the reader's options.
 */
export async function readingRouteAnswer(
  route: ReadingRoute,
): Promise<{ kind: 'missing' } | { kind: 'page' } | ({ kind: 'redirect' } & ReadingRedirect)> {
  if (!(await readingRouteExists(route))) return { kind: 'missing' };
  if (!route.kind || route.kind === 'contents' || !route.id) return { kind: 'page' };
  const loaded = await loadText(route.slug);
  if (!loaded?.ok) return { kind: 'page' };
  const redirect = readingRedirect(loaded.text, textSections(loaded.text), route.slug, { kind: route.kind, id: route.id });
  return redirect ? { kind: 'redirect', ...redirect } : { kind: 'page' };
}

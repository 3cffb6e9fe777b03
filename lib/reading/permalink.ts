import { sectionIndexAt, type Section } from '@/lib/text/sections';
import type { RetiredEntry } from '@/lib/text/ids';

/** What resolving a permalink needs of a text. */
export interface PermalinkText {
  blocks: readonly { id: string }[];
  retired: readonly Pick<RetiredEntry, 'id' | 'mergedInto'>[];
}

/** Where a block id leads: the live block (itself, or the one a retired id was merged into) and its section. */
export interface PermalinkTarget {
  id: string;
  /** Index of the block in the text, and of its section. */
  block: number;
  section: number;
  /** The id asked for is retired; `id` is where its text went. */
  retired: boolean;
}

/**
 * Resolves `#<id>` in a sectioned text: a live id to its own section, a retired id along its
 * merge chain to the live block that took its text; undefined for an unknown id or a retired one
 * whose text is gone. `resolvePermalink(text, sections, 'k3x9qa')` → `{ id: 'k3x9qa', block: 812, section: 37, retired: false }`.
 */
export function resolvePermalink(text: PermalinkText, sections: readonly Section[], id: string): PermalinkTarget | undefined {
  const indexOf = new Map(text.blocks.map((b, i) => [b.id, i]));
  const mergedInto = new Map(text.retired.map((r) => [r.id, r.mergedInto]));
  const seen = new Set<string>();
  let current: string | undefined = id;
  while (current !== undefined && !indexOf.has(current) && !seen.has(current)) {
    seen.add(current);
    current = mergedInto.get(current);
  }
  if (current === undefined) return undefined;
  const block = indexOf.get(current);
  if (block === undefined) return undefined;
  const section = sectionIndexAt(sections, block);
  return section < 0 ? undefined : { id: current, block, section, retired: current !== id };
}

/**
 * The path of a section: the text's own URL for the first, `/read/<slug>/s/<name>` for the rest.
 * `sectionPath('novel', sections, 0)` → `/read/novel`.
 */
export function sectionPath(slug: string, sections: readonly Section[], index: number): string {
  const section = sections[index];
  return index <= 0 || !section ? `/read/${slug}` : `/read/${slug}/s/${section.name}`;
}

/** The page listing every section of a text: `contentsPath('novel')` → `/read/novel/contents`. */
export function contentsPath(slug: string): string {
  return `/read/${slug}/contents`;
}

/**
 * The shortest link to a block that works from anywhere: `/read/<slug>#<id>` (the page finds the
 * block's section itself). `blockLink('novel', 'k3x9qa')` → `/read/novel#k3x9qa`.
 */
export function blockLink(slug: string, id: string): string {
  return `/read/${slug}#${id}`;
}

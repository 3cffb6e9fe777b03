import type { Section } from '@/lib/text/sections';
import { isGlossable, type BlockType } from '@/lib/text/types';
import { blockLink, resolvePermalink, sectionPath, type PermalinkText } from './permalink';

/** What deciding a reading URL's redirect needs of a text. */
export interface RedirectText extends PermalinkText {
  blocks: readonly { id: string; type: BlockType }[];
}

/** A redirect of a reading URL: the path (with a #fragment when it names a block) and whether it is permanent. */
export interface ReadingRedirect {
  path: string;
  permanent: boolean;
}

/**
 * Where a section or paragraph URL that is no longer a page goes, or undefined when it is a page
 * (or names nothing: that is a 404, not a redirect).
 * - `/s/<name>` of the first section: the text's own URL.
 * - `/s/<name>` that is no longer a section (an edit moved the boundaries) but a block id, live or
 *   retired: the section holding that block (or its successor), at the block.
 * - `/p/<id>` of a retired id: the paragraph that took its text; when none did, the text, which
 *   says the paragraph is gone (not permanent: the text may gain it back).
 * `readingRedirect(text, sections, 'novel', { kind: 's', id: 'm2p8rt' })` → `{ path: '/read/novel/s/k3x9qa#m2p8rt', permanent: true }`.
 */
export function readingRedirect(
  text: RedirectText,
  sections: readonly Section[],
  slug: string,
  route: { kind: 'p' | 's'; id: string },
): ReadingRedirect | undefined {
  if (route.kind === 's') {
    const index = sections.findIndex((s) => s.name === route.id);
    if (index > 0) return undefined;
    if (index === 0) return { path: sectionPath(slug, sections, 0), permanent: true };
    const target = resolvePermalink(text, sections, route.id);
    return target ? { path: `${sectionPath(slug, sections, target.section)}#${target.id}`, permanent: true } : undefined;
  }
  if (text.blocks.some((b) => b.id === route.id && isGlossable(b.type))) return undefined;
  if (!text.retired.some((r) => r.id === route.id)) return undefined;
  const target = resolvePermalink(text, sections, route.id);
  return target
    ? { path: `/read/${slug}/p/${target.id}`, permanent: true }
    : { path: blockLink(slug, route.id), permanent: false };
}

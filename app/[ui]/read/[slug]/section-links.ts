import type { TFunction } from 'i18next';
import type { SectionLink } from '@/components/section-nav';
import type { TextView } from '@/lib/library/load';
import { sectionPath } from '@/lib/reading/permalink';
import { textSections } from '@/lib/reading/sections';
import { contentsTargets } from '@/lib/text/contents-links';
import { sectionIndexAt, type Section } from '@/lib/text/sections';

/** How a section is named in the table of contents and on the previous/next links. */
export function sectionLabel(t: TFunction, section: Section, index: number): string {
  if (section.headings.length > 0) {
    const heading = section.headings.join(' · ');
    return section.part ? `${heading} (${section.part.n}/${section.part.of})` : heading;
  }
  return `${t('sections.part', { n: index + 1 })}${section.opening ? `: ${section.opening}` : ''}`;
}

/** Every section of a text as a link: its path and its label. */
export function sectionLinks(text: TextView, t: TFunction): SectionLink[] {
  const sections = textSections(text);
  return sections.map((s, i) => ({ href: sectionPath(text.slug, sections, i), label: sectionLabel(t, s, i) }));
}

/**
 * For the entries of a book's own table of contents shown on this page (`shown`), the link to
 * the chapter each names: `#<heading id>` when the chapter is on the same page, else its
 * section's path with the fragment.
 */
export function contentsEntryLinks(text: TextView, sections: readonly Section[], shown: readonly { id: string; type: string }[]) {
  const links = new Map<string, string>();
  if (!shown.some((block) => block.type === 'list-item')) return links;
  const onPage = new Set(shown.map((block) => block.id));
  const indexOf = new Map(text.blocks.map((block, i) => [block.id, i]));
  for (const [entry, heading] of contentsTargets(text.blocks)) {
    if (!onPage.has(entry)) continue;
    if (onPage.has(heading)) {
      links.set(entry, `#${heading}`);
      continue;
    }
    const section = sectionIndexAt(sections, indexOf.get(heading) ?? -1);
    if (section >= 0) links.set(entry, `${sectionPath(text.slug, sections, section)}#${heading}`);
  }
  return links;
}

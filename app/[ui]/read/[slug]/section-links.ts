import type { TFunction } from 'i18next';
import type { SectionLink } from '@/components/section-nav';
import type { TextView } from '@/lib/library/load';
import { sectionPath } from '@/lib/library/permalink';
import { textSections } from '@/lib/library/sections';
import type { Section } from '@/lib/text/sections';

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

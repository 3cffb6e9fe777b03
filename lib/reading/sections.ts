import 'server-only';
import { splitSections, type Section } from '@/lib/text/sections';
import type { TextView } from '@/lib/library/load';
import { resolvePermalink, type PermalinkTarget } from './permalink';

/** A text's sections; computed once per loaded text (dropped with it from the text cache). */
const sectionsByText = new WeakMap<TextView, Section[]>();

/** The reading sections of a loaded text (see splitSections). */
export function textSections(text: TextView): Section[] {
  let sections = sectionsByText.get(text);
  if (!sections) {
    sections = splitSections(text.blocks);
    sectionsByText.set(text, sections);
  }
  return sections;
}

/** The section named `name`; undefined when no section is (any more) named so. */
export function findSection(text: TextView, name: string): { section: Section; index: number } | undefined {
  const sections = textSections(text);
  const index = sections.findIndex((s) => s.name === name);
  const section = sections[index];
  return section ? { section, index } : undefined;
}

/** Where `#<id>` of this text leads (see resolvePermalink). */
export function locateBlock(text: TextView, id: string): PermalinkTarget | undefined {
  return resolvePermalink(text, textSections(text), id);
}

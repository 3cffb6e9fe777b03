import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { getUiT, toUiLocale } from '@/app/_lib/ui-i18n';
import { loadText } from '@/lib/library/load';
import { readingRedirect } from '@/lib/reading/reading-redirect';
import { findSection, textSections } from '@/lib/reading/sections';
import { isBlockId } from '@/lib/text/hash';
import { SectionPage, sectionMetadata } from '../../section-page';

type Props = { params: Promise<{ ui: string; slug: string; section: string }> };

export const dynamicParams = true;
export const revalidate = 60;
export function generateStaticParams() {
  return [];
}

async function find(slug: string, name: string) {
  if (!isBlockId(name)) return undefined;
  const loaded = await loadText(slug);
  if (!loaded?.ok) return undefined;
  return { text: loaded.text, found: findSection(loaded.text, name) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { ui, slug, section } = await params;
  const match = await find(slug, section);
  if (!match?.found) return {};
  return sectionMetadata(match.text, match.found.index, (await getUiT(toUiLocale(ui))).t);
}

/** One section of a long text, named by the id of its first block. */
export default async function SectionRoute({ params }: Props) {
  const { ui: uiParam, slug, section } = await params;
  const match = await find(slug, section);
  if (!match) notFound();
  const { text, found } = match;
  if (!found || found.index === 0) {
    // The first section lives at the text's own URL; a name that is no longer a section's is a
    // block id: go to the section holding it. proxy.ts answers these first, keeping the
    // reader's query; this is for a text that changed between the two.
    const redirect = readingRedirect(text, textSections(text), slug, { kind: 's', id: section });
    if (!redirect) notFound();
    permanentRedirect(redirect.path);
  }
  const ui = toUiLocale(uiParam);
  const { t } = await getUiT(ui);
  return <SectionPage text={text} index={found.index} ui={ui} t={t} />;
}

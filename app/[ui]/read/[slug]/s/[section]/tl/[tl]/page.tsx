import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getUiT, toUiLocale } from '@/app/_lib/ui-i18n';
import { loadText } from '@/lib/library/load';
import { loadReadingColumns } from '@/lib/reading/reading-columns';
import { parseReadingLanguagesSegment } from '@/lib/reading/reading-languages';
import { findSection } from '@/lib/reading/sections';
import { isBlockId } from '@/lib/text/hash';
import { SectionPage, sectionMetadata } from '../../../../section-page';

type Props = { params: Promise<{ ui: string; slug: string; section: string; tl: string }> };

// One section of a long text in the target languages of `?tl=` (proxy.ts serves it under this
// path, after answering redirects of old section names itself).
export const dynamicParams = true;
export const revalidate = 60;
export function generateStaticParams() {
  return [];
}

async function find(slug: string, name: string) {
  if (!isBlockId(name)) return undefined;
  const loaded = await loadText(slug);
  if (!loaded?.ok) return undefined;
  const found = findSection(loaded.text, name);
  return found && found.index > 0 ? { text: loaded.text, index: found.index } : undefined;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { ui, slug, section } = await params;
  const match = await find(slug, section);
  if (!match) return {};
  return sectionMetadata(match.text, match.index, (await getUiT(toUiLocale(ui))).t);
}

export default async function SectionInLanguagesRoute({ params }: Props) {
  const { ui: uiParam, slug, section, tl } = await params;
  const choice = parseReadingLanguagesSegment(tl);
  const match = await find(slug, section);
  if (!choice || !match) notFound();
  const reading = await loadReadingColumns(slug, choice);
  if (!reading) notFound();
  const ui = toUiLocale(uiParam);
  const { t } = await getUiT(ui);
  return <SectionPage text={match.text} index={match.index} ui={ui} t={t} reading={reading} />;
}

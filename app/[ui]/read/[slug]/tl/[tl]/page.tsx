import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getUiT, toUiLocale } from '@/lib/i18n/server';
import { loadText } from '@/lib/library/load';
import { loadReadingColumns } from '@/lib/library/reading-columns';
import { parseReadingLanguagesSegment } from '@/lib/library/reading-languages';
import { SectionPage, sectionMetadata } from '../../section-page';

type Props = { params: Promise<{ ui: string; slug: string; tl: string }> };

// A text's reading page in the target languages of `?tl=` (proxy.ts serves it under this path).
export const dynamicParams = true;
export const revalidate = 60;
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { ui, slug } = await params;
  const loaded = await loadText(slug);
  if (!loaded?.ok) return {};
  return sectionMetadata(loaded.text, 0, (await getUiT(toUiLocale(ui))).t);
}

/** The whole text, or its first section, with one to three target columns. */
export default async function ReadInLanguagesPage({ params }: Props) {
  const { ui: uiParam, slug, tl } = await params;
  const choice = parseReadingLanguagesSegment(tl);
  if (!choice) notFound();
  const loaded = await loadText(slug);
  if (!loaded?.ok) notFound();
  const reading = await loadReadingColumns(slug, choice);
  if (!reading) notFound();
  const ui = toUiLocale(uiParam);
  const { t } = await getUiT(ui);
  return <SectionPage text={loaded.text} index={0} ui={ui} t={t} reading={reading} />;
}

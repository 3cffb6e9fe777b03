import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getUiT, toUiLocale } from '@/app/_lib/ui-i18n';
import { loadText } from '@/lib/library/load';
import { BrokenText } from './broken-text';
import { SectionPage, sectionMetadata } from './section-page';

type Props = { params: Promise<{ ui: string; slug: string }> };

// Made on first request and then cached (cache-handler.cjs keeps a page while its data files
// are unchanged), so a text added to content/ is readable without a rebuild.
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

/** A text's reading page: the whole text, or the first section of a long one. */
export default async function ReadPage({ params }: Props) {
  const { ui: uiParam, slug } = await params;
  const ui = toUiLocale(uiParam);
  const loaded = await loadText(slug);
  if (!loaded) notFound();
  const { t } = await getUiT(ui);
  if (!loaded.ok) return <BrokenText slug={slug} error={loaded.broken.error} t={t} />;
  return <SectionPage text={loaded.text} index={0} ui={ui} t={t} />;
}

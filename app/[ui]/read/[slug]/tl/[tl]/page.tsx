import { notFound } from 'next/navigation';
import { getUiT, toUiLocale } from '@/app/_lib/ui-i18n';
import { loadText } from '@/lib/library/load';
import { loadReadingColumns } from '@/lib/reading/reading-columns';
import { parseReadingLanguagesSegment } from '@/lib/reading/reading-languages';
import { BrokenText } from '../../broken-text';
import { SectionPage } from '../../section-page';

type Props = { params: Promise<{ ui: string; slug: string; tl: string }> };

// A text's reading page in the target languages of `?tl=` (proxy.ts serves it under this path).
export const dynamicParams = true;
export const revalidate = 60;
export function generateStaticParams() {
  return [];
}

// The title and description of the page in English alone.
export { generateMetadata } from '../../page';

/** The whole text, or its first section, with one to three target columns. */
export default async function ReadInLanguagesPage({ params }: Props) {
  const { ui: uiParam, slug, tl } = await params;
  const choice = parseReadingLanguagesSegment(tl);
  if (!choice) notFound();
  const loaded = await loadText(slug);
  if (!loaded) notFound();
  const ui = toUiLocale(uiParam);
  const { t } = await getUiT(ui);
  if (!loaded.ok) return <BrokenText slug={slug} error={loaded.broken.error} t={t} />;
  const reading = await loadReadingColumns(slug, choice);
  if (!reading) notFound();
  return <SectionPage text={loaded.text} index={0} ui={ui} t={t} reading={reading} />;
}

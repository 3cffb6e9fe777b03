import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { loadReadingColumns } from '@/lib/reading/reading-columns';
import { parseReadingLanguagesSegment } from '@/lib/reading/reading-languages';
import { ParagraphPage, paragraphMetadata } from '../../paragraph-page';

type Props = { params: Promise<{ ui: string; slug: string; id: string; tl: string }> };

// A paragraph's page in the target languages of `?tl=` (proxy.ts serves it under this path).
export const dynamicParams = true;
export const revalidate = 60;
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return paragraphMetadata(await params);
}

export default async function ParagraphInLanguagesRoute({ params }: Props) {
  const { tl, ...rest } = await params;
  const choice = parseReadingLanguagesSegment(tl);
  if (!choice) notFound();
  const reading = await loadReadingColumns(rest.slug, choice);
  if (!reading) notFound();
  return <ParagraphPage {...rest} reading={reading} />;
}

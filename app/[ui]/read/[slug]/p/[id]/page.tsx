import type { Metadata } from 'next';
import { ParagraphPage, paragraphMetadata } from './paragraph-page';

type Props = { params: Promise<{ ui: string; slug: string; id: string }> };

// Made on first request and cached while the text's files are unchanged (cache-handler.cjs):
// a book has thousands of paragraphs, too many to build in each interface language.
export const dynamicParams = true;
export const revalidate = 60;
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return paragraphMetadata(await params);
}

export default async function ParagraphRoute({ params }: Props) {
  return <ParagraphPage {...await params} />;
}

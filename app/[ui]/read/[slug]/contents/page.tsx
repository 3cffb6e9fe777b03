import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { LanguageAlternates } from '@/components/language-alternates';
import { ScriptMarker } from '@/components/script-marker';
import { scriptPair } from '@/components/script-forms';
import { ContentsList } from '@/components/section-nav';
import { TextTitle } from '@/components/text-title';
import { getUiT, toUiLocale } from '@/app/_lib/ui-i18n';
import { sourceScript } from '@/lib/library/annotate-text';
import { loadText } from '@/lib/library/load';
import { contentsPath } from '@/lib/reading/permalink';
import { sectionLinks } from '../section-links';

type Props = { params: Promise<{ ui: string; slug: string }> };

// Made on first request and cached while the text's files are unchanged (cache-handler.cjs).
export const dynamicParams = true;
export const revalidate = 60;
export function generateStaticParams() {
  return [];
}

async function contentsTitle(ui: string, slug: string) {
  const loaded = await loadText(slug);
  if (!loaded?.ok) return undefined;
  const { t } = await getUiT(toUiLocale(ui));
  return { text: loaded.text, t, title: `${t('sections.contentsLabel')} — ${loaded.text.title.en ?? loaded.text.title.zh}` };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { ui, slug } = await params;
  const found = await contentsTitle(ui, slug);
  return found ? { title: found.title } : {};
}

/** Every section of a text, for a long text whose section pages list only those near the one read. */
export default async function ContentsPage({ params }: Props) {
  const { ui, slug } = await params;
  const found = await contentsTitle(ui, slug);
  if (!found) notFound();
  const { text, t, title } = found;
  const links = sectionLinks(text, t);
  const script = sourceScript(text);
  return (
    <div className="page page-contents">
      <LanguageAlternates path={contentsPath(slug)} />
      <nav className="breadcrumb" aria-label={t('sections.backToText')}>
        <a href={`/read/${slug}`} data-carry-query="">
          <TextTitle title={text.title} as="p" script={script} />
        </a>
      </nav>
      <h1>{t('sections.contents', { total: links.length })}</h1>
      <nav className="section-contents-page" aria-label={t('sections.contentsLabel')}>
        <ContentsList links={links} />
      </nav>
      <ScriptMarker source={script} documentTitle={scriptPair(title, script)} />
    </div>
  );
}

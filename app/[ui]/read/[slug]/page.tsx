import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AnnotationLayer } from '@/components/annotation-layer';
import { DownloadMenu } from '@/components/download-menu';
import { EditingProvider } from '@/components/edit/editing-provider';
import { ExchangePanel } from '@/components/exchange/exchange-panel';
import { LayoutSwitch } from '@/components/layout-switch';
import { NotesList } from '@/components/notes-list';
import { PinyinSwitch } from '@/components/pinyin-switch';
import { ReadingOptionsPanel } from '@/components/reading-options-panel';
import { PrintTitle } from '@/components/print-title';
import { ReaderRow } from '@/components/reader-row';
import { RetiredLinkNotice } from '@/components/retired-link-notice';
import { SearchInText } from '@/components/search/search-in-text';
import { TextTitle } from '@/components/text-title';
import { annotateText, annotationsEnabled, lexiconFor, rowAnnotations, type TextAnnotation } from '@/lib/annotate/annotate';
import { htmlLang } from '@/lib/i18n/config';
import { getUiT, toUiLocale } from '@/lib/i18n/server';
import { loadLibrary, loadText, resolveRetiredId } from '@/lib/library/load';
import { applyLayoutScript } from '@/components/reading-layout';
import { plainText } from '@/lib/text/inline';

type Props = { params: Promise<{ ui: string; slug: string }> };

export const dynamicParams = false;

export async function generateStaticParams() {
  const texts = await loadLibrary();
  return texts.map((entry) => ({ slug: entry.ok ? entry.text.slug : entry.broken.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await loadText((await params).slug);
  if (!loaded?.ok) return {};
  const { title, blocks } = loaded.text;
  const first = blocks.find((b) => b.type === 'paragraph');
  const description = first ? plainText(first.en ?? first.text).slice(0, 200) : undefined;
  return { title: title.en ?? title.zh, description, openGraph: { title: title.en ?? title.zh, description } };
}

export default async function ReadPage({ params }: Props) {
  const { ui: uiParam, slug } = await params;
  const ui = toUiLocale(uiParam);
  const loaded = await loadText(slug);
  if (!loaded) notFound();
  const { t } = await getUiT(ui);
  if (!loaded.ok) {
    return (
      <div className="page">
        <h1>{slug}</h1>
        <p role="alert" className="notice notice-error">
          {t('library.broken', { error: loaded.broken.error })}
        </p>
      </div>
    );
  }

  const text = loaded.text;
  const redirects = Object.fromEntries(text.retired.map((entry) => [entry.id, resolveRetiredId(text, entry.id) ?? null]));
  let annotation: TextAnnotation | undefined;
  let annotationError: string | undefined;
  try {
    if (annotationsEnabled()) annotation = await annotateText(text);
  } catch (error) {
    // Reading must not depend on annotations: show the text without them and say why.
    annotationError = error instanceof Error ? error.message : String(error);
  }
  const lexicon = annotation ? lexiconFor(annotation, text.blocks.map((b) => b.id)) : { words: {}, terms: {}, notes: {} };
  const firstWord = text.blocks.find((b) => (annotation?.blocks[b.id]?.tokens ?? []).some((t) => t.chinese));
  return (
    <div className="page page-reader">
      <script dangerouslySetInnerHTML={{ __html: applyLayoutScript }} />
      <PrintTitle title={text.title.en ? `${text.title.zh} · ${text.title.en}` : text.title.zh} />
      <header className="text-header">
        <TextTitle title={text.title} />
        <p className="text-meta">
          {text.meta.date && <time dateTime={text.meta.date}>{text.meta.date}</time>}
          {text.meta.author && <span>{t('library.by', { author: text.meta.author })}</span>}
          <span>{t('reader.progress', { ...text.progress })}</span>
        </p>
        <div className="reader-controls">
          <LayoutSwitch />
          <ReadingOptionsPanel />
          <PinyinSwitch />
          <DownloadMenu slug={text.slug} t={t} uiLang={htmlLang[ui]} />
        </div>
        <SearchInText slug={text.slug} t={t} />
      </header>
      {text.glossError && (
        <p role="alert" className="notice notice-error">
          {t('reader.glossError', { error: text.glossError })}
        </p>
      )}
      {annotationError && (
        <p role="alert" className="notice notice-error">
          {t('reader.annotationError', { error: annotationError })}
        </p>
      )}
      <RetiredLinkNotice redirects={redirects} />
      <EditingProvider slug={text.slug}>
      <ExchangePanel />
      <AnnotationLayer lexicon={lexicon} firstWord={firstWord ? `${firstWord.id}:0` : ''}>
        <article className="reader" aria-label={text.title.en ?? text.title.zh}>
          {text.blocks.map((block) => {
            const blockAnnotation = annotation?.blocks[block.id];
            return (
              <ReaderRow
                key={block.id}
                block={block}
                slug={text.slug}
                t={t}
                uiLang={htmlLang[ui]}
                {...(blockAnnotation ? { annotations: rowAnnotations(blockAnnotation) } : {})}
              />
            );
          })}
        </article>
        {annotation && <NotesList notes={annotation.notes} t={t} uiLang={htmlLang[ui]} />}
      </AnnotationLayer>
      </EditingProvider>
    </div>
  );
}

import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { LayoutSwitch } from '@/components/layout-switch';
import { ReaderRow } from '@/components/reader-row';
import { RetiredLinkNotice } from '@/components/retired-link-notice';
import { TextTitle } from '@/components/text-title';
import { htmlLang } from '@/lib/i18n/config';
import { getUiT, toUiLocale } from '@/lib/i18n/server';
import { loadLibrary, loadText, resolveRetiredId } from '@/lib/library/load';
import { applyLayoutScript } from '@/lib/reading-layout';
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
  return (
    <div className="page page-reader">
      <script dangerouslySetInnerHTML={{ __html: applyLayoutScript }} />
      <header className="text-header">
        <TextTitle title={text.title} />
        <p className="text-meta">
          {text.meta.date && <time dateTime={text.meta.date}>{text.meta.date}</time>}
          {text.meta.author && <span>{t('library.by', { author: text.meta.author })}</span>}
          <span>{t('reader.progress', { ...text.progress })}</span>
        </p>
        <LayoutSwitch />
      </header>
      {text.glossError && (
        <p role="alert" className="notice notice-error">
          {t('reader.glossError', { error: text.glossError })}
        </p>
      )}
      <RetiredLinkNotice redirects={redirects} />
      <article className="reader" aria-label={text.title.en ?? text.title.zh}>
        {text.blocks.map((block) => (
          <ReaderRow key={block.id} block={block} slug={text.slug} t={t} uiLang={htmlLang[ui]} />
        ))}
      </article>
    </div>
  );
}

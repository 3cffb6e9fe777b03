import type { Metadata } from 'next';
import { notFound, permanentRedirect, redirect } from 'next/navigation';
import { AnnotationLayer } from '@/components/annotation-layer';
import { ScriptMarker } from '@/components/script-marker';
import { scriptPair } from '@/components/script-forms';
import { PinyinSwitch } from '@/components/pinyin-switch';
import { ReadingOptionsPanel } from '@/components/reading-options-panel';
import { ReaderRow } from '@/components/reader-row';
import { SentenceHighlight } from '@/components/sentence-highlight';
import { loadPageSentences } from '@/lib/reading/row-sentences';
import { TextTitle } from '@/components/text-title';
import { annotateText, annotationsEnabled, sourceScript } from '@/lib/library/annotate-text';
import { lexiconFor, rowAnnotations } from '@/lib/reading/page-lexicon';
import { readHskData } from '@/lib/store/hsk-data';
import { htmlLang } from '@/lib/i18n/config';
import { getUiT, toUiLocale } from '@/app/_lib/ui-i18n';
import { LanguageAlternates } from '@/components/language-alternates';
import { loadText, type TextView } from '@/lib/library/load';
import { readingRedirect } from '@/lib/reading/reading-redirect';
import { blockLink, sectionPath } from '@/lib/reading/permalink';
import { locateBlock, textSections } from '@/lib/reading/sections';
import { isBlockId } from '@/lib/text/hash';
import { plainText } from '@/lib/text/inline';
import { isGlossable } from '@/lib/text/types';
import { pageDigest } from '@/lib/reading/page-digest';
import type { ReadingColumns } from '@/lib/reading/reading-columns';

type Params = { ui: string; slug: string; id: string };

/** The block, its place among the text's paragraphs, and its neighbours. */
async function findParagraph(slug: string, id: string) {
  if (!isBlockId(id)) return undefined;
  const loaded = await loadText(slug);
  if (!loaded?.ok) return undefined;
  const text: TextView = loaded.text;
  const paragraphs = text.blocks.filter((b) => isGlossable(b.type));
  const index = paragraphs.findIndex((b) => b.id === id);
  return { text, paragraphs, index };
}

/** The page title: the paragraph's opening words and the text's title. */
function paragraphTitle(text: TextView, block: TextView['blocks'][number]): string {
  const excerpt = plainText(block.en ?? block.text);
  return `${excerpt.length > 60 ? `${excerpt.slice(0, 59)}…` : excerpt} — ${text.title.en ?? text.title.zh}`;
}

/** The paragraph page's title and description. */
export async function paragraphMetadata({ slug, id }: Params): Promise<Metadata> {
  const found = await findParagraph(slug, id);
  const block = found?.paragraphs[found.index];
  if (!found || !block) return {};
  const title = paragraphTitle(found.text, block);
  const excerpt = plainText(block.en ?? block.text);
  const description = `${plainText(block.text)}${block.en ? ` — ${excerpt}` : ''}`.slice(0, 300);
  return { title, description, openGraph: { title, description, type: 'article' } };
}

/** One paragraph pair with its neighbours; with `reading`, in the target languages of `?tl=`. */
export async function ParagraphPage({ ui: uiParam, slug, id, reading }: Params & { reading?: ReadingColumns }) {
  const found = await findParagraph(slug, id);
  if (!found) notFound();
  const { text, paragraphs, index } = found;
  const block = paragraphs[index];
  if (!block) {
    // A retired id: go where its text went, or to the text, which says the paragraph is gone.
    // proxy.ts answers these first, keeping the reader's query; this is for a text that changed
    // between the two.
    const to = readingRedirect(text, textSections(text), slug, { kind: 'p', id });
    if (!to) notFound();
    if (to.permanent) permanentRedirect(to.path);
    redirect(to.path);
  }

  const ui = toUiLocale(uiParam);
  const { t } = await getUiT(ui);
  // Annotations are a help, not a condition: without them the paragraph still shows.
  const annotation = annotationsEnabled() ? await annotateText(text, [block.id]).catch(() => undefined) : undefined;
  const blockAnnotation = annotation?.blocks[block.id];
  const lexicon = annotation
    ? lexiconFor(annotation, [block.id], await readHskData().catch(() => undefined))
    : { words: {}, terms: {}, notes: {} };
  const sentences = (await loadPageSentences(slug, [block], reading)).get(block.id);
  const previous = paragraphs[index - 1];
  const next = paragraphs[index + 1];
  // The shortest link that needs no lookup: the text's own URL when it is one page, else the section's.
  const sections = textSections(text);
  const located = locateBlock(text, block.id);
  const inContext =
    sections.length > 1 && located ? `${sectionPath(slug, sections, located.section)}#${block.id}` : blockLink(slug, block.id);
  // The title's gloss in the first language shown.
  const firstTitle = reading?.titles[0];
  return (
    <div
      className="page page-paragraph"
      data-page-digest={reading ? undefined : pageDigest(text, { kind: 'paragraph', id: block.id })}
    >
      <LanguageAlternates path={`/read/${slug}/p/${block.id}`} />
      <nav className="breadcrumb" aria-label={t('paragraph.from', { title: text.title.en ?? text.title.zh })}>
        <a href={`/read/${slug}`} data-carry-query="">
          <TextTitle
            title={
              firstTitle
                ? { zh: text.title.zh, status: text.title.status, ...(firstTitle.gloss ? { en: firstTitle.gloss } : {}) }
                : text.title
            }
            glossLang={firstTitle?.lang ?? 'en'}
            as="p"
            script={sourceScript(text)}
          />
        </a>
      </nav>
      <h1 className="paragraph-heading">{t('paragraph.of', { n: index + 1, total: paragraphs.length })}</h1>
      <div className="reader-controls">
        <ReadingOptionsPanel script={sourceScript(text)} />
        <PinyinSwitch />
      </div>
      <AnnotationLayer lexicon={lexicon} firstWord={`${block.id}:0`}>
        {sentences && <SentenceHighlight />}
        <div
          className="reader reader-single"
          data-targets={reading && reading.shown.length > 1 ? reading.shown.length : undefined}
        >
          <ReaderRow
            block={block}
            slug={slug}
            t={t}
            uiLang={htmlLang[ui]}
            withPermalink={false}
            {...(reading ? { targets: reading.cells.get(block.id) ?? [] } : {})}
            {...(blockAnnotation ? { annotations: rowAnnotations(blockAnnotation) } : {})}
            {...(sentences ? { sentences } : {})}
          />
        </div>
      </AnnotationLayer>
      {/* Plain links marked data-carry-query, as a text's section links: CarryQuery gives them the
          reader's options (?layout=, ?script=, …), which a cached page cannot know. */}
      <nav className="pager" aria-label={t('paragraph.of', { n: index + 1, total: paragraphs.length })}>
        {previous ? (
          <a rel="prev" href={`/read/${slug}/p/${previous.id}`} data-carry-query="">
            ← {t('paragraph.previous')}
          </a>
        ) : (
          <span />
        )}
        {/* A full page load, so the browser scrolls to the row and :target highlights it. */}
        <a href={inContext} data-carry-query="">
          {t('paragraph.inContext')}
        </a>
        {next ? (
          <a rel="next" href={`/read/${slug}/p/${next.id}`} data-carry-query="">
            {t('paragraph.next')} →
          </a>
        ) : (
          <span />
        )}
      </nav>
      <ScriptMarker source={sourceScript(text)} documentTitle={scriptPair(paragraphTitle(text, block), sourceScript(text))} />
    </div>
  );
}

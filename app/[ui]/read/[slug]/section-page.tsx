import type { TFunction } from 'i18next';
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { AnnotationLayer } from '@/components/annotation-layer';
import { ConflictMarker } from '@/components/conflict-marker';
import { TITLE_KEY } from '@/lib/gloss/types';
import { DownloadMenu } from '@/components/download-menu';
import { EditingProvider } from '@/components/edit/editing-provider';
import { LanguageRecordsProvider } from '@/components/edit/language-editing';
import { ExchangeForEditors } from '@/components/exchange/exchange-for-editors';
import { LanguageAlternates } from '@/components/language-alternates';
import { LayoutSwitch } from '@/components/layout-switch';
import { NotesList } from '@/components/notes-list';
import { AnnotationTools } from '@/components/notes/annotation-tools';
import { GlossaryForEditors } from '@/components/notes/glossary-for-editors';
import { PinyinSwitch } from '@/components/pinyin-switch';
import { PrintTitle } from '@/components/print-title';
import { ReadingOptionsPanel } from '@/components/reading-options-panel';
import { ReaderRow } from '@/components/reader-row';
import { ReaderTools } from '@/components/reader-tools';
import { RetiredLinkNotice } from '@/components/retired-link-notice';
import { ScriptMarker } from '@/components/script-marker';
import { scriptPair } from '@/components/script-forms';
import { SearchInText } from '@/components/search/search-in-text';
import { ContinueReading, ReadingTracker } from '@/components/learn/reading-place';
import { SectionContents, SectionNav } from '@/components/section-nav';
import { hideWhileLocatingScript, locateScript } from '@/components/section-locator';
import { TargetLanguagesPanel } from '@/components/target-languages-panel';
import { TextTitle } from '@/components/text-title';
import { SentenceHighlight } from '@/components/sentence-highlight';
import { loadPageSentences } from '@/lib/reading/row-sentences';
import { annotateText, annotationsEnabled, sourceScript, type TextAnnotation } from '@/lib/library/annotate-text';
import { lexiconFor, rowAnnotations } from '@/lib/reading/page-lexicon';
import { numberNotes } from '@/lib/library/number-notes';
import { readNotes } from '@/lib/store/annotations';
import { readHskData } from '@/lib/store/hsk-data';
import { htmlLang, type UiLocale } from '@/lib/i18n/config';
import { targetLanguageName } from '@/lib/i18n/target-language';
import type { ReadingColumns } from '@/lib/reading/reading-columns';
import { textLanguages } from '@/lib/store/languages';
import { resolveRetiredId, type TextView } from '@/lib/library/load';
import { contentsPath, sectionPath } from '@/lib/reading/permalink';
import { pageDigest } from '@/lib/reading/page-digest';
import { textSections } from '@/lib/reading/sections';
import { applyLayoutScript } from '@/components/reading-layout';
import { plainText } from '@/lib/text/inline';
import { contentsEntryLinks, sectionLabel, sectionLinks } from './section-links';

/** Title, description and language alternates of a reading page. */
export function sectionMetadata(text: TextView, index: number, t: TFunction): Metadata {
  const sections = textSections(text);
  const section = sections[index];
  const blocks = section ? text.blocks.slice(section.start, section.end) : text.blocks;
  const first = blocks.find((b) => b.type === 'paragraph');
  const description = first ? plainText(first.en ?? first.text).slice(0, 200) : undefined;
  const base = text.title.en ?? text.title.zh;
  const title = sections.length > 1 && section ? `${sectionLabel(t, section, index)} — ${base}` : base;
  return { title, description, openGraph: { title, description } };
}

/** Other languages' glosses for editors, on a page that shows them (`?tl=`). */
function MaybeLanguageRecords({ languages, children }: { languages?: { lang: string; name: string }[]; children: ReactNode }) {
  return languages ? <LanguageRecordsProvider languages={languages}>{children}</LanguageRecordsProvider> : <>{children}</>;
}

/** The reading page of one section of a text (the whole text when it is one section). */
export async function SectionPage({
  text,
  index,
  ui,
  t,
  reading,
}: {
  text: TextView;
  index: number;
  ui: UiLocale;
  t: TFunction;
  /** The target columns of `?tl=` (the tl/ routes); without them, the English. */
  reading?: ReadingColumns;
}) {
  const sections = textSections(text);
  const section = sections[index] ?? { name: '', start: 0, end: text.blocks.length, headings: [], opening: '' };
  const sectioned = sections.length > 1;
  const blocks = sectioned ? text.blocks.slice(section.start, section.end) : text.blocks;
  const blockIds = blocks.map((b) => b.id);
  const here = new Set(blockIds);

  // Retired ids whose text went to this section, or nowhere; the others are found by the locator.
  const redirects: Record<string, string | null> = {};
  for (const entry of text.retired) {
    const successor = resolveRetiredId(text, entry.id) ?? null;
    if (!sectioned || successor === null || here.has(successor)) redirects[entry.id] = successor;
  }

  let annotation: TextAnnotation | undefined;
  let annotationError: string | undefined;
  try {
    if (annotationsEnabled()) annotation = await annotateText(text, sectioned ? blockIds : undefined);
  } catch (error) {
    // Reading must not depend on annotations: show the text without them and say why.
    annotationError = error instanceof Error ? error.message : String(error);
  }
  const script = sourceScript(text);
  const lexicon = annotation
    ? lexiconFor(annotation, blockIds, await readHskData().catch(() => undefined))
    : { words: {}, terms: {}, notes: {} };
  const firstWord = blocks.find((b) => (annotation?.blocks[b.id]?.tokens ?? []).some((token) => token.chinese));
  const notes = annotation ? (sectioned ? annotation.notes.filter((n) => here.has(n.block)) : annotation.notes) : [];
  // The notes of the other target languages shown, listed under their own headings.
  const otherNotes = await Promise.all(
    (reading?.shown ?? [])
      .filter((lang) => lang !== 'en')
      .map(async (lang) => ({
        lang,
        notes: numberNotes(text, await readNotes(text.slug, lang).catch(() => [])).notes.filter((n) => here.has(n.block)),
      })),
  );

  const sentences = await loadPageSentences(text.slug, blocks, reading);

  const links = sectioned ? sectionLinks(text, t) : [];
  const entryLinks = contentsEntryLinks(text, sections, blocks);
  const nav = (place: 'top' | 'bottom') =>
    sectioned ? (
      <SectionNav t={t} n={index + 1} total={sections.length} previous={links[index - 1]} next={links[index + 1]} place={place} />
    ) : null;
  const path = sectionPath(text.slug, sections, index);
  const uiLang = htmlLang[ui];
  const available = reading?.available ?? (await textLanguages(text.slug).catch(() => ['en']));
  const languageChoices = available.map((lang) => ({ lang, name: targetLanguageName(lang, uiLang) }));
  const languageNames = (langs: string[]) => langs.map((lang) => targetLanguageName(lang, uiLang)).join(', ');
  // The header in the languages shown: the first one's title gloss, each one's progress.
  const isEnglishAlone = !reading || (reading.shown.length === 1 && reading.shown[0] === 'en');
  const firstTitle = reading?.titles[0];
  const title = reading
    ? { zh: text.title.zh, status: text.title.status, ...(firstTitle?.gloss ? { en: firstTitle.gloss } : {}) }
    : text.title;
  const titleLang = firstTitle?.lang ?? 'en';
  const progress = reading?.progress ?? [{ lang: 'en', ...text.progress }];

  return (
    // The digest of the English shown, as the page cache reads it back (cache-handler.cjs). A page
    // in other languages has none: the cache then follows all of the text's gloss files.
    <div className="page page-reader" data-page-digest={reading ? undefined : pageDigest(text, { kind: 'section', index })}>
      <script dangerouslySetInnerHTML={{ __html: applyLayoutScript }} />
      {sectioned && <script dangerouslySetInnerHTML={{ __html: hideWhileLocatingScript(text.slug) }} />}
      <LanguageAlternates path={path} />
      <PrintTitle title={text.title.en ? `${text.title.zh} · ${text.title.en}` : text.title.zh} script={script} />
      <header className="text-header">
        <TextTitle title={title} script={script} glossLang={titleLang} />
        {titleLang === 'en' && text.title.conflict && (
          <ConflictMarker id={TITLE_KEY} versions={text.title.conflict.versions.length} uiLang={uiLang} />
        )}
        <p className="text-meta">
          {text.meta.date && <time dateTime={text.meta.date}>{text.meta.date}</time>}
          {text.meta.author && <span>{t('library.by', { author: text.meta.author })}</span>}
          {progress.map(({ lang, glossed, total }) => (
            <span key={lang}>
              {reading && !isEnglishAlone
                ? t('reader.progressIn', { language: targetLanguageName(lang, uiLang), glossed, total })
                : t('reader.progress', { glossed, total })}
            </span>
          ))}
        </p>
        <ReaderTools label={t('reader.tools')}>
          <div className="reader-controls">
            <LayoutSwitch />
            <ReadingOptionsPanel script={script} />
            <TargetLanguagesPanel
              slug={text.slug}
              available={languageChoices}
              shown={reading?.shown ?? ['en']}
              reference={reading?.reference ?? false}
            />
            <PinyinSwitch />
            <DownloadMenu
              slug={text.slug}
              t={t}
              uiLang={uiLang}
              chineseOnly={(progress[0]?.glossed ?? 0) < (progress[0]?.total ?? 0)}
              {...(sectioned ? { section: section.name } : {})}
              {...(reading ? { languages: reading.shown } : {})}
            />
          </div>
          <SearchInText slug={text.slug} t={t} />
        </ReaderTools>
        {sectioned && <SectionContents t={t} links={links} current={index} allHref={contentsPath(text.slug)} />}
        {index === 0 && <ContinueReading slug={text.slug} {...(text.blocks[0] ? { firstId: text.blocks[0].id } : {})} />}
      </header>
      <ReadingTracker slug={text.slug} offset={section.start} total={text.blocks.length} />
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
      {reading?.rejected && (
        <p role="alert" className="notice notice-error">
          {t('reader.languagesRejected')}
        </p>
      )}
      {reading && reading.missing.length > 0 && (
        <p role="alert" className="notice notice-error">
          {t('reader.languagesMissing', { languages: languageNames(reading.missing) })}
        </p>
      )}
      <RetiredLinkNotice redirects={redirects} />
      {nav('top')}
      <EditingProvider slug={text.slug}>
        <AnnotationTools>
          <ExchangeForEditors />
          <GlossaryForEditors />
          <MaybeLanguageRecords languages={reading ? languageChoices : undefined}>
            <AnnotationLayer lexicon={lexicon} firstWord={firstWord ? `${firstWord.id}:0` : ''}>
              {sentences.size > 0 && <SentenceHighlight />}
              <article
                className="reader"
                aria-label={text.title.en ?? text.title.zh}
                data-targets={reading && reading.shown.length > 1 ? reading.shown.length : undefined}
              >
                {blocks.map((block) => {
                  const blockAnnotation = annotation?.blocks[block.id];
                  return (
                    <ReaderRow
                      key={block.id}
                      block={block}
                      slug={text.slug}
                      t={t}
                      uiLang={uiLang}
                      {...(blockAnnotation ? { annotations: rowAnnotations(blockAnnotation) } : {})}
                      {...(entryLinks.has(block.id) ? { chapterHref: entryLinks.get(block.id) } : {})}
                      {...(reading ? { targets: reading.cells.get(block.id) ?? [] } : {})}
                      {...(sentences.has(block.id) ? { sentences: sentences.get(block.id) } : {})}
                    />
                  );
                })}
              </article>
              {annotation && (
                <NotesList
                  notes={notes}
                  t={t}
                  uiLang={uiLang}
                  {...(otherNotes.length > 0 ? { language: targetLanguageName('en', uiLang) } : {})}
                />
              )}
              {otherNotes.map(({ lang, notes: theirs }) => (
                <NotesList
                  key={lang}
                  notes={theirs}
                  t={t}
                  uiLang={uiLang}
                  lang={lang}
                  language={targetLanguageName(lang, uiLang)}
                />
              ))}
            </AnnotationLayer>
          </MaybeLanguageRecords>
        </AnnotationTools>
      </EditingProvider>
      {nav('bottom')}
      {sectioned && <script dangerouslySetInnerHTML={{ __html: locateScript(text.slug) }} />}
      <ScriptMarker source={script} documentTitle={scriptPair(String(sectionMetadata(text, index, t).title ?? ''), script)} />
    </div>
  );
}

import type { TFunction } from 'i18next';
import { createElement, type ReactNode } from 'react';
import type { Span } from '@/lib/align/row';
import type { RowAnnotations } from '@/lib/annotate/view';
import { isLongRow } from '@/lib/export/print';
import type { BlockView } from '@/lib/library/load';
import type { RowSentences } from '@/lib/reading/row-sentences';
import type { TargetCell } from '@/lib/reading/target-cells';
import { targetLanguageName } from '@/lib/i18n/target-language';
import { CommentsButton } from './comments/comments-button';
import { ConflictMarker } from './conflict-marker';
import { CopyLinkButton } from './copy-link-button';
import { EditableGloss } from './edit/editable-gloss';
import { SuggestionsForMembers } from './team/suggestions-for-members';
import { InlineText } from './inline-text';
import { ListenButton } from './learn/listen-button';
import { NoteMarker } from './note-marker';
import { RevealGloss } from './reveal-gloss';
import { TargetCells } from './target-cells';
import { SentenceText } from './sentence-text';
import { ZhText } from './zh-text';

/** The heading element for a block's level: the page title is h1, so text headings start at h2. */
function headingTag(level: number | undefined): 'h2' | 'h3' | 'h4' | 'h5' | 'h6' {
  const clamped = Math.min(Math.max(level ?? 2, 2), 6);
  return `h${clamped}` as 'h2' | 'h3' | 'h4' | 'h5' | 'h6';
}

function BlockBody({ block, children, after }: { block: BlockView; children: ReactNode; after?: ReactNode }) {
  if (block.type === 'heading') {
    return createElement(headingTag(block.level), { className: 'block-heading' }, children);
  }
  if (block.type === 'list-item') {
    return (
      <ul className="block-list">
        <li>
          {children}
          {after}
        </li>
      </ul>
    );
  }
  return <p>{children}</p>;
}

/** A gloss with note markers inserted at their offsets, and its sentences in spans when given. */
function EnText({ text, markers, sentences }: { text: string; markers: [number, string][]; sentences?: Span[] }) {
  if (sentences) return <SentenceText text={text} sentences={sentences} markers={markers} />;
  const sorted = [...markers].sort((a, b) => a[0] - b[0]);
  const parts: ReactNode[] = [];
  let cursor = 0;
  for (const [offset, id] of sorted) {
    const at = Math.min(Math.max(offset, cursor), text.length);
    if (at > cursor) parts.push(<InlineText key={`t${cursor}`} text={text.slice(cursor, at)} />);
    parts.push(<NoteMarker key={id} id={id} />);
    cursor = at;
  }
  if (cursor < text.length) parts.push(<InlineText key={`t${cursor}`} text={text.slice(cursor)} />);
  return <>{parts}</>;
}

interface RowProps {
  block: BlockView;
  slug: string;
  t: TFunction;
  /** The `lang` of interface text (the marks inside the English cell). */
  uiLang: string;
  /** Words, terms and notes; without them the Chinese is plain text. */
  annotations?: RowAnnotations;
  /** Whether the row links to its own paragraph page (not on that page itself). */
  withPermalink?: boolean;
  /** For an entry of a book's own table of contents: where its chapter is. */
  chapterHref?: string;
  /** The cells of the target languages chosen with `?tl=`; without them, the English cell. */
  targets?: TargetCell[];
  /** The row's sentences and their links, per target language (lib/reading/row-sentences.ts). */
  sentences?: RowSentences;
}

/**
 * One row of the reading grid: a block's Chinese and its English in cells of the same grid
 * row, so the columns stay aligned whatever their lengths, and the row's link tools.
 */
export function ReaderRow({
  block,
  slug,
  t,
  uiLang,
  annotations,
  withPermalink = true,
  chapterHref,
  targets,
  sentences,
}: RowProps) {
  if (block.type === 'break') return <hr id={block.id} className="row row-break" />;
  const zhSentences = sentences && Object.keys(sentences.cells).length > 0 ? sentences.zh : undefined;
  const plainGloss = (gloss: string, lang: string) =>
    annotations && lang === 'en' ? <EnText text={gloss} markers={annotations.en} /> : <InlineText text={gloss} />;
  const glossText = (gloss: string, lang: string) => {
    const own = sentences?.cells[lang];
    if (annotations && lang === 'en')
      return <EnText text={gloss} markers={annotations.en} {...(own ? { sentences: own.gloss } : {})} />;
    return own ? <SentenceText text={gloss} sentences={own.gloss} /> : plainGloss(gloss, lang);
  };
  return (
    <div
      id={block.id}
      className={`row row-${block.type}${isLongRow(block.text.length, block.en?.length ?? 0) ? ' row-long' : ''}`}
      data-status={block.status}
    >
      <div className="cell cell-zh" lang="zh-Hans">
        <BlockBody
          block={block}
          after={
            chapterHref && (
              <>
                {' '}
                <a className="contents-entry-link" href={chapterHref} lang={uiLang} data-carry-query="">
                  {t('reader.toChapter')}
                </a>
              </>
            )
          }
        >
          {annotations ? (
            <ZhText
              blockId={block.id}
              text={block.text}
              annotations={annotations.zh}
              {...(zhSentences ? { sentences: zhSentences } : {})}
            />
          ) : zhSentences ? (
            <SentenceText text={block.text} sentences={zhSentences} />
          ) : (
            <InlineText text={block.text} />
          )}
        </BlockBody>
      </div>
      {targets ? (
        <TargetCells
          id={block.id}
          cells={targets}
          t={t}
          uiLang={uiLang}
          renderGloss={(gloss, lang, own) => (
            <BlockBody block={block}>{own ? glossText(gloss, lang) : plainGloss(gloss, lang)}</BlockBody>
          )}
          links={sentences?.cells}
          detached={annotations?.detached.map((id) => (
            <p key={id} className="note-detached" lang={uiLang}>
              <NoteMarker id={id} /> {t('notes.detached')}
            </p>
          ))}
        />
      ) : (
        <div className="cell cell-en" lang="en" data-links={sentences?.cells.en?.links}>
          <RevealGloss id={block.id}>
            <EditableGloss id={block.id}>
              {block.en ? (
                <BlockBody block={block}>{glossText(block.en, 'en')}</BlockBody>
              ) : (
                <p className="mark mark-untranslated" lang={uiLang}>
                  {t('reader.untranslated')}
                </p>
              )}
              {block.status === 'stale' && (
                <p className="mark mark-stale" lang={uiLang}>
                  {t('reader.stale')}
                </p>
              )}
            </EditableGloss>
            <SuggestionsForMembers slug={slug} id={block.id} />
            {annotations?.detached.map((id) => (
              <p key={id} className="note-detached" lang={uiLang}>
                <NoteMarker id={id} /> {t('notes.detached')}
              </p>
            ))}
          </RevealGloss>
          {block.conflict && <ConflictMarker id={block.id} versions={block.conflict.versions.length} uiLang={uiLang} />}
        </div>
      )}
      <div className="row-tools">
        {withPermalink && (
          <a
            className="tool"
            href={`/read/${slug}/p/${block.id}`}
            data-carry-query=""
            aria-label={t('reader.permalink')}
            title={t('reader.permalink')}
          >
            ¶
          </a>
        )}
        <CopyLinkButton path={`/read/${slug}#${block.id}`} />
        {targets && targets.length > 0 ? (
          // One thread list per target column: a discussion of the French is not one of the English.
          targets.map((cell) => (
            <CommentsButton
              key={cell.lang}
              slug={slug}
              id={block.id}
              lang={cell.lang}
              {...(targets.length > 1 || cell.lang !== 'en' ? { language: targetLanguageName(cell.lang, uiLang) } : {})}
            />
          ))
        ) : (
          <CommentsButton slug={slug} id={block.id} />
        )}
        <ListenButton src={`/api/texts/${slug}/audio/${block.id}`} variant="row" />
      </div>
    </div>
  );
}

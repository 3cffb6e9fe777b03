import type { TFunction } from 'i18next';
import type { BlockView } from '@/lib/library/load';
import { CopyLinkButton } from './copy-link-button';
import { InlineText } from './inline-text';

/** The heading element for a block's level: the page title is h1, so text headings start at h2. */
function headingTag(level: number | undefined): 'h2' | 'h3' | 'h4' | 'h5' | 'h6' {
  const clamped = Math.min(Math.max(level ?? 2, 2), 6);
  return `h${clamped}` as 'h2' | 'h3' | 'h4' | 'h5' | 'h6';
}

function BlockBody({ block, text }: { block: BlockView; text: string }) {
  if (block.type === 'heading') {
    const Heading = headingTag(block.level);
    return (
      <Heading className="block-heading">
        <InlineText text={text} />
      </Heading>
    );
  }
  if (block.type === 'list-item') {
    return (
      <ul className="block-list">
        <li>
          <InlineText text={text} />
        </li>
      </ul>
    );
  }
  return (
    <p>
      <InlineText text={text} />
    </p>
  );
}

interface RowProps {
  block: BlockView;
  slug: string;
  t: TFunction;
  /** The `lang` of interface text (the marks inside the English cell). */
  uiLang: string;
  /** Whether the row links to its own paragraph page (not on that page itself). */
  withPermalink?: boolean;
}

/**
 * One row of the reading grid: a block's Chinese and its English in cells of the same grid
 * row, so the columns stay aligned whatever their lengths, and the row's link tools.
 */
export function ReaderRow({ block, slug, t, uiLang, withPermalink = true }: RowProps) {
  if (block.type === 'break') return <hr id={block.id} className="row row-break" />;
  return (
    <div id={block.id} className={`row row-${block.type}`} data-status={block.status}>
      <div className="cell cell-zh" lang="zh-Hans">
        <BlockBody block={block} text={block.text} />
      </div>
      <div className="cell cell-en" lang="en">
        {block.en ? (
          <BlockBody block={block} text={block.en} />
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
      </div>
      <div className="row-tools">
        {withPermalink && (
          <a className="tool" href={`/read/${slug}/p/${block.id}`} aria-label={t('reader.permalink')} title={t('reader.permalink')}>
            ¶
          </a>
        )}
        <CopyLinkButton path={`/read/${slug}#${block.id}`} />
      </div>
    </div>
  );
}

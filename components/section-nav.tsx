import type { TFunction } from 'i18next';
import { contentsWindow } from '@/lib/text/contents-window';
import { scriptForms, scriptTitle } from './script-forms';
import { ScriptText } from './script-text';

export interface SectionLink {
  href: string;
  label: string;
}

/** "Section n of m" with links to the previous and next sections; shown above and below the rows. */
export function SectionNav({
  t,
  n,
  total,
  previous,
  next,
  place,
}: {
  t: TFunction;
  n: number;
  total: number;
  previous?: SectionLink | undefined;
  next?: SectionLink | undefined;
  place: 'top' | 'bottom';
}) {
  return (
    <nav
      className={`section-nav section-nav-${place}`}
      aria-label={t(place === 'top' ? 'sections.navTop' : 'sections.navBottom')}
    >
      {previous ? (
        <a rel="prev" href={previous.href} data-carry-query="" className="section-prev" {...scriptTitle(previous.label)}>
          ← {t('sections.previous')}
        </a>
      ) : (
        <span />
      )}
      <span className="section-place">{t('sections.of', { n, total })}</span>
      {next ? (
        <a rel="next" href={next.href} data-carry-query="" className="section-next" {...scriptTitle(next.label)}>
          {t('sections.next')} →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}

/**
 * The table of contents of a text read in sections, the current section marked: every section, or
 * past CONTENTS_LIMITS.inline the first, those around the current one and the last, with a link to
 * the page listing them all (`allHref`), so that a section's page does not grow with the text.
 */
export function SectionContents({
  t,
  links,
  current,
  allHref,
}: {
  t: TFunction;
  links: SectionLink[];
  current: number;
  allHref: string;
}) {
  const entries = contentsWindow(links.length, current);
  const partial = entries.length < links.length;
  return (
    <details className="section-contents">
      <summary>{t('sections.contents', { total: links.length })}</summary>
      <nav aria-label={t('sections.contentsLabel')}>
        <ContentsList links={links} entries={entries} current={current} />
        {partial && (
          <p className="section-contents-all">
            <a href={allHref} data-carry-query="">
              {t('sections.allContents', { total: links.length })}
            </a>
          </p>
        )}
      </nav>
    </details>
  );
}

/** The numbered entries of a table of contents (`null`: entries left out here), the current one marked. */
export function ContentsList({
  links,
  entries = links.map((_, i) => i),
  current,
}: {
  links: SectionLink[];
  entries?: (number | null)[];
  current?: number;
}) {
  return (
    <ol className="contents-list">
      {entries.map((i, at) => {
        const link = i === null ? undefined : links[i];
        if (i === null || !link)
          return (
            <li key={`gap-${at}`} className="contents-gap" aria-hidden="true">
              …
            </li>
          );
        return (
          <li key={link.href} value={i + 1}>
            <a
              href={link.href}
              data-carry-query=""
              lang="zh-Hans"
              {...(i === current ? { 'aria-current': 'page' as const } : {})}
            >
              <ScriptText {...scriptForms(link.label)} />
            </a>
          </li>
        );
      })}
    </ol>
  );
}

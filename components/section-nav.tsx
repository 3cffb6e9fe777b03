import type { TFunction } from 'i18next';
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

/** The table of contents of a text read in sections: every section, the current one marked. */
export function SectionContents({ t, links, current }: { t: TFunction; links: SectionLink[]; current: number }) {
  return (
    <details className="section-contents">
      <summary>{t('sections.contents', { total: links.length })}</summary>
      <nav aria-label={t('sections.contentsLabel')}>
        <ol>
          {links.map((link, i) => (
            <li key={link.href}>
              <a
                href={link.href}
                data-carry-query=""
                lang="zh-Hans"
                {...(i === current ? { 'aria-current': 'page' as const } : {})}
              >
                <ScriptText {...scriptForms(link.label)} />
              </a>
            </li>
          ))}
        </ol>
      </nav>
    </details>
  );
}

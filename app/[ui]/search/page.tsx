import type { Metadata } from 'next';
import type { CSSProperties } from 'react';
import { cookies, headers } from 'next/headers';
import { HighlightedText } from '@/components/search/highlighted-text';
import { scriptForms } from '@/components/script-forms';
import { ResultKeys } from '@/components/search/result-keys';
import { glossStatuses } from '@/lib/gloss/types';
import { viewerOf } from '@/lib/auth/request';
import { htmlLang } from '@/lib/i18n/config';
import { targetLanguageName } from '@/lib/i18n/target-language';
import { parseReadingLanguages, READING_LANGUAGES_COOKIE, textDirection } from '@/lib/reading/reading-languages';
import { getUiT, toUiLocale } from '@/app/_lib/ui-i18n';
import { searchableTexts, searchLibrary } from '@/lib/search/library-search';
import { searchFields } from '@/lib/search/query';
import { readSearchRequest, type SearchRequest } from '@/lib/search/request';
import type { SearchHit } from '@/lib/search/hits';

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ ui: string }>; searchParams: Promise<SearchParams> };

// Results depend on the query and on who asks.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: Omit<Props, 'searchParams'>): Promise<Metadata> {
  const { t } = await getUiT(toUiLocale((await params).ui));
  return { title: t('search.title'), robots: { index: false } };
}

async function isEditor(): Promise<boolean> {
  const request = new Request('http://localhost/search', { headers: await headers() });
  const role = (await viewerOf(request))?.role;
  return role !== undefined && role !== 'reader';
}

/** The results of one page, grouped by text in the order the texts first appear. */
function groupByText(results: readonly SearchHit[]): [string, SearchHit[]][] {
  const groups = new Map<string, SearchHit[]>();
  for (const hit of results) groups.set(hit.slug, [...(groups.get(hit.slug) ?? []), hit]);
  return [...groups];
}

/** The URL of another page of the same search. */
function pageHref(request: SearchRequest, shown: readonly string[], lang: string, offset: number): string {
  const query = new URLSearchParams();
  if (request.q) query.set('q', request.q);
  if (request.text) query.set('text', request.text);
  if (request.statuses) query.set('status', request.statuses.join(','));
  if (request.field) query.set('field', request.field);
  if (shown.length > 1 || shown[0] !== 'en') query.set('tl', shown.join(','));
  if (lang) query.set('lang', lang);
  if (offset > 0) query.set('cursor', String(offset));
  return `/search?${query}`;
}

/**
 * Chinese in the script the reader chose (`?script=trad` or `simp`, as on the reading page), or
 * as written: converted only where its length is unchanged, so the match marks stay on the
 * characters they mark. `('蒸馏', 'trad')` → `'蒸餾'`.
 */
function inScript(text: string, script: string): string {
  if (script !== 'trad' && script !== 'simp') return text;
  const forms = scriptForms(text);
  const other = script === 'trad' ? forms.traditional : forms.simplified;
  return other !== undefined && other.length === text.length ? other : text;
}

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

export default async function SearchPage({ params, searchParams }: Props) {
  const ui = toUiLocale((await params).ui);
  const given = await searchParams;
  const { t } = await getUiT(ui);
  const editor = await isEditor();
  const texts = await searchableTexts();
  const asked = first(given.q).trim() !== '' || first(given.status) !== '';
  // The target languages the reader shows (`?tl=`, or the choice a reading page remembered) are
  // searched and shown; `?lang=` narrows the search to one of them.
  const remembered = parseReadingLanguages((await cookies()).get(READING_LANGUAGES_COOKIE)?.value ?? null);
  const tl = first(given.tl) || (remembered.rejected ? '' : remembered.langs.join(','));
  const shown = parseReadingLanguages(tl || null).langs;
  const lang = first(given.lang);
  const read = asked ? readSearchRequest({ ...given, tl }, { editor }) : undefined;
  const found = read?.ok ? await searchLibrary(read.request) : undefined;
  const error = read && !read.ok ? read.error : found && !found.ok ? found.error : undefined;
  const request = read?.ok ? read.request : undefined;
  const page = found?.ok ? found : undefined;
  const q = first(given.q);
  const textTitle = (slug: string) => texts.find((entry) => entry.slug === slug)?.title;
  const columns = request?.langs ?? ['en'];
  const languageName = (tag: string) => targetLanguageName(tag, ui);

  return (
    <div className="page page-search">
      <h1>{t('search.title')}</h1>
      <form className="search-form" role="search" action="/search" method="get" aria-label={t('search.title')}>
        <div className="search-form-query">
          <label htmlFor="search-query">{t('search.label')}</label>
          <input id="search-query" type="search" name="q" defaultValue={q} maxLength={200} autoComplete="off" />
        </div>
        <div className="search-form-filters">
          <label>
            {t('search.text')}{' '}
            <select name="text" defaultValue={first(given.text)}>
              <option value="">{t('search.allTexts')}</option>
              {texts.map(({ slug, title }) => (
                <option key={slug} value={slug}>
                  {title.en ? `${title.zh} · ${title.en}` : title.zh}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('search.field')}{' '}
            <select name="field" defaultValue={first(given.field)}>
              <option value="">{t('search.field.all')}</option>
              {searchFields.map((field) => (
                <option key={field} value={field}>
                  {t(`search.field.${field}`)}
                </option>
              ))}
            </select>
          </label>
          {shown.length > 1 && (
            <label>
              {t('search.lang')}{' '}
              <select name="lang" defaultValue={lang}>
                <option value="">{t('search.lang.all')}</option>
                {shown.map((tag) => (
                  <option key={tag} value={tag}>
                    {languageName(tag)}
                  </option>
                ))}
              </select>
            </label>
          )}
          {(shown.length > 1 || shown[0] !== 'en') && <input type="hidden" name="tl" value={shown.join(',')} />}
          {editor && (
            <label>
              {t('search.status')}{' '}
              <select name="status" defaultValue={first(given.status)}>
                <option value="">{t('search.anyStatus')}</option>
                {glossStatuses.map((status) => (
                  <option key={status} value={status}>
                    {t(`status.${status}`)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button type="submit">{t('search.submit')}</button>
        </div>
      </form>
      <p className="search-help">{t('search.help')}</p>

      {error && (
        <p role="alert" className="notice notice-error">
          {error}
        </p>
      )}
      {page && page.indexing.length > 0 && (
        <p role="status" className="notice">
          {t('search.indexing', { titles: page.indexing.join(', ') })}
        </p>
      )}
      {page?.leftOut.map(({ slug, reason }) => (
        <p key={slug} role="status" className="notice">
          {t('search.leftOut', { title: textTitle(slug)?.zh ?? slug, reason })}
        </p>
      ))}
      {request && page && (
        <p className="search-summary" role="status">
          {page.total === 0
            ? t('search.none')
            : t('search.count', { count: page.total, from: request.offset + 1, to: request.offset + page.results.length })}
        </p>
      )}
      {page && page.results.length > 0 && (
        <ResultKeys>
          {groupByText(page.results).map(([slug, hits]) => {
            const title = page.titles[slug] ?? textTitle(slug);
            return (
              <section key={slug} className="search-group" aria-labelledby={`group-${slug}`}>
                <h2 id={`group-${slug}`}>
                  <a href={`/read/${slug}`} data-carry-query="">
                    <span lang="zh-CN">{inScript(title?.zh ?? slug, first(given.script))}</span>
                    {title?.en && <span className="search-group-en"> · {title.en}</span>}
                  </a>
                </h2>
                <ol className="search-list">
                  {hits.map((hit) => (
                    <li key={hit.id} className="search-result" data-id={hit.id}>
                      <div className="search-result-cells" style={{ '--search-columns': columns.length + 1 } as CSSProperties}>
                        <p className="search-zh" lang="zh-CN">
                          <HighlightedText text={inScript(hit.zh, first(given.script))} spans={hit.highlights.zh} />
                        </p>
                        {columns.map((tag) => {
                          const gloss = tag === 'en' ? hit.en : hit.glosses?.[tag];
                          const spans = (tag === 'en' ? hit.highlights.en : hit.highlights.glosses?.[tag]) ?? [];
                          return (
                            <p key={tag} className="search-en" lang={tag} dir={textDirection(tag)} data-lang={tag}>
                              {gloss ? (
                                <HighlightedText text={gloss} spans={spans} />
                              ) : (
                                <em lang={htmlLang[ui]}>
                                  {tag === 'en'
                                    ? t('reader.untranslated')
                                    : t('reader.notYetIn', { language: languageName(tag) })}
                                </em>
                              )}
                            </p>
                          );
                        })}
                      </div>
                      <p className="search-result-meta">
                        {columns.length > 1 && hit.matchedIn.length > 0 && (
                          <span className="search-matched-in">
                            {t('search.matchedIn', { languages: hit.matchedIn.map(languageName).join(', ') })}
                          </span>
                        )}
                        {hit.status && <span className={`status status-${hit.status}`}>{t(`status.${hit.status}`)}</span>}
                        <a href={`/read/${slug}#${hit.id}`} data-result-link="" data-carry-query="">
                          {t('search.inContext')}
                          <span className="visually-hidden"> ({hit.id})</span>
                        </a>
                        <a href={`/read/${slug}/p/${hit.id}`} data-carry-query="">
                          {t('search.paragraphPage')}
                          <span className="visually-hidden"> ({hit.id})</span>
                        </a>
                      </p>
                    </li>
                  ))}
                </ol>
              </section>
            );
          })}
        </ResultKeys>
      )}
      {request && page && (request.offset > 0 || page.next) && (
        <nav className="search-pages" aria-label={t('search.pages')}>
          {request.offset > 0 && (
            <a href={pageHref(request, shown, lang, Math.max(0, request.offset - request.limit))}>{t('search.previous')}</a>
          )}
          {page.next && <a href={pageHref(request, shown, lang, Number(page.next))}>{t('search.next')}</a>}
        </nav>
      )}
    </div>
  );
}

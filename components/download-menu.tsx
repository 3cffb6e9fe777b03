import type { TFunction } from 'i18next';
import { SlowDownloadNote } from './slow-download-note';

/**
 * The reading page's Download menu: plain links (no script), so it costs readers who never
 * open it only these few lines of HTML. With `section` (the name of the section shown, as in
 * its URL) it offers that section's PDF, EPUB and HTML as well as the whole text's. With
 * `chineseOnly` (a text not yet fully translated) it offers a PDF and an EPUB of the Chinese
 * alone too, rather than pages half empty. With `languages` (the target languages the page
 * shows, e.g. `['en', 'fr']`) the files are in those languages and the XLIFF in the first;
 * without it, English as before. Following a PDF link says the file is being prepared.
 */
export function DownloadMenu({
  slug,
  t,
  uiLang,
  section,
  chineseOnly = false,
  languages,
}: {
  slug: string;
  t: TFunction;
  uiLang: string;
  section?: string;
  chineseOnly?: boolean;
  languages?: readonly string[];
}) {
  const base = `/api/texts/${slug}/export`;
  const english = !languages || (languages.length === 1 && languages[0] === 'en');
  const lang = english ? '' : `&lang=${encodeURIComponent(languages.join(','))}`;
  const fileLinks = (suffix: string): [string, string][] => [
    [`${base}?format=pdf&paper=A4${suffix}`, t('download.pdfA4')],
    [`${base}?format=pdf&paper=Letter${suffix}`, t('download.pdfLetter')],
    [`${base}?format=epub${suffix}`, t('download.epub')],
    [`${base}?format=html${suffix}`, t('download.html')],
    ...(chineseOnly
      ? ([
          [`${base}?format=pdf&paper=A4&layout=zh${suffix}`, t('download.pdfChinese')],
          [`${base}?format=epub&layout=zh${suffix}`, t('download.epubChinese')],
        ] as [string, string][])
      : []),
  ];
  const files = (section: string): [string, string][] => fileLinks(`${lang}${section}`);
  const whole: [string, string][] = [
    ...files(''),
    [`/api/texts/${slug}/xliff${english ? '' : `?lang=${encodeURIComponent(languages[0] ?? 'en')}`}`, t('download.xliff')],
    [`/api/texts/${slug}`, t('download.json')],
  ];
  const links = (items: [string, string][]) =>
    items.map(([href, label]) => (
      <li key={href}>
        <a href={href} download {...(href.includes('format=pdf') ? { 'data-slow-download': '' } : {})}>
          {label}
        </a>
      </li>
    ));
  return (
    <>
      <details className="download-menu" lang={uiLang} id={`download-${slug}`}>
        <summary>{t('download.label')}</summary>
        {section ? (
          <ul>
            <li className="download-group">
              <span id="download-whole">{t('download.wholeText')}</span>
              <ul aria-labelledby="download-whole">{links(whole)}</ul>
            </li>
            <li className="download-group" data-section={section}>
              <span id="download-section">{t('download.thisSection')}</span>
              <ul aria-labelledby="download-section">{links(files(`&section=${encodeURIComponent(section)}`))}</ul>
            </li>
          </ul>
        ) : (
          <ul>{links(whole)}</ul>
        )}
      </details>
      <SlowDownloadNote menuId={`download-${slug}`} />
    </>
  );
}

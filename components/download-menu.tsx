import type { TFunction } from 'i18next';

/**
 * The reading page's Download menu: plain links (no script), so it costs readers who never
 * open it only these few lines of HTML. `section` narrows the files to one section.
 */
export function DownloadMenu({ slug, t, uiLang, section }: { slug: string; t: TFunction; uiLang: string; section?: string }) {
  const base = `/api/texts/${slug}/export`;
  const suffix = section ? `&section=${section}` : '';
  const items: [string, string][] = [
    [`${base}?format=pdf&paper=A4${suffix}`, t('download.pdfA4')],
    [`${base}?format=pdf&paper=Letter${suffix}`, t('download.pdfLetter')],
    [`${base}?format=epub${suffix}`, t('download.epub')],
    [`${base}?format=html${suffix}`, t('download.html')],
    [`/api/texts/${slug}/xliff`, t('download.xliff')],
    [`/api/texts/${slug}`, t('download.json')],
  ];
  return (
    <details className="download-menu" lang={uiLang}>
      <summary>{t('download.label')}</summary>
      <ul>
        {items.map(([href, label]) => (
          <li key={href}>
            <a href={href} download>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}

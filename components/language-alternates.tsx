import { htmlLang, uiLocales } from '@/lib/i18n/config';

/**
 * `<link rel="alternate" hreflang>` for each interface language's own URL of a page
 * (`/zh/read/<slug>`), and the language-neutral URL as x-default. React puts them in the head.
 */
export function LanguageAlternates({ path }: { path: string }) {
  return (
    <>
      {uiLocales.map((lng) => (
        <link key={lng} rel="alternate" hrefLang={htmlLang[lng]} href={`/${lng}${path === '/' ? '' : path}`} />
      ))}
      <link rel="alternate" hrefLang="x-default" href={path} />
    </>
  );
}

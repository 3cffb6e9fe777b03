import { languageAlternates } from '@/lib/i18n/alternates';
import { siteUrlFromEnv } from '@/lib/site-url';

/**
 * `<link rel="alternate" hreflang>` for each interface language's own URL of a page
 * (`/zh/read/<slug>`), and the language-neutral URL as x-default. React puts them in the head.
 * Absolute on SITE_URL when it is set; relative otherwise, since pages are cached for every
 * request whatever its Host (proxy.ts then sends absolute ones in a `Link` header when the
 * request's origin can be trusted).
 */
export function LanguageAlternates({ path }: { path: string }) {
  return (
    <>
      {languageAlternates(path, siteUrlFromEnv()).map(({ hrefLang, href }) => (
        <link key={hrefLang} rel="alternate" hrefLang={hrefLang} href={href} />
      ))}
    </>
  );
}

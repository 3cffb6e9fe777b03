import { absoluteUrl } from '@/lib/site-url';
import { htmlLang, uiLocales } from './config';

/** One `<link rel="alternate" hreflang>`: the language tag and the URL. */
export interface LanguageAlternate {
  hrefLang: string;
  href: string;
}

/**
 * The URLs of a page in each interface language (`/zh/read/<slug>`), and the language-neutral
 * URL as x-default; absolute on `origin` when one is given.
 * `languageAlternates('/read/novel')` → `[{ hrefLang: 'en', href: '/en/read/novel' }, { hrefLang: 'zh-Hans', href: '/zh/read/novel' }, { hrefLang: 'x-default', href: '/read/novel' }]`.
 */
export function languageAlternates(path: string, origin?: string): LanguageAlternate[] {
  return [
    ...uiLocales.map((lng) => ({ hrefLang: htmlLang[lng], href: absoluteUrl(`/${lng}${path === '/' ? '' : path}`, origin) })),
    { hrefLang: 'x-default', href: absoluteUrl(path, origin) },
  ];
}

/**
 * The same alternates as an HTTP `Link` header, which search engines read as they read the
 * links in the page. The hrefs are the app's own paths (slugs and ids are plain ASCII).
 * `linkHeader([{ hrefLang: 'en', href: 'https://r.example/en' }])` → `'<https://r.example/en>; rel="alternate"; hreflang="en"'`.
 */
export function linkHeader(alternates: readonly LanguageAlternate[]): string {
  return alternates.map((a) => `<${a.href}>; rel="alternate"; hreflang="${a.hrefLang}"`).join(', ');
}

'use client';

import { useTranslation } from '@/components/i18n-provider';
import { UI_COOKIE, uiLocales, type UiLocale } from '@/lib/i18n/config';

const ONE_YEAR = 60 * 60 * 24 * 365;
const names: Record<UiLocale, { key: string; lang: string }> = {
  en: { key: 'ui.en', lang: 'en' },
  zh: { key: 'ui.zh', lang: 'zh-Hans' },
};

/**
 * Switches the interface language; the choice is kept in a cookie. On a language's own URL
 * (`/zh/read/…`) it goes to the other language's; on a shared URL the page reloads in place.
 */
export function LanguageSwitch({ current }: { current: UiLocale }) {
  const { t } = useTranslation();
  const choose = (lng: UiLocale) => {
    if (lng === current) return;
    rememberLanguage(lng);
    const { pathname, search, hash } = window.location;
    const own = uiLocales.find((l) => pathname === `/${l}` || pathname.startsWith(`/${l}/`));
    // A full load on purpose: the interface strings and every cached page belong to one language.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    if (own) window.location.assign(`/${lng}${pathname.slice(own.length + 1)}${search}${hash}`);
    else window.location.reload();
  };
  return (
    <div className="language-switch" role="group" aria-label={t('ui.label')}>
      {uiLocales.map((lng) => (
        <button key={lng} type="button" lang={names[lng].lang} aria-pressed={lng === current} onClick={() => choose(lng)}>
          {t(names[lng].key)}
        </button>
      ))}
    </div>
  );
}

/** Keeps the choice for a year, for the shared URLs that follow the cookie. */
function rememberLanguage(lng: UiLocale): void {
  document.cookie = `${UI_COOKIE}=${lng}; path=/; max-age=${ONE_YEAR}; samesite=lax`;
}

import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { CarryQuery } from '@/components/carry-query';
import { HydrationMarker } from '@/components/hydration-marker';
import { I18nProvider } from '@/components/i18n-provider';
import { LanguageSwitch } from '@/components/language-switch';
import { SearchBox } from '@/components/search/search-box';
import { applyReadingOptionsScript } from '@/components/reading-options';
import { SessionProvider } from '@/components/session-provider';
import { SessionStatus } from '@/components/session-status';
import { notFound } from 'next/navigation';
import { htmlLang, isUiLocale, uiLocales } from '@/lib/i18n/config';
import { getUiT, toUiLocale } from '@/app/_lib/ui-i18n';
// The former globals.css, by its sections, in its order.
import '../styles/base.css';
import '../styles/frame.css';
import '../styles/library.css';
import '../styles/text-header.css';
import '../styles/reader-grid.css';
import '../styles/rows.css';
import '../styles/layouts.css';
import '../styles/annotations.css';
import '../styles/popover.css';
import '../styles/footer.css';
import '../styles/editing.css';
import '../styles/team.css';
import '../styles/comments.css';
import '../styles/search.css';
import '../styles/glossary.css';
import '../styles/annotation-tools.css';
import '../styles/exchange.css';
import '../styles/reading-options.css';
import '../styles/download.css';
import '../styles/download-sections.css';
import '../styles/print.css';
import '../styles/long-words.css';
import '../styles/sections.css';
import '../styles/script.css';
import '../styles/levels.css';
import '../styles/target-languages.css';
import '../styles/sentences.css';

type Props = { children: ReactNode; params: Promise<{ ui: string }> };

export function generateStaticParams() {
  return uiLocales.map((ui) => ({ ui }));
}

// The interface languages are generated at build time; reading pages below are made on demand
// (their own segments say so), and an unknown language is a 404.
export const dynamicParams = true;

export async function generateMetadata({ params }: Omit<Props, 'children'>): Promise<Metadata> {
  const { t } = await getUiT(toUiLocale((await params).ui));
  return { title: { default: t('site.name'), template: `%s · ${t('site.name')}` }, description: t('site.tagline') };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function UiLayout({ children, params }: Props) {
  const { ui: uiParam } = await params;
  if (!isUiLocale(uiParam)) notFound();
  const ui = toUiLocale(uiParam);
  const { t, strings } = await getUiT(ui);
  return (
    <html lang={htmlLang[ui]} suppressHydrationWarning>
      <head>
        {/* Text size and theme before the first paint (no flash of the wrong one). */}
        <script dangerouslySetInnerHTML={{ __html: applyReadingOptionsScript }} />
      </head>
      <body>
        <I18nProvider lng={ui} strings={strings}>
          <SessionProvider>
            <a className="skip-link" href="#main">
              {t('site.skip')}
            </a>
            <header className="site-header">
              {/* A plain link, so the library gets the reading options (the script of its titles among
                  them): a Link navigates to its own href, not the one CarryQuery sets. */}
              {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see above */}
              <a href="/" className="site-name" data-carry-query="">
                {t('site.name')}
              </a>
              <SearchBox />
              <LanguageSwitch current={ui} />
            </header>
            <main id="main" tabIndex={-1}>
              {children}
            </main>
            <footer className="site-footer">
              <Link href="/about">{t('footer.about')}</Link>
              <Link href="/words">{t('footer.words')}</Link>
              <span>{t('footer.dictionary')}</span>
              <SessionStatus />
            </footer>
          </SessionProvider>
        </I18nProvider>
        <CarryQuery />
        <HydrationMarker />
      </body>
    </html>
  );
}

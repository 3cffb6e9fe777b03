'use client';

import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { UiLocale } from '@/lib/i18n/config';
import { uiT, type UiT } from '@/lib/i18n/translate';

interface UiTranslation {
  t: UiT;
  i18n: { language: UiLocale };
  /** The page's interface strings, for the workbench pages' i18next (workbench-i18n.tsx). */
  strings: Record<string, string>;
}

const TranslationContext = createContext<UiTranslation | null>(null);

/**
 * Gives client leaves `useTranslation()` for the interface language of this page, from the strings
 * the layout read on the server: no i18next in the browser (lib/i18n/translate.ts).
 */
export function I18nProvider({
  lng,
  strings,
  children,
}: {
  lng: UiLocale;
  strings: Record<string, string>;
  children: ReactNode;
}) {
  const value = useMemo(() => ({ t: uiT(strings, lng), i18n: { language: lng }, strings }), [strings, lng]);
  return <TranslationContext value={value}>{children}</TranslationContext>;
}

/** The interface strings of this page: `const { t } = useTranslation()`, as with react-i18next. */
export function useTranslation(): UiTranslation {
  const value = useContext(TranslationContext);
  if (!value) throw new Error('useTranslation needs an I18nProvider above it (app/[ui]/layout.tsx)');
  return value;
}

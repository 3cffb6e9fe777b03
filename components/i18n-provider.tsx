'use client';

import { useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { UiLocale } from '@/lib/i18n/config';
import { createUiI18n, type UiStrings } from '@/lib/i18n/instance';

/** Gives client leaves `useTranslation()` for the interface language of this page. */
export function I18nProvider({ lng, strings, children }: { lng: UiLocale; strings: UiStrings; children: ReactNode }) {
  const [i18n] = useState(() => createUiI18n(lng, strings));
  return <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;
}

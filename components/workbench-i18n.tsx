'use client';

import { useMemo, type ReactNode } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { createUiI18n } from '@/lib/i18n/instance';
import { useTranslation } from './i18n-provider';

/**
 * i18next through react-i18next for the workbench pages (accounts, the work queue, the activity
 * feed), which readers never open: their components take `useTranslation` from react-i18next, as
 * the server does from i18next. Reading, library and search pages use the layout's small `t`
 * (i18n-provider.tsx) and never download either library. Same strings, same output: the test of
 * lib/i18n/translate.ts holds the small `t` to i18next's.
 */
export function WorkbenchI18n({ children }: { children: ReactNode }) {
  const { strings, i18n } = useTranslation();
  const instance = useMemo(() => createUiI18n(i18n.language, strings, [initReactI18next]), [i18n.language, strings]);
  return <I18nextProvider i18n={instance}>{children}</I18nextProvider>;
}

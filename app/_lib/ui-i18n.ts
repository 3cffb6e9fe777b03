import 'server-only';
import type { TFunction } from 'i18next';
import { readUiStrings } from '@/lib/store/glosses';
import { isUiLocale, defaultUiLocale, type UiLocale } from '@/lib/i18n/config';
import { createUiI18n, type UiStrings } from '@/lib/i18n/instance';

/** Resolves a route's `ui` parameter to a known language (unknown values fall back to the default). */
export function toUiLocale(value: string | undefined): UiLocale {
  return isUiLocale(value) ? value : defaultUiLocale;
}

/** The interface strings and a `t` for one language, for server components. */
export async function getUiT(lng: UiLocale): Promise<{ t: TFunction; strings: UiStrings }> {
  const strings = await readUiStrings(lng);
  return { t: createUiI18n(lng, strings).t, strings };
}

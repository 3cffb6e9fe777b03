import { createInstance, type i18n } from 'i18next';
import type { UiLocale } from './config';

export type UiStrings = Record<string, string>;

/** The only i18next namespace for interface strings; glosses never go through i18next at run time. */
export const UI_NAMESPACE = 'common';

/**
 * A fresh i18next instance for one interface language, initialised synchronously from strings
 * already in hand, so server HTML carries the translated strings. One instance per request or
 * provider: never a shared instance whose language a concurrent request could change.
 */
export function createUiI18n(lng: UiLocale, strings: UiStrings, plugins: Parameters<i18n['use']>[0][] = []): i18n {
  const instance = createInstance();
  for (const plugin of plugins) instance.use(plugin);
  void instance.init({
    lng,
    fallbackLng: false,
    ns: [UI_NAMESPACE],
    defaultNS: UI_NAMESPACE,
    resources: { [lng]: { [UI_NAMESPACE]: strings } },
    initAsync: false,
    interpolation: { escapeValue: false },
    keySeparator: false,
  });
  return instance;
}

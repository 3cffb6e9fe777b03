/** The interface languages, declared once. The reading content does not change with them. */
export const uiLocales = ['en', 'zh'] as const;
export type UiLocale = (typeof uiLocales)[number];
export const defaultUiLocale: UiLocale = 'en';

/** The cookie that keeps a reader's interface language. */
export const UI_COOKIE = 'ui-lang';

/** The BCP 47 tag for each interface language, for `<html lang>`. */
export const htmlLang: Record<UiLocale, string> = { en: 'en', zh: 'zh-Hans' };

export function isUiLocale(value: unknown): value is UiLocale {
  return typeof value === 'string' && (uiLocales as readonly string[]).includes(value);
}

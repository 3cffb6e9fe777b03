// The interface strings' `t` for the browser, without i18next: the few features our strings use
// (`{{name}}` values, `_one`/`_other` plurals chosen by Intl.PluralRules, the key when a string is
// missing), so reading pages do not ship i18next and react-i18next (about 17 KB gzip). The server
// keeps i18next (lib/i18n/instance.ts); translate.test.ts checks that both give the same strings.
import type { UiLocale } from './config';

/** Values put into a string: `{{count}}` and the like. */
export type UiValues = Readonly<Record<string, unknown>>;

/** A `t` as client components call it: `t('notes.label', { n: 7 })`. */
export type UiT = (key: string, values?: UiValues) => string;

const PLACEHOLDER = /\{\{([^{}]+)\}\}/g;
const pluralRules = new Map<string, Intl.PluralRules>();

function pluralCategory(lng: UiLocale, count: number): string {
  let rules = pluralRules.get(lng);
  if (!rules) {
    rules = new Intl.PluralRules(lng);
    pluralRules.set(lng, rules);
  }
  return rules.select(count);
}

/** The keys tried for `key`, in order: with a `count`, its plural forms first. */
function candidates(lng: UiLocale, key: string, count: unknown): string[] {
  if (typeof count !== 'number') return [key];
  const forms = [`${key}_${pluralCategory(lng, count)}`, key];
  return count === 0 ? [`${key}_zero`, ...forms] : forms;
}

/**
 * One interface string with its values put in, as i18next would give it (a missing string is its
 * key; an unknown `{{name}}` stays as written). `translate({ 'search.count_other': '{{count}} 个结果' },
 * 'zh', 'search.count', { count: 3 })` → `'3 个结果'`.
 */
export function translate(strings: Readonly<Record<string, string>>, lng: UiLocale, key: string, values?: UiValues): string {
  const found = candidates(lng, key, values?.count).find((candidate) => Object.hasOwn(strings, candidate));
  if (found === undefined) return key;
  const text = strings[found] ?? key;
  if (!values) return text;
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name.trim()];
    if (value === undefined) return whole;
    return value === null ? '' : String(value);
  });
}

/** A `t` bound to one language's strings. */
export function uiT(strings: Readonly<Record<string, string>>, lng: UiLocale): UiT {
  return (key, values) => translate(strings, lng, key, values);
}

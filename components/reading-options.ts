/**
 * The reading options besides the layout, each a search parameter of the URL (so a shared link
 * opens the same way): tone colours, the phonetic notation (pinyin or zhuyin), the script
 * (simplified or traditional), the text size and the theme. Text size and theme are also kept
 * in the browser (localStorage) across visits; the URL wins when it names one. Every name is one
 * of lib/reading/reading-url.ts's `readingParams`, which links and redirects carry.
 */

import type { ReadingParam } from '@/lib/reading/reading-url';

/** `?tones=1`: each syllable and its character coloured by tone. */
export const TONES_PARAM = 'tones' satisfies ReadingParam;
/** `?phonetic=zhuyin`: ruby and popover in zhuyin instead of pinyin. */
export const PHONETIC_PARAM = 'phonetic' satisfies ReadingParam;
export const phoneticNotations = ['pinyin', 'zhuyin'] as const;
export type PhoneticNotation = (typeof phoneticNotations)[number];
/**
 * `?script=trad` / `?script=simp`: the Chinese in traditional or simplified characters; without
 * it, as the source is written.
 */
export const SCRIPT_PARAM = 'script' satisfies ReadingParam;

/** Text sizes of the reading columns, smallest first; `m` is the default and is never written. */
export const textSizes = ['s', 'm', 'l', 'xl', 'xxl'] as const;
export type TextSize = (typeof textSizes)[number];
export const DEFAULT_TEXT_SIZE: TextSize = 'm';
/** Themes a reader can choose; without a choice the page follows the system (`prefers-color-scheme`). */
export const themes = ['light', 'dark'] as const;
export type Theme = (typeof themes)[number];

/** HSK levels a reader can choose (`?level=3`): words above it are underlined (app/styles/levels.css). */
export const readerLevels = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/** The options kept across visits: URL parameter, the values it may take, and the <html> attribute it sets. */
export const storedOptions = {
  size: { values: textSizes.filter((s) => s !== DEFAULT_TEXT_SIZE), attribute: 'data-size' },
  theme: { values: themes, attribute: 'data-theme' },
  level: { values: readerLevels, attribute: 'data-level' },
  /** `?pinyinabove=1`: with pinyin on, ruby only over the words above the reader's level. */
  pinyinabove: { values: ['1'], attribute: 'data-pinyin-above' },
  /** `?voice=browser`: Listen reads with the browser's Chinese voice where it has one (learn/browser-voice.tsx). */
  voice: { values: ['browser'], attribute: 'data-voice' },
} as const satisfies Partial<Record<ReadingParam, unknown>>;
export type StoredOption = keyof typeof storedOptions;

/** The localStorage key of a kept option. */
export function storageKey(option: StoredOption): string {
  return `reader.${option}`;
}

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

/**
 * A script for the page head that applies the text size and theme (from the URL, else from
 * localStorage) and marks the script chosen before the first paint, so a page never
 * flashes in the wrong size or theme. It only compares values with fixed lists.
 */
export const applyReadingOptionsScript = `(function(){try{var d=document.documentElement,q=new URLSearchParams(location.search),o=${JSON.stringify(
  Object.fromEntries(Object.entries(storedOptions).map(([name, option]) => [name, [option.attribute, option.values]])),
)};for(var n in o){var a=o[n][0],l=o[n][1],v=q.get(n);if(l.indexOf(v)<0){try{v=localStorage.getItem('reader.'+n)}catch(e){v=null}}if(l.indexOf(v)>=0)d.setAttribute(a,v)}var c=q.get('${SCRIPT_PARAM}');if(c==='trad'||c==='simp')d.setAttribute('data-script',c)}catch(e){}})();`;

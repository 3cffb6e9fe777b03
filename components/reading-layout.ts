/**
 * The ways the reading page can arrange its two columns; kept in the URL as `?layout=`. `reveal`
 * arranges them as by default (side by side, stacked on narrow screens) with each row's English
 * hidden until asked for; `sentences` puts each Chinese sentence above its translation, within
 * each row (app/styles/sentences.css, components/sentence-highlight.tsx).
 */
export const readingLayouts = ['side', 'stacked', 'zh', 'en', 'reveal', 'sentences'] as const;
export type ReadingLayout = (typeof readingLayouts)[number];

/** Below this width the reading page stacks its columns unless the URL says otherwise. */
export const STACKED_BELOW_PX = 768;

export function isReadingLayout(value: unknown): value is ReadingLayout {
  return typeof value === 'string' && (readingLayouts as readonly string[]).includes(value);
}

/**
 * A script for the page head that applies `?layout=` before the first paint, so a shared link
 * opens in its layout without a flash. It only compares the parameter with the fixed list.
 */
export const applyLayoutScript = `(function(){try{var l=new URLSearchParams(location.search).get('layout');if(${JSON.stringify(
  readingLayouts,
)}.indexOf(l)>=0)document.documentElement.setAttribute('data-layout',l);else document.documentElement.removeAttribute('data-layout')}catch(e){}})();`;

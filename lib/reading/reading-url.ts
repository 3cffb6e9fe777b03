/**
 * The reader's own choices that live in the URL's query (`?layout=stacked&pinyin=1`), and the
 * links and redirects that must keep them: a shared link opens the same way, a section link
 * or a redirect from an old name lands the reader in the same layout, script and notation.
 * Pure: used by proxy.ts (redirects) and by the browser (section links).
 */

/**
 * Every reading option kept in the query: layout (`?layout=`), pinyin (`?pinyin=1`), the
 * phonetic notation (`?phonetic=zhuyin`), tone colours (`?tones=1`), the script
 * (`?script=trad`), the text size (`?size=l`), the theme (`?theme=dark`), the reader's HSK level
 * whose words above it are marked (`?level=3`), pinyin only over those words (`?pinyinabove=1`),
 * the browser's Chinese voice for Listen (`?voice=browser`),
 * the target languages (`?tl=en,fr`) and the English as a reference (`?tlref=en`).
 */
export const readingParams = [
  'layout',
  'pinyin',
  'phonetic',
  'tones',
  'script',
  'size',
  'theme',
  'level',
  'pinyinabove',
  'voice',
  'tl',
  'tlref',
] as const;
export type ReadingParam = (typeof readingParams)[number];

/** Longest value carried; the options' values are a few letters, so anything longer is not one. */
const MAX_VALUE = 32;

/**
 * The reading options of a query string, in a fixed order, as a query string (`''` when none).
 * Other parameters are dropped; an option named twice keeps its first value, as the pages read it.
 * `carriedQuery('?utm=x&pinyin=1&layout=stacked')` → `'?layout=stacked&pinyin=1'`.
 */
export function carriedQuery(search: string | URLSearchParams): string {
  const given = typeof search === 'string' ? new URLSearchParams(search) : search;
  const kept = new URLSearchParams();
  for (const name of readingParams) {
    const value = given.get(name);
    if (value !== null && value.length <= MAX_VALUE) kept.set(name, value);
  }
  const query = kept.toString();
  return query ? `?${query}` : '';
}

/**
 * A same-site path (`/read/<slug>/s/<name>#<id>`) with the reading options of `search` put in
 * front of its fragment; options already in the path are replaced by those of `search`, and
 * dropped when `search` does not name them, so the result says exactly what the reader chose.
 * `withReadingQuery('/read/novel/s/k3x9qa#m2p8rt', '?layout=zh')` → `'/read/novel/s/k3x9qa?layout=zh#m2p8rt'`.
 */
export function withReadingQuery(path: string, search: string | URLSearchParams): string {
  const hashAt = path.indexOf('#');
  const beforeHash = hashAt < 0 ? path : path.slice(0, hashAt);
  const hash = hashAt < 0 ? '' : path.slice(hashAt);
  const queryAt = beforeHash.indexOf('?');
  const pathname = queryAt < 0 ? beforeHash : beforeHash.slice(0, queryAt);
  const own = new URLSearchParams(queryAt < 0 ? '' : beforeHash.slice(queryAt + 1));
  for (const name of readingParams) own.delete(name);
  const carried = carriedQuery(search).slice(1);
  const query = [own.toString(), carried].filter(Boolean).join('&');
  return `${pathname}${query ? `?${query}` : ''}${hash}`;
}

/**
 * Where a redirect of a reading URL goes: the target path under the same interface-language
 * prefix as the request (`/zh`, or none for the shared URLs), with the reader's options kept.
 * `redirectLocation('/read/novel/p/m2p8rt', { language: 'zh', search: '?pinyin=1' })` → `'/zh/read/novel/p/m2p8rt?pinyin=1'`.
 */
export function redirectLocation(path: string, from: { language?: string | undefined; search: string }): string {
  if (!path.startsWith('/') || path.startsWith('//')) throw new Error(`not a same-site path: ${path}`);
  return `${from.language ? `/${from.language}` : ''}${withReadingQuery(path, from.search)}`;
}

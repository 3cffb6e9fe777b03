// The comment counts of a page's text, asked for once per page and shared by every row's button.
// Kept free of the API schemas: this module ships with every reading page.

export type CommentCounts = { visible: boolean; counts: Record<string, { total: number; open: number }> };

const HIDDEN: CommentCounts = { visible: false, counts: {} };
const known = new Map<string, CommentCounts>();
const asked = new Set<string>();
const listeners = new Set<() => void>();

const keyOf = (slug: string, lang: string) => `${slug}\n${lang}`;

function parse(body: unknown): CommentCounts {
  const value = body as Partial<CommentCounts> | undefined;
  return value && typeof value.visible === 'boolean' && value.counts && typeof value.counts === 'object'
    ? { visible: value.visible, counts: value.counts }
    : HIDDEN;
}

/** Asks the server (again, with `refresh`) for a text's counts; listeners hear when they arrive. */
export function loadCommentCounts(slug: string, lang: string, refresh = false): void {
  const key = keyOf(slug, lang);
  if (asked.has(key) && !refresh) return;
  asked.add(key);
  const query = lang === 'en' ? '' : `?lang=${encodeURIComponent(lang)}`;
  void fetch(`/api/texts/${encodeURIComponent(slug)}/comments${query}`, { cache: 'no-store' })
    .then(async (response) => (response.ok ? parse(await response.json()) : HIDDEN))
    .catch(() => HIDDEN)
    .then((counts) => {
      known.set(key, counts);
      for (const listener of listeners) listener();
    });
}

/** The counts known now, or undefined before the answer. */
export function commentCountsOf(slug: string, lang: string): CommentCounts | undefined {
  return known.get(keyOf(slug, lang));
}

/** For useSyncExternalStore. */
export function subscribeCommentCounts(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

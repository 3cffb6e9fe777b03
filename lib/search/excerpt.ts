import type { Span } from './match';

/** Results show a block whole up to this many characters, else an excerpt of about this size. */
export const EXCERPT_LIMITS = { whole: 400, length: 300, before: 100 } as const;

const ELLIPSIS = '…';

/**
 * A long block's text cut to the part around its first match, so a result stays a few lines even
 * for a paragraph of a whole chapter: `…` marks each cut, and the spans are moved to match (those
 * outside the excerpt dropped). A text within `whole` characters is kept as it is. Cuts never
 * split a surrogate pair.
 * `excerpt('甲'.repeat(1000) + '武松' + '乙'.repeat(1000), [[1000, 1002]])` → `{ text: '…甲…甲武松乙…乙…', spans: [[101, 103]] }`.
 */
export function excerpt(
  text: string,
  spans: readonly Span[],
  limits: { whole: number; length: number; before: number } = EXCERPT_LIMITS,
): { text: string; spans: Span[] } {
  if (text.length <= limits.whole) return { text, spans: [...spans] };
  const first = spans[0];
  let start = first ? Math.max(0, first[0] - limits.before) : 0;
  let end = Math.min(text.length, Math.max(start + limits.length, first ? first[1] : 0));
  if (end === text.length) start = Math.max(0, end - limits.length);
  start = unsplit(text, start);
  end = unsplit(text, end);
  const head = start > 0 ? ELLIPSIS : '';
  const tail = end < text.length ? ELLIPSIS : '';
  const shift = head.length - start;
  const kept = spans.filter(([s, e]) => s >= start && e <= end).map(([s, e]): Span => [s + shift, e + shift]);
  return { text: `${head}${text.slice(start, end)}${tail}`, spans: kept };
}

/** Moves an offset off the second half of a surrogate pair. */
function unsplit(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return at > 0 && at < text.length && code >= 0xdc00 && code <= 0xdfff ? at - 1 : at;
}

import type { ReactNode } from 'react';

/**
 * A text with some spans marked: plain text nodes and <mark> elements, never HTML from the data
 * or the query. `spans` are `[start, end)` offsets, sorted and not overlapping.
 */
export function HighlightedText({ text, spans }: { text: string; spans: readonly (readonly [number, number])[] }) {
  const parts: ReactNode[] = [];
  let cursor = 0;
  for (const [start, end] of spans) {
    const from = Math.max(cursor, Math.min(start, text.length));
    const to = Math.max(from, Math.min(end, text.length));
    if (from > cursor) parts.push(text.slice(cursor, from));
    if (to > from) parts.push(<mark key={from}>{text.slice(from, to)}</mark>);
    cursor = to;
  }
  if (cursor < text.length) parts.push(text.slice(cursor));
  return <>{parts}</>;
}

import { Fragment, type ReactNode } from 'react';
import { sentencePieces, type Span } from '@/lib/align/row';
import { printsAddress } from '@/lib/export/print';
import { inlineRanges } from '@/lib/text/inline';
import { NoteMarker } from './note-marker';

/**
 * A block's text (links as links, the rest as plain text, never as HTML) with each sentence in a
 * `<span data-s="i">`, for the sentence highlight and the sentence layout, and note markers after
 * their offsets. Rendered on the server: the page ships the sentences as these spans.
 */
export function SentenceText({
  text,
  sentences,
  markers = [],
}: {
  text: string;
  sentences: Span[];
  markers?: [number, string][];
}) {
  const sorted = markers
    .map(([at, id]): [number, string] => [Math.min(Math.max(at, 0), text.length), id])
    .sort((a, b) => a[0] - b[0]);
  // Markers go after the text up to their offset: a piece takes those in (start, end], the first those at 0 too.
  const markersIn = (start: number, end: number) =>
    sorted
      .filter(([at]) => (at > start || (start === 0 && at === 0)) && at <= end)
      .map(([, id]) => <NoteMarker key={id} id={id} />);
  const out: ReactNode[] = [];
  for (const range of inlineRanges(text)) {
    if (range.kind === 'link') {
      const link = (
        <Fragment key={range.start}>
          <a
            href={range.href}
            rel="noopener noreferrer nofollow"
            {...(printsAddress(range.text, range.href) ? { className: 'url-shown' } : {})}
          >
            {range.text}
          </a>
          {markersIn(range.start, range.end)}
        </Fragment>
      );
      const sentence = sentences.findIndex(([s, e]) => s <= range.start && range.start < e);
      out.push(
        sentence >= 0 ? (
          <span key={range.start} data-s={sentence}>
            {link}
          </span>
        ) : (
          link
        ),
      );
      continue;
    }
    for (const piece of sentencePieces(range.start, range.end, sentences)) {
      // Each marker right after the text up to its offset ("Tesla¹ said…"), not at the piece's end.
      const content: ReactNode[] = [];
      let cursor = piece.start;
      for (const [at, id] of sorted) {
        if (!((at > piece.start || (piece.start === 0 && at === 0)) && at <= piece.end)) continue;
        if (at > cursor) content.push(<Fragment key={`t${cursor}`}>{text.slice(cursor, at)}</Fragment>);
        content.push(<NoteMarker key={id} id={id} />);
        cursor = Math.max(cursor, at);
      }
      if (cursor < piece.end) content.push(<Fragment key={`t${cursor}`}>{text.slice(cursor, piece.end)}</Fragment>);
      out.push(
        piece.sentence >= 0 ? (
          <span key={piece.start} data-s={piece.sentence}>
            {content}
          </span>
        ) : (
          <Fragment key={piece.start}>{content}</Fragment>
        ),
      );
    }
  }
  return <>{out}</>;
}

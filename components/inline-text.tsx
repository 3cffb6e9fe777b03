import { printsAddress } from '@/lib/export/print';
import { parseInline } from '@/lib/text/inline';

/** A block's text with its links as links; everything else rendered as plain text, never as HTML. */
export function InlineText({ text }: { text: string }) {
  return (
    <>
      {parseInline(text).map((segment, i) =>
        segment.kind === 'link' ? (
          <a
            key={i}
            href={segment.href}
            rel="noopener noreferrer nofollow"
            {...(printsAddress(segment.text, segment.href) ? { className: 'url-shown' } : {})}
          >
            {segment.text}
          </a>
        ) : (
          segment.text
        ),
      )}
    </>
  );
}

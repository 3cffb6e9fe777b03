import { diffTexts } from '@/lib/diff';

/** Removed and added text marked, for the Chinese of a stale paragraph and for history entries. */
export function Diff({ before, after, lang }: { before: string; after: string; lang: string }) {
  return (
    <span lang={lang} className="diff">
      {diffTexts(before, after).map((part, i) =>
        part.op === 'same' ? (
          <span key={i}>{part.text}</span>
        ) : part.op === 'removed' ? (
          <del key={i}>{part.text}</del>
        ) : (
          <ins key={i}>{part.text}</ins>
        ),
      )}
    </span>
  );
}

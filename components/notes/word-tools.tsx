'use client';

import { useTranslation } from '@/components/i18n-provider';
import type { WordTarget } from '@/lib/annotate/view';
import { useAnnotationTools } from './annotation-tools';

/** Which occurrence of `word` in `text` starts at `start` (1 = first). `('甲乙甲', '甲', 2)` → 2. */
function occurrenceAt(text: string, word: string, start: number): number {
  let n = 0;
  for (let at = text.indexOf(word); at >= 0 && at <= start; at = text.indexOf(word, at + 1)) n += 1;
  return Math.max(n, 1);
}

/**
 * A translator's tools in a word's popover: a note on this word (the keyboard's way to what
 * selecting a passage gives), and “split here” between its characters, written to the text's
 * word list as `小镇|上`.
 */
export function WordTools({ target }: { target: WordTarget }) {
  const tools = useAnnotationTools();
  const { t } = useTranslation();
  if (!tools || !target.at) return null;
  const { block, start, paragraph } = target.at;
  const chars = [...target.word];
  const lang = tools.mayNote ? tools.noteLanguageOf(block) : undefined;
  return (
    <div className="popover-tools" role="group" aria-label={t('notes.wordTools')}>
      {lang && (
        <button
          type="button"
          className="popover-add-note"
          onClick={() =>
            tools.composeNote({ block, quote: target.word, occurrence: occurrenceAt(paragraph, target.word, start), lang })
          }
        >
          {t('notes.add')}
        </button>
      )}
      {tools.mayTerms &&
        chars.length > 1 &&
        chars.slice(1).map((_, i) => {
          const left = chars.slice(0, i + 1).join('');
          const right = chars.slice(i + 1).join('');
          return (
            <button
              key={i}
              type="button"
              className="popover-split"
              onClick={() =>
                void tools.changeTerms(
                  { add: [`${left}|${right}`], remove: [target.word] },
                  t('terms.splitDone', { left, right }),
                )
              }
            >
              {t('terms.splitAt', { left, right })}
            </button>
          );
        })}
    </div>
  );
}

'use client';

import { useEffect, useRef, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from '@/components/i18n-provider';
import type { PageLexicon } from '@/lib/annotate/view';
import { POPOVER_ID, shownScript, wordForms, type Popover, type ReadingAids } from './annotation-context';
import { NoteCard, noteLabel } from './note-card';
import { pressPopoverShortcut } from './popover-shortcut';
import { usePlacement } from './use-placement';
import { WordCard } from './word-card';

interface Props {
  popover: Popover;
  /** Move focus into the card once it is placed (it cannot take focus while hidden). */
  focusInside: boolean;
  onFocusedInside: () => void;
  lexicon: PageLexicon;
  aids: ReadingAids;
  highlight: string | null;
  onHighlight: (word: string | null) => void;
  onClose: () => void;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
}

/** The popover: a dialog placed beside its word or note marker, holding a word card or a note card. */
export function PopoverCard({
  popover,
  focusInside,
  onFocusedInside,
  lexicon,
  aids,
  highlight,
  onHighlight,
  onClose,
  onPointerEnter,
  onPointerLeave,
}: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const position = usePlacement(ref, popover.anchor, popover);

  useEffect(() => {
    if (!focusInside || !position) return;
    ref.current?.querySelector<HTMLElement>('button')?.focus();
    onFocusedInside();
  }, [focusInside, position, onFocusedInside]);

  // Tab from inside the card goes back to the word it belongs to: the card never holds focus.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (pressPopoverShortcut(event)) return;
    if (event.key !== 'Tab') return;
    event.preventDefault();
    popover.anchor.focus();
  };

  const label =
    popover.kind === 'note'
      ? noteLabel(t, lexicon.notes[popover.id])
      : wordForms(popover.target, shownScript(aids, lexicon), lexicon).shown;

  return createPortal(
    <div
      ref={ref}
      id={POPOVER_ID}
      role="dialog"
      aria-label={label}
      className="popover"
      style={
        position
          ? { top: position.top, left: position.left, ...(position.maxHeight ? { maxHeight: position.maxHeight } : {}) }
          : { visibility: 'hidden', top: 0, left: 0 }
      }
      onKeyDown={onKeyDown}
      onPointerEnter={onPointerEnter}
      onPointerLeave={onPointerLeave}
    >
      {popover.kind === 'note' ? (
        <NoteCard note={lexicon.notes[popover.id]} />
      ) : (
        <WordCard
          target={popover.target}
          anchor={popover.anchor}
          lexicon={lexicon}
          aids={aids}
          highlight={highlight}
          onHighlight={onHighlight}
        />
      )}
      <button type="button" className="popover-close" aria-label={t('popover.close')} onClick={onClose}>
        ×
      </button>
    </div>,
    document.body,
  );
}

'use client';

import {
  lazy,
  Suspense,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import type { PageLexicon } from '@/lib/annotate/view';
import { AnnotationContext, POPOVER_ID, type AnnotationContextValue } from './annotations/annotation-context';
import { pressPopoverShortcut } from './annotations/popover-shortcut';
import { usePopover } from './annotations/use-popover';
import { useReadingAids } from './annotations/use-reading-aids';

// The popover's card (word card, listening, save-word, note tools) is loaded when a reader first
// points at or focuses the text, not with the page: most of a page view never opens it.
const loadPopoverCard = () => import('./annotations/popover-card');
const PopoverCard = lazy(async () => ({ default: (await loadPopoverCard()).PopoverCard }));
let cardRequested = false;
function preloadPopoverCard() {
  if (cardRequested) return;
  cardRequested = true;
  void loadPopoverCard().catch(() => {
    cardRequested = false; // a failed fetch is tried again on the next pointer or focus
  });
}

/** All word elements of the page's Chinese, in document order. */
function wordElements(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('.cell-zh .w')];
}

/** Copying Chinese with ruby shown must copy neither the readings nor the note numbers. */
function copyWithoutReadings(event: ClipboardEvent<HTMLDivElement>) {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0) return;
  const fragment = selection.getRangeAt(0).cloneContents();
  if (!fragment.querySelector('rt, rp, .note-ref')) return;
  fragment.querySelectorAll('rt, rp, .note-ref').forEach((node) => node.remove());
  const holder = document.createElement('div');
  holder.append(fragment);
  event.clipboardData.setData('text/plain', holder.textContent ?? '');
  event.preventDefault();
}

/**
 * The reading page's annotation layer: provides the page's dictionary, glossary and notes and
 * the reading options (ruby, tone colours, zhuyin, traditional characters) to the Chinese cells,
 * shows one popover at a time (for a word or a note), moves between words with the arrow keys,
 * and keeps readings out of copied text.
 */
export function AnnotationLayer({
  lexicon,
  firstWord,
  children,
}: {
  lexicon: PageLexicon;
  firstWord: string;
  children: ReactNode;
}) {
  const aids = useReadingAids();
  const { popover, open, close, closeSoon, keepOpen } = usePopover();
  const [highlight, setHighlight] = useState<string | null>(null);
  const [activeWord, setActiveWord] = useState(firstWord);
  // Set when the popover is opened from the keyboard to go into it once it is shown.
  const [enterPopover, setEnterPopover] = useState(false);
  const layer = useRef<HTMLDivElement>(null);
  // Marks the layer once its words answer the pointer and keys. The layout's marker on <html>
  // can come first: the page's rows may hydrate after it. End-to-end tests wait for this one.
  useEffect(() => layer.current?.setAttribute('data-hydrated', ''), []);

  // Arrow keys move word by word through the Chinese column once a word has focus.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (!target.classList.contains('w')) return;
    if (popover?.anchor === target && pressPopoverShortcut(event)) return;
    if (event.key === 'Enter' || event.key === ' ') {
      // Into the popover; when Esc closed it, Enter brings it back first.
      event.preventDefault();
      const button = document.getElementById(POPOVER_ID)?.querySelector<HTMLElement>('button');
      if (button && popover?.anchor === target) button.focus();
      else {
        target.click();
        setEnterPopover(true);
      }
      return;
    }
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (!step) return;
    const words = wordElements();
    const next = words[words.indexOf(target) + step];
    if (!next) return;
    event.preventDefault();
    next.focus();
  };

  const value = useMemo<AnnotationContextValue>(
    () => ({ ...aids, lexicon, highlight, activeWord, setActiveWord, open, closeSoon, popoverId: POPOVER_ID }),
    [aids, lexicon, highlight, activeWord, open, closeSoon],
  );

  return (
    <AnnotationContext.Provider value={value}>
      <div
        ref={layer}
        className="annotation-layer"
        data-notation={aids.notation}
        onKeyDown={onKeyDown}
        onCopy={copyWithoutReadings}
        onPointerOver={preloadPopoverCard}
        onFocus={preloadPopoverCard}
      >
        {children}
      </div>
      {popover && (
        <Suspense fallback={null}>
          <PopoverCard
            popover={popover}
            focusInside={enterPopover}
            onFocusedInside={() => setEnterPopover(false)}
            lexicon={lexicon}
            aids={aids}
            highlight={highlight}
            onHighlight={setHighlight}
            onClose={close}
            onPointerEnter={keepOpen}
            onPointerLeave={closeSoon}
          />
        </Suspense>
      )}
    </AnnotationContext.Provider>
  );
}

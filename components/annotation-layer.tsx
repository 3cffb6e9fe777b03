'use client';

import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { PageLexicon, WordTarget } from '@/lib/annotate/view';
import { useUrlParam } from './use-url-param';

type Popover =
  | { kind: 'word'; target: WordTarget; anchor: HTMLElement; pinned: boolean }
  | { kind: 'note'; id: string; anchor: HTMLElement; pinned: boolean };

interface AnnotationContextValue {
  lexicon: PageLexicon;
  showPinyin: boolean;
  /** The word whose every occurrence is highlighted. */
  highlight: string | null;
  /** The word that takes part in Tab order (roving tabindex), as `blockId:index`. */
  activeWord: string;
  setActiveWord: (key: string) => void;
  /** Opens the popover for a word or a note; `pinned` keeps it open when the pointer leaves. */
  open: (popover: Popover) => void;
  /** Closes the popover after a short delay, unless the pointer comes back. */
  closeSoon: () => void;
  popoverId: string;
}

const AnnotationContext = createContext<AnnotationContextValue | null>(null);

export function useAnnotations(): AnnotationContextValue {
  const value = useContext(AnnotationContext);
  if (!value) throw new Error('useAnnotations must be used inside <AnnotationLayer>');
  return value;
}

const POPOVER_ID = 'annotation-popover';
const GAP = 6;

/** All word elements of the page's Chinese, in document order. */
function wordElements(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('.cell-zh .w')];
}

/**
 * The reading page's annotation layer: provides the page's dictionary, glossary and notes to
 * the Chinese cells, shows one popover at a time (for a word or a note), moves between words
 * with the arrow keys, and keeps pinyin out of copied text.
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
  const [pinyinParam] = useUrlParam('pinyin');
  const [popover, setPopover] = useState<Popover | null>(null);
  const [highlight, setHighlight] = useState<string | null>(null);
  const [activeWord, setActiveWord] = useState(firstWord);
  const closeTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // Set while focus is handed back to a word after Esc, so that focusing it does not reopen the popover.
  const returningFocus = useRef(false);
  // Set when the popover is opened from the keyboard to go into it once it is shown.
  const [enterPopover, setEnterPopover] = useState(false);

  const open = useCallback((next: Popover) => {
    if (returningFocus.current) return;
    clearTimeout(closeTimer.current);
    setPopover((current) => (current?.pinned && !next.pinned && current.anchor !== next.anchor ? current : next));
  }, []);
  const close = useCallback(() => {
    clearTimeout(closeTimer.current);
    setPopover(null);
  }, []);
  const closeSoon = useCallback(() => {
    clearTimeout(closeTimer.current);
    closeTimer.current = setTimeout(() => setPopover((current) => (current?.pinned ? current : null)), 250);
  }, []);
  useEffect(() => () => clearTimeout(closeTimer.current), []);

  // Esc closes from anywhere; a tap or click outside closes a pinned popover.
  useEffect(() => {
    if (!popover) return;
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      const anchor = popover.anchor;
      const focusInside = document.getElementById(POPOVER_ID)?.contains(document.activeElement) ?? false;
      close();
      if (focusInside) {
        returningFocus.current = true;
        anchor.focus();
        returningFocus.current = false;
      }
    };
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (popover.anchor.contains(target) || document.getElementById(POPOVER_ID)?.contains(target)) return;
      close();
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [popover, close]);

  // Arrow keys move word by word through the Chinese column once a word has focus.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (!target.classList.contains('w')) return;
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
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
    if (!step) return;
    const words = wordElements();
    const next = words[words.indexOf(target) + step];
    if (!next) return;
    event.preventDefault();
    next.focus();
  };

  // Copying Chinese with pinyin shown must not copy the pinyin.
  const onCopy = (event: React.ClipboardEvent<HTMLDivElement>) => {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0) return;
    const fragment = selection.getRangeAt(0).cloneContents();
    if (!fragment.querySelector('rt, rp, .note-ref')) return;
    fragment.querySelectorAll('rt, rp, .note-ref').forEach((node) => node.remove());
    const holder = document.createElement('div');
    holder.append(fragment);
    event.clipboardData.setData('text/plain', holder.textContent ?? '');
    event.preventDefault();
  };

  const value = useMemo<AnnotationContextValue>(
    () => ({
      lexicon,
      showPinyin: pinyinParam === '1',
      highlight,
      activeWord,
      setActiveWord,
      open,
      closeSoon,
      popoverId: POPOVER_ID,
    }),
    [lexicon, pinyinParam, highlight, activeWord, open, closeSoon],
  );

  // The element the popover belongs to says so to assistive technology while it is open
  // (set here, on one element, rather than on every word of the text).
  useEffect(() => {
    const anchor = popover?.anchor;
    if (!anchor) return;
    const isButton = anchor.tagName === 'BUTTON';
    anchor.setAttribute('data-open', '');
    anchor.setAttribute('aria-describedby', POPOVER_ID);
    if (isButton) anchor.setAttribute('aria-expanded', 'true');
    return () => {
      anchor.removeAttribute('data-open');
      anchor.removeAttribute('aria-describedby');
      if (isButton) anchor.setAttribute('aria-expanded', 'false');
    };
  }, [popover]);

  return (
    <AnnotationContext.Provider value={value}>
      <div className="annotation-layer" onKeyDown={onKeyDown} onCopy={onCopy}>
        {children}
      </div>
      {popover && (
        <PopoverCard
          popover={popover}
          focusInside={enterPopover}
          onFocusedInside={() => setEnterPopover(false)}
          lexicon={lexicon}
          highlight={highlight}
          onHighlight={setHighlight}
          onClose={close}
          onPointerEnter={() => clearTimeout(closeTimer.current)}
          onPointerLeave={closeSoon}
        />
      )}
    </AnnotationContext.Provider>
  );
}

function PopoverCard({
  popover,
  focusInside,
  onFocusedInside,
  lexicon,
  highlight,
  onHighlight,
  onClose,
  onPointerEnter,
  onPointerLeave,
}: {
  popover: Popover;
  /** Move focus into the card once it is placed (it cannot take focus while hidden). */
  focusInside: boolean;
  onFocusedInside: () => void;
  lexicon: PageLexicon;
  highlight: string | null;
  onHighlight: (word: string | null) => void;
  onClose: () => void;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);

  // Below the word, or above it when there is no room below; never over it; inside the viewport.
  useLayoutEffect(() => {
    const card = ref.current;
    if (!card) return;
    const place = () => {
      const rect = popover.anchor.getBoundingClientRect();
      const { width, height } = card.getBoundingClientRect();
      const below = rect.bottom + GAP + height <= window.innerHeight || rect.top - GAP - height < 0;
      const top = (below ? rect.bottom + GAP : rect.top - GAP - height) + window.scrollY;
      const left = Math.min(Math.max(rect.left, 8), Math.max(8, document.documentElement.clientWidth - width - 8)) + window.scrollX;
      setPosition({ top, left });
    };
    place();
    window.addEventListener('resize', place);
    window.addEventListener('scroll', place, { passive: true });
    return () => {
      window.removeEventListener('resize', place);
      window.removeEventListener('scroll', place);
    };
  }, [popover]);

  useEffect(() => {
    if (!focusInside || !position) return;
    ref.current?.querySelector<HTMLElement>('button')?.focus();
    onFocusedInside();
  }, [focusInside, position, onFocusedInside]);

  // Tab from inside the card goes back to the word it belongs to: the card never holds focus.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Tab') return;
    event.preventDefault();
    popover.anchor.focus();
  };

  let body: ReactNode;
  let label: string;
  if (popover.kind === 'note') {
    const note = lexicon.notes[popover.id];
    label = t('notes.label', { n: note?.number ?? '' });
    body = (
      <>
        <p className="popover-title">{label}</p>
        {note?.detached && <p className="mark mark-stale">{t('notes.detached')}</p>}
        <p lang="en">{note?.body}</p>
      </>
    );
  } else {
    const { word, pinyin, term } = popover.target;
    const entry = lexicon.words[word];
    const termEntry = term ? lexicon.terms[term] : undefined;
    label = word;
    const highlighted = highlight === word;
    body = (
      <>
        <p className="popover-title">
          <span lang="zh-Hans" className="popover-word">
            {word}
          </span>{' '}
          <span className="popover-pinyin">{pinyin || entry?.pinyin}</span>
          {entry?.traditional && (
            <span className="popover-traditional">
              {' '}
              {t('popover.traditional')} <span lang="zh-Hant">{entry.traditional}</span>
            </span>
          )}
        </p>
        {termEntry && (
          <div className="popover-term">
            <p className="popover-label">
              {t('popover.glossary')} <span lang="zh-Hans">{termEntry.term}</span>
              {termEntry.source && (
                <span className="popover-glossary-source">
                  {' '}
                  {t(termEntry.source === 'text' ? 'popover.glossaryText' : 'popover.glossaryShared')}
                </span>
              )}
            </p>
            <p lang="en">
              <strong>{termEntry.en[0]}</strong>
              {termEntry.en.length > 1 && ` · ${termEntry.en.slice(1).join(' · ')}`}
            </p>
            {termEntry.doNotTranslate && <p className="popover-term-rule">{t('popover.keepAsWritten')}</p>}
            {termEntry.forbidden && (
              <p className="popover-term-rule">
                {t('popover.forbidden')} <span lang="en">{termEntry.forbidden.join(' · ')}</span>
              </p>
            )}
            {termEntry.note && <p lang="en">{termEntry.note}</p>}
          </div>
        )}
        {entry && entry.senses.length > 0 && (
          <ol className="popover-senses" lang="en">
            {entry.senses.map((sense, i) => (
              <li key={i}>{sense}</li>
            ))}
          </ol>
        )}
        {entry?.parts && (
          <ul className="popover-parts">
            {entry.parts.map((part, i) => (
              <li key={i}>
                <span lang="zh-Hans">{part.char}</span> {part.pinyin}
                {part.senses[0] && (
                  <span lang="en">
                    {': '}
                    {part.senses.join('; ')}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
        {!entry && !termEntry && <p>{t('popover.noEntry')}</p>}
        <button type="button" aria-pressed={highlighted} onClick={() => onHighlight(highlighted ? null : word)}>
          {highlighted ? t('popover.unhighlight') : t('popover.highlight')}
        </button>
      </>
    );
  }

  return createPortal(
    <div
      ref={ref}
      id={POPOVER_ID}
      role="dialog"
      aria-label={label}
      className="popover"
      style={position ? { top: position.top, left: position.left } : { visibility: 'hidden', top: 0, left: 0 }}
      onKeyDown={onKeyDown}
      onPointerEnter={onPointerEnter}
      onPointerLeave={onPointerLeave}
    >
      {body}
      <button type="button" className="popover-close" aria-label={t('popover.close')} onClick={onClose}>
        ×
      </button>
    </div>,
    document.body,
  );
}

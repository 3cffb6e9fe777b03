import { createContext, useContext } from 'react';
import type { PageLexicon, WordTarget } from '@/lib/annotate/view';
import type { PhoneticNotation } from '../reading-options';

/** What a popover is open for: a word or a translator's note, and the element it belongs to. */
export type Popover =
  | { kind: 'word'; target: WordTarget; anchor: HTMLElement; pinned: boolean }
  | { kind: 'note'; id: string; anchor: HTMLElement; pinned: boolean };

/** How the Chinese is shown: the reading options that change the words themselves. */
export interface ReadingAids {
  /** Ruby over the characters (`?pinyin=1`). */
  showPinyin: boolean;
  /** Syllables and characters coloured by tone (`?tones=1`). */
  tones: boolean;
  /** Traditional characters (`?script=trad`). */
  traditional: boolean;
  /** The notation readings are written in now (zhuyin once its converter has loaded). */
  notation: PhoneticNotation;
  /** Writes a tone-marked pinyin reading in the current notation. */
  writeReading: (pinyin: string) => string;
}

export interface AnnotationContextValue extends ReadingAids {
  lexicon: PageLexicon;
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

export const POPOVER_ID = 'annotation-popover';

export const AnnotationContext = createContext<AnnotationContextValue | null>(null);

export function useAnnotations(): AnnotationContextValue {
  const value = useContext(AnnotationContext);
  if (!value) throw new Error('useAnnotations must be used inside <AnnotationLayer>');
  return value;
}

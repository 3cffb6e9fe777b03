import { createContext, useContext } from 'react';
import type { ChineseScript } from '@/lib/annotate/types';
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
  /** The script chosen (`?script=trad` or `simp`); null shows the text as it is written. */
  script: ChineseScript | null;
  /** The notation readings are written in now (zhuyin once its converter has loaded). */
  notation: PhoneticNotation;
  /** Writes a tone-marked pinyin reading in the current notation. */
  writeReading: (pinyin: string) => string;
}

/** The script the page's Chinese is shown in: the reader's choice, else the text's own. */
export function shownScript(aids: Pick<ReadingAids, 'script'>, lexicon: Pick<PageLexicon, 'script'>): ChineseScript {
  return aids.script ?? lexicon.script ?? 'simp';
}

/**
 * A word's form in the script shown, and its form in the other script when that differs:
 * `wordForms(target, 'trad', lexicon)` for 发展 in a simplified text → `{ shown: '發展', other: '发展' }`.
 */
export function wordForms(
  target: Pick<WordTarget, 'word' | 'traditional' | 'simplified'>,
  script: ChineseScript,
  lexicon: Pick<PageLexicon, 'script'>,
): { shown: string; other?: string } {
  const source = lexicon.script ?? 'simp';
  const converted = (source === 'trad' ? target.simplified : target.traditional) ?? target.word;
  const [shown, other] = script === source ? [target.word, converted] : [converted, target.word];
  return other !== shown ? { shown, other } : { shown };
}

/** `lang` of Chinese in a script. */
export const scriptLang = (script: ChineseScript) => (script === 'trad' ? 'zh-Hant' : 'zh-Hans');

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

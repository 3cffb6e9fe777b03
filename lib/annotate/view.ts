import type { DictionaryEntry, TermEntry } from './types';

/**
 * The compact, serialisable annotations of one block's Chinese, as the page ships them: word
 * spans with their pinyin, glossary-term ranges and note markers, all as offsets into the text.
 * One small structure per block instead of attributes on every word keeps pages small.
 */
export interface ZhAnnotations {
  /** `[start, end, pinyin]` of each Chinese word, in order. */
  words: [number, number, string][];
  /** `[start, end]` of each glossary term. */
  terms: [number, number][];
  /** `[offset, noteId]`: a note marker goes after the word that contains `offset - 1`. */
  notes: [number, string][];
  /** `[word index, form]`: words whose traditional form here differs from the lexicon's (rare; absent when none). */
  traditional?: [number, string][];
  /** The same for the simplified forms of a traditional text's words. */
  simplified?: [number, string][];
}

/** A block's annotations as a reading row shows them. */
export interface RowAnnotations {
  zh: ZhAnnotations;
  /** `[offset, noteId]`: note markers in the English, after `offset` characters (the end if past it). */
  en: [number, string][];
  /** Notes whose quote is no longer in the block's Chinese. */
  detached: string[];
}

/** A translator's note as shown: numbered in document order. */
export interface NoteView {
  id: string;
  number: number;
  block: string;
  quote: string;
  body: string;
  /** Its quote is no longer in the block's Chinese. */
  detached: boolean;
}

/** What a page's popovers can show: the entries of only the words and terms that occur on it. */
export interface PageLexicon {
  words: Record<string, DictionaryEntry>;
  terms: Record<string, TermEntry>;
  notes: Record<string, NoteView>;
  /** The script the text is written in; absent for simplified. */
  script?: 'trad';
  /** Simplified word → traditional form, for the words on the page whose forms differ (a simplified text). */
  traditional?: Record<string, string>;
  /** Traditional word → simplified form, the same for a traditional text. */
  simplified?: Record<string, string>;
  /**
   * The other Chinese the popovers show (glossary terms, a word's characters, words named in its
   * senses) in the script the text is not written in, converted alone, where the forms differ.
   */
  popoverForms?: Record<string, string>;
  /**
   * HSK levels of the words on the page that the lists have, `[HSK 3.0, HSK 2.0]` with 0 for a
   * list that lacks the word (lib/learn/hsk.ts); absent when the page carries no annotations.
   */
  hsk?: Record<string, [number, number]>;
  /** For words on the page the lists lack but whose parts they have: the parts' level (see partsLevel). */
  hskParts?: Record<string, number>;
}

/** Where the word popover reads from: the word, its reading here, and the term it is part of. */
export interface WordTarget {
  word: string;
  pinyin: string;
  term?: string;
  /** The word's traditional form here, when it differs (a simplified text). */
  traditional?: string;
  /** The word's simplified form here, when it differs (a traditional text). */
  simplified?: string;
  /** Where the word is: its block, its offset there and the block's Chinese (for the sentence a saved word keeps). */
  at?: { block: string; start: number; paragraph: string };
}

// What the translator's annotation tools share between annotation-tools.tsx and its lazily loaded
// part, annotation-tools-active.tsx.

/** The language glossary terms and word boundaries are asked for, and the notes the markers show (English's). */
export const ANNOTATION_LANG = 'en';

/** A passage a note is about to be written on, in the target language `lang`. */
export interface NoteDraft {
  block: string;
  quote: string;
  occurrence?: number;
  lang: string;
}

export interface AnnotationToolsValue {
  /** Whether the role may write notes in some language of this text (the tools show at all). */
  mayNote: boolean;
  /** Whether it may write notes in `lang`. */
  mayNoteIn: (lang: string) => boolean;
  /** The language a note on the Chinese of `block` goes to (see noteLanguage), or undefined when none is allowed. */
  noteLanguageOf: (block: string) => string | undefined;
  mayTerms: boolean;
  composeNote: (draft: NoteDraft) => void;
  /** Adds and removes word-list terms, then shows the page again with the new segmentation. */
  changeTerms: (change: { add?: string[]; remove?: string[] }, done: string) => Promise<void>;
  /** Loads the page again (notes and words as the server now has them). */
  reload: () => void;
}

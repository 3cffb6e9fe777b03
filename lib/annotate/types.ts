/** One token of a block's Chinese: a word, a run of Latin letters or digits, punctuation or space. */
export interface Token {
  text: string;
  /** Offsets into the block's text, in UTF-16 code units: `block.slice(start, end) === text`. */
  start: number;
  end: number;
  /** Whether the token is a Chinese word (contains Han characters) and so gets annotations. */
  chinese: boolean;
}

/** A token with its reading, for export and display. */
export interface ReadToken extends Token {
  /** Tone-marked pinyin, syllables separated by spaces (`'zì dòng jià shǐ'`); only on Chinese words. */
  pinyin?: string;
}

/** What the dictionary says about a word. */
export interface DictionaryEntry {
  /** Tone-marked pinyin of the entry (`'fù néng'`). */
  pinyin: string;
  /** English senses, most common first. */
  senses: string[];
  /** Traditional form, only when it differs from the simplified one. */
  traditional?: string;
  /**
   * Set when the word itself is not in the dictionary and the entry was put together from its
   * characters' entries; then `parts` holds one entry per character.
   */
  parts?: { char: string; pinyin: string; senses: string[] }[];
}

/** Where a glossary entry comes from: the glossary shared by every text, or the text's own. */
export type GlossarySource = 'shared' | 'text';

/** A glossary term: a Chinese term and its approved English renderings. */
export interface TermEntry {
  term: string;
  /** Approved renderings, preferred first (for a name kept as written, the term itself). */
  en: string[];
  note?: string;
  /** A name kept as written: a gloss must contain it exactly, letter case included. */
  doNotTranslate?: boolean;
  /** Renderings a gloss must not use for this term (`'merger'` for 融合). */
  forbidden?: string[];
  /** Which glossary the entry comes from; absent in entries built by hand. */
  source?: GlossarySource;
}

/** A translator's note anchored to a span of one block's Chinese. */
export interface NoteSource {
  id: string;
  /** The block the note belongs to. */
  block: string;
  /** The exact Chinese text the note is about. */
  quote: string;
  /** Which occurrence of the quote in the block (1 = first). */
  occurrence: number;
  /** The note, in English. */
  body: string;
  /** Optional: a quote of the English gloss after which the English marker goes. */
  enQuote?: string;
}

/** The two scripts of Chinese: simplified and traditional characters. */
export const chineseScripts = ['simp', 'trad'] as const;
export type ChineseScript = (typeof chineseScripts)[number];

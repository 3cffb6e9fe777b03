/** The languages a paragraph pair is written in: the Chinese source and its English gloss. */
export type AlignLanguage = 'zh' | 'en';

/** One sentence of a paragraph, with offsets into the paragraph's text (UTF-16 code units). */
export interface Sentence {
  /** `paragraph.slice(start, end) === text`; no leading or trailing whitespace. */
  start: number;
  end: number;
  text: string;
}

/**
 * A link between sentences of the two sides, by index into each side's sentence list. One side
 * may be empty: a sentence the other side left out. Indexes on each side are consecutive.
 */
export interface SentenceLink {
  zh: number[];
  en: number[];
}

/** A link as the aligner gives it. */
export interface AlignedLink extends SentenceLink {
  /** 0.5–1: how much better this link is than the best alignment without it (1 for a given anchor). */
  confidence: number;
  /** Set when the margin over the next best choice is small: a link for a person to look at. */
  unsure?: true;
  /** Set on links that were given as fixed anchors. */
  manual?: true;
}

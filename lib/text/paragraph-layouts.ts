/**
 * How a plain-text file marks its paragraphs (the names alone, with no code behind them, so the
 * API contract can name them without bringing the parser into the browser's bundle):
 * - `blank`: paragraphs are separated by blank lines (lines of one paragraph are joined);
 * - `line`: every line is a paragraph (most Chinese `.txt` books);
 * - `wrapped`: lines are cut at a fixed width, and a paragraph starts on an indented line or
 *   after a short line that ends a sentence.
 * Detecting and applying them is paragraph-layout.ts.
 */
export const paragraphLayouts = ['blank', 'line', 'wrapped'] as const;
export type ParagraphLayout = (typeof paragraphLayouts)[number];
export type ParagraphLayoutChoice = ParagraphLayout | 'auto';
export const paragraphLayoutChoices: readonly ParagraphLayoutChoice[] = ['auto', ...paragraphLayouts];

import { isChapterHeading } from './chapter-heading';
import { isImplicitHeading } from './parse';

import { paragraphLayoutChoices, type ParagraphLayout, type ParagraphLayoutChoice } from './paragraph-layouts';

export { paragraphLayoutChoices, paragraphLayouts } from './paragraph-layouts';
export type { ParagraphLayout, ParagraphLayoutChoice } from './paragraph-layouts';

export interface LayoutDetection {
  layout: ParagraphLayout;
  /** Why, in a few words a person adding the text can check against the file. */
  reason: string;
}

export interface LaidOutLines {
  /** The lines with a blank line wherever a paragraph ends. */
  lines: string[];
  /** For each output line, the index of the input line it comes from (an added blank line: the line before it). */
  origin: number[];
}

const MARKDOWN_BLOCK = /^ {0,3}(?:#{1,6}[ \t]|[-*+][ \t]|\d{1,9}[.)][ \t]|([-*_])(?:[ \t]*\1){2,}[ \t]*$)/;
// A sentence ends here: full stop, question and exclamation marks, ellipsis, then any closing quotes or brackets.
const SENTENCE_END = /[。．｡！？!?…](?:[」』”’"'）)】》〉\]]*)$/u;
const INDENT = /^(?:\u3000|[ \t]{2,}|\t)/;
/** At least this many line breaks inside blank-line groups before the layout is anything but `blank`. */
const MIN_INNER_BREAKS = 3;
/** A wrap width below this many columns is not a wrap width but short lines (verse, dialogue). */
const MIN_WRAP_COLUMNS = 16;

function isBlank(line: string): boolean {
  return line.trim() === '';
}

/** Display columns of a line: two for a wide (East Asian) character, one otherwise. `'第1回'` → 5. */
export function displayWidth(line: string): number {
  let width = 0;
  for (const char of line.trimEnd()) {
    const code = char.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      code >= 0x20000;
    width += wide ? 2 : 1;
  }
  return width;
}

function endsSentence(line: string): boolean {
  return SENTENCE_END.test(line.trim());
}

/** The width most lines are cut at: the most common width among lines of 16 columns or more (0 when none). */
function wrapWidth(widths: number[]): number {
  const counts = new Map<number, number>();
  for (const width of widths) if (width >= MIN_WRAP_COLUMNS) counts.set(width, (counts.get(width) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  // Widths within two columns count together: a line of CJK text cut at 76 columns may end at 75.
  for (const width of counts.keys()) {
    const near = (counts.get(width) ?? 0) + (counts.get(width - 1) ?? 0) + (counts.get(width - 2) ?? 0);
    if (near > bestCount || (near === bestCount && width > best)) [best, bestCount] = [width, near];
  }
  return best;
}

/** Lines that stand for text (not blank, not Markdown headings, list items or breaks). */
function isPlain(line: string): boolean {
  return !isBlank(line) && !MARKDOWN_BLOCK.test(line);
}

interface InnerBreak {
  before: string;
  after: string;
}

/** Every pair of consecutive plain lines that a blank-line reading would join into one paragraph. */
function innerBreaks(lines: string[]): InnerBreak[] {
  const pairs: InnerBreak[] = [];
  for (let i = 1; i < lines.length; i++) {
    const before = lines[i - 1]!;
    const after = lines[i]!;
    if (isPlain(before) && isPlain(after)) pairs.push({ before, after });
  }
  return pairs;
}

/** Where a hard-wrapped file starts a new paragraph between two of its lines. */
function wrappedBreak(before: string, after: string, width: number, indents: boolean): boolean {
  // A heading stands on its own line whatever the file does with indents.
  if (isChapterHeading(after.trim()) || isChapterHeading(before.trim()) || isImplicitHeadingLine(before, width)) return true;
  if (indents) return INDENT.test(after);
  return endsSentence(before) && displayWidth(before) < width - 2;
}

/** A short line without sentence punctuation in a wrapped file: a heading standing on its own line. */
function isImplicitHeadingLine(line: string, width: number): boolean {
  return displayWidth(line) < width * 0.6 && isImplicitHeading(line);
}

/**
 * Guesses how a file marks paragraphs from its body lines (front matter removed). A file whose
 * consecutive lines mostly end sentences is `line`; one whose lines are mostly cut at one width
 * is `wrapped`, unless blank lines already separate its paragraphs; anything else is `blank`,
 * which is how Markdown reads. `['第一段。', '第二段。', '第三段。', '第四段。']` → `line`.
 */
export function detectParagraphLayout(lines: string[]): LayoutDetection {
  const pairs = innerBreaks(lines);
  if (pairs.length < MIN_INNER_BREAKS) return { layout: 'blank', reason: 'blank lines separate the paragraphs' };
  const plain = lines.filter(isPlain);
  const width = wrapWidth(plain.map(displayWidth));
  const cut = pairs.filter((p) => width > 0 && Math.abs(displayWidth(p.before) - width) <= 2).length;
  const sentenceEnds = pairs.filter((p) => endsSentence(p.before)).length;

  if (width > 0 && cut >= pairs.length * 0.5) {
    const indents = plain.filter((line) => INDENT.test(line)).length;
    const usesIndents = indents >= 2 && indents <= plain.length * 0.6;
    const breaks = pairs.filter((p) => wrappedBreak(p.before, p.after, width, usesIndents)).length;
    if (breaks >= 2) {
      return {
        layout: 'wrapped',
        reason: `lines are cut at ${width} columns; a paragraph starts ${usesIndents ? 'on an indented line' : 'after a short line that ends a sentence'}`,
      };
    }
    return { layout: 'blank', reason: `blank lines separate the paragraphs (lines are cut at ${width} columns)` };
  }
  if (sentenceEnds >= pairs.length * 0.5) {
    return { layout: 'line', reason: `${plain.length} lines, most of them ending a sentence: one paragraph per line` };
  }
  return { layout: 'blank', reason: 'blank lines separate the paragraphs' };
}

/**
 * Rewrites body lines so that blank lines separate the paragraphs of the given layout (the form
 * the parser reads), keeping where each line came from. `blank` changes nothing; `line` puts a
 * blank line between any two lines; `wrapped` puts one where a paragraph starts.
 * `(['甲。', '乙。'], 'line')` → `{ lines: ['甲。', '', '乙。'], origin: [0, 0, 1] }`.
 */
export function applyParagraphLayout(lines: string[], layout: ParagraphLayout): LaidOutLines {
  const out: string[] = [];
  const origin: number[] = [];
  const plain = lines.filter(isPlain);
  const width = layout === 'wrapped' ? wrapWidth(plain.map(displayWidth)) : 0;
  const indents = plain.filter((line) => INDENT.test(line)).length;
  const usesIndents = indents >= 2 && indents <= plain.length * 0.6;
  lines.forEach((line, index) => {
    const previous = index > 0 ? lines[index - 1]! : undefined;
    if (previous !== undefined && !isBlank(previous) && !isBlank(line)) {
      const split =
        layout === 'line' ||
        (layout === 'wrapped' && (!isPlain(previous) || !isPlain(line) || wrappedBreak(previous, line, width, usesIndents)));
      if (split) {
        out.push('');
        origin.push(index - 1);
      }
    }
    out.push(line);
    origin.push(index);
  });
  return { lines: out, origin };
}

/** `'line'` → `'line'`; `'LINE'` → `'line'`; `'lines'` → undefined. */
export function parseParagraphLayoutChoice(value: string): ParagraphLayoutChoice | undefined {
  const choice = value.trim().toLowerCase();
  return (paragraphLayoutChoices as readonly string[]).includes(choice) ? (choice as ParagraphLayoutChoice) : undefined;
}

/**
 * The other script's forms of a block's words, computed once on the server, in a shape that keeps
 * word boundaries, glossary ranges and note anchors where they are: a word's form is used only
 * when it has exactly as many characters as the word as written.
 *
 * The block is converted whole (opencc-js works phrase by phrase, so context decides between
 * 發 and 髮); when that changes the block's length, each word is converted on its own instead,
 * and a word whose conversion still changes length stays as written. A simplified text gets
 * traditional forms; a traditional text simplified ones (never another traditional form).
 */
import { sameLength, toTraditional } from './chinese-script';
import { alignedSimplified } from './source-script';

export interface BlockForms {
  /** Word as written → its other form converted alone, only where the two differ. */
  words: Map<string, string>;
  /** `[wordIndex, form]` where a word reads differently in its block than alone. */
  exceptions: [number, string][];
}
export type BlockTraditional = BlockForms;

/** Same length in UTF-16 code units and in code points, so offsets carry over. */
function aligned(a: string, b: string): boolean {
  return a.length === b.length && sameLength(a, b);
}

/** A word's traditional form converted alone, or the word itself when that would change its length. */
export function traditionalWord(word: string): string {
  const converted = toTraditional(word);
  return aligned(word, converted) ? converted : word;
}

/**
 * The traditional forms of the words at `[start, end]` offsets of a simplified `text`.
 * `traditionalForms('头发和发展', [[0, 2], [3, 5]])` → words `{头发 → 頭髮, 发展 → 發展}`, no exceptions.
 */
export function traditionalForms(text: string, words: readonly (readonly [number, number])[]): BlockForms {
  if (!text || words.length === 0) return { words: new Map(), exceptions: [] };
  const whole = toTraditional(text);
  return formsIn(text, aligned(text, whole) ? whole : undefined, words, traditionalWord);
}

/**
 * The simplified forms of the words at `[start, end]` offsets of a traditional `text`, whose
 * simplified copy (alignedSimplified) may be given when it is at hand.
 * `simplifiedForms('母親說', [[0, 2], [2, 3]])` → words `{母親 → 母亲, 說 → 说}`, no exceptions.
 */
export function simplifiedForms(
  text: string,
  words: readonly (readonly [number, number])[],
  whole: string = alignedSimplified(text),
): BlockForms {
  if (!text || words.length === 0) return { words: new Map(), exceptions: [] };
  return formsIn(text, whole, words, alignedSimplified);
}

function formsIn(
  text: string,
  whole: string | undefined,
  words: readonly (readonly [number, number])[],
  convertAlone: (word: string) => string,
): BlockForms {
  const result: BlockForms = { words: new Map(), exceptions: [] };
  const alone = new Map<string, string>();
  words.forEach(([start, end], index) => {
    const word = text.slice(start, end);
    let form = alone.get(word);
    if (form === undefined) {
      form = convertAlone(word);
      alone.set(word, form);
      if (form !== word) result.words.set(word, form);
    }
    const inContext = whole !== undefined ? whole.slice(start, end) : form;
    if (inContext !== form && aligned(word, inContext)) result.exceptions.push([index, inContext]);
  });
  return result;
}

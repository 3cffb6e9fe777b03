/**
 * Traditional forms of a block's words, computed once on the server, in a shape that keeps word
 * boundaries, glossary ranges and note anchors where they are: a word's form is used only when it
 * has exactly as many characters as the simplified word.
 *
 * The block is converted whole (opencc-js works phrase by phrase, so context decides between
 * 發 and 髮); when that changes the block's length, each word is converted on its own instead,
 * and a word whose conversion still changes length stays as written.
 */
import { sameLength, toTraditional } from './chinese-script';

export interface BlockTraditional {
  /** Simplified word → its traditional form converted alone, only where the two differ. */
  words: Map<string, string>;
  /** `[wordIndex, form]` where a word reads differently in its block than alone. */
  exceptions: [number, string][];
}

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
 * The traditional forms of the words at `[start, end]` offsets of `text`.
 * `traditionalForms('头发和发展', [[0, 2], [3, 5]])` → words `{头发 → 頭髮, 发展 → 發展}`, no exceptions.
 */
export function traditionalForms(text: string, words: readonly (readonly [number, number])[]): BlockTraditional {
  const result: BlockTraditional = { words: new Map(), exceptions: [] };
  if (!text || words.length === 0) return result;
  const whole = toTraditional(text);
  const wholeAligned = aligned(text, whole);
  const alone = new Map<string, string>();
  words.forEach(([start, end], index) => {
    const word = text.slice(start, end);
    let form = alone.get(word);
    if (form === undefined) {
      form = traditionalWord(word);
      alone.set(word, form);
      if (form !== word) result.words.set(word, form);
    }
    const inContext = wholeAligned ? whole.slice(start, end) : form;
    if (inContext !== form && aligned(word, inContext)) result.exceptions.push([index, inContext]);
  });
  return result;
}

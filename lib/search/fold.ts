import { toSimplified } from '@/lib/annotate/chinese-script';

/**
 * Folding: the form in which the index and the query are compared. Traditional characters become
 * simplified (through the opencc-js adapter), full-width letters, digits and punctuation become
 * their half-width forms (ＡＩ → ai), accents are dropped (café → cafe) and letters are lower-cased.
 * Offsets into the folded text map back to the original text, so highlights land on what the
 * reader sees.
 */
export interface FoldedText {
  /** The folded text. */
  text: string;
  /**
   * For each UTF-16 unit of `text` (and one past its end), the offset in the original text it
   * came from; absent when folding kept every unit in place (nearly always).
   */
  origin?: Uint32Array;
  /** The length of the original text. */
  length: number;
}

const HAN = /\p{Script=Han}/u;
const MARKS = /\p{M}/gu;

/** One code point folded: NFKD (width, compatibility forms), marks dropped, NFC, lower case. */
function foldCodePoint(char: string): string {
  if (char.charCodeAt(0) < 0x80) return char.toLowerCase();
  if (HAN.test(char)) return char;
  return char.normalize('NFKD').replace(MARKS, '').normalize('NFC').toLowerCase();
}

/** Simplified characters, code point for code point; a phrase the converter would lengthen is converted character by character. */
function simplifiedInPlace(text: string): string {
  if (!HAN.test(text)) return text;
  const whole = toSimplified(text);
  if (whole.length === text.length) return whole;
  let out = '';
  for (const char of text) {
    const one = HAN.test(char) ? toSimplified(char) : char;
    out += one.length === char.length ? one : char;
  }
  return out;
}

/**
 * Folds a text for matching and keeps the way back to its offsets.
 * `foldText('ＡＩ頭髮Café').text` → `'ai头发cafe'`.
 */
export function foldText(text: string): FoldedText {
  const simplified = simplifiedInPlace(text);
  let folded = '';
  let inPlace = true;
  for (const char of simplified) {
    const out = foldCodePoint(char);
    if (out.length !== char.length) inPlace = false;
    folded += out;
  }
  // Most Chinese folds to itself: keep one copy of the string.
  if (folded === text) return { text, length: text.length };
  if (inPlace) return { text: folded, length: text.length };
  // Rare (ﬁ, a letter with a combining accent): record where each folded unit came from.
  const origin: number[] = [];
  let at = 0;
  for (const char of simplified) {
    const out = foldCodePoint(char);
    for (let k = 0; k < out.length; k++) origin.push(at);
    at += char.length;
  }
  origin.push(at);
  return { text: folded, origin: Uint32Array.from(origin), length: text.length };
}

/** The original span of the folded span `[start, end)`. `originalSpan(foldText('Ａb'), 0, 1)` → `[0, 1]`. */
export function originalSpan(folded: FoldedText, start: number, end: number): [number, number] {
  const origin = folded.origin;
  if (!origin) return [start, end];
  const from = origin[start] ?? folded.length;
  // The end is the start of the first later unit that came from a later original character.
  const last = origin[Math.max(start, end - 1)] ?? folded.length;
  let to = folded.length;
  for (let k = end; k < origin.length; k++) {
    const next = origin[k] ?? folded.length;
    if (next > last) {
      to = next;
      break;
    }
  }
  return [from, to];
}

/** Whether a character is Han (Chinese). `isHan('智')` → `true`, `isHan('A')` → `false`. */
export function isHan(char: string): boolean {
  return HAN.test(char);
}

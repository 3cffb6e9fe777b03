/**
 * Which script a text is written in, and a simplified copy of a traditional text that keeps every
 * character where it is, so segmenting, reading and looking up can go through simplified Chinese
 * (what segmentit and CC-CEDICT's main index know) while offsets still point into the source.
 */
import { toSimplified, toTraditional } from './chinese-script';
import type { ChineseScript } from './types';

const HAN = /\p{Script=Han}/u;
/** Enough characters to tell the scripts apart; a novel's first chapters say as much as all of it. */
const SAMPLE_CHARS = 20_000;

/** How much of a text's Han characters each conversion changes (0–1). */
export interface ScriptShares {
  /** Share of Han characters that traditional → simplified changes (they are traditional forms). */
  traditional: number;
  /** Share of Han characters that simplified → traditional changes (they are simplified forms). */
  simplified: number;
}

/**
 * The share of Han characters each conversion changes, each character converted alone.
 * `scriptShares('母親說')` → `{ traditional: 0.67, simplified: 0 }`; no Han characters → both 0.
 */
export function scriptShares(text: string): ScriptShares {
  const counts = new Map<string, number>();
  let total = 0;
  for (const char of text.slice(0, SAMPLE_CHARS)) {
    if (!HAN.test(char)) continue;
    counts.set(char, (counts.get(char) ?? 0) + 1);
    total += 1;
  }
  if (total === 0) return { traditional: 0, simplified: 0 };
  let traditional = 0;
  let simplified = 0;
  for (const [char, count] of counts) {
    if (toSimplified(char) !== char) traditional += count;
    if (toTraditional(char) !== char) simplified += count;
  }
  return { traditional: traditional / total, simplified: simplified / total };
}

/**
 * The script a text is written in: traditional when more of its characters change from
 * traditional to simplified than the other way. `scriptOf('鄉裡人聽見鑼響')` → `'trad'`,
 * `scriptOf('乡里人听见锣响')` → `'simp'`, `scriptOf('')` → `'simp'`.
 */
export function scriptOf(text: string): ChineseScript {
  const shares = scriptShares(text);
  return shares.traditional > shares.simplified ? 'trad' : 'simp';
}

/** Same length in UTF-16 code units and in code points, so offsets carry over. */
function aligned(a: string, b: string): boolean {
  return a.length === b.length && [...a].length === [...b].length;
}

/** Runs of Han characters and the rest, so a conversion that changes a length is retried on less. */
const PIECES = /\p{Script=Han}+|[^\p{Script=Han}]+/gu;

/**
 * A traditional text in simplified characters, character for character: converted phrase by
 * phrase in context (乾淨 → 干净, 乾隆 stays), and wherever that would change the length, one
 * character at a time (a character whose conversion changes length stays as written).
 * `alignedSimplified('鄉裡人聽見鑼響')` → `'乡里人听见锣响'`; `''` → `''`.
 */
export function alignedSimplified(text: string): string {
  if (!text) return text;
  const whole = toSimplified(text);
  if (aligned(text, whole)) return whole;
  let result = '';
  for (const [piece] of text.matchAll(PIECES)) {
    const converted = toSimplified(piece);
    if (aligned(piece, converted)) {
      result += converted;
      continue;
    }
    for (const char of piece) {
      const alone = toSimplified(char);
      result += aligned(char, alone) ? alone : char;
    }
  }
  return result;
}

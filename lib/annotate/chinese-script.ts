/**
 * Simplified ⇄ traditional Chinese through opencc-js, the only module that imports it. The
 * conversion is phrase-level (头发 → 頭髮 but 发展 → 發展) and keeps mainland vocabulary, so a
 * text keeps its length character for character in nearly every case; callers that rely on
 * offsets must still check the lengths (see `sameLength`).
 */
import { Converter } from 'opencc-js';

type Convert = (text: string) => string;
let traditional: Convert | undefined;
let simplified: Convert | undefined;

/** Traditional characters (Taiwan standard forms). `toTraditional('头发')` → `'頭髮'`. */
export function toTraditional(text: string): string {
  traditional ??= Converter({ from: 'cn', to: 'tw' });
  return text ? traditional(text) : text;
}

/** Simplified characters. `toSimplified('頭髮')` → `'头发'`. */
export function toSimplified(text: string): string {
  simplified ??= Converter({ from: 'tw', to: 'cn' });
  return text ? simplified(text) : text;
}

/** Whether a conversion kept every code point in place. `sameLength('头发', '頭髮')` → `true`. */
export function sameLength(a: string, b: string): boolean {
  return [...a].length === [...b].length;
}

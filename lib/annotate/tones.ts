/**
 * The tone of a tone-marked pinyin syllable, for colouring a syllable and its character by tone
 * and for writing it in zhuyin. Pure and small: the browser loads it with the reading page.
 */

export type Tone = 1 | 2 | 3 | 4 | 5;

const MARKS: Record<string, Tone> = { '\u0304': 1, '\u0301': 2, '\u030C': 3, '\u0300': 4 };

/**
 * The tone of one syllable: 1–4 from its tone mark, 5 (neutral) without one.
 * `toneOf('zhōng')` → 1, `toneOf('lǜ')` → 4, `toneOf('le')` → 5; `''` → 5.
 */
export function toneOf(syllable: string): Tone {
  for (const char of syllable.normalize('NFD')) {
    const tone = MARKS[char];
    if (tone) return tone;
  }
  return 5;
}

/**
 * A syllable without its tone mark, lowercased, ü kept: `bareSyllable('Lǜ')` → `'lü'`.
 */
export function bareSyllable(syllable: string): string {
  return syllable
    .normalize('NFD')
    .replace(/[\u0304\u0301\u030C\u0300]/g, '')
    .normalize('NFC')
    .toLowerCase();
}

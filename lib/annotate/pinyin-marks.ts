/**
 * Numbered pinyin as CC-CEDICT writes it (`fu4 neng2`, `lu:e4`, `r5`) to tone marks (`fù néng`,
 * `lüè`, `r`), and the reverse direction's helper for comparing readings without tones.
 */

/** Combining marks for tones 1–4; tone 5 (neutral) has none. */
const TONE_MARKS = ['\u0304', '\u0301', '\u030C', '\u0300'] as const;

/** A syllable with a tone number; letters only, with CEDICT's `u:` (or `v`) for ü and `e^` for ê. */
const NUMBERED_SYLLABLE = /^([A-Za-z:^]+)([1-5])$/;

const VOWELS = 'aeiouüê';

/**
 * One numbered syllable to tone marks; anything that is not one (`B`, `·`, `xx`) comes back as is.
 * `toneMarkedSyllable('lu:e4')` → `'lüè'`, `toneMarkedSyllable('Zhong1')` → `'Zhōng'`.
 */
export function toneMarkedSyllable(syllable: string): string {
  const match = NUMBERED_SYLLABLE.exec(syllable);
  if (!match) return syllable;
  const letters = writeUmlauts(match[1] ?? '');
  const tone = Number(match[2]);
  const mark = TONE_MARKS[tone - 1];
  if (mark === undefined) return letters; // tone 5
  const index = markedLetterIndex(letters);
  if (index < 0) return letters;
  return (letters.slice(0, index + 1) + mark + letters.slice(index + 1)).normalize('NFC');
}

/**
 * Numbered pinyin to tone marks, syllable by syllable; spacing is kept.
 * `toneMarked('fu4 neng2')` → `'fù néng'`; `toneMarked('le5')` → `'le'`; `''` → `''`.
 */
export function toneMarked(numbered: string): string {
  return numbered.replace(/[^\s]+/g, toneMarkedSyllable);
}

/**
 * Pinyin without its tones, lowercased, for comparing readings that differ only in tone (sandhi,
 * neutral tones): `toneless('Yí gè')` → `'yi ge'`; ü stays ü (`'lǜ'` → `'lü'`).
 */
export function toneless(pinyin: string): string {
  return pinyin
    .normalize('NFD')
    .replace(/[\u0304\u0301\u030C\u0300]/g, '')
    .normalize('NFC')
    .toLowerCase()
    .trim()
    .replace(/\s+/g, ' ');
}

/** `u:`/`v` → ü and `e^` → ê, keeping case (`Lu:` → `Lü`). */
function writeUmlauts(letters: string): string {
  return letters.replace(/u:|v/g, 'ü').replace(/U:|V/g, 'Ü').replace(/e\^/g, 'ê').replace(/E\^/g, 'Ê');
}

/**
 * Where the tone mark goes: on a or e if present; on the o of ou; otherwise on the last vowel.
 * Syllables without vowels (`m2`, `ng3`, `hng4`) take it on n, else m.
 */
function markedLetterIndex(letters: string): number {
  const lower = letters.toLowerCase();
  for (const vowel of ['a', 'e', 'ê']) {
    const at = lower.indexOf(vowel);
    if (at >= 0) return at;
  }
  const ou = lower.indexOf('ou');
  if (ou >= 0) return ou;
  for (let i = lower.length - 1; i >= 0; i--) {
    if (VOWELS.includes(lower[i] ?? '')) return i;
  }
  const n = lower.indexOf('n');
  return n >= 0 ? n : lower.indexOf('m');
}

/**
 * Pinyin to zhuyin (bopomofo), syllable by syllable, by the standard correspondence of initials
 * and finals (the conversion table of the Ministry of Education of Taiwan, written as rules):
 * the y/w spellings and the abbreviated finals (iu, ui, un) are expanded first, ü is restored
 * after j, q, x and y, and the tone goes after the syllable (ˊ ˇ ˋ; none for the first tone)
 * or, for the neutral tone, before it (˙). Erhua (`huār`) adds ㄦ. The browser loads this module
 * only when a reader chooses zhuyin.
 */
import { bareSyllable, toneOf, type Tone } from './tones';

const INITIALS: [string, string][] = [
  ['zh', 'ㄓ'],
  ['ch', 'ㄔ'],
  ['sh', 'ㄕ'],
  ['b', 'ㄅ'],
  ['p', 'ㄆ'],
  ['m', 'ㄇ'],
  ['f', 'ㄈ'],
  ['d', 'ㄉ'],
  ['t', 'ㄊ'],
  ['n', 'ㄋ'],
  ['l', 'ㄌ'],
  ['g', 'ㄍ'],
  ['k', 'ㄎ'],
  ['h', 'ㄏ'],
  ['j', 'ㄐ'],
  ['q', 'ㄑ'],
  ['x', 'ㄒ'],
  ['r', 'ㄖ'],
  ['z', 'ㄗ'],
  ['c', 'ㄘ'],
  ['s', 'ㄙ'],
];

const FINALS: Record<string, string> = {
  a: 'ㄚ',
  o: 'ㄛ',
  e: 'ㄜ',
  ê: 'ㄝ',
  ai: 'ㄞ',
  ei: 'ㄟ',
  ao: 'ㄠ',
  ou: 'ㄡ',
  an: 'ㄢ',
  en: 'ㄣ',
  ang: 'ㄤ',
  eng: 'ㄥ',
  er: 'ㄦ',
  i: 'ㄧ',
  ia: 'ㄧㄚ',
  io: 'ㄧㄛ',
  ie: 'ㄧㄝ',
  iai: 'ㄧㄞ',
  iao: 'ㄧㄠ',
  iou: 'ㄧㄡ',
  ian: 'ㄧㄢ',
  in: 'ㄧㄣ',
  iang: 'ㄧㄤ',
  ing: 'ㄧㄥ',
  iong: 'ㄩㄥ',
  u: 'ㄨ',
  ua: 'ㄨㄚ',
  uo: 'ㄨㄛ',
  uai: 'ㄨㄞ',
  uei: 'ㄨㄟ',
  uan: 'ㄨㄢ',
  uen: 'ㄨㄣ',
  uang: 'ㄨㄤ',
  ueng: 'ㄨㄥ',
  ong: 'ㄨㄥ',
  ü: 'ㄩ',
  üe: 'ㄩㄝ',
  üan: 'ㄩㄢ',
  ün: 'ㄩㄣ',
};

/** zhi, chi, shi, ri, zi, ci, si: the initial alone (the empty rime is not written). */
const BARE_INITIALS = new Set(['zh', 'ch', 'sh', 'r', 'z', 'c', 's']);

const TONE_SIGNS: Record<Tone, string> = { 1: '', 2: 'ˊ', 3: 'ˇ', 4: 'ˋ', 5: '' };

/** A bare syllable (no tone, lowercase) to zhuyin without tone, or undefined if it is not one. */
function convertBare(bare: string): string | undefined {
  if (bare === 'er' || bare === 'r') return 'ㄦ';
  let initial = '';
  let rest = bare;
  for (const [latin, zhuyin] of INITIALS) {
    if (bare.startsWith(latin)) {
      initial = latin;
      rest = bare.slice(latin.length);
      if (rest === '') return undefined;
      if (rest === 'i' && BARE_INITIALS.has(latin)) return zhuyin;
      const final = finalOf(rest, latin);
      return final === undefined ? undefined : zhuyin + final;
    }
  }
  if (bare.startsWith('y')) {
    rest = bare.slice(1);
    // yu, yue, yuan, yun are ü; yi, yin, ying keep their i; the rest add it.
    if (rest.startsWith('u')) rest = `ü${rest.slice(1)}`;
    else if (!rest.startsWith('i')) rest = `i${rest}`;
  } else if (bare.startsWith('w')) {
    rest = bare.slice(1);
    if (!rest.startsWith('u')) rest = `u${rest}`;
  }
  return finalOf(rest, initial);
}

/** A final after an initial, with the abbreviations of pinyin spelled out. */
function finalOf(rest: string, initial: string): string | undefined {
  let final = rest;
  if (['j', 'q', 'x'].includes(initial) && final.startsWith('u')) final = `ü${final.slice(1)}`;
  if (final === 'iu') final = 'iou';
  else if (final === 'ui') final = 'uei';
  else if (final === 'un') final = 'uen';
  else if (final === 'ue' && initial === '') final = 'üe';
  return Object.hasOwn(FINALS, final) ? FINALS[final] : undefined;
}

/**
 * One tone-marked pinyin syllable in zhuyin; what is not a syllable (`AI`, `·`) comes back as is.
 * `zhuyinSyllable('zhōng')` → `'ㄓㄨㄥ'`, `zhuyinSyllable('lǜ')` → `'ㄌㄩˋ'`, `zhuyinSyllable('le')` → `'˙ㄌㄜ'`,
 * `zhuyinSyllable('huār')` → `'ㄏㄨㄚㄦ'`.
 */
export function zhuyinSyllable(syllable: string): string {
  // Empty, or capitals throughout (a Latin abbreviation such as AI): not pinyin.
  if (!syllable || (syllable.length > 1 && syllable === syllable.toUpperCase())) return syllable;
  const tone = toneOf(syllable);
  const bare = bareSyllable(syllable).replace(/v/g, 'ü');
  let zhuyin = convertBare(bare);
  if (zhuyin === undefined && bare.length > 1 && bare.endsWith('r')) {
    // Erhua: the syllable before the r, then ㄦ.
    const base = convertBare(bare.slice(0, -1));
    if (base !== undefined) zhuyin = `${base}${TONE_SIGNS[tone]}ㄦ`;
    if (zhuyin !== undefined) return tone === 5 ? `˙${zhuyin}` : zhuyin;
  }
  if (zhuyin === undefined) return syllable;
  // A lone r is the erhua suffix written apart (CEDICT's `r5`): ㄦ without the neutral dot.
  if (bare === 'r') return zhuyin;
  return tone === 5 ? `˙${zhuyin}` : `${zhuyin}${TONE_SIGNS[tone]}`;
}

/**
 * Tone-marked pinyin, syllables separated by spaces, in zhuyin; spacing is kept.
 * `toZhuyin('zì dòng jià shǐ')` → `'ㄗˋ ㄉㄨㄥˋ ㄐㄧㄚˋ ㄕˇ'`; `''` → `''`.
 */
export function toZhuyin(pinyin: string): string {
  return pinyin.replace(/[^\s]+/g, zhuyinSyllable);
}

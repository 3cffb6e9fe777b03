import { bareSyllable, toneOf } from '@/lib/annotate/tones';

/**
 * What the server voice is fed: espeak-ng's Mandarin voice `cmn-latn-pinyin` reads numbered
 * pinyin (`yin2 hang2`), so the reading comes from the reader's own annotation in context and
 * never from the voice's guess at the characters (its `cmn` voice reads 银行 yínxíng).
 */

/** A token of a block as the annotation gives it (see ReadToken). */
export interface VoiceToken {
  text: string;
  chinese: boolean;
  /** Tone-marked syllables separated by spaces. */
  pinyin?: string;
}

/** Longest Chinese text `GET /api/audio?text=` reads, in characters. */
export const MAX_SELECTION_CHARS = 200;
/** Longest paragraph the server reads aloud, in characters (about a minute and a half of speech). */
export const MAX_PARAGRAPH_CHARS = 1_200;

/**
 * One tone-marked syllable in numbered pinyin as the voice reads it: ü is written v, the neutral
 * tone 5. `numberedSyllable('yín')` → `'yin2'`, `numberedSyllable('lǜ')` → `'lv4'`,
 * `numberedSyllable('le')` → `'le5'`; anything but letters gives `''`.
 */
export function numberedSyllable(syllable: string): string {
  const bare = bareSyllable(syllable).replace(/ü/g, 'v');
  if (!/^[a-z]+$/.test(bare)) return '';
  return `${bare}${toneOf(syllable)}`;
}

/** Pauses: the voice stops longer at a full stop than at a comma. */
const FULL_STOP = /[。！？!?…；;]/;
const COMMA = /[，、：:,（）()「」『』“”《》—\-\s]/;

/**
 * The text fed to the voice for a block's tokens: each Chinese word as its numbered syllables,
 * punctuation as `.` or `,` (a pause), runs of Latin letters and digits as written (the voice
 * spells letters and reads digits in Chinese), anything else dropped.
 * `voiceInput([{ text: '银行', chinese: true, pinyin: 'yín háng' }, { text: '。', chinese: false }])`
 * → `'yin2 hang2.'`.
 */
export function voiceInput(tokens: readonly VoiceToken[]): string {
  let out = '';
  for (const token of tokens) {
    if (token.chinese) {
      const syllables = (token.pinyin ?? '').split(/\s+/).map(numberedSyllable).filter(Boolean);
      if (syllables.length > 0) out += `${out && !out.endsWith(' ') ? ' ' : ''}${syllables.join(' ')}`;
    } else if (/^[A-Za-z0-9]+$/.test(token.text)) {
      out += `${out && !out.endsWith(' ') ? ' ' : ''}${token.text}`;
    } else if (FULL_STOP.test(token.text)) {
      out = `${out.trimEnd()}. `;
    } else if (COMMA.test(token.text) && out && !out.endsWith(' ')) {
      out = `${out}, `;
    }
  }
  return out.replace(/^[.,\s]+/, '').trimEnd();
}

/**
 * Tokens for a run of Chinese read syllable by syllable: `byOffset[i]` is the syllable of the Han
 * character at i in context (pinyinByOffset), other characters pass through as non-Chinese tokens.
 * `selectionTokens('行了', ['xíng', 'le'])` → two Chinese tokens with pinyin `'xíng'` and `'le'`.
 */
export function selectionTokens(text: string, byOffset: readonly (string | undefined)[]): VoiceToken[] {
  const tokens: VoiceToken[] = [];
  let i = 0;
  for (const char of text) {
    const syllable = byOffset[i];
    if (syllable !== undefined) tokens.push({ text: char, chinese: true, pinyin: syllable });
    else {
      const last = tokens.at(-1);
      if (last && !last.chinese && /^[A-Za-z0-9]$/.test(char) && /^[A-Za-z0-9]+$/.test(last.text)) last.text += char;
      else tokens.push({ text: char, chinese: false });
    }
    i += char.length;
  }
  return tokens;
}

/**
 * Tokens for a word read as the reader shows it in context (`pinyin`: tone-marked syllables, one
 * per Han character); undefined when the syllables do not fit the characters, so a caller falls
 * back to reading the word alone. `givenReadingTokens('行', 'háng')` → `[{ text: '行', chinese: true, pinyin: 'háng' }]`.
 */
export function givenReadingTokens(text: string, pinyin: string): VoiceToken[] | undefined {
  const syllables = pinyin.trim().split(/\s+/).filter(Boolean);
  const han = [...text].filter((char) => /\p{Script=Han}/u.test(char));
  if (han.length === 0 || syllables.length !== han.length || syllables.some((s) => !numberedSyllable(s))) return undefined;
  return [{ text, chinese: true, pinyin: syllables.join(' ') }];
}

import { stem } from '@/lib/text/stem';
import { primarySubtag, snowballStemmer } from './stemmers';

/** A word of a folded text: its stem and where it is. */
export interface Word {
  stem: string;
  start: number;
  end: number;
}

/** Runs of letters and digits that are not Chinese: the words of English (and of Latin text inside Chinese). */
const WORD = /[\p{L}\p{N}]+/gu;
const HAN_RUN = /\p{Script=Han}+/gu;
/** Scripts written without spaces between words: each of their letters is a word of its own. */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/** Target languages whose glosses are written without spaces (Japanese, a Chinese modernisation, Thai…). */
const UNSPACED_LANGUAGES = new Set(['ja', 'zh', 'yue', 'th', 'lo', 'km', 'my']);

/**
 * The words of a folded text, stemmed, with their offsets; Chinese characters are not words here.
 * `wordsOf('distilled models, 用AI')` → `[distil 0–9, model 10–16, ai 19–21]`.
 */
export function wordsOf(folded: string): Word[] {
  return latinWords(folded, stem);
}

function latinWords(folded: string, stemOf: (word: string) => string): Word[] {
  const words: Word[] = [];
  const word = (text: string, start: number) => words.push({ stem: stemOf(text), start, end: start + text.length });
  for (const match of folded.matchAll(WORD)) {
    const run = match[0];
    const at = match.index;
    // A run such as 用ai赋能 holds Han characters between the Latin ones: split them out.
    if (/\p{Script=Han}/u.test(run)) {
      let cursor = 0;
      for (const han of run.matchAll(HAN_RUN)) {
        if (han.index > cursor) word(run.slice(cursor, han.index), at + cursor);
        cursor = han.index + han[0].length;
      }
      if (cursor < run.length) word(run.slice(cursor), at + cursor);
    } else {
      word(run, at);
    }
  }
  return words;
}

/** Each letter of an unspaced script a word; runs of other letters and digits words as they are. */
function characterWords(folded: string): Word[] {
  const words: Word[] = [];
  for (const match of folded.matchAll(WORD)) {
    let start = match.index;
    let run = '';
    const flush = (end: number) => {
      if (run) words.push({ stem: run, start, end });
      run = '';
    };
    let at = match.index;
    for (const char of match[0]) {
      if (UNSPACED.test(char)) {
        flush(at);
        words.push({ stem: char, start: at, end: at + char.length });
      } else {
        if (!run) start = at;
        run += char;
      }
      at += char.length;
    }
    flush(at);
  }
  return words;
}

/** Whether a language is written without spaces, so that its letters are matched one by one. `isUnspaced('ja')` → true. */
export function isUnspaced(lang: string): boolean {
  return UNSPACED_LANGUAGES.has(primarySubtag(lang));
}

/**
 * The words of a folded gloss in a target language: English stemmed as wordsOf does; a language
 * with a Snowball stemmer (French, German, Spanish, Russian…) stemmed by it; one written without
 * spaces (Japanese, Thai, Chinese) letter by letter; any other by its words as written.
 * `wordsIn('les chats', 'fr')` → `[le 0–3, chat 4–9]`.
 */
export function wordsIn(folded: string, lang: string): Word[] {
  if (primarySubtag(lang) === 'en') return wordsOf(folded);
  if (isUnspaced(lang)) return characterWords(folded);
  const snowball = snowballStemmer(lang);
  return latinWords(folded, snowball ? (word) => (word.length < 3 || /\d/.test(word) ? word : snowball(word)) : (word) => word);
}

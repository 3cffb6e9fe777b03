import { stem } from './stem';

/** A word of a folded text: its stem and where it is. */
export interface Word {
  stem: string;
  start: number;
  end: number;
}

/** Runs of letters and digits that are not Chinese: the words of English (and of Latin text inside Chinese). */
const WORD = /[\p{L}\p{N}]+/gu;
const HAN_RUN = /\p{Script=Han}+/gu;

/**
 * The words of a folded text, stemmed, with their offsets; Chinese characters are not words here.
 * `wordsOf('distilled models, 用AI')` → `[distil 0–9, model 10–16, ai 19–21]`.
 */
export function wordsOf(folded: string): Word[] {
  const words: Word[] = [];
  for (const match of folded.matchAll(WORD)) {
    const run = match[0];
    const at = match.index;
    // A run such as 用ai赋能 holds Han characters between the Latin ones: split them out.
    if (/\p{Script=Han}/u.test(run)) {
      let cursor = 0;
      for (const han of run.matchAll(HAN_RUN)) {
        if (han.index > cursor) words.push(word(run.slice(cursor, han.index), at + cursor));
        cursor = han.index + han[0].length;
      }
      if (cursor < run.length) words.push(word(run.slice(cursor), at + cursor));
    } else {
      words.push(word(run, at));
    }
  }
  return words;
}

function word(text: string, start: number): Word {
  return { stem: stem(text), start, end: start + text.length };
}

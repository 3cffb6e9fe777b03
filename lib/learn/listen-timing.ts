/**
 * Which sentence of a row is being read aloud. The server voice (espeak-ng) says nothing about
 * where it is, so the audio's duration is split between the sentences by how long each takes to
 * say: its syllables (one per Han character), the pauses of its punctuation, its words in Latin
 * letters and its digits (read as Chinese numbers). The browser's voice reports character offsets instead (`boundary`
 * events), which are mapped to the sentences by where each starts in what it reads. Pure.
 */

/** Weights in syllables, measured with espeak-ng's cmn-latn-pinyin at 150 words a minute. */
const WEIGHTS = {
  /** A Han character: one syllable, about 0.27 s. */
  han: 1,
  /** A comma, colon, bracket or quote: a pause about as long as a syllable. */
  pause: 1,
  /** A word in Latin letters, read as a word (Karpathy, LLM: about 0.5–0.65 s)… */
  latinWord: 1,
  /** …and a little more for each of its letters. */
  letter: 0.15,
  /** A digit, read as a Chinese number (2017: about 1.3 s). */
  digit: 1.2,
} as const;

const HAN = /\p{Script=Han}/u;
// The marks lib/learn/voice-input.ts turns into a comma pause; a full stop adds no time in espeak-ng.
const PAUSE = /[，、：:,（）()「」『』“”《》—;；]/;

/**
 * How long a sentence takes to read, in syllables: `readingWeight('我去银行，然后回家。')` → 7
 * (six characters and a comma); `readingWeight('')` → 0.
 */
export function readingWeight(sentence: string): number {
  let weight = 0;
  let inWord = false;
  for (const char of sentence) {
    const letter = /[A-Za-z]/.test(char);
    if (letter) weight += (inWord ? 0 : WEIGHTS.latinWord) + WEIGHTS.letter;
    else if (HAN.test(char)) weight += WEIGHTS.han;
    else if (PAUSE.test(char)) weight += WEIGHTS.pause;
    else if (/[0-9]/.test(char)) weight += WEIGHTS.digit;
    inWord = letter;
  }
  return weight;
}

/** Seconds a syllable of weight takes, when the audio's duration is not known (yet). */
export const SECONDS_PER_SYLLABLE = 0.275;

/**
 * When each sentence starts in audio of `duration` seconds that reads them in order, splitting
 * it by their weights. `sentenceStarts([2, 1, 1], 8)` → `[0, 4, 6]`; no weight at all: equal
 * shares; a duration not known (NaN, Infinity while loading): SECONDS_PER_SYLLABLE a syllable.
 */
export function sentenceStarts(weights: readonly number[], duration: number): number[] {
  const total = weights.reduce((sum, w) => sum + Math.max(0, w), 0);
  const known = Number.isFinite(duration) && duration > 0;
  let cursor = 0;
  return weights.map((w) => {
    const start = cursor;
    const weight = Math.max(0, w);
    if (!known) cursor += weight * SECONDS_PER_SYLLABLE;
    else cursor += total > 0 ? (weight / total) * duration : duration / weights.length;
    return start;
  });
}

/**
 * The sentence at a position (a time, or an offset into what is read), given where each starts
 * in ascending order: the last that starts at or before it; -1 before the first or when there is
 * none. `sentenceAt([0, 4, 6], 5)` → 1.
 */
export function sentenceAt(starts: readonly number[], position: number): number {
  let found = -1;
  for (const [i, start] of starts.entries()) {
    if (start > position) break;
    found = i;
  }
  return found;
}

/**
 * Where each sentence starts in `spoken`, the row's text as the browser's voice is given it,
 * looked up in order; a sentence not found there starts where the previous one ended.
 * `sentenceOffsets('我去了。他来了。', ['我去了。', '他来了。'])` → `[0, 4]`.
 */
export function sentenceOffsets(spoken: string, sentences: readonly string[]): number[] {
  let cursor = 0;
  return sentences.map((sentence) => {
    const text = sentence.trim();
    const at = text ? spoken.indexOf(text, cursor) : -1;
    const start = at >= 0 ? at : cursor;
    cursor = at >= 0 ? at + text.length : cursor;
    return start;
  });
}

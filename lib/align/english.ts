import { stem } from '@/lib/text/stem';

/**
 * English words as the aligner compares them: lower case, possessives dropped, Porter stems, and
 * the function words that say nothing about which sentence translates which left out.
 */

const STOP_WORDS = new Set(
  (
    'a an the of to in on at by for with from as into onto about than then and or but nor so if that this these those ' +
    'it its is are was were be been being am do does did done have has had having not no yes he she they we you i me him ' +
    'her them us my your his their our what which who whom whose when where why how there here also too very just only ' +
    'can could may might must shall should will would one ones some any all each every such other another more most much ' +
    'many few own same up down out over under again once s t something someone sb sth oneself etc used'
  ).split(' '),
);
const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

/** One word's form for comparison: `'Robots'` → `'robot'`, `'Tesla’s'` → `'tesla'`, `'GPT-4'` → `'gpt-4'`. */
export function wordKey(word: string): string {
  const lower = word.toLowerCase().replace(/['’]s?$/u, '');
  return /^[a-z]+$/u.test(lower) ? stem(lower) : lower;
}

/** The content words of an English text, compared by `wordKey`. `'The robots are coming'` → `['robot', 'come']`. */
export function contentWords(text: string): string[] {
  const words: string[] = [];
  for (const [word] of text.matchAll(WORD)) {
    const lower = word.toLowerCase();
    if (STOP_WORDS.has(lower) || /^\p{N}+$/u.test(lower)) continue;
    // A hyphenated word counts whole and by its parts: self-driving → self-driv, self, drive.
    words.push(wordKey(word));
    if (lower.includes('-')) for (const part of lower.split('-')) if (part && !STOP_WORDS.has(part)) words.push(wordKey(part));
  }
  return words;
}

/**
 * A rendering (a dictionary sense or a glossary rendering) as the words it needs, or undefined
 * when it says too little (only function words) or too much (more than `maxWords` content words)
 * to be looked for. `'to drive (a car)'` → `['drive']`; `'the'` → undefined.
 */
export function renderingWords(rendering: string, maxWords = 3): string[] | undefined {
  const words = contentWords(rendering.replace(/\([^()]*\)/gu, ' '));
  return words.length === 0 || words.length > maxWords ? undefined : [...new Set(words)];
}

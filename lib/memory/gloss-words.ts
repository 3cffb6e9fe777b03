/**
 * Words of translations, for finding the places of an English phrase (or of a Chinese term's
 * renderings) without reading every translation: a translation that renderingPattern(phrase)
 * matches holds every word of the phrase, the last one possibly inflected, so only the
 * translations that hold them need the pattern. Words are runs of letters and digits (the
 * pattern's word boundary), compared lower-cased.
 */

const NOT_WORD = /[^\p{L}\p{N}]+/u;
const ENDS_IN_WORD = /[\p{L}\p{N}]$/u;
// The endings renderingPattern lets the last word take.
const ENDINGS = ['', 's', 'es', 'd', 'ed', 'ing'];
const Y_ENDINGS = ['y', 'ys', 'yed', 'ying', 'ies', 'ied'];

/** The distinct words of a translation, lower-cased. `'Tesla’s self-driving Teslas'` → `['tesla', 's', 'self', 'driving', 'teslas']`. */
export function glossWords(text: string): string[] {
  const words = new Set<string>();
  for (const word of text.split(NOT_WORD)) if (word) words.add(word.toLowerCase());
  return [...words];
}

/**
 * What a translation must hold for renderingPattern(phrase) to match it: for each word of the
 * phrase, the forms one of which must be among its glossWords (the last word's inflections
 * included); empty when the phrase has no letters or digits to go by.
 * `'self-driving car'` → `[['self'], ['driving'], ['car', 'cars', 'cares', 'card', 'cared', 'caring']]`.
 */
export function phraseWordForms(phrase: string): string[][] {
  const words = phrase
    .trim()
    .toLowerCase()
    .split(/[\s-]+/);
  const forms: string[][] = [];
  words.forEach((word, i) => {
    const parts = word.split(NOT_WORD).filter(Boolean);
    const inflected = i === words.length - 1 && ENDS_IN_WORD.test(word) ? parts.pop() : undefined;
    for (const part of parts) forms.push([part]);
    if (inflected === undefined) return;
    forms.push(
      inflected.endsWith('y')
        ? Y_ENDINGS.map((ending) => inflected.slice(0, -1) + ending)
        : ENDINGS.map((ending) => inflected + ending),
    );
  });
  return forms;
}

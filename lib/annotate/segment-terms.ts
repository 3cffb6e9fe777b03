/**
 * Finding listed terms in a text: terms with letters, digits, punctuation or spaces are matched
 * here, longest first (segmentit never sees them); listed Chinese words are found by `occurrences`.
 */

const ASCII_ALNUM = /^[A-Za-z0-9]$/;

/** Terms by their first character (ASCII lower-cased), longest first. */
export type TermIndex = Map<string, string[]>;

/** Terms indexed for `matchTerm`: `termIndex(['No Priors', 'AI'])` → `{ n: ['no priors'], a: ['ai'] }`. */
export function termIndex(terms: readonly string[]): TermIndex {
  const index: TermIndex = new Map();
  for (const term of [...new Set(terms.map(asciiLowerCase))].sort((a, b) => b.length - a.length)) {
    const first = term[0];
    if (first !== undefined) index.set(first, [...(index.get(first) ?? []), term]);
  }
  return index;
}

/** Lower-cases ASCII letters only, so offsets stay the same: `'No Priors 播客'` → `'no priors 播客'`. */
export function asciiLowerCase(text: string): string {
  return text.replace(/[A-Z]/g, (char) => char.toLowerCase());
}

/** The length of the longest term at `at`, or 0. A term does not start or end inside a Latin word or number. */
export function matchTerm(text: string, lower: string, at: number, index: TermIndex): number {
  for (const term of index.get(lower[at] ?? '') ?? []) {
    const end = at + term.length;
    if (!lower.startsWith(term, at)) continue;
    if (joinsAlnum(text[at - 1], term[0]) || joinsAlnum(term.at(-1), text[end])) continue;
    return term.length;
  }
  return 0;
}

function joinsAlnum(left: string | undefined, right: string | undefined): boolean {
  return ASCII_ALNUM.test(left ?? '') && ASCII_ALNUM.test(right ?? '');
}

/** Every occurrence of every word in the text, by start, longer words first at the same start. */
export function occurrences(text: string, words: ReadonlySet<string>): { start: number; end: number; word: string }[] {
  const found: { start: number; end: number; word: string }[] = [];
  for (const word of words) {
    for (let start = text.indexOf(word); start >= 0; start = text.indexOf(word, start + 1)) {
      found.push({ start, end: start + word.length, word });
    }
  }
  return found.sort((a, b) => a.start - b.start || b.end - a.end);
}

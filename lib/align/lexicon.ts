import 'server-only';
import { loadDictionary, lookupWordSync } from '@/lib/annotate/dictionary';
import { findTerms } from '@/lib/annotate/glossary';
import { segmentWords } from '@/lib/annotate/segment';
import type { TermEntry } from '@/lib/annotate/types';
import { renderingWords } from './english';
import type { LexicalItem, Lexicon } from './features';

/**
 * The aligner's lexicon from the project's own annotation: the words segmentit finds in a
 * Chinese sentence with their CC-CEDICT senses, and the glossary's terms with their approved
 * renderings. Kept apart from the aligner, which stays pure and takes any `Lexicon`.
 */

// Sentences recur (a text's repeated lines, the generated long text); their items are kept, boundedly.
const CACHE_LIMIT = 20_000;

/**
 * Loads the dictionary, then gives the lexicon for a glossary and word list.
 * `(await loadLexicon())('激光雷达很贵。')` → `[{ key: '激光雷达', renderings: [['lidar']] }, { key: '贵', … }]`.
 */
export async function loadLexicon(
  options: { glossary?: readonly TermEntry[]; words?: readonly string[] } = {},
): Promise<Lexicon> {
  await loadDictionary();
  const glossary = options.glossary ?? [];
  const words = [...(options.words ?? []), ...glossary.map((entry) => entry.term)];
  const cache = new Map<string, readonly LexicalItem[]>();
  const senses = new Map<string, string[][]>();
  // A word's senses as word lists, looked up once per lexicon (a look-up reads and tidies every sense).
  const sensesOf = (word: string): string[][] => {
    let known = senses.get(word);
    if (known === undefined) {
      const entry = lookupWordSync(word);
      // An entry put together from single characters' senses guesses too much to be evidence.
      known = entry && !entry.parts ? parsedRenderings(entry.senses) : [];
      if (senses.size < CACHE_LIMIT) senses.set(word, known);
    }
    return known;
  };
  return (sentence) => {
    const cached = cache.get(sentence);
    if (cached) return cached;
    const items = lexicalItems(sentence, glossary, words, sensesOf);
    if (cache.size < CACHE_LIMIT) cache.set(sentence, items);
    return items;
  };
}

function lexicalItems(
  sentence: string,
  glossary: readonly TermEntry[],
  words: readonly string[],
  sensesOf: (word: string) => string[][],
): LexicalItem[] {
  const items = new Map<string, string[][]>();
  for (const term of findTerms(sentence, glossary)) {
    const renderings = parsedRenderings(term.en);
    if (renderings.length > 0) items.set(term.term, renderings);
  }
  for (const token of segmentWords(sentence, words)) {
    if (!token.chinese || items.has(token.text)) continue;
    const renderings = sensesOf(token.text);
    if (renderings.length > 0) items.set(token.text, renderings);
  }
  return [...items].map(([key, renderings]) => ({ key, renderings }));
}

/** Senses or renderings as word lists: `['to drive; to pilot', 'the']` → `[['drive'], ['pilot']]`. */
function parsedRenderings(renderings: readonly string[]): string[][] {
  return renderings
    .flatMap((rendering) => rendering.split(/[;,]/u))
    .flatMap((rendering) => {
      const words = renderingWords(rendering);
      return words ? [words] : [];
    });
}

import { renderingPattern } from '@/lib/annotate/glossary';
import type { MemoryIndex, MemoryUnit } from './memory-index';
import { phraseWordForms } from './gloss-words';
import { pageInOrder } from './page-order';
import { characterBigrams } from './similarity';

/** A span `[start, end)` in UTF-16 offsets. */
export type Span = [start: number, end: number];

/** One place the query occurs: the paragraph in both languages, the query marked in each. */
export interface ConcordanceLine {
  slug: string;
  id: string;
  zh: string;
  gloss: string;
  /** Where the query is in the Chinese, and where its rendering (or the English query) is in the translation. */
  highlights: { zh: Span[]; gloss: Span[] };
  /** How the query was rendered here ('' when no known rendering was found). */
  rendering: string;
}

export interface ConcordancePage {
  total: number;
  /** Renderings with how many places use each, most used first. */
  renderings: { text: string; count: number }[];
  results: ConcordanceLine[];
  next: number | null;
}

/** The most places a concordance looks at (its counts are of these). */
export const MAX_CONCORDANCE_PLACES = 20_000;

const HAN = /\p{Script=Han}/u;

function allIndexes(text: string, term: string): Span[] {
  const spans: Span[] = [];
  if (!term) return spans;
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length)) spans.push([at, at + term.length]);
  return spans;
}

type Found = { text: string; span: Span } | undefined;

/** Of two renderings found in a translation, the longer ("humanoid robot" over "robot"), then the earlier. */
function better(best: Found, found: RegExpExecArray | null): Found {
  if (!found) return best;
  if (best && (found[0].length < best.text.length || (found[0].length === best.text.length && found.index >= best.span[0])))
    return best;
  return { text: found[0], span: [found.index, found.index + found[0].length] };
}

/** Whole-word, case-insensitive places of an English phrase (`pattern` from englishPattern). */
function englishSpans(text: string, pattern: RegExp): Span[] {
  return [...text.matchAll(pattern)].map((m) => [m.index, m.index + m[0].length] as Span);
}

function englishPattern(query: string): RegExp {
  return new RegExp(renderingPattern(query).source, 'giu');
}

/**
 * The paragraphs whose translation may hold a phrase: those holding its words, found in the
 * index's word lists; every paragraph when the phrase has no word to go by. The pattern decides.
 */
function unitsMaybeWith(index: MemoryIndex, phrase: string): Iterable<MemoryUnit> {
  const words = phraseWordForms(phrase);
  return words.length > 0 ? index.unitsWithWords(words) : index.units();
}

function unitsWithChinese(index: MemoryIndex, query: string): MemoryUnit[] {
  const bigrams = characterBigrams(query);
  if (bigrams.length > 1 || (bigrams.length === 1 && [...query].length > 1)) {
    return index
      .candidates(bigrams, bigrams.length, MAX_CONCORDANCE_PLACES * 2)
      .found.map(({ unit }) => unit)
      .filter((unit) => unit.zh.includes(query));
  }
  // One character: no bigram list holds it alone, so the paragraphs are read.
  const found: MemoryUnit[] = [];
  for (const unit of index.units()) if (unit.zh.includes(query)) found.push(unit);
  return found;
}

/**
 * How each paragraph renders a Chinese term: the longest of its renderings found, then the
 * earliest (see better); undefined when none is. A rendering is looked for only in the
 * paragraphs whose translation holds its words, so a rare or long rendering costs little.
 */
function chineseRenderings(index: MemoryIndex, units: readonly MemoryUnit[], renderings: readonly string[]): Found[] {
  const found: Found[] = units.map(() => undefined);
  let position: Map<MemoryUnit, number> | undefined;
  for (const rendering of renderings) {
    if (!rendering.trim()) continue;
    const pattern = renderingPattern(rendering);
    const words = phraseWordForms(rendering);
    if (words.length === 0) {
      // No word to go by ('~'): every place is tried.
      units.forEach((unit, i) => (found[i] = better(found[i], pattern.exec(unit.gloss))));
      continue;
    }
    position ??= new Map(units.map((unit, i) => [unit, i]));
    for (const unit of index.unitsWithWords(words)) {
      const i = position.get(unit);
      if (i !== undefined) found[i] = better(found[i], pattern.exec(unit.gloss));
    }
  }
  return found;
}

/** Places in the order they are listed in: by slug, then by id. */
function compareUnits(a: MemoryUnit, b: MemoryUnit): number {
  return a.slug.localeCompare(b.slug) || a.id.localeCompare(b.id);
}

/**
 * Every place a word or phrase occurs in the memory, keyword in context, with how it was rendered
 * and the renderings counted. A Chinese query is found in the Chinese and its rendering looked for
 * among `renderingsOf(query)` (glossary renderings, dictionary senses); an English one is found in
 * the translations, whole words, and its rendering is the text as written there.
 * `concordance(index, '特斯拉', () => ['Tesla'], { limit: 20, offset: 0 })`
 * → `{ total: 33, renderings: [{ text: 'Tesla', count: 31 }, { text: 'Teslas', count: 2 }], results: […] }`.
 */
export function concordance(
  index: MemoryIndex,
  query: string,
  renderingsOf: (term: string) => readonly string[],
  page: { limit: number; offset: number; slugs?: ReadonlySet<string> },
): ConcordancePage {
  const q = query.trim();
  if (!q) return { total: 0, renderings: [], results: [], next: null };
  const chinese = HAN.test(q);
  const english = englishPattern(q);
  const first = new RegExp(english.source, 'iu');
  const units = (chinese ? unitsWithChinese(index, q) : [...unitsMaybeWith(index, q)].filter((u) => first.test(u.gloss)))
    .filter((u) => !page.slugs || page.slugs.has(u.slug))
    .slice(0, MAX_CONCORDANCE_PLACES);
  // How each place renders the query: only that is needed of every place (for the counts); the
  // lines themselves are made for the page shown.
  const found: Found[] = chinese
    ? chineseRenderings(index, units, renderingsOf(q))
    : units.map((unit) => {
        const match = first.exec(unit.gloss);
        return match ? { text: match[0], span: [match.index, match.index + match[0].length] } : undefined;
      });
  const counts = new Map<string, number>();
  for (const place of found) counts.set(place?.text ?? '', (counts.get(place?.text ?? '') ?? 0) + 1);
  // Places of each rendering are listed together, the most used rendering first.
  const order = [...counts].sort((a, b) => b[1] - a[1] || (a[0] === '' ? 1 : b[0] === '' ? -1 : a[0].localeCompare(b[0])));
  const rank = new Map(order.map(([text], i) => [text, i]));
  const places = units.map((unit, i) => ({ unit, place: found[i], rank: rank.get(found[i]?.text ?? '') ?? 0 }));
  const line = ({ unit, place }: (typeof places)[number]): ConcordanceLine => ({
    slug: unit.slug,
    id: unit.id,
    zh: unit.zh,
    gloss: unit.gloss,
    rendering: place?.text ?? '',
    highlights: chinese
      ? { zh: allIndexes(unit.zh, q), gloss: place ? [place.span] : [] }
      : { zh: [], gloss: englishSpans(unit.gloss, english) },
  });
  const end = page.offset + page.limit;
  return {
    total: places.length,
    renderings: order.map(([text, count]) => ({ text, count })),
    results: pageInOrder(places, (a, b) => a.rank - b.rank || compareUnits(a.unit, b.unit), page.offset, page.limit).map(line),
    next: end < places.length ? end : null,
  };
}

import 'server-only';
import { splitSentences } from '@/lib/align/sentences';
import type { TargetLanguage } from '@/lib/i18n/target-language';
import { blockLink } from '@/lib/reading/permalink';
import { currentSentenceMemory } from './library-sentences';
import { findMatches } from './rank';
import { MIN_SENTENCE_CHARS, parseSentenceUnitId } from './sentence-units';
import { normalizeForMatch, type DiffSpan } from './similarity';

/** The most matches shown for one sentence of the paragraph. */
export const MAX_SENTENCE_MATCHES = 3;
/** The most sentences of a paragraph looked up (a long paragraph's first ones): bounds a look-up's time. */
export const MAX_SENTENCES_LOOKED_UP = 24;
/** Candidates measured per sentence (a paragraph's 100): a sentence shares its bigrams with many more units, mostly copies. */
export const SENTENCE_CANDIDATES_MEASURED = 24;

/** A sentence pair matching one sentence of the paragraph being translated. */
export interface SentenceMatchAnswer {
  unit: 'sentence';
  score: number;
  zh: string;
  gloss: string;
  slug: string;
  /** The block the sentence is in, and the link's place in it (from 1; the sentence TMX's `<slug>/<block>/<n>`). */
  id: string;
  link: number;
  status: 'draft' | 'reviewed';
  origin: string;
  originKind: 'text';
  /** The block's permalink. */
  url: string;
  diff: DiffSpan[];
}

/** The matches of one sentence of the paragraph: `zh` is its span `[start, end)` in the paragraph's Chinese (UTF-16). */
export interface SentenceMatches {
  zh: [number, number];
  matches: SentenceMatchAnswer[];
}

/**
 * Matches for each sentence of a paragraph's Chinese `zh` from the aligned sentence pairs of every
 * text in `lang` (not the paragraph's own), best first, at most MAX_SENTENCE_MATCHES a sentence,
 * leaving out a pair already shown as a paragraph match; only sentences with a match are listed.
 * `sentenceMatches({ slug: 'a', id: 'b1', lang: 'en' }, '他来了。', { heading: false, shown: [], titleOf })`
 * → `[{ zh: [0, 4], matches: [{ unit: 'sentence', score: 100, … }] }]`.
 */
export async function sentenceMatches(
  request: { slug: string; id: string; lang: TargetLanguage },
  zh: string,
  context: { heading: boolean; shown: readonly { zh: string; gloss: string }[]; titleOf: (slug: string) => Promise<string> },
): Promise<SentenceMatches[]> {
  const memory = await currentSentenceMemory(request.lang);
  if (memory.index.size().units === 0) return [];
  const shown = new Set(context.shown.map((m) => `${m.zh}\u0000${m.gloss}`));
  const own = (unit: { slug: string; id: string }) => unit.slug === request.slug && unit.id.startsWith(`${request.id}/`);
  const out: SentenceMatches[] = [];
  for (const sentence of splitSentences(zh, 'zh', { heading: context.heading }).slice(0, MAX_SENTENCES_LOOKED_UP)) {
    if (normalizeForMatch(sentence.text).length < MIN_SENTENCE_CHARS) continue;
    const found = findMatches(memory.index, sentence.text, own, MAX_SENTENCE_MATCHES + 1, SENTENCE_CANDIDATES_MEASURED)
      .filter(({ unit }) => !shown.has(`${unit.zh}\u0000${unit.gloss}`))
      .slice(0, MAX_SENTENCE_MATCHES);
    if (found.length === 0) continue;
    const matches: SentenceMatchAnswer[] = [];
    for (const { score, unit, diff } of found) {
      const place = parseSentenceUnitId(unit.id);
      if (!place) continue;
      matches.push({
        unit: 'sentence',
        score,
        zh: unit.zh,
        gloss: unit.gloss,
        slug: unit.slug,
        id: place.block,
        link: place.link,
        status: unit.status,
        origin: await context.titleOf(unit.slug),
        originKind: 'text',
        url: blockLink(unit.slug, place.block),
        diff,
      });
    }
    out.push({ zh: [sentence.start, sentence.end], matches });
  }
  return out;
}

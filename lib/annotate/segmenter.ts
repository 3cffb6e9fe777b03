import 'server-only';
import { createHash } from 'node:crypto';
import { Segment, useDefault as loadDefaultDictionaries } from 'segmentit';
import type { WordLengths } from './segment-cut';
import { processState } from '@/lib/process-state';
import { WeightedLru } from '@/lib/weighted-lru';

/**
 * The segmentit adapter: the only module that uses segmentit. A segmenter cuts text into words
 * with segmentit's default dictionaries plus a list of Chinese words; nothing outside sees
 * segmentit's shapes.
 */

// Each segmenter holds ~120 MB of dictionaries; one per distinct word list, the least recently used dropped.
const MAX_SEGMENTERS = 4;
// Listed Chinese words go into segmentit's dictionary with a high frequency score (its scorer prefers a
// high average score; with 5000, 自动驾驶 and 激光雷达 were still split in the seed text), keeping the
// part of speech of words it knows and making new ones nouns (noun, verb or both made no difference).
const NOUN = 0x00100000;
const USER_WORD_FREQUENCY = 100000;

/** A segmentit instance for one word list. */
export interface Segmenter extends WordLengths {
  /** segmentit's words for a piece of text, without offsets: `'自动驾驶汽车'` → `['自动驾驶', '汽车']`. */
  cut(text: string): string[];
}

type SegmenterCache = WeightedLru<string, Segmenter>;

// Once per process (lib/process-state.ts): Next.js loads this module once per route bundle, and each copy would load 120 MB again.
function segmenterCache(): SegmenterCache {
  return processState<SegmenterCache>('segmenters', () => WeightedLru.ofCount(MAX_SEGMENTERS));
}

/** The segmenter for a list of Chinese words, made once per process and list (the least recently used dropped). */
export function getSegmenter(hanWords: readonly string[]): Segmenter {
  const sorted = [...new Set(hanWords)].sort();
  const key = createHash('sha256').update(sorted.join('\n')).digest('hex');
  const cache = segmenterCache();
  const cached = cache.get(key);
  if (cached) return cached;
  const segmenter = createSegmenter(sorted);
  cache.set(key, segmenter);
  return segmenter;
}

/** Drops the segmenter of a list of Chinese words from the cache, if it is there. */
export function dropSegmenter(hanWords: readonly string[]): void {
  const sorted = [...new Set(hanWords)].sort();
  segmenterCache().delete(createHash('sha256').update(sorted.join('\n')).digest('hex'));
}

function createSegmenter(hanWords: readonly string[]): Segmenter {
  const segment = loadDefaultDictionaries(new Segment());
  const known = segment.getDict('TABLE') ?? {};
  const lines = hanWords.map((word) => {
    const entry = Object.hasOwn(known, word) ? known[word] : undefined;
    return `${word}|${entry?.p ?? NOUN}|${Math.max(entry?.f ?? 0, USER_WORD_FREQUENCY)}`;
  });
  if (lines.length > 0) segment.loadDict(lines.join('\n'));
  const table = segment.getDict('TABLE2') ?? {};
  const lengthSets = new Map<string, Set<number>>();
  for (const [length, words] of Object.entries(table)) {
    for (const word of Object.keys(words)) {
      const first = word[0] ?? '';
      lengthSets.set(first, (lengthSets.get(first) ?? new Set()).add(Number(length)));
    }
  }
  const lengthsByFirst = new Map([...lengthSets].map(([first, lengths]) => [first, [...lengths].sort((a, b) => a - b)]));
  return { cut: (text) => segment.doSegment(text, { simple: true }), table, lengthsByFirst };
}

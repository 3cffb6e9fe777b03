/**
 * Splits listed in a word list: `小镇|上` says that wherever 小镇上 occurs its words are cut
 * after 小镇, whatever the segmenter made of it. Pure.
 */
import type { Token } from './types';

const HAN = /\p{Script=Han}/u;

/** A split: the text it applies to and the offsets inside it where words are cut. */
export interface Split {
  word: string;
  cuts: number[];
}

/** `parseSplit('小镇|上')` → `{ word: '小镇上', cuts: [2] }`; undefined for a term with no `|` or an empty part. */
export function parseSplit(entry: string): Split | undefined {
  if (!entry.includes('|')) return undefined;
  const parts = entry.split('|').map((part) => part.trim());
  if (parts.some((part) => part === '')) return undefined;
  const cuts: number[] = [];
  let at = 0;
  for (const part of parts.slice(0, -1)) cuts.push((at += part.length));
  return { word: parts.join(''), cuts };
}

/**
 * Cuts tokens where a split says so: every occurrence of a split's text in `text` cuts the token
 * that spans each of its cut points. Tokens join back to the text as before.
 * `applySplits('小镇上', [{ text: '小镇上', start: 0, end: 3, chinese: true }], [{ word: '小镇上', cuts: [2] }])` → 小镇 / 上.
 */
export function applySplits(text: string, tokens: readonly Token[], splits: readonly Split[]): Token[] {
  const points = new Set<number>();
  for (const { word, cuts } of splits) {
    if (word === '') continue;
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) for (const cut of cuts) points.add(at + cut);
  }
  if (points.size === 0) return [...tokens];
  const sorted = [...points].sort((a, b) => a - b);
  return tokens.flatMap((token) => {
    const inside = sorted.filter((point) => point > token.start && point < token.end);
    if (inside.length === 0) return [token];
    const edges = [token.start, ...inside, token.end];
    return edges.slice(0, -1).map((start, i) => {
      const end = edges[i + 1] ?? token.end;
      const piece = text.slice(start, end);
      return { text: piece, start, end, chinese: HAN.test(piece) };
    });
  });
}

import type { AlignmentEntry } from '@/lib/align/block';
import type { StoredLink, StoredSentence } from '@/lib/align/stored';

/**
 * A block's alignment entry as the alignment file and its journal hold it: the hashes of the two
 * texts it was made from, each side's sentences as `[start, end, hash]`, and the links (`m`:
 * manual, `s`: stale, `u`: unsure, `c`: confidence). Tuples and short keys keep a novel's file small.
 */
export interface FileEntry {
  zhHash: string;
  glossHash: string;
  zh: [number, number, string][];
  en: [number, number, string][];
  links: { zh: number[]; en: number[]; m?: 1; s?: 1; u?: 1; c?: number }[];
}

const isHash = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f]{8}$/.test(value);
const isIndex = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether a key of `blocks` (or a journal line's `id`) is a block id. */
export const isBlockId = (id: unknown): id is string => typeof id === 'string' && /^[a-z0-9_-]{1,32}$/.test(id);

function sentencesProblem(value: unknown): string | undefined {
  if (!Array.isArray(value)) return 'sentences must be a list';
  const bad = value.findIndex((s) => !Array.isArray(s) || s.length !== 3 || !isIndex(s[0]) || !isIndex(s[1]) || !isHash(s[2]));
  return bad >= 0 ? `sentence ${bad} must be [start, end, hash]` : undefined;
}

const LINK_KEYS = new Set(['zh', 'en', 'm', 's', 'u', 'c']);

function linkProblem(link: unknown): string | undefined {
  if (!isObject(link)) return 'must be an object';
  if (Object.keys(link).some((key) => !LINK_KEYS.has(key))) return `may only have ${[...LINK_KEYS].join(', ')}`;
  if (!Array.isArray(link.zh) || !link.zh.every(isIndex) || !Array.isArray(link.en) || !link.en.every(isIndex))
    return 'zh and en must be lists of sentence indexes';
  if ([link.m, link.s, link.u].some((flag) => flag !== undefined && flag !== 1)) return 'm, s and u may only be 1';
  if (link.c !== undefined && !(typeof link.c === 'number' && link.c >= 0 && link.c <= 1)) return 'c must be 0–1';
  return undefined;
}

/**
 * Why a block's entry is not the shape written, or undefined. Checked by hand: zod took two seconds
 * for a novel's 8,000 entries, holding the event loop all that time.
 * `entryProblem({ zhHash: 'x' })` → `'zhHash and glossHash must be 8 hex digits'`.
 */
export function entryProblem(entry: unknown): string | undefined {
  if (!isObject(entry)) return 'must be an object';
  if (!isHash(entry.zhHash) || !isHash(entry.glossHash)) return 'zhHash and glossHash must be 8 hex digits';
  const sentences = sentencesProblem(entry.zh) ?? sentencesProblem(entry.en);
  if (sentences) return sentences;
  if (!Array.isArray(entry.links)) return 'links must be a list';
  for (const [n, link] of entry.links.entries()) {
    const problem = linkProblem(link);
    if (problem) return `link ${n} ${problem}`;
  }
  return undefined;
}

function sentencesOf(tuples: FileEntry['zh']): StoredSentence[] {
  return tuples.map(([start, end, hash]) => ({ start, end, hash }));
}

function linkOf(link: FileEntry['links'][number]): StoredLink {
  return {
    zh: link.zh,
    en: link.en,
    ...(link.m ? { manual: true as const } : {}),
    ...(link.s ? { stale: true as const } : {}),
    ...(link.u ? { unsure: true as const } : {}),
    ...(link.c !== undefined ? { confidence: link.c } : {}),
  };
}

/** An entry as read (checked with entryProblem first). */
export function entryOf(entry: FileEntry): AlignmentEntry {
  return {
    zhHash: entry.zhHash,
    glossHash: entry.glossHash,
    alignment: { zh: sentencesOf(entry.zh), en: sentencesOf(entry.en), links: entry.links.map(linkOf) },
  };
}

/** An entry as written. */
export function fileEntry(entry: AlignmentEntry): FileEntry {
  const { zh, en, links } = entry.alignment;
  return {
    zhHash: entry.zhHash,
    glossHash: entry.glossHash,
    zh: zh.map((s) => [s.start, s.end, s.hash]),
    en: en.map((s) => [s.start, s.end, s.hash]),
    links: links.map((link) => ({
      zh: link.zh,
      en: link.en,
      ...(link.manual ? { m: 1 as const } : {}),
      ...(link.stale ? { s: 1 as const } : {}),
      ...(link.unsure ? { u: 1 as const } : {}),
      ...(link.confidence !== undefined ? { c: link.confidence } : {}),
    })),
  };
}

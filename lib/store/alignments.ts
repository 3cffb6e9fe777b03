import 'server-only';
import type { AlignmentEntry } from '@/lib/align/block';
import type { StoredLink, StoredSentence } from '@/lib/align/stored';
import { DataFileError } from './errors';
import { filesIdentity } from './fingerprint';
import { parseJsonText, readDataText, writeTextFile } from './json';
import { displayPath, localeDir, textFilePath } from './paths';

/**
 * Sentence alignments of a text in one target language: `locales/<lang>/<slug>.align.json`,
 * beside the gloss files and never in them. One entry per block id: the hashes of the two texts
 * it was made from, each side's sentences as `[start, end, hash]`, and the links (`m`: manual,
 * `s`: stale, `u`: unsure, `c`: confidence). Tuples and short keys keep a novel's file small.
 */

/** A block's entry as the file holds it. */
interface FileEntry {
  zhHash: string;
  glossHash: string;
  zh: [number, number, string][];
  en: [number, number, string][];
  links: { zh: number[]; en: number[]; m?: 1; s?: 1; u?: 1; c?: number }[];
}

const isHash = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f]{8}$/.test(value);
const isIndex = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

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
 */
function entryProblem(entry: unknown): string | undefined {
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

export function alignmentPath(slug: string, lang: string): string {
  return textFilePath(localeDir(lang), slug, '.align.json');
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

function fileEntry(entry: AlignmentEntry): FileEntry {
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

/**
 * Reads a text's alignments in one language, by block id; an empty map when there are none yet.
 * A malformed file is a DataFileError naming it and the place.
 */
export async function readAlignments(slug: string, lang: string): Promise<Map<string, AlignmentEntry>> {
  const file = alignmentPath(slug, lang);
  const identity = await filesIdentity([file]);
  const known = parsedFiles().get(file);
  if (known?.identity === identity) return new Map(known.entries);
  const entries = await parseAlignmentFile(file);
  remember(file, identity, entries);
  return new Map(entries);
}

/**
 * The files last read or written, parsed, while unchanged on disk: a novel's file is megabytes of
 * JSON, and a save or a page asks for one block of it. A few texts at a time; their entries are
 * never changed in place.
 */
const KEPT_FILES = 4;
const PARSED = Symbol.for('bilingual-reader.alignment-files');
type ParsedFiles = Map<string, { identity: string; entries: ReadonlyMap<string, AlignmentEntry> }>;

function parsedFiles(): ParsedFiles {
  const holder = globalThis as typeof globalThis & { [PARSED]?: ParsedFiles };
  holder[PARSED] ??= new Map();
  return holder[PARSED];
}

function remember(file: string, identity: string, entries: ReadonlyMap<string, AlignmentEntry>): void {
  const cache = parsedFiles();
  cache.delete(file);
  cache.set(file, { identity, entries });
  for (const oldest of cache.keys()) {
    if (cache.size <= KEPT_FILES) break;
    cache.delete(oldest);
  }
}

async function parseAlignmentFile(file: string): Promise<Map<string, AlignmentEntry>> {
  const text = await readDataText(file);
  const entries = new Map<string, AlignmentEntry>();
  if (text === undefined) return entries;
  const data = parseJsonText(text.replace(/^\uFEFF/, ''), displayPath(file));
  if (!isObject(data) || data.version !== 1 || !isObject(data.blocks))
    throw new DataFileError(displayPath(file), 'does not have the expected shape: { "version": 1, "blocks": { … } }');
  for (const [id, value] of Object.entries(data.blocks)) {
    const problem = /^[a-z0-9_-]{1,32}$/.test(id) ? entryProblem(value) : 'is not a block id';
    if (problem) throw new DataFileError(displayPath(file), `does not have the expected shape at "blocks.${id}": ${problem}`);
    const entry = value as FileEntry;
    entries.set(id, {
      zhHash: entry.zhHash,
      glossHash: entry.glossHash,
      alignment: { zh: sentencesOf(entry.zh), en: sentencesOf(entry.en), links: entry.links.map(linkOf) },
    });
  }
  return entries;
}

/** Replaces a text's alignment file atomically, blocks in the order given (the text's). */
export async function writeAlignments(slug: string, lang: string, entries: ReadonlyMap<string, AlignmentEntry>): Promise<void> {
  const blocks: Record<string, FileEntry> = {};
  for (const [id, entry] of entries) blocks[id] = fileEntry(entry);
  // One block a line: readable, and a diff shows which paragraphs changed.
  const lines = Object.entries(blocks).map(([id, entry]) => `    ${JSON.stringify(id)}: ${JSON.stringify(entry)}`);
  const text = `{\n  "version": 1,\n  "blocks": {${lines.length ? `\n${lines.join(',\n')}\n  ` : ''}}\n}\n`;
  const file = alignmentPath(slug, lang);
  await writeTextFile(file, text);
  remember(file, await filesIdentity([file]), new Map(entries));
}

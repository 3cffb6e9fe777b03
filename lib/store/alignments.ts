import 'server-only';
import { z } from 'zod';
import type { AlignmentEntry } from '@/lib/align/block';
import type { StoredLink, StoredSentence } from '@/lib/align/stored';
import { readJsonFile, writeTextFile } from './json';
import { localeDir, textFilePath } from './paths';

/**
 * Sentence alignments of a text in one target language: `locales/<lang>/<slug>.align.json`,
 * beside the gloss files and never in them. One entry per block id: the hashes of the two texts
 * it was made from, each side's sentences as `[start, end, hash]`, and the links (`m`: manual,
 * `s`: stale, `u`: unsure, `c`: confidence). Tuples and short keys keep a novel's file small.
 */

const hashSchema = z.string().regex(/^[0-9a-f]{8}$/);
const offset = z.number().int().min(0);
const sentenceSchema = z.tuple([offset, offset, hashSchema]);
const indexes = z.array(z.number().int().min(0));
const linkSchema = z
  .object({
    zh: indexes,
    en: indexes,
    m: z.literal(1).optional(),
    s: z.literal(1).optional(),
    u: z.literal(1).optional(),
    c: z.number().min(0).max(1).optional(),
  })
  .strict();
const entrySchema = z
  .object({
    zhHash: hashSchema,
    glossHash: hashSchema,
    zh: z.array(sentenceSchema),
    en: z.array(sentenceSchema),
    links: z.array(linkSchema),
  })
  .strict();
const fileSchema = z
  .object({ version: z.literal(1), blocks: z.record(z.string().regex(/^[a-z0-9_-]{1,32}$/), entrySchema) })
  .strict();

type FileEntry = z.infer<typeof entrySchema>;

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
  const file = await readJsonFile(alignmentPath(slug, lang), fileSchema);
  const entries = new Map<string, AlignmentEntry>();
  for (const [id, entry] of Object.entries(file?.blocks ?? {}))
    entries.set(id, {
      zhHash: entry.zhHash,
      glossHash: entry.glossHash,
      alignment: { zh: sentencesOf(entry.zh), en: sentencesOf(entry.en), links: entry.links.map(linkOf) },
    });
  return entries;
}

/** Replaces a text's alignment file atomically, blocks in the order given (the text's). */
export async function writeAlignments(slug: string, lang: string, entries: ReadonlyMap<string, AlignmentEntry>): Promise<void> {
  const blocks: Record<string, FileEntry> = {};
  for (const [id, entry] of entries) blocks[id] = fileEntry(entry);
  // One block a line: readable, and a diff shows which paragraphs changed.
  const lines = Object.entries(blocks).map(([id, entry]) => `    ${JSON.stringify(id)}: ${JSON.stringify(entry)}`);
  const text = `{\n  "version": 1,\n  "blocks": {${lines.length ? `\n${lines.join(',\n')}\n  ` : ''}}\n}\n`;
  await writeTextFile(alignmentPath(slug, lang), text);
}

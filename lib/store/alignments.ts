import 'server-only';
import { stat } from 'node:fs/promises';
import type { AlignmentEntry } from '@/lib/align/block';
import { entryOf, entryProblem, fileEntry, isBlockId, isObject, type FileEntry } from './alignment-entries';
import {
  alignmentJournalPath,
  appendAlignmentJournal,
  readAlignmentJournal,
  removeAlignmentJournal,
  type AlignmentChange,
} from './alignment-journal';
import { DataFileError } from './errors';
import { filesIdentity } from './fingerprint';
import { parseJsonText, readDataText, writeTextFile } from './json';
import { displayPath, localeDir, textFilePath } from './paths';
import { processState } from '@/lib/process-state';
import { WeightedLru } from '@/lib/weighted-lru';

/**
 * Sentence alignments of a text in one target language: `locales/<lang>/<slug>.align.json`,
 * beside the gloss files and never in them, one entry per block id (see alignment-entries.ts),
 * and the journal of changes not yet folded into it (alignment-journal.ts). What a reader gets
 * is the file with the journal replayed over it.
 */

export function alignmentPath(slug: string, lang: string): string {
  return textFilePath(localeDir(lang), slug, '.align.json');
}

/**
 * What was last read or written of a text's alignments, while its two files are unchanged on
 * disk: a novel's file is megabytes of JSON, and a save or a page asks for one block of it. `base`
 * is the file as parsed, `entries` the file with the journal replayed. A few texts at a time;
 * their entries are never changed in place.
 */
interface Parsed {
  fileIdentity: string;
  journalIdentity: string;
  base: ReadonlyMap<string, AlignmentEntry>;
  entries: ReadonlyMap<string, AlignmentEntry>;
}
const KEPT_FILES = 4;

function parsedFiles(): WeightedLru<string, Parsed> {
  return processState<WeightedLru<string, Parsed>>('alignment-files', () => WeightedLru.ofCount(KEPT_FILES));
}

function remember(file: string, parsed: Parsed): void {
  parsedFiles().set(file, parsed);
}

async function identities(slug: string, lang: string): Promise<{ fileIdentity: string; journalIdentity: string }> {
  const [fileIdentity, journalIdentity] = await Promise.all([
    filesIdentity([alignmentPath(slug, lang)]),
    filesIdentity([alignmentJournalPath(slug, lang)]),
  ]);
  return { fileIdentity, journalIdentity };
}

function replay(base: ReadonlyMap<string, AlignmentEntry>, changes: readonly AlignmentChange[]): Map<string, AlignmentEntry> {
  const entries = new Map(base);
  for (const [id, entry] of changes) {
    if (entry) entries.set(id, entry);
    else entries.delete(id);
  }
  return entries;
}

/**
 * Reads a text's alignments in one language, by block id, the journal replayed over the file; an
 * empty map when there are none yet. A malformed file is a DataFileError naming it and the place;
 * a torn journal line is skipped. Read again when a file changed while it was read (a fold).
 */
export async function readAlignments(slug: string, lang: string): Promise<Map<string, AlignmentEntry>> {
  const file = alignmentPath(slug, lang);
  let now = await identities(slug, lang);
  for (let attempt = 0; ; attempt += 1) {
    const known = parsedFiles().get(file);
    if (known?.fileIdentity === now.fileIdentity && known.journalIdentity === now.journalIdentity) return new Map(known.entries);
    // The journal first: should a fold come between the two reads, the file read after it holds the journal.
    const journal = await readAlignmentJournal(slug, lang);
    const base = known?.fileIdentity === now.fileIdentity ? known.base : await parseAlignmentFile(file);
    const entries = replay(base, journal.changes);
    const after = await identities(slug, lang);
    const settled = after.fileIdentity === now.fileIdentity && after.journalIdentity === now.journalIdentity;
    if (settled || attempt >= 2) {
      if (settled) remember(file, { ...now, base, entries });
      return new Map(entries);
    }
    now = after;
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
    const problem = isBlockId(id) ? entryProblem(value) : 'is not a block id';
    if (problem) throw new DataFileError(displayPath(file), `does not have the expected shape at "blocks.${id}": ${problem}`);
    entries.set(id, entryOf(value as FileEntry));
  }
  return entries;
}

/**
 * Replaces a text's alignment file atomically, blocks in the order given (the text's), then
 * removes its journal (the file now holds all of it). Should the removal be lost, replaying the
 * journal gives entries whose text hashes tell they are older, aligned again when asked for.
 */
export async function writeAlignments(slug: string, lang: string, entries: ReadonlyMap<string, AlignmentEntry>): Promise<void> {
  const blocks: Record<string, FileEntry> = {};
  for (const [id, entry] of entries) blocks[id] = fileEntry(entry);
  // One block a line: readable, and a diff shows which paragraphs changed.
  const lines = Object.entries(blocks).map(([id, entry]) => `    ${JSON.stringify(id)}: ${JSON.stringify(entry)}`);
  const text = `{\n  "version": 1,\n  "blocks": {${lines.length ? `\n${lines.join(',\n')}\n  ` : ''}}\n}\n`;
  const file = alignmentPath(slug, lang);
  await writeTextFile(file, text);
  await removeAlignmentJournal(slug, lang);
  const kept = new Map(entries);
  remember(file, { ...(await identities(slug, lang)), base: kept, entries: kept });
}

/**
 * Records the changed blocks' alignments (null: dropped) as journal lines, the size of the change
 * instead of the whole file. Gives the sizes of the journal and of the file after, for the fold's
 * policy. Call under the text's alignment lock, as every writer.
 */
export async function appendAlignments(
  slug: string,
  lang: string,
  changes: readonly AlignmentChange[],
): Promise<{ journalBytes: number; fileBytes: number }> {
  const file = alignmentPath(slug, lang);
  const before = await identities(slug, lang);
  const journalBytes = await appendAlignmentJournal(slug, lang, changes);
  const known = parsedFiles().get(file);
  // What this process holds stays current without reading back what it wrote.
  if (known?.fileIdentity === before.fileIdentity && known.journalIdentity === before.journalIdentity)
    remember(file, {
      ...known,
      journalIdentity: await filesIdentity([alignmentJournalPath(slug, lang)]),
      entries: replay(known.entries, changes),
    });
  const fileBytes = await stat(file).then(
    (info) => info.size,
    () => 0,
  );
  return { journalBytes, fileBytes };
}

/** The size in bytes of a text's alignment journal; 0 when there is none. */
export async function alignmentJournalSize(slug: string, lang: string): Promise<number> {
  return stat(alignmentJournalPath(slug, lang)).then(
    (info) => info.size,
    () => 0,
  );
}

/**
 * Rewrites a text's alignment file with its journal folded in, and removes the journal; nothing
 * when there is none. Returns whether it folded. Call under the text's alignment lock.
 */
export async function foldAlignments(slug: string, lang: string): Promise<boolean> {
  if ((await alignmentJournalSize(slug, lang)) === 0) return false;
  await writeAlignments(slug, lang, await readAlignments(slug, lang));
  return true;
}

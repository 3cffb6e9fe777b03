import 'server-only';
import { unlink } from 'node:fs/promises';
import path from 'node:path';
import type { AlignmentEntry } from '@/lib/align/block';
import { entryOf, entryProblem, fileEntry, isBlockId, isObject, type FileEntry } from './alignment-entries';
import { appendLines } from './append-file';
import { syncDirectory } from './atomic-write';
import { StoreWriteError } from './errors';
import { readDataText } from './json';
import { displayPath, localeDir, textFilePath } from './paths';

/**
 * The alignment journal: `locales/<lang>/<slug>.align.journal.jsonl`. A change of some blocks'
 * alignments (a save re-aligning its paragraph, links fixed by hand) appends one line per changed
 * block, `{"id":"c4pzjo","entry":{…}}` (`"entry":null`: the block's alignment is gone), fsynced,
 * instead of rewriting the text's whole `.align.json`; readers replay the journal over the file,
 * and the file is rewritten with it folded in from time to time (lib/library/alignment-fold.ts).
 * Each line is a whole entry, so replaying lines the file already holds changes nothing.
 */

/** A block's alignment as of a journal line: the entry, or null when it was dropped. */
export type AlignmentChange = [id: string, entry: AlignmentEntry | null];

export function alignmentJournalPath(slug: string, lang: string): string {
  return textFilePath(localeDir(lang), slug, '.align.journal.jsonl');
}

/** The lines for these changes, each with its newline. */
export function alignmentJournalLines(changes: Iterable<AlignmentChange>): string {
  let text = '';
  for (const [id, entry] of changes) text += `${JSON.stringify({ id, entry: entry ? fileEntry(entry) : null })}\n`;
  return text;
}

/**
 * The changes in a journal's text, oldest first. A line that is not a whole, valid change is
 * skipped and counted (a line torn by a crash); the text after the last newline is a line not
 * finished yet. `parseAlignmentJournal('{"id":"a1","entry":null}\n')` → `{ changes: [['a1', null]], skipped: 0 }`.
 */
export function parseAlignmentJournal(text: string): { changes: AlignmentChange[]; skipped: number } {
  const changes: AlignmentChange[] = [];
  let skipped = 0;
  const lines = text.split('\n');
  lines.pop();
  for (const line of lines) {
    if (!line.trim()) continue;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch {
      skipped += 1;
      continue;
    }
    if (!isObject(data) || !isBlockId(data.id) || (data.entry !== null && entryProblem(data.entry) !== undefined)) {
      skipped += 1;
      continue;
    }
    changes.push([data.id, data.entry === null ? null : entryOf(data.entry as FileEntry)]);
  }
  return { changes, skipped };
}

/** Reads a text's alignment journal; none when there is no journal. Throws DataFileError when it cannot be read. */
export async function readAlignmentJournal(slug: string, lang: string): Promise<{ changes: AlignmentChange[]; skipped: number }> {
  const text = await readDataText(alignmentJournalPath(slug, lang));
  return text === undefined ? { changes: [], skipped: 0 } : parseAlignmentJournal(text);
}

/** Appends the changes, one line a block, in one fsynced write; gives the journal's size after. Throws StoreWriteError. */
export async function appendAlignmentJournal(slug: string, lang: string, changes: Iterable<AlignmentChange>): Promise<number> {
  const text = alignmentJournalLines(changes);
  if (!text) return 0;
  return (await appendLines(alignmentJournalPath(slug, lang), text)).size;
}

/** Removes a text's alignment journal once the file holds all of it, durably. */
export async function removeAlignmentJournal(slug: string, lang: string): Promise<void> {
  const file = alignmentJournalPath(slug, lang);
  try {
    await unlink(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw StoreWriteError.from(displayPath(file), error);
  }
  await syncDirectory(path.dirname(file));
}

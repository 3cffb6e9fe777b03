import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, open, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { journalHeader, journalId, journalLine, parseJournal, type JournalOp } from '@/lib/gloss/journal';
import { appendLines, type AppendUndo } from './append-file';
import { syncDirectory } from './atomic-write';
import { DataFileError, StoreWriteError } from './errors';
import { displayPath, localeDir, textFilePath } from './paths';

/** `locales/<lng>/<slug>.journal.jsonl`: saves not yet folded into the gloss and state files (see lib/gloss/journal.ts). */
export function journalPath(slug: string, lng: string): string {
  return textFilePath(localeDir(lng), slug, '.journal.jsonl');
}

/** Appends the operations of one commit as one line, fsynced; see appendLines for failures and `undo`. */
export async function appendJournal(slug: string, lng: string, ops: readonly JournalOp[]): Promise<AppendUndo> {
  return appendLines(journalPath(slug, lng), journalLine(ops), { header: () => journalHeader(randomBytes(8).toString('hex')) });
}

/** The size in bytes of a text's journal; 0 when there is none (or it cannot be looked at). */
export async function journalSize(slug: string, lng: string): Promise<number> {
  try {
    return (await lstat(journalPath(slug, lng))).size;
  } catch {
    return 0;
  }
}

/**
 * What a reader has of a journal: its name, how far it has read (bytes, at a line's end), and
 * where the last line it read starts and its hash. The hash tells a journal that grew on from
 * one that was cut back (an append taken back after a failed write) and then grew again.
 */
export interface JournalMark {
  id: string;
  offset: number;
  lastLine: { start: number; hash: string };
}

const lineHash = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export interface JournalRead {
  /** The operations read: all of them, or with `continued`, those after the mark. */
  ops: JournalOp[];
  /** The journal's size in bytes; 0 when there is none. */
  bytes: number;
  /** Where to read on from next time; undefined for a journal without a name. */
  mark?: JournalMark;
  /** Whether `ops` continue from the mark given (the same journal, grown); else they are the whole journal. */
  continued: boolean;
}

/**
 * Reads a text's journal, or only what was appended after `after` when it is the same journal
 * grown since (a save then costs reading its own line, not the whole journal). Lines still being
 * written are left for the next read. Throws DataFileError when the journal cannot be read or is
 * a symbolic link.
 */
export async function readJournal(slug: string, lng: string, after?: JournalMark): Promise<JournalRead> {
  const file = journalPath(slug, lng);
  let handle: FileHandle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ops: [], bytes: 0, continued: false };
    const why = code === 'ELOOP' ? 'is a symbolic link; the data folder holds files, not links to them' : 'cannot be read';
    throw new DataFileError(displayPath(file), why, undefined, { cause: error });
  }
  try {
    const { size } = await handle.stat();
    const head = await readRange(handle, 0, Math.min(size, 64));
    const id = head.includes(0x0a) ? journalId(head.toString('utf8').split('\n')[0] ?? '') : undefined;
    if (id !== undefined && after !== undefined && id === after.id && size >= after.offset) {
      // From the start of the last line read: it must be there still, byte for byte.
      const from = after.lastLine.start;
      const bytes = await readRange(handle, from, size - from);
      if (lineHash(bytes.subarray(0, after.offset - from)) === after.lastLine.hash)
        return { ...parseFrom(bytes, from, after.offset - from, id), bytes: size, continued: true };
    }
    return { ...parseFrom(await readRange(handle, 0, size), 0, 0, id), bytes: size, continued: false };
  } catch (error) {
    throw new DataFileError(displayPath(file), 'cannot be read', undefined, { cause: error });
  } finally {
    await handle.close();
  }
}

/** `length` bytes of a file from `position` (fewer if it is shorter now). */
async function readRange(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let read = 0;
  while (read < length) {
    const { bytesRead } = await handle.read(buffer, read, length - read, position + read);
    if (bytesRead === 0) break;
    read += bytesRead;
  }
  return buffer.subarray(0, read);
}

/**
 * The operations in `bytes` (read from file offset `from`) after byte `start`, up to the last
 * newline (a line after it is still being written; a newline byte never occurs inside a UTF-8
 * character), and the mark to read on from.
 */
function parseFrom(bytes: Buffer, from: number, start: number, id: string | undefined): { ops: JournalOp[]; mark?: JournalMark } {
  const end = Math.max(bytes.lastIndexOf(0x0a) + 1, start);
  const ops = end > start ? parseJournal(bytes.subarray(start, end).toString('utf8')).ops : [];
  if (id === undefined || end === 0) return { ops };
  const lastStart = bytes.subarray(0, end - 1).lastIndexOf(0x0a) + 1;
  return {
    ops,
    mark: { id, offset: from + end, lastLine: { start: from + lastStart, hash: lineHash(bytes.subarray(lastStart, end)) } },
  };
}

/**
 * Removes a text's journal once the gloss and state files hold all of it, and makes the removal
 * durable. Should it be lost, replaying the journal again changes nothing (see replayJournal).
 */
export async function removeJournal(slug: string, lng: string): Promise<void> {
  const file = journalPath(slug, lng);
  try {
    await unlink(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw StoreWriteError.from(displayPath(file), error);
  }
  await syncDirectory(path.dirname(file));
}

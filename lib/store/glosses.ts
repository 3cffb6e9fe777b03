import 'server-only';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { glossFileSchema, glossStateSchema, type GlossFile, type GlossStateFile } from '@/lib/gloss/types';
import { DataFileError } from './errors';
import { replayJournal, type JournalOp } from '@/lib/gloss/journal';
import { serializeOrdered } from '@/lib/gloss/serialize';
import { commitFiles, discardFiles, prepareFile } from './atomic-write';
import { appendHistoryEntries, type HistoryEntry } from './history';
import { appendJournal, readJournal, removeJournal } from './journal';
import { readJsonFile } from './json';
import { displayPath, localeDir, textFilePath } from './paths';
import { processState } from '@/lib/process-state';

export function glossPath(slug: string, lng: string): string {
  return textFilePath(localeDir(lng), slug, '.json');
}

export function glossStatePath(slug: string, lng: string): string {
  return textFilePath(localeDir(lng), slug, '.state.json');
}

/**
 * Reads `locales/<lng>/<slug>.json` as it is on disk, without the journal; `{}` when the text has
 * no glosses yet. Throws DataFileError when malformed. Readers want readGlosses.
 */
export async function readGlossFile(slug: string, lng: string): Promise<GlossFile> {
  return (await readJsonFile(glossPath(slug, lng), glossFileSchema)) ?? {};
}

/**
 * The valid entries of `locales/<lng>/<slug>.state.json` as it is on disk, without the journal
 * (`{}` when absent), and a DataFileError naming each entry that is not valid (that gloss then
 * counts as a draft). Throws DataFileError only when the file as a whole is unusable (not JSON,
 * not an object). Readers want readGlossStateEntries.
 */
export async function readStateFileEntries(
  slug: string,
  lng: string,
): Promise<{ states: GlossStateFile; invalid: DataFileError[] }> {
  const file = glossStatePath(slug, lng);
  const raw = (await readJsonFile(file, z.record(z.string(), z.unknown()))) ?? {};
  const states: GlossStateFile = {};
  const invalid: DataFileError[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const parsed = glossStateSchema.safeParse(value);
    if (parsed.success)
      Object.defineProperty(states, key, { value: parsed.data, enumerable: true, writable: true, configurable: true });
    else {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? `.${issue.path.join('.')}` : '';
      invalid.push(
        new DataFileError(displayPath(file), `entry "${key}${where}" is not a valid state: ${issue?.message ?? 'invalid'}`),
      );
    }
  }
  return { states, invalid };
}

/** A text's glosses: its gloss file with the saves of its journal replayed over it. Throws DataFileError when malformed. */
export async function readGlosses(slug: string, lng: string): Promise<GlossFile> {
  const [glosses, journal] = await Promise.all([readGlossFile(slug, lng), readJournal(slug, lng)]);
  return replayJournal(glosses, {}, journal.ops).glosses;
}

/** A text's states (see readGlossStateEntries), without word of the entries left out. */
export async function readGlossStates(slug: string, lng: string): Promise<GlossStateFile> {
  return (await readGlossStateEntries(slug, lng)).states;
}

/**
 * A text's states: the valid entries of its state file with the journal replayed over them, and
 * a DataFileError naming each entry that is not valid. With a broken gloss file the journal
 * cannot be replayed (its states are tied to gloss revisions): the state file alone is given.
 */
export async function readGlossStateEntries(
  slug: string,
  lng: string,
): Promise<{ states: GlossStateFile; invalid: DataFileError[] }> {
  const [entries, glosses, journal] = await Promise.all([
    readStateFileEntries(slug, lng),
    readGlossFile(slug, lng).catch((error: unknown) => {
      if (error instanceof DataFileError) return undefined;
      throw error;
    }),
    readJournal(slug, lng),
  ]);
  if (!glosses) return entries;
  return { states: replayJournal(glosses, entries.states, journal.ops).states, invalid: entries.invalid };
}

/**
 * Writes a whole gloss file and its state file, keys in document order, the gloss file first,
 * and folds the journal: `glosses` and `states` must be what readGlosses and readGlossStates
 * gave under the text's lock, with any changes made to them.
 */
export async function writeGlossFiles(
  slug: string,
  lng: string,
  order: readonly string[],
  glosses: GlossFile,
  states: GlossStateFile,
): Promise<void> {
  await commitGlossChange(slug, lng, { order, glosses, states, history: [] });
}

/**
 * One durable change to a text's glosses written as whole files: every gloss and state of the
 * text (as read with the journal, then changed), and the history entries describing the change.
 */
export interface GlossCommit {
  /** Keys in document order, for writing the files. */
  order: readonly string[];
  glosses: GlossFile;
  states: GlossStateFile;
  history: readonly HistoryEntry[];
}

/**
 * Makes one change to a text's glosses all-or-nothing as readers see it, in an order that a crash
 * at any point cannot turn into a lie:
 * 1. the new gloss and state files are written in full beside the old ones and fsynced (this is
 *    where a full disk or an unwritable folder fails, before anything changed);
 * 2. meanwhile the history entries are appended and fsynced (a failure cuts the file back);
 * 3. the gloss file, then the state file, are renamed into place (renames need no disk space),
 *    and the folder is fsynced;
 * 4. the journal, which the files now hold, is removed.
 * A crash after 2 leaves history entries whose gloss never landed (readers drop them: see
 * landedHistory); a crash between the two renames leaves a state recorded for the old gloss
 * revision, which counts as draft, as the new gloss is. Throws StoreWriteError; the caller
 * holds the text's lock.
 */
export async function commitGlossChange(slug: string, lng: string, commit: GlossCommit): Promise<void> {
  // Steps 1 and 2 run side by side (their fsyncs overlap); both finish before any rename.
  const files: [string, string][] = [
    [glossPath(slug, lng), serializeOrdered(commit.order, commit.glosses)],
    [glossStatePath(slug, lng), serializeOrdered(commit.order, commit.states)],
  ];
  const [history, ...written] = await Promise.allSettled([
    commit.history.length > 0 ? appendHistoryEntries(slug, lng, commit.history) : Promise.resolve(undefined),
    ...files.map(([file, text]) => prepareFile(file, text)),
  ]);
  const prepared = written.flatMap((w) => (w.status === 'fulfilled' ? [w.value] : []));
  const failure = [history, ...written].find((w) => w?.status === 'rejected');
  if (failure?.status === 'rejected') {
    await discardFiles(prepared);
    if (history?.status === 'fulfilled') await history.value?.undo();
    throw failure.reason;
  }
  const progress = { renamed: 0 };
  try {
    await commitFiles(prepared, undefined, progress);
  } catch (error) {
    // When nothing was put in place, the history entries describe nothing: take them back.
    if (progress.renamed === 0 && history?.status === 'fulfilled') await history.value?.undo();
    throw error;
  }
  // The files now hold everything the journal said. Should its removal fail, the journal is
  // replayed over files that already hold it, which changes nothing; the next fold retries.
  await removeJournal(slug, lng).catch(() => undefined);
}

/**
 * Makes one change to a text's glosses durable by appending it to the journal, a write the size
 * of the change: first the history entries, then the journal line, each fsynced. Returns the
 * journal's size after it, for deciding when to fold it (lib/library/fold.ts). A failure of
 * either takes both back (StoreWriteError), so no gloss changes without its history entry; a
 * crash between the two leaves entries for a change that never landed (see landedHistory). The
 * caller holds the text's lock, and built `ops` from what readGlosses and readGlossStates gave.
 */
export async function commitGlossOps(
  slug: string,
  lng: string,
  ops: readonly JournalOp[],
  history: readonly HistoryEntry[],
): Promise<{ journalBytes: number }> {
  const historyUndo = history.length > 0 ? await appendHistoryEntries(slug, lng, history) : undefined;
  try {
    return { journalBytes: (await appendJournal(slug, lng, ops)).size };
  } catch (error) {
    await historyUndo?.undo();
    throw error;
  }
}

const uiStringsSchema = z.record(z.string(), z.string());

/** Reads the interface strings of one UI language (`locales/<lng>/common.json`). */
export async function readUiStrings(lng: string): Promise<Record<string, string>> {
  const file = path.join(localeDir(lng), 'common.json');
  // Read and parsed once per language and kept while the file is unchanged (a cold page asked
  // for them four times); a stat is all a later call costs.
  const identity = await stat(file).then(
    (s) => `${s.mtimeMs}:${s.size}:${s.ino}`,
    () => undefined,
  );
  const cache = uiStringsCache();
  const cached = cache.get(file);
  if (identity && cached?.identity === identity) return cached.strings;
  const strings = await readJsonFile(file, uiStringsSchema);
  if (!strings) throw new Error(`${displayPath(file)} is missing`);
  if (identity) cache.set(file, { identity, strings });
  return strings;
}

type UiStringsCache = Map<string, { identity: string; strings: Record<string, string> }>;

// Once per process (lib/process-state.ts): each route bundle has its own copy of this module.
function uiStringsCache(): UiStringsCache {
  return processState<UiStringsCache>('ui-strings', () => new Map());
}

/** The file names in `locales/<lng>/`; `[]` when the folder is missing or cannot be listed. */
export async function listLocaleFiles(lng: string): Promise<string[]> {
  try {
    return await readdir(localeDir(lng));
  } catch {
    return [];
  }
}

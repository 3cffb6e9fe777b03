import 'server-only';
import type { TargetLanguage } from '@/lib/i18n/target-language';
import { appendAlignments, foldAlignments } from '@/lib/store/alignments';
import type { AlignmentChange } from '@/lib/store/alignment-journal';
import { withLock } from '@/lib/store/lock';
import { dataRoot } from '@/lib/store/paths';
import { processState } from '@/lib/process-state';

/**
 * The lock every writer of a text's alignment takes, and when its journal is folded into its
 * file. A save re-aligning its paragraph appends one journal line (see lib/store/alignment-journal.ts);
 * the 2 MB file of a novel is rewritten only when the journal has grown to a quarter of it (at least
 * ALIGNMENT_FOLD_MIN_BYTES), so that the bytes written per save stay a few times its own line, or
 * when the text has been quiet for ALIGNMENT_FOLD_QUIET_MS, and at the background alignment after
 * start. The alignment is derived data: unlike the glosses' files, nobody edits the file by hand
 * meanwhile, and readers replay the journal.
 */
export const ALIGNMENT_FOLD_MIN_BYTES = 256 * 1024;
export const ALIGNMENT_FOLD_QUIET_MS = 10 * 60_000;

/** One writer of a text's alignment in this process at a time; the file is replaced atomically. */
export function alignmentLock<T>(slug: string, lang: TargetLanguage, task: () => Promise<T>): Promise<T> {
  return withLock(`align:${slug}:${lang}`, task);
}

/**
 * How long to wait before folding a journal of `journalBytes` into a file of `fileBytes`: at once
 * from a quarter of the file (and ALIGNMENT_FOLD_MIN_BYTES) on, else when quiet.
 * `alignmentFoldDelay(2_000, 2_000_000)` → ALIGNMENT_FOLD_QUIET_MS; `alignmentFoldDelay(600_000, 2_000_000)` → 0.
 */
export function alignmentFoldDelay(journalBytes: number, fileBytes: number): number {
  return journalBytes >= Math.max(ALIGNMENT_FOLD_MIN_BYTES, fileBytes / 4) ? 0 : ALIGNMENT_FOLD_QUIET_MS;
}

// Once per process (lib/process-state.ts): route handlers are separate bundles, and each text must have one timer.
function timers(): Map<string, NodeJS.Timeout> {
  return processState<Map<string, NodeJS.Timeout>>('alignment-fold-timers', () => new Map());
}

/** Folds a text's alignment journal under its lock; whether there was one to fold. */
export function foldAlignmentJournal(slug: string, lang: TargetLanguage): Promise<boolean> {
  return alignmentLock(slug, lang, () => foldAlignments(slug, lang));
}

/** Plans the fold of a text's alignment journal after a change (see the policy above); a failed fold is tried after the next change. */
export function scheduleAlignmentFold(
  slug: string,
  lang: TargetLanguage,
  sizes: { journalBytes: number; fileBytes: number },
): void {
  const table = timers();
  // Keyed by data folder too: tests (and a server restarted on another folder) must never fold the wrong one.
  const root = dataRoot();
  const key = `${root}\0${slug}\0${lang}`;
  const pending = table.get(key);
  if (pending) clearTimeout(pending);
  const timer = setTimeout(
    () => {
      table.delete(key);
      if (dataRoot() !== root) return;
      foldAlignmentJournal(slug, lang).catch((error: unknown) => {
        console.warn(
          `Could not fold the alignment journal of "${slug}" (${lang}) into its file (kept, and replayed by readers):`,
          error,
        );
      });
    },
    alignmentFoldDelay(sizes.journalBytes, sizes.fileBytes),
  );
  timer.unref();
  table.set(key, timer);
}

/** Records changed blocks' alignments as journal lines and plans the fold. Call under the alignment lock. */
export async function recordAlignmentChanges(
  slug: string,
  lang: TargetLanguage,
  changes: readonly AlignmentChange[],
): Promise<void> {
  if (changes.length === 0) return;
  scheduleAlignmentFold(slug, lang, await appendAlignments(slug, lang, changes));
}

import 'server-only';
import { writeGlossFiles } from '@/lib/store/glosses';
import { outsideTextLocks, withTextLock } from '@/lib/store/lock';
import { dataRoot } from '@/lib/store/paths';
import { journalSize } from '@/lib/store/journal';
import { findSource, listSources } from '@/lib/store/sources';
import type { TargetLanguage } from '@/lib/i18n/target-language';
import { textLanguages } from '@/lib/store/languages';
import { glossKeyOrder } from './load';
import { GLOSS_LANGUAGE, readTextFiles } from './text-files';
import { processState } from '@/lib/process-state';

/**
 * Folding a text's journal into its gloss and state files. A save only appends to the journal
 * (see lib/gloss/journal.ts); the files are rewritten with it folded in once the text has been
 * quiet for FOLD_AFTER_MS, at the latest FOLD_AT_MOST_MS after the first save not yet folded,
 * and at once when the journal has grown to FOLD_BYTES. So a save never waits on rewriting a
 * whole book, the journal stays small for readers, and the i18next files on disk are a second
 * or so behind, ten at most on a text that is saved without a pause.
 */
export const FOLD_AFTER_MS = 1000;
export const FOLD_AT_MOST_MS = 10_000;
export const FOLD_BYTES = 1024 * 1024;

// Once per process (lib/process-state.ts): route handlers are separate bundles, and each text must have one timer.
function timers(): Map<string, { timer: NodeJS.Timeout; since: number }> {
  return processState<Map<string, { timer: NodeJS.Timeout; since: number }>>('fold-timers', () => new Map());
}

/**
 * Rewrites a text's gloss and state files with its journal folded in, and removes the journal,
 * under the text's lock. Does nothing when there is no journal, or when the files cannot be
 * rewritten safely (a broken gloss or state file, or invalid state entries, which a rewrite
 * would drop): the journal then stays, and readers keep replaying it. Returns whether it folded.
 * Throws StoreWriteError when the files cannot be written (the journal is kept).
 */
export async function foldJournal(slug: string, lang: TargetLanguage = GLOSS_LANGUAGE): Promise<boolean> {
  return withTextLock(slug, async () => {
    const source = await findSource(slug);
    if (!source) return false;
    const files = await readTextFiles(source, lang);
    if (!files.ok || files.journal.bytes === 0) return false;
    if (files.glossFailure !== undefined || files.stateFailure !== undefined || files.stateInvalid.length > 0) return false;
    const order = glossKeyOrder(files.ids.blocks, files.ids.ledger.retired);
    await writeGlossFiles(slug, lang, order, files.glosses, files.states);
    return true;
  });
}

/**
 * How long to wait before folding a journal of `journalBytes`, whose first save not yet folded
 * was `waited` ms ago. `foldDelay(500, 0)` → 1000; `foldDelay(500, 9500)` → 500; `foldDelay(FOLD_BYTES, 0)` → 0.
 */
export function foldDelay(journalBytes: number, waited: number): number {
  if (journalBytes >= FOLD_BYTES) return 0;
  return Math.max(0, Math.min(FOLD_AFTER_MS, FOLD_AT_MOST_MS - waited));
}

/**
 * Plans the fold of a text's journal after a save that left it `journalBytes` long (see the
 * policy above), in one language (each has its own journal). A fold that fails is tried again
 * after the next save.
 */
export function scheduleFold(slug: string, journalBytes: number, lang: TargetLanguage = GLOSS_LANGUAGE): void {
  const table = timers();
  // Keyed by data folder too: tests (and a server restarted on another folder) must never fold the wrong one.
  const root = dataRoot();
  const key = lang === GLOSS_LANGUAGE ? `${root}\0${slug}` : `${root}\0${slug}\0${lang}`;
  const pending = table.get(key);
  if (pending) clearTimeout(pending.timer);
  const now = Date.now();
  const since = pending?.since ?? now;
  const delay = foldDelay(journalBytes, now - since);
  // Made outside the caller's hold on the lock (a save's commit): the fold must queue for the lock.
  const timer = outsideTextLocks(() =>
    setTimeout(() => {
      table.delete(key);
      if (dataRoot() !== root) return;
      foldJournal(slug, lang).catch((error: unknown) => {
        const which = lang === GLOSS_LANGUAGE ? `"${slug}"` : `"${slug}" (${lang})`;
        console.warn(`Could not fold the journal of ${which} into its gloss files (kept, and replayed by readers):`, error);
      });
    }, delay),
  );
  timer.unref();
  table.set(key, { timer, since });
}

/**
 * Plans the fold of every journal a stopped server left (a crash, a kill): called once when the
 * server starts, so that the i18next files catch up without waiting for the next save.
 */
export async function scheduleLeftoverFolds(): Promise<string[]> {
  const { sources } = await listSources();
  const left: string[] = [];
  for (const { slug } of sources) {
    for (const lang of await textLanguages(slug)) {
      const bytes = await journalSize(slug, lang);
      if (bytes === 0) continue;
      scheduleFold(slug, bytes, lang);
      left.push(lang === GLOSS_LANGUAGE ? slug : `${slug} (${lang})`);
    }
  }
  return left;
}

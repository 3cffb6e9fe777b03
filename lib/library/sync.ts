import 'server-only';
import path from 'node:path';
import { recordReviewedRevisions } from '@/lib/gloss/status';
import { writeGlossFiles } from '@/lib/store/glosses';
import { withTextLock } from '@/lib/store/lock';
import { DataFileError } from '@/lib/store/errors';
import { contentDir, displayPath } from '@/lib/store/paths';
import { duplicateLedgerIds, listSources, writeLedger, type SourceFile } from '@/lib/store/sources';
import type { Reconciliation } from '@/lib/text/ids';
import { EncodingError } from '@/lib/text/decode';
import { textLanguages } from '@/lib/store/languages';
import { GLOSS_LANGUAGE, glossKeyOrder } from './load';
import { readTextFiles } from './text-files';
import { namedError } from '@/lib/named-error';

export interface SyncResult {
  slug: string;
  blocks: number;
  added: string[];
  edited: string[];
  retired: { id: string; mergedInto?: string }[];
  revived: string[];
  ledgerWritten: boolean;
  glossesReordered: boolean;
  /** Reviewed states from before revisions were kept that now record their gloss's revision. */
  revisionsRecorded?: number;
  /** Saves still in the journal were folded into the gloss and state files. */
  journalFolded: boolean;
}

function sameOrder(keys: string[], order: string[]): boolean {
  const present = order.filter((key) => keys.includes(key));
  return present.every((key, i) => keys[i] === key);
}

/**
 * Brings one text's id ledger up to date with its source after a hand edit, puts its gloss
 * keys back in document order, and folds its journal into the gloss and state files. Never deletes a gloss: glosses of removed blocks stay in the
 * file (after the live ones) under their retired ids.
 */
export async function syncText(source: SourceFile): Promise<SyncResult> {
  // Under the text's lock, shared with running servers, so that no save lands between the
  // reads below and the writes that follow them.
  return withTextLock(source.slug, () => syncLocked(source));
}

async function syncLocked(source: SourceFile): Promise<SyncResult> {
  const files = await readTextFiles(source);
  if (!files.ok) throw files.failure;
  const twice = duplicateLedgerIds(files.ledger);
  if (twice.length > 0) {
    throw new DataFileError(
      displayPath(ledgerFile(source.slug)),
      `ids used for more than one block: ${twice.join(', ')}; fix the file by hand (nothing was changed)`,
    );
  }
  const ids: Reconciliation = files.ids;
  if (ids.changed) await writeLedger(source.slug, ids.ledger);

  if (files.glossFailure !== undefined) throw files.glossFailure;
  if (files.stateFailure !== undefined) throw files.stateFailure;
  const { glosses } = files;
  // A one-time migration: reviewed states from before revisions were recorded get one.
  const { states, recorded } = recordReviewedRevisions(glosses, files.states);
  const order = glossKeyOrder(ids.blocks, ids.ledger.retired);
  const reorder = !sameOrder(Object.keys(glosses), order) || !sameOrder(Object.keys(states), order);
  // Rewriting the files folds the journal in: after a sync the i18next files hold every save.
  const fold = files.journal.bytes > 0 && files.stateInvalid.length === 0;
  const migrate = recorded.length > 0 && files.stateInvalid.length === 0;
  if (reorder || fold || migrate) await writeGlossFiles(source.slug, GLOSS_LANGUAGE, order, glosses, states);
  await syncOtherLanguages(source, order);

  const retiredNow = new Set(ids.retired);
  return {
    slug: source.slug,
    blocks: ids.blocks.length,
    added: ids.added,
    edited: ids.edited,
    retired: ids.ledger.retired
      .filter((e) => retiredNow.has(e.id))
      .map((e) => ({ id: e.id, ...(e.mergedInto ? { mergedInto: e.mergedInto } : {}) })),
    revived: ids.revived,
    ledgerWritten: ids.changed,
    glossesReordered: reorder,
    journalFolded: fold,
    ...(recorded.length > 0 ? { revisionsRecorded: recorded.length } : {}),
  };
}

/**
 * The same for each language other than English the text has: keys in document order, journal
 * folded. A language whose files cannot be read as they are is left as it is (`check` names it),
 * so that it never stops the English and the ledger from being synced.
 */
async function syncOtherLanguages(source: SourceFile, order: string[]): Promise<void> {
  for (const lang of await textLanguages(source.slug)) {
    if (lang === GLOSS_LANGUAGE) continue;
    const files = await readTextFiles(source, lang);
    if (!files.ok || files.glossFailure !== undefined || files.stateFailure !== undefined || files.stateInvalid.length > 0)
      continue;
    const { glosses } = files;
    const { states, recorded } = recordReviewedRevisions(glosses, files.states);
    const reorder = !sameOrder(Object.keys(glosses), order) || !sameOrder(Object.keys(states), order);
    if (reorder || files.journal.bytes > 0 || recorded.length > 0)
      await writeGlossFiles(source.slug, lang, order, glosses, states);
  }
}

function ledgerFile(slug: string): string {
  return `${contentDir()}/${slug}.ids.json`;
}

/** Two source files that reduce to one slug; `sync` refuses to choose between them. */
export class DuplicateSlugError extends namedError('DuplicateSlugError') {
  constructor(readonly duplicates: { slug: string; files: string[] }[]) {
    super(
      duplicates.map((d) => `${d.files.join(' and ')} both give the text "${d.slug}": rename or remove one`).join('; ') +
        '. Nothing was changed.',
    );
  }
}

/**
 * Texts that could not be synced (a source that is not UTF-8, a damaged ledger or gloss file),
 * after every other text was: what was synced, and why each of these was not.
 */
export class SyncFailures extends namedError('SyncFailures') {
  constructor(
    readonly synced: SyncResult[],
    readonly failures: { slug: string; error: string }[],
  ) {
    const total = synced.length + failures.length;
    super(
      `${failures.map((f) => f.error).join('\n')}\n` +
        `${failures.length} of ${total} texts could not be synced (nothing of theirs was changed); the others were.`,
    );
  }
}

/**
 * Syncs every text in `content/`; throws DuplicateSlugError, before writing anything, when two
 * files share a slug. A text whose files cannot be read as they are is left as it is and the
 * others are synced: then SyncFailures says which and why.
 */
export async function syncLibrary(onProgress?: (done: number, total: number) => void): Promise<SyncResult[]> {
  const { sources, skipped } = await listSources();
  const duplicates = skipped.flatMap((s) => (s.twin ? [{ slug: s.twin.slug, files: [s.twin.file, s.file] }] : []));
  if (duplicates.length > 0) throw new DuplicateSlugError(duplicates);
  const results: SyncResult[] = [];
  // A file that cannot be a text (its name is not a slug, a symbolic link) is named too.
  const failures: { slug: string; error: string }[] = skipped
    .filter((s) => !s.twin)
    .map((s) => ({ slug: path.basename(s.file, path.extname(s.file)), error: `${s.file} cannot be served: ${s.reason}` }));
  for (const [i, source] of sources.entries()) {
    try {
      results.push(await syncText(source));
    } catch (error) {
      if (!(error instanceof DataFileError) && !(error instanceof EncodingError)) throw error;
      failures.push({ slug: source.slug, error: error.message });
    }
    onProgress?.(i + 1, sources.length);
  }
  if (failures.length > 0) throw new SyncFailures(results, failures);
  return results;
}

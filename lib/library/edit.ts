import 'server-only';
import { cleanGloss, glossRevision } from '@/lib/gloss/validate';
import type { JournalOp } from '@/lib/gloss/journal';
import { TITLE_KEY, type GlossState, type GlossStatus, type SavedStatus } from '@/lib/gloss/types';
import { targetLanguageName, type TargetLanguage } from '@/lib/i18n/target-language';
import { glossStatus } from '@/lib/gloss/status';
import { DataFileError, StoreWriteError, type StoreWriteReason } from '@/lib/store/errors';
import { commitGlossOps, readGlosses, readGlossStates } from '@/lib/store/glosses';
import { readHistory, type HistoryEntry } from '@/lib/store/history';
import { withTextLock } from '@/lib/store/lock';
import { resolveConflicts } from '@/lib/store/conflicts';
import { notifyStoreWrite } from '@/lib/store/write-hooks';
import { textHasLanguage } from '@/lib/store/languages';
import { findSource, isSlug } from '@/lib/store/sources';
import { hashText } from '@/lib/text/hash';
import { isGlossable } from '@/lib/text/types';
import { scheduleFold } from './fold';
import { commitTogether } from './group-commit';
import { landedHistory } from './landed-history';
import { describeFailure } from './load';
import { GLOSS_LANGUAGE, readTextFiles, textTitle, type TextFiles } from './text-files';

/** Why an edit was refused, as the API and the editor show it. */
export type EditFailure =
  | { kind: 'not-found'; error: string }
  | { kind: 'invalid'; error: string }
  | { kind: 'too-long'; error: string }
  | { kind: 'broken-file'; error: string }
  | { kind: 'conflict'; error: string; current: { text: string; revision: string; status?: GlossStatus } }
  /** The store could not write (disk full, folder not writable, locked too long); nothing changed. */
  | { kind: 'store'; reason: StoreWriteReason; error: string };

export type EditResult = { ok: true; text: string; revision: string; status: string } | ({ ok: false } & EditFailure);

/**
 * The glosses and states of a text as read under its lock, and what the edits of one commit
 * changed in them: kept apart, since the files' objects are shared with every reader and never
 * changed, and a commit writes only what changed.
 */
interface Work {
  files: ReadableText;
  glosses: Map<string, string | null>;
  states: Map<string, GlossState | null>;
  ops: JournalOp[];
  history: HistoryEntry[];
}

type ReadableText = Extract<TextFiles, { ok: true }>;

function glossOf(work: Work, key: string): string | undefined {
  const changed = work.glosses.get(key);
  if (changed !== undefined) return changed ?? undefined;
  return work.files.current(key).gloss;
}

function stateOf(work: Work, key: string): GlossState | undefined {
  const changed = work.states.get(key);
  if (changed !== undefined) return changed ?? undefined;
  return work.files.current(key).state;
}

/** Records one change of a gloss and its state, as the journal operation that makes it durable. */
function record(work: Work, key: string, gloss: { text: string | null } | undefined, state: GlossState | null): void {
  const before = glossOf(work, key);
  if (gloss) work.glosses.set(key, gloss.text);
  work.states.set(key, state);
  const revision = glossRevision(glossOf(work, key));
  work.ops.push({
    key,
    ...(gloss ? { gloss: { before: glossRevision(before), text: gloss.text } } : {}),
    state: { revision, value: state },
  });
}

/** One edit, applied to the work of a commit; returns what the editor is told if the commit lands. */
type Edit = (work: Work) => EditResult;

interface Change {
  slug: string;
  /** The language of the gloss: English when not given. Every language has its own files, journal and history. */
  lang?: TargetLanguage;
  id: string;
  editor: string;
  /** The revision the editor started from; a save on any other is refused with the current text. */
  baseRevision: string;
}

/** The Chinese a gloss key translates (a block's text, or the title), or undefined for no such key. */
function chineseOf(files: ReadableText, id: string): string | undefined {
  if (id === TITLE_KEY) return textTitle(files);
  const block = files.ids.blocks.find((b) => b.id === id && isGlossable(b.type));
  return block?.text;
}

function conflict(work: Work, id: string): EditResult {
  const text = glossOf(work, id);
  return {
    ok: false,
    kind: 'conflict',
    error: 'This gloss was changed by someone else since you opened it',
    current: { text: text ?? '', revision: glossRevision(text) },
  };
}

function storeFailure(error: StoreWriteError): EditFailure & { ok: false } {
  return { ok: false, kind: 'store', reason: error.reason, error: `Nothing was saved: ${error.message}` };
}

/** Reads what a commit changes, under the text's lock, as on disk now. */
async function openWork(slug: string, lang: TargetLanguage): Promise<Work | EditFailure> {
  const source = await findSource(slug);
  if (!source) return { kind: 'not-found', error: 'No such text' };
  // A language is added to a text on purpose (npm run language -- add), never by a save.
  if (!(await textHasLanguage(slug, lang)))
    return { kind: 'not-found', error: `This text has no ${targetLanguageName(lang)} (${lang}) translation` };
  const files = await readTextFiles(source, lang);
  if (!files.ok) return { kind: 'broken-file', error: describeFailure(files.failure) };
  // The next fold rewrites the files, which would drop what could not be read: have it fixed first.
  const problem = files.glossFailure ?? files.stateFailure ?? files.stateInvalid[0];
  if (problem !== undefined)
    return { kind: 'broken-file', error: `${describeFailure(problem)}. Fix the file before saving; nothing was written.` };
  return { files, glosses: new Map(), states: new Map(), ops: [], history: [] };
}

/**
 * Commits a batch of edits of one text as one durable write: under the text's lock, reads the
 * files, applies the edits one after another (each checks its base revision against the
 * result of the ones before), and appends one journal line and one history entry per change.
 * If that write fails, every edit of the batch that would have changed something is told why.
 */
async function commitBatch(slug: string, lang: TargetLanguage, edits: Edit[]): Promise<EditResult[]> {
  // Not a slug, not a text: answered before the lock, whose path is built from the slug.
  if (!isSlug(slug)) return edits.map(() => ({ ok: false, kind: 'not-found', error: 'No such text' }));
  try {
    // One lock per text, whatever the language: removing a text or a language, and sync, must
    // see every writer of the text stopped. Saves in two languages of one text take turns.
    return await withTextLock(slug, async () => {
      const work = await openWork(slug, lang);
      if ('kind' in work) return edits.map(() => ({ ok: false, ...work }));
      const results = edits.map((edit) => edit(work));
      if (work.ops.length === 0) return results;
      try {
        const { journalBytes } = await commitGlossOps(slug, lang, work.ops, work.history);
        scheduleFold(slug, journalBytes, lang);
        const glossKeys = work.ops.filter((op) => op.gloss !== undefined).map((op) => op.key);
        await resolveSavedConflicts(slug, lang, glossKeys);
        await notifyStoreWrite({ slug, lang, glossKeys, authors: [...new Set(work.history.map((entry) => entry.editor))] });
      } catch (error) {
        if (!(error instanceof StoreWriteError)) throw error;
        return results.map((r) => (r.ok ? storeFailure(error) : r));
      }
      return results;
    });
  } catch (error) {
    if (error instanceof StoreWriteError) return edits.map(() => storeFailure(error));
    throw error;
  }
}

/**
 * A saved paragraph that was in conflict (changed on two servers, see docs/sync.md) is resolved by
 * the save, with or without git sync running. The save has landed: a conflict file that cannot
 * be rewritten is logged, and the conflict stays shown until the next save of that paragraph.
 */
async function resolveSavedConflicts(slug: string, lang: TargetLanguage, keys: readonly string[]): Promise<void> {
  try {
    await resolveConflicts(slug, lang, keys);
  } catch (error) {
    console.error(`Could not mark the saved paragraphs of "${slug}" (${lang}) as resolved:`, error);
  }
}

/** Queues an edit for the next group commit of its text's language (English keeps the text's key). */
function submit(change: Change, edit: Edit): Promise<EditResult> {
  const lang = change.lang ?? GLOSS_LANGUAGE;
  const key = lang === GLOSS_LANGUAGE ? change.slug : `${change.slug}\0${lang}`;
  return commitTogether(key, edit, (_key, edits: Edit[]) => commitBatch(change.slug, lang, edits));
}

/**
 * Saves one gloss: cleans and validates the text, refuses a stale base revision with the
 * current text, and writes the gloss, its state and its history entry all-or-nothing (see
 * commitGlossChange), together with the saves that arrive at the same time. A save replayed
 * after it landed (same text) is answered as it was, without a second entry.
 * `saveGloss({ slug, id: 'c4pzjo', text: 'A few days ago…', baseRevision, editor: 'ann' })` → `{ ok: true, revision }`.
 */
export async function saveGloss(change: Change & { text: string; clear?: boolean; machine?: string }): Promise<EditResult> {
  const input = cleanGloss(change.text, { allowEmpty: change.clear === true });
  if (!input.ok) return { ok: false, kind: input.code === 'too-long' ? 'too-long' : 'invalid', error: input.error };
  const revision = glossRevision(input.text);
  return submit(change, (work) => {
    const zh = chineseOf(work.files, change.id);
    if (zh === undefined) return { ok: false, kind: 'not-found', error: 'No such paragraph in this text' };
    const before = glossOf(work, change.id);
    const current = glossRevision(before);
    const status = input.text ? 'draft' : 'untranslated';
    if (change.baseRevision !== current) {
      // The same text again: a retry of a save whose answer was lost.
      return current === revision && (before ?? '') === input.text
        ? { ok: true, text: input.text, revision, status: glossStatus(before, stateOf(work, change.id), hashText(zh)) }
        : conflict(work, change.id);
    }
    // A draft needs no revision: a state recorded for any revision counts as draft at most.
    if (input.text) record(work, change.id, { text: input.text }, { hash: hashText(zh), zh, status: 'draft' });
    else record(work, change.id, { text: null }, null);
    work.history.push({
      time: new Date().toISOString(),
      editor: change.editor,
      id: change.id,
      kind: 'gloss',
      before: before ?? null,
      after: input.text || null,
      revision,
      ...(change.machine && input.text ? { machine: change.machine } : {}),
    });
    return { ok: true, text: input.text, revision, status };
  });
}

/**
 * Marks a gloss reviewed (or back to draft). It also confirms that a stale gloss still fits:
 * the gloss is recorded as translating the current Chinese. Refused on a stale base revision,
 * and on a `baseStatus` (the status the editor saw) that is no longer the gloss's; a mark the
 * gloss already has (a replayed request) changes nothing and adds no entry.
 */
export async function setGlossStatus(change: Change & { status: SavedStatus; baseStatus?: GlossStatus }): Promise<EditResult> {
  return submit(change, (work) => {
    const zh = chineseOf(work.files, change.id);
    if (zh === undefined) return { ok: false, kind: 'not-found', error: 'No such paragraph in this text' };
    const text = glossOf(work, change.id);
    const revision = glossRevision(text);
    if (change.baseRevision !== revision) return conflict(work, change.id);
    if (!text?.trim()) return { ok: false, kind: 'invalid', error: 'An untranslated paragraph cannot be marked' };
    const hash = hashText(zh);
    const previous = glossStatus(text, stateOf(work, change.id), hash);
    if (previous === change.status) return { ok: true, text, revision, status: change.status };
    // The status changed since the editor saw it (a newer "reviewed" under a stale "draft"): refused like a stale save.
    if (change.baseStatus !== undefined && change.baseStatus !== previous)
      return {
        ok: false,
        kind: 'conflict',
        error: `This gloss was marked ${previous} by someone else since you opened it`,
        current: { text, revision, status: previous },
      };
    // Reviewed holds for this revision only: a crash that lands a newer gloss without its state leaves a draft.
    record(work, change.id, undefined, {
      hash,
      zh,
      status: change.status,
      ...(change.status === 'reviewed' ? { revision } : {}),
    });
    work.history.push({
      time: new Date().toISOString(),
      editor: change.editor,
      id: change.id,
      kind: 'status',
      before: previous,
      after: change.status,
      revision,
    });
    return { ok: true, text, revision, status: change.status };
  });
}

/**
 * The history of one gloss (or of the whole text), oldest first, without entries whose change
 * never reached the gloss file (a crash between the two writes), in one language (English by default).
 */
export async function glossHistory(slug: string, id?: string, lang: TargetLanguage = GLOSS_LANGUAGE): Promise<HistoryEntry[]> {
  if (!isSlug(slug)) return [];
  const entries = await readHistory(slug, lang);
  let landed = entries;
  try {
    const [glosses, states] = await Promise.all([readGlosses(slug, lang), readGlossStates(slug, lang)]);
    landed = landedHistory(entries, (key) => {
      const revision = glossRevision(glosses[key]);
      const state = states[key];
      const recorded = state && (state.revision === undefined || state.revision === revision) ? state.status : undefined;
      return { revision, status: recorded };
    });
  } catch (error) {
    // With a broken gloss file nothing can be told about what landed: show the history as written.
    if (!(error instanceof DataFileError)) throw error;
  }
  return id === undefined ? landed : landed.filter((entry) => entry.id === id);
}

/**
 * Puts back an earlier version of a gloss, found in its history by revision, as a new change.
 * `revertGloss({ slug, id, to: '3f2a…', baseRevision, editor })`.
 */
export async function revertGloss(change: Change & { to: string }): Promise<EditResult> {
  const history = await glossHistory(change.slug, change.id, change.lang);
  const versions = history.filter((e) => e.kind === 'gloss').flatMap((e) => [e.before ?? '', e.after ?? '']);
  const version = versions.find((text) => glossRevision(text) === change.to);
  if (version === undefined) return { ok: false, kind: 'not-found', error: 'No such version in this gloss’s history' };
  return saveGloss({ ...change, text: version, clear: version === '' });
}

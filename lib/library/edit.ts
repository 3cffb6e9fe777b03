import 'server-only';
import { cleanGloss, glossRevision } from '@/lib/gloss/validate';
import { TITLE_KEY, type GlossFile, type GlossStateFile, type SavedStatus } from '@/lib/gloss/types';
import { glossStatus } from '@/lib/gloss/status';
import { DataFileError, StoreWriteError, type StoreWriteReason } from '@/lib/store/errors';
import { commitGlossChange, readGlosses, readGlossStateEntries, readGlossStates } from '@/lib/store/glosses';
import { readHistory, type HistoryEntry } from '@/lib/store/history';
import { withTextLock } from '@/lib/store/lock';
import { hashText } from '@/lib/text/hash';
import { isGlossable } from '@/lib/text/types';
import { commitTogether } from './group-commit';
import { landedHistory } from './landed-history';
import { GLOSS_LANGUAGE, loadText, textKeyOrder, type TextView } from './load';

/** Why an edit was refused, as the API and the editor show it. */
export type EditFailure =
  | { kind: 'not-found'; error: string }
  | { kind: 'invalid'; error: string }
  | { kind: 'too-long'; error: string }
  | { kind: 'broken-file'; error: string }
  | { kind: 'conflict'; error: string; current: { text: string; revision: string } }
  /** The store could not write (disk full, folder not writable, locked too long); nothing changed. */
  | { kind: 'store'; reason: StoreWriteReason; error: string };

export type EditResult = { ok: true; text: string; revision: string; status: string } | ({ ok: false } & EditFailure);

/** A text's glosses and states as read under its lock, changed in memory by the edits of one commit. */
interface Work {
  text: TextView;
  /** Keys in document order, for writing the files. */
  order: string[];
  glosses: GlossFile;
  states: GlossStateFile;
  glossesChanged: boolean;
  statesChanged: boolean;
  history: HistoryEntry[];
}

/** One edit, applied to the work of a commit; returns what the editor is told if the commit lands. */
type Edit = (work: Work) => EditResult;

interface Change {
  slug: string;
  id: string;
  editor: string;
  /** The revision the editor started from; a save on any other is refused with the current text. */
  baseRevision: string;
}

/** The Chinese a gloss key translates (a block's text, or the title), or undefined for no such key. */
function chineseOf(text: TextView, id: string): string | undefined {
  if (id === TITLE_KEY) return text.title.zh;
  const block = text.blocks.find((b) => b.id === id && isGlossable(b.type));
  return block?.text;
}

function conflict(glosses: GlossFile, id: string): EditResult {
  const text = glosses[id];
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

/** Reads what a commit changes, under the text's lock, fresh from disk. */
async function openWork(slug: string): Promise<Work | EditFailure> {
  const loaded = await loadText(slug);
  if (!loaded) return { kind: 'not-found', error: 'No such text' };
  if (!loaded.ok) return { kind: 'broken-file', error: loaded.broken.error };
  const text = loaded.text;
  const order = textKeyOrder(text);
  try {
    const [glosses, { states, invalid }] = await Promise.all([
      readGlosses(slug, GLOSS_LANGUAGE),
      readGlossStateEntries(slug, GLOSS_LANGUAGE),
    ]);
    // Rewriting the state file would drop its broken entries: have them fixed first.
    if (invalid[0]) throw invalid[0];
    return { text, order, glosses, states, glossesChanged: false, statesChanged: false, history: [] };
  } catch (error) {
    if (error instanceof DataFileError)
      return { kind: 'broken-file', error: `${error.message}. Fix the file before saving; nothing was written.` };
    throw error;
  }
}

/**
 * Commits a batch of edits of one text as one durable write: under the text's lock, reads the
 * files, applies the edits one after another (each checks its base revision against the
 * result of the ones before), and writes the files and one history entry per change once.
 * If that write fails, every edit of the batch that would have changed something is told why.
 */
async function commitBatch(slug: string, edits: Edit[]): Promise<EditResult[]> {
  try {
    return await withTextLock(slug, async () => {
      const work = await openWork(slug);
      if ('kind' in work) return edits.map(() => ({ ok: false, ...work }));
      const results = edits.map((edit) => edit(work));
      if (!work.glossesChanged && !work.statesChanged) return results;
      try {
        await commitGlossChange(slug, GLOSS_LANGUAGE, {
          order: work.order,
          ...(work.glossesChanged ? { glosses: work.glosses } : {}),
          ...(work.statesChanged ? { states: work.states } : {}),
          history: work.history,
        });
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

function submit(slug: string, edit: Edit): Promise<EditResult> {
  return commitTogether(slug, edit, commitBatch);
}

/**
 * Saves one gloss: cleans and validates the text, refuses a stale base revision with the
 * current text, and writes the gloss, its state and its history entry all-or-nothing (see
 * commitGlossChange), together with the saves that arrive at the same time. A save replayed
 * after it landed (same text) is answered as it was, without a second entry.
 * `saveGloss({ slug, id: 'c4pzjo', text: 'A few days ago…', baseRevision, editor: 'ann' })` → `{ ok: true, revision }`.
 */
export async function saveGloss(change: Change & { text: string; clear?: boolean }): Promise<EditResult> {
  const input = cleanGloss(change.text, { allowEmpty: change.clear === true });
  if (!input.ok) return { ok: false, kind: input.code === 'too-long' ? 'too-long' : 'invalid', error: input.error };
  const revision = glossRevision(input.text);
  return submit(change.slug, (work) => {
    const zh = chineseOf(work.text, change.id);
    if (zh === undefined) return { ok: false, kind: 'not-found', error: 'No such paragraph in this text' };
    const before = work.glosses[change.id];
    const current = glossRevision(before);
    const status = input.text ? 'draft' : 'untranslated';
    if (change.baseRevision !== current) {
      // The same text again: a retry of a save whose answer was lost.
      return current === revision && (before ?? '') === input.text
        ? { ok: true, text: input.text, revision, status: glossStatus(before, work.states[change.id], hashText(zh)) }
        : conflict(work.glosses, change.id);
    }
    if (input.text) {
      work.glosses[change.id] = input.text;
      // A draft needs no revision: a state recorded for any revision counts as draft at most.
      work.states[change.id] = { hash: hashText(zh), zh, status: 'draft' };
    } else {
      delete work.glosses[change.id];
      delete work.states[change.id];
    }
    work.glossesChanged = true;
    work.statesChanged = true;
    work.history.push({
      time: new Date().toISOString(),
      editor: change.editor,
      id: change.id,
      kind: 'gloss',
      before: before ?? null,
      after: input.text || null,
      revision,
    });
    return { ok: true, text: input.text, revision, status };
  });
}

/**
 * Marks a gloss reviewed (or back to draft). It also confirms that a stale gloss still fits:
 * the gloss is recorded as translating the current Chinese. Refused on a stale base revision;
 * a mark the gloss already has (a replayed request) changes nothing and adds no entry.
 */
export async function setGlossStatus(change: Change & { status: SavedStatus }): Promise<EditResult> {
  return submit(change.slug, (work) => {
    const zh = chineseOf(work.text, change.id);
    if (zh === undefined) return { ok: false, kind: 'not-found', error: 'No such paragraph in this text' };
    const text = work.glosses[change.id];
    const revision = glossRevision(text);
    if (change.baseRevision !== revision) return conflict(work.glosses, change.id);
    if (!text?.trim()) return { ok: false, kind: 'invalid', error: 'An untranslated paragraph cannot be marked' };
    const hash = hashText(zh);
    const previous = glossStatus(text, work.states[change.id], hash);
    if (previous === change.status) return { ok: true, text, revision, status: change.status };
    // Reviewed holds for this revision only: a crash that lands a newer gloss without its state leaves a draft.
    work.states[change.id] = { hash, zh, status: change.status, ...(change.status === 'reviewed' ? { revision } : {}) };
    work.statesChanged = true;
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
 * never reached the gloss file (a crash between the two writes).
 */
export async function glossHistory(slug: string, id?: string): Promise<HistoryEntry[]> {
  const entries = await readHistory(slug, GLOSS_LANGUAGE);
  let landed = entries;
  try {
    const [glosses, states] = await Promise.all([readGlosses(slug, GLOSS_LANGUAGE), readGlossStates(slug, GLOSS_LANGUAGE)]);
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
  const history = await glossHistory(change.slug, change.id);
  const versions = history.filter((e) => e.kind === 'gloss').flatMap((e) => [e.before ?? '', e.after ?? '']);
  const version = versions.find((text) => glossRevision(text) === change.to);
  if (version === undefined) return { ok: false, kind: 'not-found', error: 'No such version in this gloss’s history' };
  return saveGloss({ ...change, text: version, clear: version === '' });
}

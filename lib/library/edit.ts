import 'server-only';
import { cleanGloss, glossRevision } from '@/lib/gloss/validate';
import { TITLE_KEY, type GlossStateFile, type SavedStatus } from '@/lib/gloss/types';
import { glossStatus } from '@/lib/gloss/status';
import { readGlosses, readGlossStates, writeGlossFiles } from '@/lib/store/glosses';
import { appendHistory, readHistory, type HistoryEntry } from '@/lib/store/history';
import { withLock } from '@/lib/store/lock';
import { hashText } from '@/lib/text/hash';
import { isGlossable } from '@/lib/text/types';
import { GLOSS_LANGUAGE, loadText, type TextView } from './load';

/** Why an edit was refused, as the API and the editor show it. */
export type EditFailure =
  | { kind: 'not-found'; error: string }
  | { kind: 'invalid'; error: string }
  | { kind: 'too-long'; error: string }
  | { kind: 'broken-file'; error: string }
  | { kind: 'conflict'; error: string; current: { text: string; revision: string } };

export type EditResult = { ok: true; text: string; revision: string; status: string } | ({ ok: false } & EditFailure);

/** The Chinese a gloss key translates: a block's text, or the title. */
interface Target {
  text: TextView;
  zh: string;
  /** Keys in document order, for writing the files. */
  order: string[];
}

async function findTarget(slug: string, id: string): Promise<Target | EditFailure> {
  const loaded = await loadText(slug);
  if (!loaded) return { kind: 'not-found', error: 'No such text' };
  if (!loaded.ok) return { kind: 'broken-file', error: loaded.broken.error };
  const text = loaded.text;
  if (text.glossError) return { kind: 'broken-file', error: `${text.glossError}. Fix the file before saving; nothing was written.` };
  const order = [TITLE_KEY, ...text.blocks.filter((b) => isGlossable(b.type)).map((b) => b.id), ...text.retired.map((r) => r.id)];
  if (id === TITLE_KEY) return { text, zh: text.title.zh, order };
  const block = text.blocks.find((b) => b.id === id && isGlossable(b.type));
  if (!block) return { kind: 'not-found', error: 'No such paragraph in this text' };
  return { text, zh: block.text, order };
}

function isFailure(value: Target | EditFailure): value is EditFailure {
  return 'kind' in value;
}

/** Every write of one text's glosses, states and history goes through this lock. */
function lockFor(slug: string) {
  return `glosses:${GLOSS_LANGUAGE}:${slug}`;
}

interface Change {
  slug: string;
  id: string;
  editor: string;
  /** The revision the editor started from; a save on any other is refused with the current text. */
  baseRevision: string;
}

/**
 * Saves one gloss: cleans and validates the text, refuses a stale base revision with the
 * current text, writes the gloss and state files atomically (key order and formatting kept),
 * and records the change in the text's history, all in one serialized step.
 * `saveGloss({ slug, id: 'c4pzjo', text: 'A few days ago…', baseRevision, editor: 'ann' })` → `{ ok: true, revision }`.
 */
export async function saveGloss(change: Change & { text: string; clear?: boolean }): Promise<EditResult> {
  const input = cleanGloss(change.text, { allowEmpty: change.clear === true });
  if (!input.ok) return { ok: false, kind: input.code === 'too-long' ? 'too-long' : 'invalid', error: input.error };
  return withLock(lockFor(change.slug), async () => {
    const target = await findTarget(change.slug, change.id);
    if (isFailure(target)) return { ok: false, ...target };
    const [glosses, states] = await Promise.all([readGlosses(change.slug, GLOSS_LANGUAGE), readGlossStates(change.slug, GLOSS_LANGUAGE)]);
    const before = glosses[change.id];
    const current = glossRevision(before);
    if (change.baseRevision !== current) {
      return {
        ok: false,
        kind: 'conflict',
        error: 'This gloss was changed by someone else since you opened it',
        current: { text: before ?? '', revision: current },
      };
    }
    const nextStates: GlossStateFile = { ...states };
    if (input.text) {
      glosses[change.id] = input.text;
      nextStates[change.id] = { hash: hashText(target.zh), zh: target.zh, status: 'draft' };
    } else {
      delete glosses[change.id];
      delete nextStates[change.id];
    }
    const revision = glossRevision(input.text);
    await writeGlossFiles(change.slug, GLOSS_LANGUAGE, target.order, glosses, nextStates);
    await appendHistory(change.slug, GLOSS_LANGUAGE, {
      time: new Date().toISOString(),
      editor: change.editor,
      id: change.id,
      kind: 'gloss',
      before: before ?? null,
      after: input.text || null,
      revision,
    });
    return { ok: true, text: input.text, revision, status: input.text ? 'draft' : 'untranslated' };
  });
}

/**
 * Marks a gloss reviewed (or back to draft). It also confirms that a stale gloss still fits:
 * the gloss is recorded as translating the current Chinese. Refused on a stale base revision.
 */
export async function setGlossStatus(change: Change & { status: SavedStatus }): Promise<EditResult> {
  return withLock(lockFor(change.slug), async () => {
    const target = await findTarget(change.slug, change.id);
    if (isFailure(target)) return { ok: false, ...target };
    const [glosses, states] = await Promise.all([readGlosses(change.slug, GLOSS_LANGUAGE), readGlossStates(change.slug, GLOSS_LANGUAGE)]);
    const text = glosses[change.id];
    const revision = glossRevision(text);
    if (change.baseRevision !== revision) {
      return {
        ok: false,
        kind: 'conflict',
        error: 'This gloss was changed by someone else since you opened it',
        current: { text: text ?? '', revision },
      };
    }
    if (!text?.trim()) return { ok: false, kind: 'invalid', error: 'An untranslated paragraph cannot be marked' };
    const hash = hashText(target.zh);
    const previous = glossStatus(text, states[change.id], hash);
    await writeGlossFiles(change.slug, GLOSS_LANGUAGE, target.order, glosses, {
      ...states,
      [change.id]: { hash, zh: target.zh, status: change.status },
    });
    await appendHistory(change.slug, GLOSS_LANGUAGE, {
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

/** The history of one gloss (or of the whole text), oldest first. */
export async function glossHistory(slug: string, id?: string): Promise<HistoryEntry[]> {
  const entries = await readHistory(slug, GLOSS_LANGUAGE);
  return id === undefined ? entries : entries.filter((entry) => entry.id === id);
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

import 'server-only';
import { randomBytes } from 'node:crypto';
import {
  checkPending,
  checkRejectReason,
  checkVote,
  foldSuggestions,
  withStaleness,
  type Refusal,
  type Suggestion,
  type SuggestionEvent,
} from '@/lib/gloss/suggestions';
import { cleanGloss, glossRevision } from '@/lib/gloss/validate';
import { TITLE_KEY } from '@/lib/gloss/types';
import type { TargetLanguage } from '@/lib/i18n/target-language';
import { StoreWriteError } from '@/lib/store/errors';
import { withTextLock } from '@/lib/store/lock';
import { findSource, isSlug } from '@/lib/store/sources';
import { appendSuggestionEvents, readSuggestionEvents } from '@/lib/store/suggestions';
import { hashText } from '@/lib/text/hash';
import { isGlossable } from '@/lib/text/types';
import { saveGloss, type EditFailure } from './edit';
import { describeFailure } from './load';
import { readTextFiles, textTitle } from './text-files';

/** A suggestion as answered: with whether the Chinese changed since, and the gloss's current revision. */
export type SuggestionView = Suggestion & { stale: boolean; current: { text: string; revision: string } };

export type SuggestionResult =
  | { ok: true; suggestion: SuggestionView }
  | Refusal
  | { ok: false; kind: 'store'; error: string; reason: StoreWriteError['reason'] }
  | ({ ok: false } & Exclude<EditFailure, { kind: 'store' }>);

export interface Where {
  slug: string;
  lang: TargetLanguage;
  id: string;
}

/** The paragraph's Chinese and its gloss now, or why there is none (comments ask it too). */
export async function paragraphNow(where: Where): Promise<{ ok: true; zh: string; gloss: string } | Refusal> {
  const source = isSlug(where.slug) ? await findSource(where.slug) : undefined;
  if (!source) return { ok: false, kind: 'not-found', error: 'No such text' };
  const files = await readTextFiles(source, where.lang);
  if (!files.ok) return { ok: false, kind: 'invalid', error: describeFailure(files.failure) };
  const zh =
    where.id === TITLE_KEY ? textTitle(files) : files.ids.blocks.find((b) => b.id === where.id && isGlossable(b.type))?.text;
  if (zh === undefined) return { ok: false, kind: 'not-found', error: 'No such paragraph in this text' };
  return { ok: true, zh, gloss: files.current(where.id).gloss ?? '' };
}

function view(suggestion: Suggestion, now: { zh: string; gloss: string }): SuggestionView {
  return { ...withStaleness(suggestion, hashText(now.zh)), current: { text: now.gloss, revision: glossRevision(now.gloss) } };
}

async function suggestionsOf(where: Where): Promise<Suggestion[]> {
  return foldSuggestions(await readSuggestionEvents(where.slug, where.lang)).filter((s) => s.id === where.id);
}

/** Appends events under the text's lock after `decide` saw the suggestions as they are on disk. */
async function underLock(
  where: Where,
  decide: (
    found: Suggestion[],
    now: { zh: string; gloss: string },
  ) => { ok: true; events: SuggestionEvent[]; sid: string } | Refusal,
): Promise<SuggestionResult> {
  try {
    return await withTextLock(where.slug, async () => {
      const now = await paragraphNow(where);
      if (!now.ok) return now;
      const decided = decide(await suggestionsOf(where), now);
      if (!decided.ok) return decided;
      if (decided.events.length > 0) await appendSuggestionEvents(where.slug, where.lang, decided.events);
      const stored = (await suggestionsOf(where)).find((s) => s.sid === decided.sid);
      if (!stored) throw new Error(`suggestion ${decided.sid} not found after it was written`);
      return { ok: true, suggestion: view(stored, now) };
    });
  } catch (error) {
    if (error instanceof StoreWriteError)
      return { ok: false, kind: 'store', reason: error.reason, error: `Nothing was saved: ${error.message}` };
    throw error;
  }
}

/** The suggestions for one paragraph, oldest first, each marked stale when the Chinese changed since. */
export async function listSuggestions(where: Where): Promise<{ ok: true; suggestions: SuggestionView[] } | Refusal> {
  const now = await paragraphNow(where);
  if (!now.ok) return now;
  return { ok: true, suggestions: (await suggestionsOf(where)).map((s) => view(s, now)) };
}

/** Proposes a rendering. `suggest({ slug, lang: 'en', id: 'c4pzjo', author: 'ann', text: 'A few days ago…' })`. */
export async function suggest(where: Where & { author: string; text: string }): Promise<SuggestionResult> {
  const input = cleanGloss(where.text);
  if (!input.ok) return { ok: false, kind: 'invalid', error: input.error };
  const sid = randomBytes(6).toString('base64url');
  return underLock(where, (found, now) => {
    if (input.text === now.gloss) return { ok: false, kind: 'invalid', error: 'This is already the gloss' };
    const same = found.find((s) => s.status === 'pending' && s.author === where.author && s.text === input.text);
    // A retried request: answered with the suggestion it already made.
    if (same) return { ok: true, events: [], sid: same.sid };
    const event: SuggestionEvent = {
      type: 'suggest',
      sid,
      time: new Date().toISOString(),
      id: where.id,
      author: where.author,
      text: input.text,
      zhHash: hashText(now.zh),
      baseRevision: glossRevision(now.gloss),
    };
    return { ok: true, events: [event], sid };
  });
}

/** One vote per account. */
export async function voteSuggestion(where: Where & { sid: string; voter: string }): Promise<SuggestionResult> {
  return underLock(where, (found) => {
    const check = checkVote(
      found.find((s) => s.sid === where.sid),
      where.voter,
    );
    if (!check.ok) return check;
    return {
      ok: true,
      sid: where.sid,
      events: [{ type: 'vote', sid: where.sid, time: new Date().toISOString(), voter: where.voter }],
    };
  });
}

/** Rejects with a reason from the list and a note (required for 'other'). */
export async function rejectSuggestion(
  where: Where & { sid: string; reviewer: string; reason: string; note?: string },
): Promise<SuggestionResult> {
  const reason = checkRejectReason(where.reason, where.note);
  if (!reason.ok) return reason;
  return underLock(where, (found) => {
    const pending = checkPending(found.find((s) => s.sid === where.sid));
    if (!pending.ok) return pending;
    const event: SuggestionEvent = {
      type: 'reject',
      sid: where.sid,
      time: new Date().toISOString(),
      reviewer: where.reviewer,
      reason: reason.reason,
      note: reason.note,
    };
    return { ok: true, sid: where.sid, events: [event] };
  });
}

/**
 * Accepts a suggestion through the same save path as an edit: the suggester's text is saved in
 * their name against the revision they saw (or `baseRevision`, the one the reviewer saw: a
 * gloss changed since is a conflict), then the reviewer's edited version, if any, in theirs; so
 * the history credits both. The outcome is recorded last.
 */
export async function acceptSuggestion(
  where: Where & { sid: string; reviewer: string; text?: string; baseRevision?: string },
): Promise<SuggestionResult> {
  const pending = checkPending((await suggestionsOf(where)).find((s) => s.sid === where.sid));
  if (!pending.ok) return pending;
  const { suggestion } = pending;
  const change = { slug: where.slug, lang: where.lang, id: where.id };
  const first = await saveGloss({
    ...change,
    editor: suggestion.author,
    text: suggestion.text,
    baseRevision: where.baseRevision ?? suggestion.baseRevision,
  });
  if (!first.ok) return first;
  let saved = first;
  const edited = where.text === undefined ? undefined : cleanGloss(where.text);
  if (edited && !edited.ok) return { ok: false, kind: 'invalid', error: edited.error };
  if (edited?.ok && edited.text !== first.text) {
    const second = await saveGloss({ ...change, editor: where.reviewer, text: edited.text, baseRevision: first.revision });
    if (!second.ok) return second;
    saved = second;
  }
  return underLock(where, (found) => {
    const still = checkPending(found.find((s) => s.sid === where.sid));
    if (!still.ok) return still;
    const event: SuggestionEvent = {
      type: 'accept',
      sid: where.sid,
      time: new Date().toISOString(),
      reviewer: where.reviewer,
      text: saved.text,
      revision: saved.revision,
    };
    return { ok: true, sid: where.sid, events: [event] };
  });
}

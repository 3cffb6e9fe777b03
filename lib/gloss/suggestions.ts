/**
 * Suggestions: renderings proposed for a paragraph by anyone signed in, accepted or rejected by
 * a reviewer. Stored as events, one JSON object a line (`locales/<lng>/<slug>.suggestions.jsonl`);
 * this module folds the events into suggestions and checks what may happen next. Pure.
 */
import { z } from 'zod';

/** Why a suggestion was rejected: a short list, each with free text beside it ('other' needs it). */
export const REJECT_REASONS = ['meaning', 'style', 'terminology', 'duplicate', 'other'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

const base = { sid: z.string().min(1).max(32), time: z.string() };
export const suggestionEventSchema = z.discriminatedUnion('type', [
  z.object({
    ...base,
    type: z.literal('suggest'),
    id: z.string(),
    author: z.string(),
    text: z.string(),
    /** Hash of the Chinese when suggested: the suggestion is stale once it differs. */
    zhHash: z.string(),
    /** The gloss revision it was written against. */
    baseRevision: z.string(),
  }),
  z.object({ ...base, type: z.literal('vote'), voter: z.string() }),
  z.object({ ...base, type: z.literal('accept'), reviewer: z.string(), text: z.string(), revision: z.string() }),
  z.object({
    ...base,
    type: z.literal('reject'),
    reviewer: z.string(),
    reason: z.enum(REJECT_REASONS),
    note: z.string(),
  }),
]);
export type SuggestionEvent = z.infer<typeof suggestionEventSchema>;

export type SuggestionStatus = 'pending' | 'accepted' | 'rejected';

export interface Suggestion {
  sid: string;
  /** The paragraph (gloss key). */
  id: string;
  author: string;
  time: string;
  text: string;
  zhHash: string;
  baseRevision: string;
  status: SuggestionStatus;
  votes: string[];
  /** Who accepted or rejected it, when, and (accepted) the text that was saved or (rejected) why. */
  outcome?: { reviewer: string; time: string; text?: string; revision?: string; reason?: RejectReason; note?: string };
}

/**
 * Folds events, oldest first, into suggestions (in the order they were made); events about an
 * unknown suggestion and a second outcome are ignored.
 * `foldSuggestions([{ type: 'suggest', sid: 's1', … }, { type: 'vote', sid: 's1', voter: 'bo', … }])` → `[{ sid: 's1', votes: ['bo'], … }]`.
 */
export function foldSuggestions(events: readonly SuggestionEvent[]): Suggestion[] {
  const byId = new Map<string, Suggestion>();
  for (const event of events) {
    if (event.type === 'suggest') {
      if (byId.has(event.sid)) continue;
      const { sid, id, author, time, text, zhHash, baseRevision } = event;
      byId.set(sid, { sid, id, author, time, text, zhHash, baseRevision, status: 'pending', votes: [] });
      continue;
    }
    const found = byId.get(event.sid);
    if (!found) continue;
    if (event.type === 'vote') {
      if (!found.votes.includes(event.voter)) found.votes.push(event.voter);
    } else if (found.status === 'pending') {
      found.status = event.type === 'accept' ? 'accepted' : 'rejected';
      found.outcome =
        event.type === 'accept'
          ? { reviewer: event.reviewer, time: event.time, text: event.text, revision: event.revision }
          : { reviewer: event.reviewer, time: event.time, reason: event.reason, note: event.note };
    }
  }
  return [...byId.values()];
}

export type Refusal = { ok: false; kind: 'invalid' | 'conflict' | 'not-found'; error: string };

/** Whether a suggestion may still be accepted, rejected or voted on. */
export function checkPending(found: Suggestion | undefined): { ok: true; suggestion: Suggestion } | Refusal {
  if (!found) return { ok: false, kind: 'not-found', error: 'No such suggestion for this paragraph' };
  if (found.status !== 'pending')
    return {
      ok: false,
      kind: 'conflict',
      error: `This suggestion was already ${found.status} by ${found.outcome?.reviewer ?? 'someone'}`,
    };
  return { ok: true, suggestion: found };
}

/** A vote: one per account, never on one's own suggestion. */
export function checkVote(found: Suggestion | undefined, voter: string): { ok: true } | Refusal {
  const pending = checkPending(found);
  if (!pending.ok) return pending;
  if (pending.suggestion.author === voter)
    return { ok: false, kind: 'invalid', error: 'You cannot vote for your own suggestion' };
  if (pending.suggestion.votes.includes(voter)) return { ok: false, kind: 'conflict', error: 'You have already voted for it' };
  return { ok: true };
}

/** The reason of a rejection: one of the list, with free text; 'other' needs the text. At most 500 characters. */
export function checkRejectReason(
  reason: string,
  note: string | undefined,
): { ok: true; reason: RejectReason; note: string } | Refusal {
  const text = (note ?? '').replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '').trim();
  if (!(REJECT_REASONS as readonly string[]).includes(reason))
    return { ok: false, kind: 'invalid', error: `A rejection needs a reason: one of ${REJECT_REASONS.join(', ')} (and a note)` };
  if (reason === 'other' && text === '')
    return { ok: false, kind: 'invalid', error: 'Say why in the note when the reason is "other"' };
  if ([...text].length > 500) return { ok: false, kind: 'invalid', error: 'A rejection note has at most 500 characters' };
  return { ok: true, reason: reason as RejectReason, note: text };
}

/** A suggestion with what the reader needs now: whether the Chinese changed since. */
export function withStaleness(suggestion: Suggestion, currentZhHash: string | undefined): Suggestion & { stale: boolean } {
  return { ...suggestion, stale: currentZhHash !== undefined && suggestion.zhHash !== currentZhHash };
}

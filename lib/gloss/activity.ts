/**
 * The activity feed and the work queues, built from what the store keeps: the gloss history,
 * the suggestion events and the comment events. Pure: the entries come in, items go out.
 */
import { foldComments, type CommentEvent } from '@/lib/comments/comments';
import type { HistoryEntry } from './history-entry';
import { foldSuggestions, type SuggestionEvent } from './suggestions';
import type { GlossStatus } from './types';

export const ACTIVITY_KINDS = [
  'gloss',
  'status',
  'suggest',
  'vote',
  'accept',
  'reject',
  'comment',
  'resolve',
  'note',
  'glossary',
  'terms',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export interface ActivityItem {
  time: string;
  kind: ActivityKind;
  /** Who did it. */
  user: string;
  text: string;
  lang: string;
  /** The paragraph (gloss key). */
  id: string;
  /** The gloss text after a save, the suggested or accepted text, a status, or a rejection's reason. */
  detail?: string;
  /** For suggestion events: the suggestion, and who made it (so a suggester sees the outcomes of theirs). */
  sid?: string;
  suggester?: string;
  /** For comment events: the comment (a `resolve` item is the thread resolved or, detail `reopened`, reopened). */
  cid?: string;
}

/**
 * The items of one text's language, oldest first: each history entry, each suggestion event
 * with its paragraph and suggester, and each comment, resolve and reopen.
 * `activityOf('a', 'en', [{ editor: 'ann', kind: 'gloss', … }], [])` → `[{ kind: 'gloss', user: 'ann', … }]`.
 */
export function activityOf(
  text: string,
  lang: string,
  history: readonly HistoryEntry[],
  events: readonly SuggestionEvent[],
  comments: readonly CommentEvent[] = [],
): ActivityItem[] {
  const items: ActivityItem[] = history.map((entry) => ({
    time: entry.time,
    kind: entry.kind,
    user: entry.editor,
    text,
    lang,
    id: entry.id,
    ...(entry.after !== null ? { detail: entry.after } : {}),
  }));
  const suggestions = new Map(foldSuggestions(events).map((s) => [s.sid, s]));
  for (const event of events) {
    const suggestion = suggestions.get(event.sid);
    if (!suggestion) continue;
    const user = event.type === 'suggest' ? event.author : event.type === 'vote' ? event.voter : event.reviewer;
    const detail =
      event.type === 'suggest' || event.type === 'accept'
        ? event.text
        : event.type === 'reject'
          ? `${event.reason}: ${event.note}`
          : undefined;
    items.push({
      time: event.time,
      kind: event.type,
      user,
      text,
      lang,
      id: suggestion.id,
      sid: event.sid,
      suggester: suggestion.author,
      ...(detail !== undefined ? { detail } : {}),
    });
  }
  items.push(...commentActivity(text, lang, comments));
  return items.sort((a, b) => a.time.localeCompare(b.time));
}

/** The comment events as items: `comment` with the body, `resolve` with `resolved` or `reopened`. */
function commentActivity(text: string, lang: string, events: readonly CommentEvent[]): ActivityItem[] {
  const blocks = new Map(foldComments(events).map((c) => [c.cid, c.block]));
  return events.flatMap((event): ActivityItem[] => {
    const id = blocks.get(event.cid);
    if (id === undefined) return [];
    const common = { time: event.time, text, lang, id, cid: event.cid };
    if (event.type === 'comment') return [{ ...common, kind: 'comment', user: event.author, detail: event.body }];
    return [{ ...common, kind: 'resolve', user: event.by, detail: event.type === 'resolve' ? 'resolved' : 'reopened' }];
  });
}

export interface ActivityFilter {
  user?: string;
  kind?: ActivityKind;
  /** `mine`: what `viewer` did; `outcomes`: what happened to `viewer`'s suggestions. */
  only?: 'mine' | 'outcomes';
  viewer?: string;
}

/** The items a filter keeps. */
export function filterActivity(items: readonly ActivityItem[], filter: ActivityFilter): ActivityItem[] {
  return items.filter((item) => {
    if (filter.user !== undefined && item.user !== filter.user) return false;
    if (filter.kind !== undefined && item.kind !== filter.kind) return false;
    if (filter.only === 'mine' && item.user !== filter.viewer) return false;
    if (filter.only === 'outcomes' && !(item.suggester === filter.viewer && (item.kind === 'accept' || item.kind === 'reject')))
      return false;
    return true;
  });
}

/**
 * One page of items, newest first: `cursor` is where the previous page ended (`'0'` or absent:
 * the start); `next` is absent on the last page. `pageActivity(items, '50', 50)` → items 50–99.
 */
export function pageActivity(
  items: readonly ActivityItem[],
  cursor: string | undefined,
  limit: number,
): { items: ActivityItem[]; next?: string } {
  const start = cursor !== undefined && /^\d{1,9}$/.test(cursor) ? Number(cursor) : 0;
  const newest = items.toReversed();
  const page = newest.slice(start, start + limit);
  return start + limit < newest.length ? { items: page, next: String(start + limit) } : { items: page };
}

export interface QueueParagraph {
  id: string;
  status: GlossStatus;
}

/**
 * A person's work queue on one text's language: for a reviewer, the pending suggestions and the
 * drafts to review; for a translator, the untranslated and stale paragraphs.
 */
export function workQueue(
  paragraphs: readonly QueueParagraph[],
  events: readonly SuggestionEvent[],
  role: 'translator' | 'reviewer',
): {
  pendingSuggestions: string[];
  pendingParagraphs: string[];
  needsReview: string[];
  untranslated: string[];
  stale: string[];
} {
  const ids = (status: GlossStatus) => paragraphs.filter((p) => p.status === status).map((p) => p.id);
  if (role === 'reviewer') {
    const pending = foldSuggestions(events).filter((s) => s.status === 'pending');
    return {
      pendingSuggestions: pending.map((s) => s.sid),
      // The paragraph of each pending suggestion, in the same order, so a page can link to it.
      pendingParagraphs: pending.map((s) => s.id),
      needsReview: ids('draft'),
      untranslated: [],
      stale: [],
    };
  }
  return {
    pendingSuggestions: [],
    pendingParagraphs: [],
    needsReview: [],
    untranslated: ids('untranslated'),
    stale: ids('stale'),
  };
}

import 'server-only';
import {
  activityOf,
  filterActivity,
  pageActivity,
  workQueue,
  type ActivityFilter,
  type ActivityItem,
} from '@/lib/gloss/activity';
import { TITLE_KEY } from '@/lib/gloss/types';
import type { TargetLanguage } from '@/lib/i18n/target-language';
import { readCommentEvents } from '@/lib/store/comments';
import { readAnnotationChanges, type AnnotationChange } from '@/lib/store/annotation-files';
import { readHistory } from '@/lib/store/history';
import { textLanguages } from '@/lib/store/languages';
import { listSources } from '@/lib/store/sources';
import { readSuggestionEvents } from '@/lib/store/suggestions';
import { loadText } from './load';

/** Items on one page of the feed. */
export const ACTIVITY_PAGE = 50;

/**
 * The activity of one text (or every text) in one language (or all of its languages), newest
 * first, filtered, one page from `cursor`.
 */
export async function getActivity(
  query: ActivityFilter & { text?: string; lang?: TargetLanguage; cursor?: string },
): Promise<{ items: ActivityItem[]; next?: string }> {
  const slugs = query.text !== undefined ? [query.text] : (await listSources()).sources.map((s) => s.slug);
  const items: ActivityItem[] = [];
  for (const slug of slugs) {
    const langs = query.lang !== undefined ? [query.lang] : await textLanguages(slug);
    for (const lang of langs) {
      const [history, events, comments] = await Promise.all([
        readHistory(slug, lang),
        readSuggestionEvents(slug, lang),
        readCommentEvents(slug, lang),
      ]);
      items.push(...activityOf(slug, lang, history, events, comments));
    }
    const asked = query.lang !== undefined ? [query.lang] : undefined;
    items.push(...(await readAnnotationChanges(slug)).flatMap((change) => annotationItem(slug, change, asked)));
  }
  items.sort((a, b) => a.time.localeCompare(b.time));
  return pageActivity(filterActivity(items, query), query.cursor, ACTIVITY_PAGE);
}

/**
 * A change to a note, a glossary entry or the word list as an activity item: a note's paragraph
 * and text, a term and its renderings, the words added and removed. Notes and terms are kept to
 * the languages asked for; the word list belongs to the Chinese and is listed in any language.
 */
function annotationItem(text: string, change: AnnotationChange, langs: readonly string[] | undefined): ActivityItem[] {
  if (change.kind !== 'terms' && langs && !langs.includes(change.lang ?? 'en')) return [];
  const value = (change.after ?? change.before) as {
    block?: unknown;
    body?: unknown;
    en?: unknown;
    add?: unknown;
    remove?: unknown;
  } | null;
  const detail =
    change.kind === 'note'
      ? String(value?.body ?? '')
      : change.kind === 'glossary'
        ? `${change.key}${change.after === null ? ' (removed)' : `: ${Array.isArray(value?.en) ? value.en.join(' · ') : ''}`}`
        : [
            ...(Array.isArray(value?.add) ? value.add.map((w) => `+${String(w)}`) : []),
            ...(Array.isArray(value?.remove) ? value.remove.map((w) => `−${String(w)}`) : []),
          ].join(' ');
  const id =
    change.kind === 'note' && typeof value?.block === 'string' ? value.block : change.kind === 'glossary' ? change.key : '';
  return [{ time: change.time, kind: change.kind, user: change.editor, text, lang: change.lang ?? 'zh', id, detail }];
}

/** A reviewer's or a translator's queue on one text's language; undefined for no such text. */
export async function getWorkQueue(slug: string, lang: TargetLanguage, role: 'translator' | 'reviewer') {
  const loaded = await loadText(slug, { lang });
  if (!loaded?.ok) return undefined;
  const paragraphs = loaded.text.blocks.flatMap((b) => (b.status ? [{ id: b.id, status: b.status }] : []));
  paragraphs.unshift({ id: TITLE_KEY, status: loaded.text.title.status });
  return workQueue(paragraphs, await readSuggestionEvents(slug, lang), role);
}

/** The texts a work queue can be asked for, each with its target languages, for the queue page's choices. */
export async function getQueueTexts(): Promise<{ slug: string; langs: TargetLanguage[] }[]> {
  const { sources } = await listSources();
  return Promise.all(sources.map(async (source) => ({ slug: source.slug, langs: await textLanguages(source.slug) })));
}

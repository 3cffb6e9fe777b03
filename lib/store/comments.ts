import 'server-only';
import { commentEventSchema, type CommentEvent } from '@/lib/comments/comments';
import { appendLines, type AppendUndo } from './append-file';
import { readJsonLines } from './json-lines';
import { localeDir, textFilePath } from './paths';

/** `locales/<lng>/<slug>.comments.jsonl`: plain text beside the glosses, one event a line. */
export function commentsPath(slug: string, lng: string): string {
  return textFilePath(localeDir(lng), slug, '.comments.jsonl');
}

/**
 * Appends events in one write, fsynced before it returns (call under the text's lock); a failed
 * write is cut back and throws StoreWriteError; the answer can take the events back out (an import
 * whose glosses then failed).
 */
export async function appendCommentEvents(slug: string, lng: string, events: readonly CommentEvent[]): Promise<AppendUndo> {
  return appendLines(commentsPath(slug, lng), events.map((e) => `${JSON.stringify(e)}\n`).join(''));
}

/** The events of a text's comments in one language, oldest first; lines that do not parse (a torn last line) are skipped. */
export async function readCommentEvents(slug: string, lng: string): Promise<CommentEvent[]> {
  return readJsonLines(commentsPath(slug, lng), commentEventSchema);
}

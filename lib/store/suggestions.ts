import 'server-only';
import { suggestionEventSchema, type SuggestionEvent } from '@/lib/gloss/suggestions';
import { appendLines } from './append-file';
import { readJsonLines } from './json-lines';
import { localeDir, textFilePath } from './paths';

/** `locales/<lng>/<slug>.suggestions.jsonl`: plain text beside the glosses, one event a line. */
export function suggestionsPath(slug: string, lng: string): string {
  return textFilePath(localeDir(lng), slug, '.suggestions.jsonl');
}

/** Appends events in one write, fsynced before it returns; a failed write is cut back and throws StoreWriteError. */
export async function appendSuggestionEvents(slug: string, lng: string, events: readonly SuggestionEvent[]): Promise<void> {
  await appendLines(suggestionsPath(slug, lng), events.map((e) => `${JSON.stringify(e)}\n`).join(''));
}

/** The events of a text's suggestions, oldest first; lines that do not parse (a torn last line) are skipped. */
export async function readSuggestionEvents(slug: string, lng: string): Promise<SuggestionEvent[]> {
  return readJsonLines(suggestionsPath(slug, lng), suggestionEventSchema);
}

import 'server-only';
import type { TargetLanguage } from '@/lib/i18n/target-language';
import type { TextView } from '@/lib/library/load';
import { filesIdentity } from '@/lib/store/fingerprint';
import { historyPath, readHistory } from '@/lib/store/history';
import { lastGlossChanges, type LastChange } from './last-changes';

/**
 * Who last changed each translation of a text, read from its history once per version of the
 * text (its loaded view) and of the history file, instead of reading the whole history and gloss
 * files again for every match shown. Held beside the view, so it goes when the view does.
 */
const byView = new WeakMap<TextView, { history: string; changes: ReadonlyMap<string, LastChange> }>();

/**
 * Who last changed a paragraph's translation and when (its last landed gloss entry), or undefined.
 * `lastChangeOf(view, 'c4pzjo', 'en')` → `{ by: 'ann', time: '2026-12-01T…' }`.
 */
export async function lastChangeOf(text: TextView, id: string, lang: TargetLanguage): Promise<LastChange | undefined> {
  const history = await filesIdentity([historyPath(text.slug, lang)]);
  let cached = byView.get(text);
  if (!cached || cached.history !== history) {
    const entries = await readHistory(text.slug, lang);
    const glosses = new Map(text.blocks.map((block) => [block.id, block.en]));
    // With a broken gloss file nothing can be told about what landed: the history as written.
    const current = text.glossError === undefined ? (key: string) => glosses.get(key) : undefined;
    cached = { history, changes: entries.length === 0 ? new Map() : lastGlossChanges(entries, current) };
    byView.set(text, cached);
  }
  return cached.changes.get(id);
}

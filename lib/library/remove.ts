import 'server-only';
import { archiveTextFiles, textFilePaths } from '@/lib/store/archive';
import { withTextLock } from '@/lib/store/lock';
import { displayPath } from '@/lib/store/paths';
import { isSlug } from '@/lib/store/sources';

export type RemoveResult =
  { ok: true; slug: string; files: string[]; archive?: string; dryRun: boolean } | { ok: false; error: string };

/**
 * Removes a text from the library without losing anything: under the text's lock (so no save
 * lands between), every file of the text moves to `removed/<slug>-<time>/`, and the slug is free
 * for another text, which then starts with no glosses or history of this one. `dryRun` lists the
 * files only. `removeText('old-article')` → `{ ok: true, files: ['content/old-article.md', …], archive: 'removed/old-article-2026…' }`.
 */
export async function removeText(slug: string, options: { dryRun?: boolean; now?: Date } = {}): Promise<RemoveResult> {
  if (!isSlug(slug)) return { ok: false, error: `"${slug}" is not a text's slug` };
  return withTextLock(slug, async () => {
    const files = await textFilePaths(slug);
    if (files.length === 0) return { ok: false, error: `No text "${slug}": no file of it in content/ or locales/` };
    const shown = files.map(displayPath);
    if (options.dryRun) return { ok: true, slug, files: shown, dryRun: true };
    const stamp = (options.now ?? new Date()).toISOString().replace(/[:.]/g, '-');
    const archive = await archiveTextFiles(slug, files, stamp);
    return { ok: true, slug, files: shown, archive, dryRun: false };
  });
}

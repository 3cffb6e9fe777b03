import 'server-only';
import { pinyinByOffset } from '@/lib/annotate/pinyin';
import type { Database } from '@/lib/db/database';
import { analyze, recordedTexts, recordIdentity, removeText, writeText, type ParagraphRow } from '@/lib/db/paragraph-index';
import { reindexAction, type ReindexAction } from '@/lib/db/reindex-plan';
import { chineseLexemes } from '@/lib/db/terms';
import { loadText } from '@/lib/library/load';
import { filesContentHash, filesIdentity, textFiles } from '@/lib/store/fingerprint';
import { textLanguages } from '@/lib/store/languages';
import { listSources, type SourceFile } from '@/lib/store/sources';
import { engineTokens, indexBlock } from './document';
import { searchableBlocks } from './library-search';

/**
 * Keeps the database's paragraph index in step with the library's files: texts whose files are
 * unchanged since they were indexed (same identity, or same contents) are left alone, new and
 * changed texts are indexed again by themselves, removed ones dropped. `full` re-indexes every
 * text (`npm run reindex`).
 */
export interface IndexSyncReport {
  indexed: string[];
  kept: number;
  /** Same contents under a new identity: only the identity was noted. */
  recorded: number;
  removed: string[];
  /** Texts that could not be read, and why (left as they were in the database). */
  problems: { slug: string; reason: string }[];
  seconds: number;
}

/** Every file of a text in every language it has: what its identity and hash are taken over. */
async function filesOf(source: SourceFile): Promise<{ files: string[]; languages: string[] }> {
  const languages = await textLanguages(source.slug);
  return { files: languages.flatMap((lang) => textFiles(source, lang)), languages };
}

/** A text's rows as the database takes them, in every language it has. */
export async function paragraphRows(slug: string, languages: readonly string[]): Promise<ParagraphRow[] | string> {
  const rows = new Map<string, ParagraphRow & { glosses: ParagraphRow['glosses'][number][] }>();
  for (const lang of languages) {
    const loaded = await loadText(slug, { lang });
    if (!loaded) return 'not found';
    if (!loaded.ok) return loaded.broken.error;
    searchableBlocks(loaded.text).forEach((block, position) => {
      let row = rows.get(block.id);
      if (!row) {
        const indexed = indexBlock({ key: position, slug, order: position, block }, pinyinByOffset);
        row = {
          id: block.id,
          position,
          type: block.type,
          zh: block.zh,
          zhTerms: [...chineseLexemes(indexed.zh.text), ...indexed.zhWords.stems],
          pinyinTerms: engineTokens(indexed).py,
          glosses: [],
        };
        rows.set(block.id, row);
      }
      if (block.en) row.glosses.push({ lang, text: block.en, ...(block.status ? { status: block.status } : {}) });
    });
  }
  return [...rows.values()];
}

/** Brings the database up to date with the files (see IndexSyncReport). */
export async function syncDatabaseIndex(
  db: Database,
  options: { full?: boolean; onText?: (slug: string, action: ReindexAction) => void } = {},
): Promise<IndexSyncReport> {
  const started = performance.now();
  const report: IndexSyncReport = { indexed: [], kept: 0, recorded: 0, removed: [], problems: [], seconds: 0 };
  const recorded = await recordedTexts(db);
  const { sources } = await listSources();
  for (const source of sources) {
    const { files, languages } = await filesOf(source);
    const identity = await filesIdentity(files);
    const before = recorded.get(source.slug);
    let action = reindexAction(before, { identity }, options.full);
    if (action === 'hash') action = reindexAction(before, { identity, hash: await filesContentHash(files) });
    options.onText?.(source.slug, action);
    if (action === 'keep') report.kept++;
    if (action === 'record') {
      await recordIdentity(db, source.slug, identity);
      report.recorded++;
    }
    if (action !== 'index') continue;
    const hash = await filesContentHash(files);
    const rows = await paragraphRows(source.slug, languages);
    if (typeof rows === 'string') {
      report.problems.push({ slug: source.slug, reason: rows });
      continue;
    }
    await writeText(db, source.slug, rows, { identity, hash });
    report.indexed.push(source.slug);
  }
  const present = new Set(sources.map((source) => source.slug));
  for (const slug of recorded.keys()) {
    if (present.has(slug)) continue;
    options.onText?.(slug, 'remove');
    await removeText(db, slug);
    report.removed.push(slug);
  }
  if (report.indexed.length > 0 || report.removed.length > 0) await analyze(db);
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

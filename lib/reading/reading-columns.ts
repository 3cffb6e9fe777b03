import 'server-only';
import { DEFAULT_TARGET_LANGUAGE, type TargetLanguage } from '@/lib/i18n/target-language';
import { textLanguages } from '@/lib/store/languages';
import { loadText, type TextView } from '@/lib/library/load';
import type { ReadingLanguages } from './reading-languages';
import { targetCells, type TargetCell } from './target-cells';

/** What a reading page shows beside the Chinese for a reader's choice of languages. */
export interface ReadingColumns {
  /** The languages shown, in the reader's order: those asked for that the text has (English if none). */
  shown: TargetLanguage[];
  /** Languages asked for that the text does not have (yet). */
  missing: TargetLanguage[];
  /** Every language the text has, English first: what the reader may choose from. */
  available: TargetLanguage[];
  /** Whether a missing gloss shows the English as a labelled reference. */
  reference: boolean;
  /** Whether the address asked for something that could not be used (see ReadingLanguages.rejected). */
  rejected: boolean;
  /** Each block's cells, one per shown language. */
  cells: Map<string, TargetCell[]>;
  /** Each shown language's title gloss (absent when untranslated). */
  titles: { lang: TargetLanguage; gloss?: string }[];
  /** Each shown language's progress: paragraphs translated of all. */
  progress: { lang: TargetLanguage; glossed: number; total: number }[];
}

/**
 * Loads the target columns a reader chose for one text: each language's own view (no fallback:
 * see targetCells), the English too when a reference is asked for. Undefined for an unknown or
 * unreadable text. `loadReadingColumns('karpathy-no-priors', parseReadingLanguages('en,fr'))`.
 */
export async function loadReadingColumns(slug: string, choice: ReadingLanguages): Promise<ReadingColumns | undefined> {
  const available = await textLanguages(slug);
  const asked = choice.langs.filter((lang) => available.includes(lang));
  const shown = asked.length > 0 ? asked : [DEFAULT_TARGET_LANGUAGE];
  const missing = choice.langs.filter((lang) => !available.includes(lang));
  const wanted = choice.reference && !shown.includes(DEFAULT_TARGET_LANGUAGE) ? [...shown, DEFAULT_TARGET_LANGUAGE] : shown;
  const views = new Map<TargetLanguage, TextView>();
  for (const lang of wanted) {
    const loaded = await loadText(slug, { lang });
    if (!loaded?.ok) return undefined;
    views.set(lang, loaded.text);
  }
  const columns = shown.flatMap((lang) => views.get(lang) ?? []);
  const referenceView = choice.reference ? views.get(DEFAULT_TARGET_LANGUAGE) : undefined;
  return {
    shown,
    missing,
    available,
    reference: choice.reference,
    rejected: choice.rejected,
    cells: targetCells(columns, referenceView),
    titles: columns.map((view) => ({ lang: view.lang, ...(view.title.en ? { gloss: view.title.en } : {}) })),
    progress: columns.map((view) => ({ lang: view.lang, ...view.progress })),
  };
}

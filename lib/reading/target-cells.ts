/**
 * The target cells of a reading row: for each language the reader chose, that language's own
 * gloss and status, and nothing else. There is no fallback: a paragraph not yet in French is an
 * untranslated French cell, whatever the English says; the English comes in only as a labelled
 * reference, and only when the reader asked for it. Pure.
 */
import type { GlossStatus } from '@/lib/gloss/types';
import { DEFAULT_TARGET_LANGUAGE, type TargetLanguage } from '@/lib/i18n/target-language';
import { textDirection } from './reading-languages';

/** One language's glosses of a text, by block id, as a TextView of that language holds them. */
export interface GlossColumn {
  lang: TargetLanguage;
  blocks: readonly { id: string; en?: string; status?: GlossStatus; conflict?: { versions: readonly unknown[] } }[];
}

export interface TargetCell {
  lang: TargetLanguage;
  dir: 'ltr' | 'rtl';
  /** The gloss in this cell's language; absent when it has none. */
  gloss?: string;
  status: GlossStatus;
  /** For a cell with no gloss, when the reader asked for it: the English, shown as a reference. */
  reference?: { lang: TargetLanguage; gloss: string };
  /** When the paragraph was changed differently on two servers in this language: how many versions are kept. */
  conflictVersions?: number;
}

type Glosses = Map<string, { gloss?: string; status: GlossStatus; conflictVersions?: number }>;

function byId(column: GlossColumn): Glosses {
  const map: Glosses = new Map();
  for (const block of column.blocks) {
    if (block.status === undefined) continue; // a break: nothing to translate
    map.set(block.id, {
      ...(block.en ? { gloss: block.en } : {}),
      status: block.status,
      ...(block.conflict ? { conflictVersions: block.conflict.versions.length } : {}),
    });
  }
  return map;
}

/**
 * The cells of every row for the chosen columns, by block id. `reference` is the English column
 * when the reader asked for a reference and English is not one of the columns shown.
 * `targetCells([fr], en)` → `Map { 'm2p8rt' => [{ lang: 'fr', status: 'untranslated', reference: { lang: 'en', gloss: 'Hello' } }] }`.
 */
export function targetCells(columns: readonly GlossColumn[], reference?: GlossColumn): Map<string, TargetCell[]> {
  const refGlosses = reference && !columns.some((column) => column.lang === reference.lang) ? byId(reference) : undefined;
  const glosses = columns.map((column) => ({ lang: column.lang, map: byId(column) }));
  const cells = new Map<string, TargetCell[]>();
  const ids = new Set(columns.flatMap((column) => column.blocks.filter((b) => b.status !== undefined).map((b) => b.id)));
  for (const id of ids) {
    cells.set(
      id,
      glosses.map(({ lang, map }) => {
        const own = map.get(id);
        const cell: TargetCell = { lang, dir: textDirection(lang), status: own?.status ?? 'untranslated' };
        if (own?.gloss) cell.gloss = own.gloss;
        if (own?.conflictVersions !== undefined) cell.conflictVersions = own.conflictVersions;
        const ref = refGlosses?.get(id)?.gloss;
        if (!cell.gloss && ref && reference) cell.reference = { lang: reference.lang, gloss: ref };
        return cell;
      }),
    );
  }
  return cells;
}

/** Whether a column is the English one, whose cells keep the English-only page's look. */
export const isEnglishColumn = (lang: TargetLanguage) => lang === DEFAULT_TARGET_LANGUAGE;

import 'server-only';
import { encodeLinks, type Span } from '@/lib/align/row';
import type { TargetLanguage } from '@/lib/i18n/target-language';
import type { BlockAlignmentView } from '@/lib/align/block';
import { getBlockAlignments, storedBlockAlignments } from '@/lib/library/alignment';
import type { BlockView } from '@/lib/library/load';
import type { ReadingColumns } from './reading-columns';

/** A reading row's sentences: the Chinese's, and for each target language its gloss's and the links (encodeLinks). */
export interface RowSentences {
  zh: Span[];
  cells: Record<string, { gloss: Span[]; links: string }>;
}

/** How long a page waits for rows to be aligned while the text's alignment is busy (a long text after start). */
const ALIGN_WAIT_MS = 1_500;

/**
 * The alignments of the rows: the stored ones whose texts are unchanged, and the others aligned
 * now, when that is done within ALIGN_WAIT_MS (else those rows show no sentences on this page;
 * the page is made again once the alignment file changes).
 */
async function viewsOf(
  slug: string,
  lang: TargetLanguage,
  rows: readonly { id: string; zh: string; gloss: string }[],
): Promise<Map<string, BlockAlignmentView>> {
  const views = await storedBlockAlignments(slug, lang, rows);
  const missing = rows.filter((row) => !views.has(row.id)).map((row) => row.id);
  if (missing.length === 0) return views;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ALIGN_WAIT_MS);
  });
  const aligning = getBlockAlignments(slug, lang, missing);
  // Left to finish after the wait; a failure then goes to the log, not to an unhandled rejection.
  aligning.catch((error: unknown) => console.error(`Could not align ${slug} (${lang}):`, error));
  const aligned = await Promise.race([aligning, late]).finally(() => clearTimeout(timer));
  if (aligned instanceof Map) for (const [id, view] of aligned) views.set(id, view);
  return views;
}

const fits = (spans: readonly Span[], text: string) => spans.every(([s, e]) => s < e && e <= text.length);

/**
 * The sentences and links of a page's rows in each language it shows, from the stored alignments
 * (aligning the rows whose text changed since). A row's language is left out when its stored
 * sentences do not fit the texts shown; a failure leaves the page without sentences (reading
 * does not depend on them) and is logged.
 * `loadRowSentences('karpathy-no-priors', ['en'], [{ id, zh, glosses: { en } }])` → `Map { id => { zh: [[0, 31], …], cells: { en: … } } }`.
 */
export async function loadRowSentences(
  slug: string,
  langs: readonly TargetLanguage[],
  rows: readonly { id: string; zh: string; glosses: Partial<Record<string, string>> }[],
): Promise<Map<string, RowSentences>> {
  const out = new Map<string, RowSentences>();
  for (const lang of langs) {
    const glossed = rows.flatMap((row) => {
      const gloss = row.glosses[lang];
      return gloss ? [{ id: row.id, zh: row.zh, gloss }] : [];
    });
    const views = await viewsOf(slug, lang, glossed).catch((error: unknown) => {
      console.error(`Sentence alignment of ${slug} (${lang}) not shown:`, error);
      return undefined;
    });
    if (!views) continue;
    for (const row of rows) {
      const view = views.get(row.id);
      const gloss = row.glosses[lang];
      if (!view || gloss === undefined || !fits(view.zh, row.zh) || !fits(view.gloss, gloss)) continue;
      const links = view.links.map((link) => ({
        zh: link.zh,
        gloss: link.gloss,
        ...(link.manual ? { manual: true } : {}),
        ...(link.unsure || link.stale ? { unsure: true } : {}),
      }));
      const known = out.get(row.id) ?? { zh: view.zh, cells: {} };
      known.cells[lang] = { gloss: view.gloss, links: encodeLinks(links) };
      out.set(row.id, known);
    }
  }
  return out;
}

/** The glosses a row shows, by language: the English, or the cells of `?tl=`. */
function glossesOf(block: BlockView, reading?: ReadingColumns): Partial<Record<string, string>> {
  if (!reading) return block.en ? { en: block.en } : {};
  const glosses: Record<string, string> = {};
  for (const cell of reading.cells.get(block.id) ?? []) if (cell.gloss) glosses[cell.lang] = cell.gloss;
  return glosses;
}

/**
 * The sentences of a reading page's rows, in the languages it shows (`reading`, or the English).
 * `loadPageSentences('karpathy-no-priors', blocks)` → as loadRowSentences.
 */
export function loadPageSentences(
  slug: string,
  blocks: readonly BlockView[],
  reading?: ReadingColumns,
): Promise<Map<string, RowSentences>> {
  return loadRowSentences(
    slug,
    reading?.shown ?? ['en'],
    blocks.map((block) => ({ id: block.id, zh: block.text, glosses: glossesOf(block, reading) })),
  );
}

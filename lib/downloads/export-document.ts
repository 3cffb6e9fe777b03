import 'server-only';
import { annotateText } from '@/lib/library/annotate-text';
import type { ReadToken } from '@/lib/annotate/types';
import { buildExportDocument, type ExportDocument } from '@/lib/export/document';
import { readNotes } from '@/lib/store/annotations';
import { GLOSS_LANGUAGE, type TextView } from '@/lib/library/load';
import { textSections } from '@/lib/reading/sections';

/**
 * The export document of a loaded text, its glosses those of `views` (the text in each target
 * language to show; the text's own when absent): its notes anchored and, with `pinyin`, the
 * readings of its words (which means segmenting the whole text; without pinyin nothing is segmented).
 */
export async function loadExportDocument(
  text: TextView,
  options: { pinyin: boolean; views?: readonly TextView[] },
): Promise<ExportDocument> {
  const notes = await readNotes(text.slug, GLOSS_LANGUAGE);
  let readings: Record<string, ReadToken[]> | undefined;
  if (options.pinyin) {
    const annotation = await annotateText(text);
    readings = Object.fromEntries(Object.entries(annotation.blocks).map(([id, block]) => [id, block.tokens]));
  }
  return buildExportDocument({
    text,
    notes,
    sections: textSections(text),
    ...(options.views ? { views: options.views } : {}),
    ...(readings ? { readings } : {}),
  });
}

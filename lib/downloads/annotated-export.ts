import { exportText, type ExportedText } from './export';
import type { TextView } from '@/lib/library/load';
import type { TextAnnotation } from '@/lib/library/annotate-text';
import type { DictionaryEntry } from '@/lib/annotate/types';

export interface ExportedAnnotatedText extends Omit<ExportedText, 'blocks'> {
  blocks: (ExportedText['blocks'][number] & {
    tokens: { text: string; start: number; end: number; pinyin?: string }[];
    notes: { id: string; quote: string; start: number | null; end: number | null; body: string }[];
    terms: { term: string; start: number; end: number; en: string[] }[];
  })[];
  /** The entries of the words the text uses, once per word. */
  dictionary: Record<string, Omit<DictionaryEntry, 'parts'> & { parts?: DictionaryEntry['parts'] }>;
}

/**
 * The export shape with annotations: every block gains `tokens`, `notes` and `terms`, and a
 * top-level `dictionary` holds the entries of the words used. Breaks get empty lists.
 */
export function exportAnnotatedText(text: TextView, annotation: TextAnnotation): ExportedAnnotatedText {
  const base = exportText(text);
  return {
    ...base,
    blocks: base.blocks.map((block) => {
      const found = annotation.blocks[block.id];
      return {
        ...block,
        tokens: (found?.tokens ?? []).map(({ text: token, start, end, pinyin }) => ({
          text: token,
          start,
          end,
          ...(pinyin ? { pinyin } : {}),
        })),
        notes: (found?.notes ?? []).map((n) => ({
          id: n.id,
          quote: n.quote,
          start: n.start ?? null,
          end: n.end ?? null,
          body: n.body,
        })),
        terms: (found?.terms ?? []).map((t) => ({ term: t.term, start: t.start, end: t.end, en: t.en })),
      };
    }),
    dictionary: annotation.dictionary,
  };
}

import type { GlossStatus } from '@/lib/gloss/types';
import { glossRevision } from '@/lib/gloss/validate';
import type { BlockType, TextMeta } from '@/lib/text/types';
import type { Progress, TextView } from '@/lib/library/load';

/** The stable JSON shape of one text, for `npm run export` and `GET /api/texts/<slug>`. */
export interface ExportedText {
  slug: string;
  /** The title is glossed under the key `title`, with a status and revision like a block's. */
  title: { zh: string; en: string | null; status: GlossStatus; revision: string };
  meta: TextMeta;
  /** Present when the gloss or state file could not be read in full: what is wrong, naming the file. */
  error?: string;
  blocks: {
    id: string;
    type: BlockType;
    zh: string;
    en: string | null;
    status: GlossStatus | null;
    /** The gloss's revision, to send back as `baseRevision` when saving; null on breaks. */
    revision: string | null;
    /** Only on stale glosses: the Chinese the gloss was written for. */
    staleFrom?: string;
  }[];
}

export interface ExportedSummary {
  slug: string;
  title: { zh: string; en: string | null };
  progress: Progress;
}

/** Shapes a loaded text for export. `exportText(view)` → `{ slug, title: { zh, en, status, revision }, meta, blocks: [{ id, type, zh, en, status, revision }] }`. */
export function exportText(text: TextView): ExportedText {
  return {
    slug: text.slug,
    title: { zh: text.title.zh, en: text.title.en ?? null, status: text.title.status, revision: glossRevision(text.title.en) },
    meta: text.meta,
    ...(text.glossError || text.stateError ? { error: [text.glossError, text.stateError].filter(Boolean).join('; ') } : {}),
    blocks: text.blocks.map((b) => ({
      id: b.id,
      type: b.type,
      zh: b.text,
      en: b.en ?? null,
      status: b.status ?? null,
      revision: b.status ? glossRevision(b.en) : null,
      ...(b.staleFrom !== undefined ? { staleFrom: b.staleFrom } : {}),
    })),
  };
}

/**
 * The shape of one text in one target language, for `GET /api/texts/<slug>?lang=…`: every block
 * and the title carry the gloss as `gloss` with its `lang`; `en` is kept, with the same value,
 * only when the language is English, for clients written before there were others.
 * `exportTextIn(frenchView)` → `{ slug, lang: 'fr', title: { zh, gloss, lang: 'fr', … }, blocks: [{ id, zh, gloss, lang: 'fr', status, revision }] }`.
 */
export function exportTextIn(text: TextView): ExportedTextIn {
  const base = exportText(text);
  const english = text.lang === 'en';
  const inLanguage = <T extends { en: string | null }>({ en, ...rest }: T) => ({
    ...rest,
    gloss: en,
    lang: text.lang,
    ...(english ? { en } : {}),
  });
  return { ...base, lang: text.lang, title: inLanguage(base.title), blocks: base.blocks.map(inLanguage) };
}

type InLanguage<T> = Omit<T, 'en'> & { gloss: string | null; lang: string; en?: string | null };

export type ExportedTextIn = Omit<ExportedText, 'title' | 'blocks'> & {
  lang: string;
  title: InLanguage<ExportedText['title']>;
  blocks: InLanguage<ExportedText['blocks'][number]>[];
};

/** Shapes a loaded text for the list of texts. */
export function summarizeText(text: TextView): ExportedSummary {
  return { slug: text.slug, title: { zh: text.title.zh, en: text.title.en ?? null }, progress: text.progress };
}

import type { GlossStatus, SavedStatus } from '@/lib/gloss/types';

/** The language codes written into exchange files; the target is English unless a document names another. */
export const SOURCE_LANGUAGE = 'zh-CN';
export const TARGET_LANGUAGE = 'en';

/** What each unit is in the text: the title or a block type. */
export type UnitKind = 'title' | 'heading' | 'paragraph' | 'list-item';

/** One glossable block (or the title) as it leaves for a CAT tool. */
export interface ExportUnit {
  id: string;
  kind: UnitKind;
  /** The Chinese, inline links kept as written (`[text](url)`). */
  source: string;
  /** The gloss; absent when untranslated. */
  target?: string;
  status: GlossStatus;
  /** The gloss revision at export time (glossRevision of the gloss, or of '' when there is none). */
  revision: string;
  /** Translator's notes and glossary terms of the block, one string each. */
  notes: string[];
  /** The comments of the block's open threads, written as notes of their author (lib/comments). */
  comments?: ExportComment[];
}

/** A comment as it leaves: who wrote it, what, and which side of the unit its quote is on. */
export interface ExportComment {
  cid: string;
  author: string;
  body: string;
  side?: 'zh' | 'gloss';
}

export interface ExportDocument {
  /** The text's slug, written as the file's `original`, so an import can tell which text it is for. */
  slug: string;
  /** The glosses' language (`target-language`, `trgLang`, `xml:lang`): a canonical tag, English when absent. */
  targetLanguage?: string;
  units: ExportUnit[];
  /**
   * Write the Chinese into every `<target>` (1.2) instead of the gloss: OmegaT translates the
   * content of `<target>`, and takes the glosses from a TMX in its `tm/auto/` folder.
   */
  sourceInTarget?: boolean;
}

/** One unit as read back from a file another program may have written. */
export interface ImportedUnit {
  id: string;
  source: string;
  /** Absent when the unit has no target element. */
  target?: string;
  /** The status the file gives the target, mapped to ours. */
  status: SavedStatus;
  /** The revision the export recorded; absent when the file does not carry it. */
  revision?: string;
  /** Why the unit cannot be taken as it is (markup the app does not understand), when so. */
  problem?: string;
  /** The unit's notes written by people or other tools (not this app's own notes): comments to take in. */
  notes?: string[];
}

export interface ImportedFile {
  version: '1.2' | '2.0';
  /** The `original` of the file element(s): the slug exported. */
  original?: string;
  sourceLanguage?: string;
  targetLanguage?: string;
  units: ImportedUnit[];
}

/** `limit`: the file passed one of the import's size limits (see XLIFF_LIMITS), rather than being malformed. */
export type ParseResult =
  { ok: true; file: ImportedFile } | { ok: false; error: string; limit?: 'depth' | 'elements' | 'units' | 'unit-size' };

import 'server-only';
import { findDocSection } from '@/lib/export/document';
import { buildEpubFiles } from '@/lib/export/epub';
import { renderStandaloneHtml } from '@/lib/export/html';
import { ExportOptionError, exportFileName, mediaType, type FileExportOptions } from '@/lib/export/options';
import { printPdf } from '@/lib/export/pdf';
import { zipEntries } from '@/lib/export/zip';
import { loadExportDocument } from './export-document';
import type { TextView } from './load';
import { namedError } from '@/lib/named-error';

/** The text's gloss or state file is damaged: nothing is exported until it is repaired. */
export class DamagedTextError extends namedError('DamagedTextError') {}

export interface ExportedFile {
  data: Uint8Array;
  mediaType: string;
  fileName: string;
  /** Rows taller than a page (PDF only), which break inside. */
  longRows?: number;
}

/**
 * A text as a file: standalone HTML, EPUB or PDF, whole or one section.
 * `exportFile(text, { format: 'epub', … })` → `{ data, mediaType: 'application/epub+zip', fileName: 'slug.epub' }`.
 */
export async function exportFile(text: TextView, options: FileExportOptions, now: Date = new Date()): Promise<ExportedFile> {
  // A file written around a damaged gloss or state file would pass off missing English as untranslated.
  const damaged = [text.glossError, text.stateError].filter(Boolean);
  if (damaged.length > 0) throw new DamagedTextError(`Not exported: ${damaged.join('; ')}`);
  const doc = await loadExportDocument(text, { pinyin: options.pinyin });
  const section = options.section === undefined ? undefined : findDocSection(doc, options.section);
  if (options.section !== undefined && !section) {
    throw new ExportOptionError(
      `"${text.slug}" has no section ${options.section}: a section is named as in its reading URL ` +
        `(/read/${text.slug}/s/<name>), or numbered s1 to s${doc.sections.length}`,
    );
  }
  const sections = section ? [section.name] : undefined;
  const base = {
    mediaType: mediaType(options.format),
    fileName: exportFileName(text.slug, { format: options.format, ...(section ? { section: section.name } : {}) }),
  };
  switch (options.format) {
    case 'html': {
      const html = renderStandaloneHtml(doc, { layout: options.layout, ...(sections ? { sections } : {}) });
      return { ...base, data: new TextEncoder().encode(html) };
    }
    case 'epub': {
      const files = buildEpubFiles(doc, {
        order: options.order,
        mode: options.mode,
        modified: now,
        ...(sections ? { sections } : {}),
      });
      return { ...base, data: await zipEntries(files) };
    }
    case 'pdf': {
      const html = renderStandaloneHtml(doc, { layout: options.layout, ...(sections ? { sections } : {}) });
      const { pdf, longRows } = await printPdf(html, options.paper);
      return { ...base, data: new Uint8Array(pdf), longRows };
    }
  }
}

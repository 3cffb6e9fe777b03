import 'server-only';
import { findDocSection } from '@/lib/export/document';
import { buildEpubFiles } from '@/lib/export/epub';
import { renderStandaloneHtml } from '@/lib/export/html';
import { ExportOptionError, exportFileName, mediaType, type FileExportOptions } from '@/lib/export/options';
import { printPdf } from '@/lib/export/pdf';
import { zipEntries } from '@/lib/export/zip';
import { loadExportDocument } from './export-document';
import { loadText, type TextView } from '@/lib/library/load';
import { namedError } from '@/lib/named-error';
import { describeLanguage } from '@/lib/exchange/languages';
import type { TargetLanguage } from '@/lib/i18n/target-language';
import { textHasLanguage } from '@/lib/store/languages';

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
 * The text in each of `languages`, in order (`text` itself where its language is one of them).
 * A language the text does not have is an ExportOptionError naming it: a file never shows a
 * language as all untranslated, nor another language in its place.
 */
export async function loadExportViews(text: TextView, languages: readonly TargetLanguage[]): Promise<TextView[]> {
  return Promise.all(
    languages.map(async (lang) => {
      if (lang === text.lang) return text;
      if (!(await textHasLanguage(text.slug, lang)))
        throw new ExportOptionError(`"${text.slug}" has no ${describeLanguage(lang)} translation`);
      const loaded = await loadText(text.slug, { lang });
      if (!loaded?.ok) throw new DamagedTextError(`Not exported: ${loaded ? loaded.broken.error : `no text "${text.slug}"`}`);
      return loaded.text;
    }),
  );
}

/**
 * A text as a file: standalone HTML, EPUB or PDF, whole or one section, in Chinese and one or two
 * target languages (`options.languages`).
 * `exportFile(text, { format: 'epub', … })` → `{ data, mediaType: 'application/epub+zip', fileName: 'slug.epub' }`.
 */
export async function exportFile(text: TextView, options: FileExportOptions, now: Date = new Date()): Promise<ExportedFile> {
  // A file written around a damaged gloss or state file would pass off missing English as untranslated.
  const views = await loadExportViews(text, options.languages);
  const damaged = [text, ...views].flatMap((view) => [view.glossError, view.stateError]).filter(Boolean);
  if (damaged.length > 0) throw new DamagedTextError(`Not exported: ${[...new Set(damaged)].join('; ')}`);
  const doc = await loadExportDocument(text, { pinyin: options.pinyin, views });
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
    fileName: exportFileName(text.slug, {
      format: options.format,
      languages: options.languages,
      ...(section ? { section: section.name } : {}),
    }),
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

import { epubModes, epubOrders, type EpubMode, type EpubOrder } from './epub';
import { exportLayouts, type ExportLayout } from './html';
import { isBlockId } from '@/lib/text/hash';
import { namedError } from '@/lib/named-error';

/** The file formats a text can be exported to, and what each option may be. */
export const fileFormats = ['html', 'epub', 'pdf'] as const;
export type FileFormat = (typeof fileFormats)[number];
export const paperSizes = ['A4', 'Letter'] as const;
export type PaperSize = (typeof paperSizes)[number];

export interface FileExportOptions {
  format: FileFormat;
  layout: ExportLayout;
  pinyin: boolean;
  order: EpubOrder;
  mode: EpubMode;
  paper: PaperSize;
  /**
   * One section of a long text: its name as in the reader's URL (`/read/<slug>/s/bw03oj`), or
   * `s3` for the reader's "Section 3"; the whole text when absent.
   */
  section?: string;
}

export const defaultFileOptions: Omit<FileExportOptions, 'format'> = {
  layout: 'side',
  pinyin: false,
  order: 'zh-first',
  mode: 'parallel',
  paper: 'A4',
};

const MEDIA_TYPES: Record<FileFormat, string> = {
  html: 'text/html; charset=utf-8',
  epub: 'application/epub+zip',
  pdf: 'application/pdf',
};

export function mediaType(format: FileFormat): string {
  return MEDIA_TYPES[format];
}

function oneOf<T extends string>(name: string, value: string | null | undefined, allowed: readonly T[]): T | undefined {
  if (value === null || value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new ExportOptionError(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
}

/** A bad option value: the message says what is allowed. */
export class ExportOptionError extends namedError('ExportOptionError') {}

/**
 * Reads export options from named values (command-line flags or URL parameters); unknown
 * values are refused with a clear message. `({ format: 'epub', order: 'en-first' })` → options.
 */
export function parseFileOptions(
  values: (name: string) => string | null | undefined,
  flag: (name: string) => boolean,
): FileExportOptions {
  const format = oneOf('format', values('format'), fileFormats);
  if (!format) throw new ExportOptionError(`format is required: one of ${fileFormats.join(', ')}`);
  const section = values('section');
  if (section !== null && section !== undefined && !isBlockId(section) && !/^s[1-9][0-9]{0,5}$/.test(section)) {
    throw new ExportOptionError(
      `section must be a section's name as in its reading URL (/read/<slug>/s/<name>), or s<n> for Section n (got "${section}")`,
    );
  }
  return {
    format,
    layout: oneOf('layout', values('layout'), exportLayouts) ?? defaultFileOptions.layout,
    pinyin: flag('pinyin'),
    order: oneOf('order', values('order'), epubOrders) ?? defaultFileOptions.order,
    mode: oneOf('mode', values('mode'), epubModes) ?? defaultFileOptions.mode,
    paper: oneOf('paper', values('paper'), paperSizes) ?? defaultFileOptions.paper,
    ...(section ? { section } : {}),
  };
}

/** The file name a download gets: `karpathy-no-priors.epub`, `karpathy-no-priors-bw03oj.pdf` (a section by its name). */
export function exportFileName(slug: string, options: Pick<FileExportOptions, 'format' | 'section'>): string {
  return `${slug}${options.section ? `-${options.section}` : ''}.${options.format}`;
}

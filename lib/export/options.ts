import { epubModes, epubOrders, type EpubMode, type EpubOrder } from './epub';
import { exportLayouts, type ExportLayout } from './html';
import { isBlockId } from '@/lib/text/hash';
import { namedError } from '@/lib/named-error';
import { DEFAULT_TARGET_LANGUAGE, parseTargetLanguage, type TargetLanguage } from '@/lib/i18n/target-language';

/** At most this many target languages beside the Chinese in one file. */
export const MAX_EXPORT_LANGUAGES = 2;

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
  /** The target languages beside the Chinese, in order: one or two canonical tags (`['en']`, `['en', 'fr']`). */
  languages: TargetLanguage[];
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
  languages: [DEFAULT_TARGET_LANGUAGE],
};

/**
 * The target languages of `--lang fr` / `?lang=en,fr`: one or two tags, canonical, no repeats;
 * English when absent. `parseExportLanguages('en,pt-br')` → `['en', 'pt-BR']`.
 */
export function parseExportLanguages(value: string | null | undefined): TargetLanguage[] {
  if (value === null || value === undefined || value.trim() === '') return [...defaultFileOptions.languages];
  const languages: TargetLanguage[] = [];
  for (const part of value.split(',')) {
    const check = parseTargetLanguage(part);
    if (!check.ok) throw new ExportOptionError(`lang: ${check.error}`);
    if (languages.includes(check.lang)) throw new ExportOptionError(`lang names ${check.lang} twice`);
    languages.push(check.lang);
  }
  if (languages.length > MAX_EXPORT_LANGUAGES)
    throw new ExportOptionError(
      `lang takes at most ${MAX_EXPORT_LANGUAGES} languages beside the Chinese (got ${languages.length})`,
    );
  return languages;
}

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
    languages: parseExportLanguages(values('lang')),
    ...(section ? { section } : {}),
  };
}

/**
 * The file name a download gets: `karpathy-no-priors.epub`, `karpathy-no-priors-bw03oj.pdf` (a
 * section by its name), `karpathy-no-priors.en-fr.epub` (languages other than English alone).
 */
export function exportFileName(
  slug: string,
  options: Pick<FileExportOptions, 'format' | 'section'> & { languages?: readonly string[] },
): string {
  const languages = options.languages ?? defaultFileOptions.languages;
  const suffix = languages.length === 1 && languages[0] === DEFAULT_TARGET_LANGUAGE ? '' : `.${languages.join('-')}`;
  return `${slug}${options.section ? `-${options.section}` : ''}${suffix}.${options.format}`;
}

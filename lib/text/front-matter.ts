import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import type { ParseProblem, TextMeta } from './types';

export interface FrontMatter {
  meta: TextMeta;
  /** Lines of the source after the front matter. */
  bodyLines: string[];
  /** 1-based source line of `bodyLines[0]`. */
  bodyStartLine: number;
  problems: ParseProblem[];
}

const FENCE = /^---[ \t]*$/;
const CLOSING_FENCE = /^(---|\.\.\.)[ \t]*$/;
const metaKeys = ['title', 'date', 'author'] as const;

/**
 * Splits YAML front matter off the top of a source (lines already LF-split, BOM removed).
 * `['---', 'title: 标题', '---', '正文']` → meta `{ title: '标题' }`, body `['正文']`.
 * A file without a closing fence, or whose fenced lines are not a YAML mapping, has no front
 * matter; malformed YAML gives empty meta and a problem.
 */
export function splitFrontMatter(lines: string[]): FrontMatter {
  const none: FrontMatter = { meta: {}, bodyLines: lines, bodyStartLine: 1, problems: [] };
  if (lines.length === 0 || !FENCE.test(lines[0] ?? '')) return none;
  const close = lines.findIndex((line, i) => i > 0 && CLOSING_FENCE.test(line));
  if (close < 0) return none;

  const rest = { bodyLines: lines.slice(close + 1), bodyStartLine: close + 2 };
  let data: unknown;
  try {
    data = parseYaml(lines.slice(1, close).join('\n'));
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { meta: {}, ...rest, problems: [{ line: 1, message: `Front matter is not valid YAML: ${message}` }] };
  }
  if (data === null || data === undefined) return { meta: {}, ...rest, problems: [] };
  // Not a mapping: the two `---` lines were breaks around body text, not front matter.
  if (typeof data !== 'object' || Array.isArray(data)) return none;

  const meta: TextMeta = {};
  const record = data as Record<string, unknown>;
  for (const key of metaKeys) {
    const value = record[key];
    if (value instanceof Date) meta[key] = value.toISOString().slice(0, 10);
    else if (typeof value === 'string' || typeof value === 'number') {
      const text = String(value).trim();
      if (text) meta[key] = text;
    }
  }
  const problems: ParseProblem[] =
    Object.keys(meta).length === 0
      ? [
          {
            line: 1,
            message: 'Front matter has no title, date or author; if these lines are text, start the file with a blank line',
          },
        ]
      : [];
  return { meta, ...rest, problems };
}

/**
 * Writes front matter for the fields that are set, in the order title, date, author.
 * `{ title: '标题', date: '2024-09-08' }` → `'---\ntitle: 标题\ndate: 2024-09-08\n---\n'`; `{}` → `''`.
 */
export function serializeFrontMatter(meta: TextMeta): string {
  const fields = Object.fromEntries(metaKeys.filter((key) => meta[key]).map((key) => [key, meta[key]]));
  if (Object.keys(fields).length === 0) return '';
  return `---\n${stringifyYaml(fields, { lineWidth: 0 })}---\n`;
}

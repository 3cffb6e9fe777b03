// `npm run -s export -- <slug> --format html|epub|pdf --out <file> [options]`: writes the text
// as a standalone HTML file, an EPUB 3 book or a PDF (see docs/exports.md).
import { writeFile } from 'node:fs/promises';
import { ExportOptionError, parseFileOptions } from '@/lib/export/options';
import { exportFile } from '@/lib/downloads/export-file';
import type { TextView } from '@/lib/library/load';

export const FILE_USAGE =
  'npm run -s export -- <slug> --format html|epub|pdf --out <file> [--layout side|stacked|zh|en] [--pinyin] ' +
  '[--order zh-first|en-first] [--mode parallel|zh|en] [--paper A4|Letter] [--section <name>|s<N>] [--lang fr|en,fr]';

const VALUED = new Set(['format', 'out', 'layout', 'order', 'mode', 'paper', 'section', 'lang']);
const FLAGS = new Set(['pinyin']);

/** Splits `--name value` and `--flag` arguments; anything unknown is an error. */
export function parseFileArgs(args: readonly string[]): { values: Map<string, string>; flags: Set<string>; rest: string[] } {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const rest: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    const [name, inline] = arg.startsWith('--') ? arg.slice(2).split(/=(.*)/s, 2) : [undefined, undefined];
    if (name === undefined) rest.push(arg);
    else if (FLAGS.has(name)) flags.add(name);
    else if (VALUED.has(name)) {
      const value = inline ?? args[(i += 1)];
      if (value === undefined || value.startsWith('--')) throw new ExportOptionError(`--${name} needs a value`);
      values.set(name, value);
    } else throw new ExportOptionError(`unknown option --${name}`);
  }
  return { values, flags, rest };
}

/** Writes one export file and prints what was written. */
export async function writeExportFile(text: TextView, args: readonly string[]): Promise<void> {
  const { values, flags } = parseFileArgs(args);
  // The options first: a mistyped --format is named as such, not as a missing --out.
  const options = parseFileOptions(
    (name) => values.get(name),
    (name) => flags.has(name),
  );
  const out = values.get('out');
  if (!out) throw new ExportOptionError('--out <file> is required');
  const started = performance.now();
  const file = await exportFile(text, options);
  await writeFile(out, file.data);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.error(
    `${out}: ${options.format} (zh + ${options.languages.join(', ')}), ${file.data.byteLength} bytes in ${seconds} s`,
  );
}

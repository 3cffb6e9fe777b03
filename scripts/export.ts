// `npm run export -- <slug> [--annotations]`: prints the text as JSON
// { slug, title, meta, blocks: [{ id, type, zh, en, status }] }; with --annotations every block
// also has tokens, notes and terms, and a top-level dictionary holds the words used.
// With --format xliff|tmx it writes an exchange file instead (see export-exchange.ts); with
// --format html|epub|pdf a file to read off the screen (scripts/export/files.ts).
import { annotateText } from '@/lib/library/annotate-text';
import { exportAnnotatedText } from '@/lib/downloads/annotated-export';
import { exportText } from '@/lib/downloads/export';
import { loadLibrary, loadText } from '@/lib/library/load';
import { duplicateLedgerIds, readLedger } from '@/lib/store/sources';
import { ExportOptionError } from '@/lib/export/options';
import { DamagedTextError } from '@/lib/downloads/export-file';
import { runExchangeExport } from './export-exchange';
import { FILE_USAGE, parseFileArgs, writeExportFile } from './export/files';

/** The value of `--format` (`--format x` or `--format=x`), if given. */
function formatOf(args: readonly string[]): string | undefined {
  const at = args.findIndex((arg) => arg === '--format' || arg.startsWith('--format='));
  if (at < 0) return undefined;
  return args[at]?.startsWith('--format=') ? args[at]?.slice('--format='.length) : args[at + 1];
}
import { startProgress } from './lib/progress';
import { quietOnClosedPipe } from './lib/exit';

async function main() {
  quietOnClosedPipe();
  const args = process.argv.slice(2);
  const format = formatOf(args);
  if (format === 'xliff' || format === 'tmx') return runExchangeExport(args);
  if (format !== undefined) return exportToFile(args);
  const withAnnotations = args.includes('--annotations');
  const [slug, ...rest] = args.filter((arg) => arg !== '--annotations');
  if (!slug || rest.length > 0 || slug.startsWith('-')) {
    console.error('Usage: npm run -s export -- <slug> [--annotations]');
    process.exit(2);
  }
  const loaded = await loadText(slug);
  if (!loaded) {
    const slugs = (await loadLibrary()).map((entry) => (entry.ok ? entry.text.slug : entry.broken.slug));
    console.error(`No text "${slug}". Texts: ${slugs.join(', ') || 'none'}`);
    process.exit(1);
  }
  if (!loaded.ok) {
    console.error(loaded.broken.error);
    process.exit(1);
  }
  // Exporting around a damaged file would pass off missing English as untranslated.
  const damaged = [loaded.text.glossError, loaded.text.stateError].filter(Boolean);
  const twice = duplicateLedgerIds(await readLedger(slug));
  if (twice.length > 0) damaged.push(`content/${slug}.ids.json: ids used for more than one block: ${twice.join(', ')}`);
  if (damaged.length > 0) {
    console.error(`Not exported: ${damaged.join('; ')}`);
    process.exit(1);
  }
  // Progress goes to stderr, on a terminal only; stdout carries the JSON and nothing else.
  const progress = startProgress('annotating', loaded.text.blocks.length);
  const exported = withAnnotations
    ? exportAnnotatedText(
        loaded.text,
        await annotateText(loaded.text, undefined, { onProgress: (done) => progress.update(done) }),
      )
    : exportText(loaded.text);
  progress.stop();
  console.log(JSON.stringify(exported, null, 2));
}

async function exportToFile(args: string[]) {
  let slug: string | undefined;
  try {
    const { rest } = parseFileArgs(args);
    if (rest.length !== 1) throw new ExportOptionError('give exactly one text slug');
    slug = rest[0];
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\nUsage: ${FILE_USAGE}`);
    process.exit(2);
  }
  const loaded = slug ? await loadText(slug) : undefined;
  if (!loaded?.ok) {
    console.error(loaded ? loaded.broken.error : `No text "${slug}"`);
    process.exit(1);
  }
  try {
    await writeExportFile(
      loaded.text,
      args.filter((arg) => arg !== slug),
    );
  } catch (error) {
    if (error instanceof DamagedTextError) {
      console.error(error.message);
      process.exit(1);
    }
    if (!(error instanceof ExportOptionError)) throw error;
    console.error(`${error.message}\nUsage: ${FILE_USAGE}`);
    process.exit(2);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

// `npm run export -- <slug> [--annotations]`: prints the text as JSON
// { slug, title, meta, blocks: [{ id, type, zh, en, status }] }; with --annotations every block
// also has tokens, notes and terms, and a top-level dictionary holds the words used.
// With --format xliff|tmx it writes an exchange file instead (see export-exchange.ts).
import { annotateText } from '@/lib/annotate/annotate';
import { exportAnnotatedText } from '@/lib/annotate/export';
import { exportText } from '@/lib/library/export';
import { loadLibrary, loadText } from '@/lib/library/load';
import { duplicateLedgerIds, readLedger } from '@/lib/store/sources';
import { runExchangeExport } from './export-exchange';

async function main() {
  const args = process.argv.slice(2);
  if (args.some((arg) => arg === '--format' || arg.startsWith('--format='))) return runExchangeExport(args);
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
  const exported = withAnnotations
    ? exportAnnotatedText(loaded.text, await annotateText(loaded.text))
    : exportText(loaded.text);
  console.log(JSON.stringify(exported, null, 2));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

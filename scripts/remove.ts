// `npm run remove -- <slug> [--dry-run] [--json]`: takes a text out of the library without losing
// anything: its files (content/<slug>.*, locales/*/<slug>.*) move to removed/<slug>-<time>/, and
// the slug is free for another text. --dry-run lists the files only.
import { parseArgs } from 'node:util';
import { removeText } from '@/lib/library/remove';
import { exitFlushed, quietOnClosedPipe } from './lib/exit';

const USAGE = 'Usage: npm run remove -- <slug> [--dry-run] [--json]';

async function main() {
  quietOnClosedPipe();
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: { 'dry-run': { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
    });
  } catch {
    console.error(USAGE);
    return exitFlushed(2);
  }
  const { values, positionals } = parsed;
  const [slug, ...rest] = positionals;
  if (!slug || rest.length > 0) {
    console.error(USAGE);
    return exitFlushed(2);
  }
  const result = await removeText(slug, { dryRun: values['dry-run'] });
  if (values.json) console.log(JSON.stringify(result, null, 2));
  else if (!result.ok) console.error(result.error);
  else {
    console.log(
      result.dryRun
        ? `Would move ${result.files.length} files of ${slug}:`
        : `Moved ${result.files.length} files of ${slug} to ${result.archive}:`,
    );
    for (const file of result.files) console.log(`  ${file}`);
  }
  return exitFlushed(result.ok ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

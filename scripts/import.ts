// `npm run import -- <file.xlf> [--lang fr] [--dry-run] [--force] [--editor name] [--slug s] [--json]`: applies
// into one target language (English by default; the file's must be the same) the units of an XLIFF file whose target differs from the current gloss, through the same checks
// as an edit in the app; reports applied / unchanged / empty / stale / conflict / rejected units with ids.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { importOutcomes } from '@/lib/exchange/plan';
import { parseTargetLanguage } from '@/lib/i18n/target-language';
import { importTooLargeMessage, importXliff, MAX_IMPORT_BYTES, type ImportReport } from '@/lib/library-exchange/import';
import { readBoundedFile } from '@/lib/store/read-file';
import { exitFlushed, quietOnClosedPipe } from './lib/exit';

const USAGE = 'Usage: npm run import -- <file.xlf> [--lang <tag>] [--dry-run] [--force] [--editor name] [--slug s] [--json]';

function short(text: string | undefined, max = 60): string {
  const chars = [...(text ?? '')];
  return JSON.stringify(chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join(''));
}

function printReport(report: ImportReport): void {
  const head = report.dryRun
    ? `Dry run: nothing was written. ${report.file} → ${report.slug} (${report.lang}) would change:`
    : `${report.file} → ${report.slug} (${report.lang}):`;
  console.log(head);
  console.log(importOutcomes.map((o) => `${report.counts[o]} ${o}`).join(', '));
  if (report.comments > 0) console.log(`${report.comments} note(s) taken in as comments`);
  for (const outcome of importOutcomes) {
    const units = report.units.filter((u) => u.outcome === outcome);
    if (units.length === 0 || outcome === 'unchanged' || outcome === 'empty') continue;
    console.log(`\n${outcome} (${units.length}):`);
    for (const u of units) {
      if (outcome === 'applied')
        console.log(`  ${u.id}  ${short(u.current)} → ${short(u.incoming)}${u.status === 'reviewed' ? ' (reviewed)' : ''}`);
      else if (outcome === 'conflict')
        console.log(
          `  ${u.id}  ${u.reason}\n          in the app:  ${short(u.current)}\n          in the file: ${short(u.incoming)}`,
        );
      else if (outcome === 'stale')
        console.log(`  ${u.id}  ${u.reason}\n          file: ${short(u.fileSource)}\n          now:  ${short(u.currentSource)}`);
      else console.log(`  ${u.id || '(no id)'}  ${u.reason}`);
    }
  }
  if (report.counts.conflict > 0 && !report.dryRun)
    console.log(
      '\nConflicts were not applied; resolve them in the app, or import again with --force to take the file’s version.',
    );
}

async function main() {
  quietOnClosedPipe();
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      editor: { type: 'string' },
      slug: { type: 'string' },
      lang: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const [file, ...rest] = positionals;
  if (!file || rest.length > 0) {
    console.error(USAGE);
    process.exit(2);
  }
  const language = parseTargetLanguage(values.lang ?? 'en');
  if (!language.ok) {
    console.error(`--lang: ${language.error}\n${USAGE}`);
    process.exit(2);
  }
  const read = await readBoundedFile(file, MAX_IMPORT_BYTES, '32 MB');
  if (!read.ok) {
    console.error(read.kind === 'too-large' ? `${file}: ${importTooLargeMessage()}` : read.error);
    process.exit(1);
  }
  const result = await importXliff({
    bytes: read.bytes,
    fileName: file,
    editor: values.editor?.trim() || os.userInfo().username || 'import',
    ...(values.slug ? { slug: values.slug } : {}),
    lang: language.lang,
    dryRun: values['dry-run'],
    force: values.force,
  });
  if (values.json) console.log(JSON.stringify(result, null, 2));
  else if (!result.ok) console.error(result.error);
  else printReport(result);
  await exitFlushed(result.ok ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

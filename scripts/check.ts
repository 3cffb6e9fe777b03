// `npm run check [-- --strict] [-- --json]`: validates every text in content/ against its gloss files.
// Exit 1 on errors (and on warnings with --strict); --json prints { errors, warnings } on stdout, nothing else.
import { checkLibrary, formatProblem } from '@/lib/check/check';
import { summarizeProblems } from './lib/summary';
import { exitFlushed, quietOnClosedPipe } from './lib/exit';

async function main() {
  quietOnClosedPipe();
  const args = new Set(process.argv.slice(2));
  const unknown = [...args].filter((arg) => arg !== '--strict' && arg !== '--json');
  if (unknown.length > 0) {
    console.error(`Unknown option ${unknown.join(' ')}. Usage: npm run check -- [--strict] [--json]`);
    process.exit(2);
  }
  const report = await checkLibrary();
  if (args.has('--json')) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    // Rare problems one per line; a kind that is common in one file on one line (see --json for all).
    for (const line of summarizeProblems('error', report.errors, formatProblem)) console.log(line);
    for (const line of summarizeProblems('warning', report.warnings, formatProblem)) console.log(line);
    console.log(`${report.errors.length} error(s), ${report.warnings.length} warning(s)`);
  }
  const failed = report.errors.length > 0 || (args.has('--strict') && report.warnings.length > 0);
  await exitFlushed(failed ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

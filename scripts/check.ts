// `npm run check [-- --strict] [-- --json]`: validates every text in content/ against its gloss files.
// Exit 1 on errors (and on warnings with --strict); --json prints { errors, warnings }.
import { checkLibrary, formatProblem } from '@/lib/check/check';

async function main() {
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
    for (const problem of report.errors) console.log(`error: ${formatProblem(problem)}`);
    for (const problem of report.warnings) console.log(`warning: ${formatProblem(problem)}`);
    console.log(`${report.errors.length} error(s), ${report.warnings.length} warning(s)`);
  }
  const failed = report.errors.length > 0 || (args.has('--strict') && report.warnings.length > 0);
  process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

// `npm test`: runs every stage, even after one fails, so a run reports all its failures at once
// (a failing type check no longer hides the end-to-end and fault results). Prints each stage's
// result and time, writes them to reports/stages.json, and exits 1 if any stage failed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';

const stages = ['typecheck', 'check:imports', 'lint', 'test:unit', 'check', 'test:e2e', 'test:faults', 'test:gitsync'];
const only = process.argv.slice(2);
const results = [];
for (const stage of only.length ? only : stages) {
  const started = Date.now();
  console.log(`\n=== npm run ${stage}`);
  const run = spawnSync('npm', ['run', '-s', stage], { stdio: 'inherit' });
  const seconds = (Date.now() - started) / 1000;
  results.push({ stage, ok: run.status === 0, status: run.status ?? run.signal, seconds });
}

mkdirSync('reports', { recursive: true });
writeFileSync('reports/stages.json', `${JSON.stringify(results, null, 2)}\n`);
console.log('\nStages:');
for (const r of results) console.log(`  ${r.ok ? 'passed' : 'FAILED'}  ${r.stage.padEnd(14)} ${r.seconds.toFixed(1)} s`);
const failed = results.filter((r) => !r.ok);
if (failed.length) console.log(`${failed.length} stage(s) failed: ${failed.map((r) => r.stage).join(', ')}`);
process.exit(failed.length ? 1 : 0);

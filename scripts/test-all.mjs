// `npm test`: runs every stage, even after one fails, so a run reports all its failures at once
// (a failing type check no longer hides the end-to-end and fault results). Prints each stage's
// result and time, writes them to reports/stages.json, and exits 1 if any stage failed.
//
// The static checks run side by side, as many at a time as there are cores: each is one
// single-threaded process (tsc, eslint then prettier, dependency-cruiser, the data check), so on
// two cores lint runs on one while the three others run one after another on the other. Their
// output is held and printed whole when each ends, so the log stays readable. The test stages
// keep the machine to themselves: the unit tests use every core, and the end-to-end, fault and
// sync tests time servers against browsers and kills. reports/stages.json gives each stage's
// start (seconds into the run) with its time, so overlapping stages are not counted twice.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/** Stages in order; the stages of an inner list run side by side, the longest first. */
const plan = [['lint', 'typecheck', 'check:imports', 'check'], 'test:unit', 'test:e2e', 'test:faults', 'test:gitsync'];
// Stages named on the command line run one after the other, in the order given.
const only = process.argv.slice(2);
const steps = only.length ? only : plan;

const began = Date.now();
const results = [];

/** Runs `npm run <stage>`; a stage run beside others has its output held and printed when it ends. */
function runStage(stage, alone) {
  const startedAt = (Date.now() - began) / 1000;
  if (alone) console.log(`\n=== npm run ${stage}`);
  const child = spawn('npm', ['run', '-s', stage], { stdio: alone ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
  const output = [];
  child.stdout?.on('data', (chunk) => output.push(chunk));
  child.stderr?.on('data', (chunk) => output.push(chunk));
  return new Promise((resolve) => {
    let finished = false;
    const finish = (status) => {
      if (finished) return;
      finished = true;
      const seconds = (Date.now() - began) / 1000 - startedAt;
      if (!alone) {
        process.stdout.write(`\n=== npm run ${stage} (beside other checks)\n`);
        process.stdout.write(Buffer.concat(output));
      }
      results.push({ stage, ok: status === 0, status, seconds, startedAt });
      resolve();
    };
    child.on('error', (error) => (output.push(Buffer.from(`${error.message}\n`)), finish(String(error.message))));
    child.on('close', (code, signal) => finish(code ?? signal));
  });
}

/** Runs the stages of a group with one lane per core, each lane taking the next stage left. */
async function runSideBySide(stages) {
  const waiting = [...stages];
  const lane = async () => {
    for (let stage = waiting.shift(); stage; stage = waiting.shift()) await runStage(stage, false);
  };
  await Promise.all(Array.from({ length: Math.min(availableParallelism(), waiting.length) }, lane));
}

for (const step of steps) {
  if (Array.isArray(step)) await runSideBySide(step);
  else await runStage(step, true);
}

// In plan order, whatever order the side-by-side stages ended in.
const order = steps.flat();
results.sort((a, b) => order.indexOf(a.stage) - order.indexOf(b.stage));
const wall = (Date.now() - began) / 1000;
mkdirSync('reports', { recursive: true });
writeFileSync('reports/stages.json', `${JSON.stringify(results, null, 2)}\n`);
console.log('\nStages (started at, time taken):');
for (const r of results)
  console.log(
    `  ${r.ok ? 'passed' : 'FAILED'}  ${r.stage.padEnd(14)} +${r.startedAt.toFixed(1).padStart(6)} s  ${r.seconds.toFixed(1)} s`,
  );
console.log(`  all stages: ${wall.toFixed(1)} s = ${(wall / 60).toFixed(1)} min`);
const failed = results.filter((r) => !r.ok);
if (failed.length) console.log(`${failed.length} stage(s) failed: ${failed.map((r) => r.stage).join(', ')}`);
process.exit(failed.length ? 1 : 0);

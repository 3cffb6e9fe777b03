// Prints the one closing line CI reads, "N passed, N failed", from the vitest, Playwright and
// fault-injection JSON reports, and exits with the test command's status. A failing step that wrote no report
// (typecheck, check, build) counts as one failure.
import { existsSync, readFileSync } from 'node:fs';

const status = Number(process.argv[2] ?? 1);
let passed = 0;
let failed = 0;
const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);

const unit = read('reports/unit.json');
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
}
const e2e = read('reports/e2e.json');
if (e2e) {
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected;
  // A test that passed only on a retry is a bug to fix: name each one on its own line.
  for (const title of flakyTests(e2e.suites ?? [], [])) console.log(`flaky (passed on retry): ${title}`);
}
const faults = read('reports/faults.json');
if (faults) {
  passed += faults.passed;
  failed += faults.failed;
}
if (status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(status === 0 && failed === 0 ? 0 : 1);

/** Titles of Playwright tests whose outcome is "flaky", walking nested suites. */
function flakyTests(suites, path) {
  const found = [];
  for (const suite of suites) {
    const here = suite.title ? [...path, suite.title] : path;
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status === 'flaky') found.push([...here, spec.title].join(' › '));
      }
    }
    found.push(...flakyTests(suite.suites ?? [], here));
  }
  return found;
}

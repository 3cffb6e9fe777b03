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
  // Name each failed test (with the first line of its error) and each that passed only on a
  // retry (a bug to fix), so the last lines of a CI log say what to look at.
  for (const { title, status, error } of testsWhere(e2e.suites ?? [], [], (s) => s === 'unexpected' || s === 'flaky')) {
    console.log(status === 'flaky' ? `flaky (passed on retry): ${title}` : `failed: ${title}${error ? `: ${error}` : ''}`);
  }
}
const faults = read('reports/faults.json');
if (faults) {
  passed += faults.passed;
  failed += faults.failed;
}
if (status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(status === 0 && failed === 0 ? 0 : 1);

/** Playwright tests whose outcome passes `wanted`, walking nested suites, with the first line of their last error. */
function testsWhere(suites, path, wanted) {
  const found = [];
  for (const suite of suites) {
    const here = suite.title ? [...path, suite.title] : path;
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (!wanted(test.status)) continue;
        const last = test.results?.at(-1)?.error?.message ?? '';
        // Error messages carry terminal colour codes; keep the plain first line, shortened.
        const error = last
          .replace(/\u001b\[[0-9;]*m/g, '')
          .split('\n')[0]
          .slice(0, 200);
        found.push({ title: [...here, spec.title].join(' › '), status: test.status, error });
      }
    }
    found.push(...testsWhere(suite.suites ?? [], here, wanted));
  }
  return found;
}

// The test suite's durations, from the reports of the last `npm test` in this checkout
// (reports/stages.json, reports/unit.json, reports/e2e.json): each stage's time, the slowest unit
// test files and the slowest end-to-end spec files. Run `npm test` first; prints what it finds.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface Stage {
  stage: string;
  ok: boolean;
  seconds: number;
  /** Seconds from the start of the run (scripts/test-all.mjs runs the static checks side by side). */
  startedAt?: number;
}
interface UnitReport {
  testResults?: { name: string; startTime: number; endTime: number }[];
}
interface E2eSuite {
  file?: string;
  specs?: { tests?: { results?: { duration: number }[] }[] }[];
  suites?: E2eSuite[];
}

const read = <T>(file: string): T | undefined => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Milliseconds per spec file, summed over its tests' results. */
function specTimes(suites: E2eSuite[], file?: string, into = new Map<string, number>()): Map<string, number> {
  for (const suite of suites) {
    const name = file ?? suite.file ?? '?';
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests ?? []) for (const r of test.results ?? []) into.set(name, (into.get(name) ?? 0) + r.duration);
    specTimes(suite.suites ?? [], name, into);
  }
  return into;
}

export function suiteTimeFigures(dir = 'reports'): void {
  console.log('\nTest suite (the last `npm test` in this checkout)');
  const stages = read<Stage[]>(path.join(dir, 'stages.json'));
  if (!stages) {
    console.log('  no reports/stages.json: run `npm test` first');
    return;
  }
  // Stages that ran side by side overlap: the run took from the first start to the last end.
  const total = stages.every((s) => s.startedAt !== undefined)
    ? Math.max(...stages.map((s) => (s.startedAt ?? 0) + s.seconds)) - Math.min(...stages.map((s) => s.startedAt ?? 0))
    : stages.reduce((sum, s) => sum + s.seconds, 0);
  for (const s of stages) console.log(`  ${s.stage.padEnd(14)} ${s.seconds.toFixed(1).padStart(7)} s${s.ok ? '' : '  (failed)'}`);
  console.log(
    `  ${'all stages'.padEnd(14)} ${total.toFixed(1).padStart(7)} s = ${(total / 60).toFixed(1)} min (goal under 20 min)`,
  );
  const unit = read<UnitReport>(path.join(dir, 'unit.json'));
  const files = (unit?.testResults ?? []).map((r) => ({
    name: path.relative(process.cwd(), r.name),
    ms: r.endTime - r.startTime,
  }));
  files.sort((a, b) => b.ms - a.ms);
  if (files.length)
    console.log(
      `  slowest unit files: ${files
        .slice(0, 5)
        .map((f) => `${f.name} ${seconds(f.ms)}`)
        .join(', ')}`,
    );
  const e2e = read<{ suites?: E2eSuite[] }>(path.join(dir, 'e2e.json'));
  const specs = [...specTimes(e2e?.suites ?? [])].sort((a, b) => b[1] - a[1]);
  if (specs.length)
    console.log(
      `  slowest e2e specs: ${specs
        .slice(0, 6)
        .map(([name, ms]) => `${name} ${seconds(ms)}`)
        .join(', ')}`,
    );
}

if (import.meta.url === `file://${process.argv[1]}`) suiteTimeFigures();

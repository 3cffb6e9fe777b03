// Lighthouse 12 (its defaults: mobile form factor, simulated throttling) on the pages a reader
// lands on: the library, the reading page with and without pinyin, a paragraph page, the search
// results and a section of a generated 10,000-paragraph text. Each page is audited three times
// and the median run (by performance score) is printed, with the load average beside it: the
// simulated throttling multiplies what the machine's CPU does, so a busy machine reads long
// tasks far too high. Skipped, with a line, when Chromium is absent.
// Alone: `npx tsx --conditions=react-server scripts/bench/lighthouse.ts` (builds into .next-bench),
// or with an origin, `… scripts/bench/lighthouse.ts http://127.0.0.1:3000`, to audit a running
// server whose data holds a long text named long-text (`npm run generate:long`), and then
// `accessibility` or `performance` after it for that category alone.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { launch, type LaunchedChrome } from 'chrome-launcher';
import { startServer } from '../lib/next-server';
import { LIGHTHOUSE_GOAL, lighthouseGoalMisses, medianRun, type AuditRun, type Category } from './lighthouse-runs';
import { benchEnv, copyLibrary, generateLongText } from './bench-data';

const DIST = '.next-bench';
const ARTICLE = 'karpathy-no-priors';
const LONG_SLUG = 'long-text';
const RUNS = 3;

/** The browser Lighthouse drives: CHROME_PATH, else CHROMIUM_PATH, else Debian's chromium. */
function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROME_PATH, process.env.CHROMIUM_PATH, '/usr/bin/chromium'];
  return candidates.find((candidate): candidate is string => !!candidate && existsSync(candidate));
}

async function text(origin: string, pathname: string): Promise<string> {
  const response = await fetch(`${origin}${pathname}`);
  if (!response.ok) throw new Error(`${pathname} answered ${response.status}`);
  return response.text();
}

/** The pages to audit, with the ids they need read from the running app. */
async function pagesToAudit(origin: string): Promise<[name: string, pathname: string][]> {
  const api = JSON.parse(await text(origin, `/api/texts/${ARTICLE}`)) as { blocks: { id: string; type: string }[] };
  const paragraph = api.blocks.find((b) => b.type !== 'break' && b.type !== 'heading') ?? api.blocks[0];
  const contents = await text(origin, `/read/${LONG_SLUG}/contents`);
  const section = new RegExp(`href="(/read/${LONG_SLUG}/s/[a-z0-9]+)"`).exec(contents)?.[1];
  if (!paragraph || !section) throw new Error('no paragraph of the article or no section of the long text to audit');
  return [
    ['library', '/'],
    ['reading page', `/read/${ARTICLE}`],
    ['reading page, pinyin', `/read/${ARTICLE}?pinyin=1`],
    ['paragraph page', `/read/${ARTICLE}/p/${paragraph.id}`],
    ['search results', `/search?q=${encodeURIComponent('智能')}`],
    ['long-text section', section],
  ];
}

const score = (value: number | null | undefined) => (value === null || value === undefined ? null : Math.round(value * 100));

/** One Lighthouse run of `url` in the launched browser. */
async function audit(chrome: LaunchedChrome, url: string, only: Category[]): Promise<AuditRun> {
  // Lighthouse is an ES module only: imported on use, so the rest of the bench does not load it.
  const { default: lighthouse } = await import('lighthouse');
  const result = await lighthouse(url, {
    port: chrome.port,
    logLevel: 'error',
    output: 'json',
    onlyCategories: only,
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  const failing = (category: 'performance' | 'accessibility') =>
    (lhr.categories[category]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0)
      .map((ref) => lhr.audits[ref.id])
      .filter((a) => a && a.score !== null && a.score < 1)
      .map((a) => `${a!.id} ${a!.score}`);
  return {
    performance: score(lhr.categories.performance?.score),
    accessibility: score(lhr.categories.accessibility?.score),
    fcp: numeric('first-contentful-paint'),
    lcp: numeric('largest-contentful-paint'),
    tbt: numeric('total-blocking-time'),
    cls: numeric('cumulative-layout-shift'),
    failing: { performance: failing('performance'), accessibility: failing('accessibility') },
    benchmarkIndex: lhr.environment.benchmarkIndex,
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** The median run's scores and metrics (the metrics only when performance was audited). */
function describeRun(median: AuditRun, runs: AuditRun[]): string {
  const accessibility = median.accessibility === null ? '' : `accessibility ${median.accessibility}`;
  if (median.performance === null) return accessibility;
  return (
    `performance ${median.performance} (runs ${runs.map((r) => r.performance).join('/')})` +
    `${accessibility ? `, ${accessibility}` : ''}; FCP ${seconds(median.fcp)}, LCP ${seconds(median.lcp)}, ` +
    `TBT ${median.tbt.toFixed(0)} ms, CLS ${median.cls.toFixed(3)}; benchmark index ${median.benchmarkIndex.toFixed(0)}`
  );
}

/** Audits every page RUNS times against a running server and prints the median run of each. */
export async function auditPages(origin: string, only: Category[] = ['performance', 'accessibility']): Promise<void> {
  const chromePath = chromiumPath();
  if (!chromePath) {
    console.log('\nLighthouse: skipped, no Chromium (set CHROME_PATH or CHROMIUM_PATH)');
    return;
  }
  const chrome = await launch({ chromePath, chromeFlags: ['--headless=new', '--no-sandbox'] });
  try {
    console.log(
      `\nLighthouse 12 (mobile, simulated throttling), median of ${RUNS} runs; ` +
        `goal: performance at least ${LIGHTHOUSE_GOAL.performance}, accessibility ${LIGHTHOUSE_GOAL.accessibility}`,
    );
    for (const [name, pathname] of await pagesToAudit(origin)) {
      const runs: AuditRun[] = [];
      const loads: string[] = [];
      const errors: string[] = [];
      for (let i = 0; i < RUNS; i += 1) {
        loads.push(loadavg()[0]?.toFixed(1) ?? '');
        // A run that times out (a busy machine) is told, and the page keeps its other runs.
        await audit(chrome, `${origin}${pathname}`, only).then(
          (run) => runs.push(run),
          (error: unknown) => errors.push(error instanceof Error ? error.message : String(error)),
        );
      }
      for (const error of new Set(errors)) console.log(`${name.padEnd(22)} a run failed: ${error}`);
      const median = medianRun(runs);
      if (!median) continue;
      console.log(`${name.padEnd(22)} ${describeRun(median, runs)}; load average ${loads.join('/')}  ${pathname}`);
      for (const miss of lighthouseGoalMisses(median)) console.log(`  ${miss}`);
    }
  } finally {
    chrome.kill();
  }
}

/**
 * Builds the app into `distDir` over a temporary copy of the data with a generated
 * 10,000-paragraph text, starts it and audits the pages.
 */
export async function lighthouseFigures(distDir = DIST): Promise<void> {
  if (!chromiumPath()) {
    console.log('\nLighthouse: skipped, no Chromium (set CHROME_PATH or CHROMIUM_PATH)');
    return;
  }
  const data = copyLibrary('lighthouse');
  try {
    const env = benchEnv(data, distDir);
    generateLongText(env, LONG_SLUG);
    const built = spawnSync('node_modules/.bin/next', ['build'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    if (built.status !== 0) throw new Error('next build failed');
    spawnSync('node_modules/.bin/tsx', ['--conditions=react-server', 'scripts/prepare-data.ts'], { env, stdio: 'inherit' });
    const server = await startServer(env);
    try {
      await auditPages(server.origin);
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('lighthouse.ts')) {
  const [origin, category] = process.argv.slice(2);
  const only: Category[] | undefined = category === 'performance' || category === 'accessibility' ? [category] : undefined;
  (origin ? auditPages(origin, only) : lighthouseFigures()).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

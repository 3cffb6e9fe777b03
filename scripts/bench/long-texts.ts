// Long texts, in one run: build time with and without a 10,000-paragraph text in content/; the
// heaviest section page of that text against the bundled article's page (HTML with its inline
// RSC payload, gzip, annotations on; and first-load JS); first-visit and cached render times of
// the sections; and the server's RSS after it served every section and 1,000 paragraph pages.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { startServer } from '../lib/next-server';

// The benchmark's own build folder (tsconfig.json already includes its types).
const DIST = '.next-bench';
const ARTICLE = '/read/karpathy-no-priors';
const LONG_SLUG = 'long-text';
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

function build(env: NodeJS.ProcessEnv): number {
  rmSync(DIST, { recursive: true, force: true });
  const started = performance.now();
  const result = spawnSync('node_modules/.bin/next', ['build'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error('next build failed');
  return (performance.now() - started) / 1000;
}

interface Fetched {
  html: string;
  ms: number;
}

async function get(origin: string, pathname: string): Promise<Fetched> {
  const started = performance.now();
  const response = await fetch(`${origin}${pathname}`);
  const html = await response.text();
  if (!response.ok) throw new Error(`${pathname} answered ${response.status}`);
  return { html, ms: performance.now() - started };
}

/** gzip of the first-load JS a page names. */
async function firstLoadJs(origin: string, html: string): Promise<number> {
  const sources = new Set([...html.matchAll(/<script src="([^"]+)"(?![^>]*noModule)/g)].map((m) => m[1] ?? ''));
  let total = 0;
  for (const src of sources) total += gzipSync(Buffer.from(await (await fetch(new URL(src, origin))).arrayBuffer())).length;
  return total;
}

/** Resident memory of a process group, in MB (the server and any worker it started). */
function rssMb(pid: number): number {
  const out = execFileSync('ps', ['-o', 'rss=', '-g', String(pid)], { encoding: 'utf8' });
  return out.split('\n').reduce((sum, line) => sum + (Number(line.trim()) || 0), 0) / 1024;
}

export async function longTextFigures(): Promise<void> {
  const data = mkdtempSync(path.join(tmpdir(), 'bilingual-bench-long-'));
  try {
    for (const folder of ['content', 'locales']) cpSync(folder, path.join(data, folder), { recursive: true });
    const env = {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      NEXT_DIST_DIR: DIST,
      BILINGUAL_DATA_DIR: data,
      BILINGUAL_ANNOTATIONS: 'on',
    };
    const without = build(env);
    const generated = spawnSync(
      'node_modules/.bin/tsx',
      ['--conditions=react-server', 'scripts/generate-long-text.ts', '--paragraphs', '10000', '--slug', LONG_SLUG],
      {
        env,
        encoding: 'utf8',
      },
    );
    if (generated.status !== 0) throw new Error(`generating the long text failed: ${generated.stderr}`);
    const withLong = build(env);
    console.log(`\nlong texts: ${generated.stdout.trim()}`);
    console.log(
      `build: ${without.toFixed(1)} s without the long text, ${withLong.toFixed(1)} s with it (${(withLong / without).toFixed(2)} ×)`,
    );

    const server = await startServer(env);
    try {
      const article = await get(server.origin, ARTICLE);
      const articleHtml = gzipSync(article.html).length;
      const articleJs = await firstLoadJs(server.origin, article.html);

      // Every section, from the contents page (a section page lists only those near it).
      const contents = await get(server.origin, `/read/${LONG_SLUG}/contents`);
      const sections = [
        `/read/${LONG_SLUG}`,
        ...new Set(
          [...contents.html.matchAll(new RegExp(`href="(/read/${LONG_SLUG}/s/[a-z0-9]{6})"`, 'g'))].map((m) => m[1] ?? ''),
        ),
      ];
      if (sections.length < 2) throw new Error(`the contents page of ${LONG_SLUG} lists no sections`);
      const firstVisits: number[] = [];
      let heaviest = { path: '', html: 0, page: '' };
      for (const section of sections.slice(1)) {
        const page = await get(server.origin, section);
        firstVisits.push(page.ms);
        const size = gzipSync(page.html).length;
        if (size > heaviest.html) heaviest = { path: section, html: size, page: page.html };
      }
      const cached: number[] = [];
      for (const section of sections) cached.push((await get(server.origin, section)).ms);
      const heaviestJs = await firstLoadJs(server.origin, heaviest.page);

      const api = (await (await fetch(`${server.origin}/api/texts/${LONG_SLUG}`)).json()) as {
        blocks: { id: string; type: string }[];
      };
      const paragraphs = api.blocks.filter((b) => b.type !== 'break');
      const step = Math.max(1, Math.floor(paragraphs.length / 1000));
      const paragraphTimes: number[] = [];
      for (let i = 0; i < paragraphs.length && paragraphTimes.length < 1000; i += step) {
        paragraphTimes.push((await get(server.origin, `/read/${LONG_SLUG}/p/${paragraphs[i]!.id}`)).ms);
      }
      const rss = server.process.pid ? rssMb(server.process.pid) : NaN;

      console.log(
        `heaviest section ${heaviest.path}: HTML with RSC ${kb(heaviest.html)} gzip against the article's ${kb(articleHtml)} ` +
          `(${(heaviest.html / articleHtml).toFixed(2)} ×); first-load JS ${kb(heaviestJs)} against ${kb(articleJs)}`,
      );
      console.log(
        `sections: ${sections.length}; first visit p50 ${ms(percentile(firstVisits, 50))}, p95 ${ms(percentile(firstVisits, 95))}, ` +
          `max ${ms(Math.max(...firstVisits))}; cached p50 ${ms(percentile(cached, 50))}, p95 ${ms(percentile(cached, 95))}`,
      );
      console.log(
        `paragraph pages: ${paragraphTimes.length} first visits, p50 ${ms(percentile(paragraphTimes, 50))}, p95 ${ms(percentile(paragraphTimes, 95))}`,
      );
      console.log(
        `server RSS after every section and ${paragraphTimes.length} paragraph pages: ${rss.toFixed(0)} MB (bound 768 MB)`,
      );
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(data, { recursive: true, force: true });
    rmSync(DIST, { recursive: true, force: true });
  }
}

// Long texts, in one run: build time with and without a 10,000-paragraph text in content/; the
// heaviest section page of that text against the bundled article's page (HTML with its inline
// RSC payload, gzip, annotations on; and first-load JS); first-visit and cached render times of
// the sections, and their ratio; permalinks deep into that text, from navigation until the row is
// on screen (scripts/bench/deep-link.ts); and the server's RSS after it served every section and
// 1,000 paragraph pages.
import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { startServer } from '../lib/next-server';
import { scheduleAlignment } from '@/lib/library/alignment';
import { benchEnv, copyLibrary, generateLongText } from './bench-data';
import { deepLinkTimes } from './deep-link';

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

/** Aligns a text's sentences in the data folder `data`, as the server would in the background; seconds taken. */
async function alignedIn(data: string, slug: string): Promise<number> {
  const previous = process.env.BILINGUAL_DATA_DIR;
  process.env.BILINGUAL_DATA_DIR = data;
  const started = performance.now();
  try {
    const result = await scheduleAlignment(slug, 'en');
    if (typeof result !== 'number') throw new Error(`aligning ${slug} failed: ${result.error}`);
    return (performance.now() - started) / 1000;
  } finally {
    if (previous === undefined) delete process.env.BILINGUAL_DATA_DIR;
    else process.env.BILINGUAL_DATA_DIR = previous;
  }
}

/** Resident memory of a process group, in MB (the server and any worker it started). */
function rssMb(pid: number): number {
  const out = execFileSync('ps', ['-o', 'rss=', '-g', String(pid)], { encoding: 'utf8' });
  return out.split('\n').reduce((sum, line) => sum + (Number(line.trim()) || 0), 0) / 1024;
}

export async function longTextFigures(): Promise<void> {
  const data = copyLibrary('long');
  try {
    const env = benchEnv(data, DIST);
    const without = build(env);
    const generated = generateLongText(env, LONG_SLUG);
    const withLong = build(env);
    console.log(`\nlong texts: ${generated}`);
    console.log(
      `build: ${without.toFixed(1)} s without the long text, ${withLong.toFixed(1)} s with it (${(withLong / without).toFixed(2)} ×)`,
    );

    // Its sentences aligned first, as the server's background pass leaves them some minutes after
    // a start: the figures below are of a warm server, not of one still aligning 10,000 paragraphs.
    const aligned = await alignedIn(data, LONG_SLUG);
    console.log(`sentences of ${LONG_SLUG} aligned before the server starts: ${aligned.toFixed(1)} s`);

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
      const api = (await (await fetch(`${server.origin}/api/texts/${LONG_SLUG}`)).json()) as {
        blocks: { id: string; type: string }[];
      };
      const paragraphs = api.blocks.filter((b) => b.type !== 'break');

      // Permalinks first, while their sections are still uncached; their sections are then left
      // out of the first visits below.
      const deepIds = [0.2, 0.4, 0.6, 0.8, 0.95].map((at) => paragraphs[Math.floor(at * paragraphs.length)]!.id);
      const sectionOf = new Map<string, string>();
      for (const id of deepIds) {
        const located = (await (await fetch(`${server.origin}/read/${LONG_SLUG}/locate/${id}`)).json()) as { path: string };
        sectionOf.set(id, located.path);
      }
      const linked = new Set(sectionOf.values());
      const deep = await deepLinkTimes(server.origin, `/read/${LONG_SLUG}`, deepIds, (id) => sectionOf.get(id) ?? '');

      // Cold against cached: 20 sections spread over the text, each asked for twice in a row.
      const unvisited = sections.slice(1).filter((s) => !linked.has(s));
      const sample = Array.from({ length: 20 }, (_, i) => unvisited[Math.floor((i * unvisited.length) / 20)] ?? '');
      const cold: number[] = [];
      const warm: number[] = [];
      for (const section of new Set(sample)) {
        cold.push((await get(server.origin, section)).ms);
        warm.push((await get(server.origin, section)).ms);
      }
      const sampled = new Set(sample);

      const firstVisits: number[] = [];
      let heaviest = { path: '', html: 0, page: '' };
      for (const section of sections.slice(1)) {
        if (linked.has(section) || sampled.has(section)) continue;
        const page = await get(server.origin, section);
        firstVisits.push(page.ms);
        const size = gzipSync(page.html).length;
        if (size > heaviest.html) heaviest = { path: section, html: size, page: page.html };
      }
      const cached: number[] = [];
      for (const section of sections) cached.push((await get(server.origin, section)).ms);
      const heaviestJs = await firstLoadJs(server.origin, heaviest.page);

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
          `max ${ms(Math.max(...firstVisits))}; again after walking them all p50 ${ms(percentile(cached, 50))}, p95 ${ms(percentile(cached, 95))}`,
      );
      console.log(
        `cold against cached, ${cold.length} sections each asked for twice in a row: cold p50 ${ms(percentile(cold, 50))}, ` +
          `cached p50 ${ms(percentile(warm, 50))}: ${(percentile(cold, 50) / percentile(warm, 50)).toFixed(1)} × (goal at most 3 ×)`,
      );
      console.log(
        deep
          ? `deep permalinks (${deepIds.length}, 20–95 % into the text), navigation to the row on screen: ` +
              `first p50 ${ms(percentile(deep.first, 50))}, max ${ms(Math.max(...deep.first))}; ` +
              `again p50 ${ms(percentile(deep.again, 50))}, max ${ms(Math.max(...deep.again))} (goal at most 1,500 ms); ` +
              `the section's own URL with #id p50 ${ms(percentile(deep.direct, 50))}`
          : 'deep permalinks: no Chromium (set CHROMIUM_PATH)',
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

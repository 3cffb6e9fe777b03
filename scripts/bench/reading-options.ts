// Page weight of the reading options (issue 13): what the default reading page costs (HTML, the
// RSC payload inlined in it, first-load JS, all gzip), and what a reader who switches every
// option on loads on top of it (the chunks fetched once zhuyin is chosen).
// `npx tsx scripts/bench/reading-options.ts <origin> [slug] [distDir]` weighs a running server
// (and, given its build folder, the zhuyin chunk); `npm run bench` calls `readingOptionsFigures`.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const gzipSize = (bytes: string | Buffer) => gzipSync(bytes).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export interface ReadingPageWeight {
  html: number;
  rsc: number;
  js: number;
  /** The script URLs of the first load. */
  scripts: string[];
}

/** The gzip size of a page's HTML, of its inlined RSC payload and of its first-load scripts. */
export async function weighReadingPage(origin: string, path: string): Promise<ReadingPageWeight> {
  const html = await (await fetch(`${origin}${path}`)).text();
  const flight = [...html.matchAll(/<script>(self\.__next_f\.push[\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '').join('');
  const scripts = [...new Set([...html.matchAll(/<script src="([^"]+)"(?![^>]*noModule)/g)].map((m) => m[1] ?? ''))];
  let js = 0;
  for (const src of scripts) js += gzipSize(Buffer.from(await (await fetch(new URL(src, origin))).arrayBuffer()));
  return { html: gzipSize(html), rsc: gzipSize(flight), js, scripts };
}

/**
 * The build's client chunks that hold the zhuyin conversion (recognised by its table), which the
 * page fetches only when a reader chooses zhuyin, and their gzip size.
 */
export function zhuyinChunks(distDir: string): { files: string[]; bytes: number } {
  const folder = path.join(distDir, 'static', 'chunks');
  const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
  const found = files.filter((f) => readFileSync(path.join(folder, f), 'utf8').includes('ㄅ'));
  const bytes = found.reduce((sum, f) => sum + gzipSize(readFileSync(path.join(folder, f))), 0);
  return { files: found, bytes };
}

/** Prints the default reading page's weight for one text, and what choosing zhuyin fetches on top of it. */
export async function readingOptionsFigures(origin: string, slug: string, distDir?: string): Promise<ReadingPageWeight> {
  const weight = await weighReadingPage(origin, `/read/${slug}`);
  console.log(
    `reading options: /read/${slug} by default: HTML ${kb(weight.html)} (RSC ${kb(weight.rsc)}), ` +
      `first-load JS ${kb(weight.js)} in ${weight.scripts.length} scripts`,
  );
  if (distDir) {
    const zhuyin = zhuyinChunks(distDir);
    const inFirstLoad = zhuyin.files.filter((f) => weight.scripts.some((src) => src.endsWith(f)));
    console.log(
      `reading options: the zhuyin conversion is ${kb(zhuyin.bytes)} in ${zhuyin.files.length} chunk(s), ` +
        `${inFirstLoad.length === 0 ? 'none of it' : `${inFirstLoad.length} chunk(s)`} in the first load`,
    );
  }
  return weight;
}

if (process.argv[1]?.endsWith('reading-options.ts')) {
  const [origin = 'http://127.0.0.1:3000', slug = 'karpathy-no-priors', distDir] = process.argv.slice(2);
  readingOptionsFigures(origin, slug, distDir).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

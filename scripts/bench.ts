// `npm run bench`: prints figures, asserts nothing.
// - the time of a production build (`next build`);
// - for the reading page of each text, the gzip size of its HTML (with the inline RSC payload)
//   and of its first-load JS, next to the same for a bare page of the same build (the 404 page:
//   site layout and one message).
import { spawn, spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';

const port = 3900 + Math.floor(Math.random() * 90);
const origin = `http://127.0.0.1:${port}`;
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 120; i += 1) {
    try {
      if ((await fetch(`${origin}/api/texts`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('next start did not answer within 60 s');
}

interface PageWeight {
  html: number;
  htmlGzip: number;
  js: number;
  jsGzip: number;
  scripts: number;
}

async function weigh(path: string): Promise<PageWeight> {
  const html = await (await fetch(`${origin}${path}`)).text();
  const sources = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1] ?? '').filter((src) => !/noModule/.test(src));
  let js = 0;
  let jsGzip = 0;
  for (const src of new Set(sources)) {
    const body = Buffer.from(await (await fetch(new URL(src, origin))).arrayBuffer());
    js += body.length;
    jsGzip += gzipSync(body).length;
  }
  return { html: Buffer.byteLength(html), htmlGzip: gzipSync(html).length, js, jsGzip, scripts: new Set(sources).size };
}

async function main() {
  const started = performance.now();
  const build = spawnSync('node_modules/.bin/next', ['build'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const buildSeconds = (performance.now() - started) / 1000;
  if (build.status !== 0) throw new Error('next build failed');
  console.log(`build: next build took ${buildSeconds.toFixed(1)} s`);

  const server = spawn('node_modules/.bin/next', ['start', '-p', String(port), '-H', '127.0.0.1'], {
    env,
    stdio: 'ignore',
    detached: true,
  });
  try {
    await waitForServer();
    const texts = (await (await fetch(`${origin}/api/texts`)).json()) as { slug: string }[];
    const bare = await weigh('/bench-bare-page');
    const rows: [string, PageWeight][] = [['bare page (404)', bare]];
    for (const { slug } of texts) rows.push([`/read/${slug}`, await weigh(`/read/${slug}`)]);
    console.log('\npage                          HTML        HTML gzip   first-load JS   JS gzip   scripts');
    for (const [name, w] of rows) {
      console.log(
        `${name.padEnd(30)}${kb(w.html).padEnd(12)}${kb(w.htmlGzip).padEnd(12)}${kb(w.js).padEnd(16)}${kb(w.jsGzip).padEnd(10)}${w.scripts}`,
      );
    }
    for (const [name, w] of rows.slice(1)) {
      console.log(`${name}: HTML gzip ${kb(w.htmlGzip - bare.htmlGzip)} and JS gzip ${kb(w.jsGzip - bare.jsGzip)} above the bare page`);
    }
  } finally {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

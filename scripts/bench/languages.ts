// Page weight of target languages (issue 18): the reading page with one target language
// (`?tl=fr`) and with two (`?tl=en,fr`) against English alone, on a copy of the data in which
// French is as complete as English: each English gloss with its letters rotated by 13 (ROT13),
// so a column holds as much text, as compressible, but nothing gzip could share with the English
// column (real French runs some 15 % longer than English).
// `NEXT_DIST_DIR=<build> npx tsx --conditions=react-server scripts/bench/languages.ts [slug]`
// weighs a build made before; `npm run bench` calls `languageWeightFigures` on its own build.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../lib/next-server';
import { weighReadingPage, type ReadingPageWeight } from './reading-options';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const rot13 = (text: string) =>
  text.replace(/[a-z]/gi, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
  });

/** A data copy in which `lang` has a gloss for every gloss English has (see above). */
function dataWithCompleteLanguage(slug: string, lang: string): string {
  const data = mkdtempSync(path.join(tmpdir(), 'bilingual-bench-languages-'));
  for (const folder of ['content', 'locales']) cpSync(folder, path.join(data, folder), { recursive: true });
  const english = JSON.parse(readFileSync(path.join(data, 'locales', 'en', `${slug}.json`), 'utf8')) as Record<string, string>;
  const other = Object.fromEntries(Object.entries(english).map(([key, gloss]) => [key, rot13(gloss)]));
  cpSync(path.join(data, 'locales', 'en', `${slug}.state.json`), path.join(data, 'locales', lang, `${slug}.state.json`));
  writeFileSync(path.join(data, 'locales', lang, `${slug}.json`), `${JSON.stringify(other, null, 2)}\n`);
  return data;
}

/** Prints the weights and their ratios to English alone; `env` names the build (NEXT_DIST_DIR). */
export async function languageWeightFigures(env: NodeJS.ProcessEnv = process.env, slug = 'karpathy-no-priors') {
  const data = dataWithCompleteLanguage(slug, 'fr');
  const server = await startServer({ ...env, NEXT_TELEMETRY_DISABLED: '1', BILINGUAL_DATA_DIR: data });
  try {
    const pages: [string, string][] = [
      ['English alone', `/read/${slug}`],
      ['one target (?tl=fr)', `/read/${slug}?tl=fr`],
      ['two targets (?tl=en,fr)', `/read/${slug}?tl=en,fr`],
    ];
    const weights: [string, ReadingPageWeight][] = [];
    for (const [name, page] of pages) {
      await weighReadingPage(server.origin, page); // the first request makes the page
      weights.push([name, await weighReadingPage(server.origin, page)]);
    }
    const base = weights[0]?.[1];
    if (!base) return;
    console.log(`\ntarget languages: /read/${slug} (gzip), French as complete as English`);
    for (const [name, w] of weights) {
      const ratio = (w.html + w.js) / (base.html + base.js);
      console.log(
        `  ${name.padEnd(26)} HTML ${kb(w.html).padEnd(10)} (RSC ${kb(w.rsc).padEnd(9)}) JS ${kb(w.js).padEnd(10)} ` +
          `of English alone: HTML ${((w.html / base.html) * 100).toFixed(1)} %, HTML + JS ${(ratio * 100).toFixed(1)} %`,
      );
    }
    console.log('  goals: one target within 2 % of English alone, two targets under 1.6 ×');
  } finally {
    await server.stop();
    rmSync(data, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('languages.ts')) {
  languageWeightFigures(process.env, process.argv[2]).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

// What the benchmarks that serve a built app share: a temporary copy of the library, the
// environment of a server on it, and a generated 10,000-paragraph text in that copy.
import { cpSync, mkdtempSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A temporary folder holding a copy of content/ and locales/; the caller removes it. */
export function copyLibrary(label: string): string {
  const data = mkdtempSync(path.join(tmpdir(), `bilingual-bench-${label}-`));
  for (const folder of ['content', 'locales']) cpSync(folder, path.join(data, folder), { recursive: true });
  return data;
}

/** The environment of a build and server on the data folder `data`, built into `distDir`, annotations on. */
export function benchEnv(data: string, distDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: distDir,
    BILINGUAL_DATA_DIR: data,
    BILINGUAL_ANNOTATIONS: 'on',
  };
}

/** Generates a 10,000-paragraph text `slug` in the environment's data folder; returns what the generator printed. */
export function generateLongText(env: NodeJS.ProcessEnv, slug: string): string {
  const generated = spawnSync(
    'node_modules/.bin/tsx',
    ['--conditions=react-server', 'scripts/generate-long-text.ts', '--paragraphs', '10000', '--slug', slug],
    { env, encoding: 'utf8' },
  );
  if (generated.status !== 0) throw new Error(`generating the long text failed: ${generated.stderr}`);
  return generated.stdout.trim();
}

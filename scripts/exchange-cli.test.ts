// The command-line entry points of issue 8 as a person runs them: npm run add, export --format,
// import, with their output and exit codes, on a temporary copy of the data.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDataDir } from '@/lib/testing/data-dir';

const ROOT = path.resolve(__dirname, '..');
const FIXTURES = path.join(ROOT, 'lib', 'text', 'fixtures', 'encodings');
let data: ReturnType<typeof makeDataDir>;
beforeEach(() => {
  data = makeDataDir({ copyRepoData: true });
});
afterEach(() => data.dispose());

function run(script: string, args: string[]) {
  const result = spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      '--conditions=react-server',
      path.join(ROOT, 'scripts', script),
      ...args,
    ],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, BILINGUAL_DATA_DIR: data.root },
      timeout: 60_000,
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run add', () => {
  it('adds a Big5 file and says what it found', () => {
    const out = run('add.ts', [path.join(FIXTURES, 'big5.md'), '--slug', 'from-big5', '--title', '繁體', '--date', '2024-09-08']);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain('Wrote content/from-big5.md (slug from-big5); encoding found: big5 (100% confident)');
    expect(out.stdout).toContain('Blocks: 1 heading, 2 paragraphs');
    expect(readFileSync(data.file('content/from-big5.md'), 'utf8')).toMatch(
      /^---\ntitle: 繁體\ndate: 2024-09-08\n---\n\n# 自動駕駛是 AGI\n/,
    );
  }, 60_000);

  it('refuses a short file of unsure encoding with exit 1 and writes nothing', () => {
    const out = run('add.ts', [path.join(FIXTURES, 'short-gb18030.txt'), '--slug', 'unsure']);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/could not be determined with confidence.*gb18030 or big5/);
    expect(existsSync(data.file('content/unsure.md'))).toBe(false);
  }, 60_000);
});

describe('npm run add and import of something that is not a regular file', () => {
  const cases = [
    { script: 'add.ts', name: 'zero.txt', target: '/dev/zero', said: /is a device, not a regular file/ },
    { script: 'import.ts', name: 'zero.xlf', target: '/dev/zero', said: /is a device, not a regular file/ },
    { script: 'add.ts', name: 'pipe.txt', target: 'fifo', said: /is a pipe, not a regular file/ },
  ];
  it.each(cases)(
    '$script $name ($target) ends at once with exit 1',
    ({ script, name, target, said }) => {
      const file = path.join(data.root, name);
      if (target === 'fifo') spawnSync('mkfifo', [file]);
      else symlinkSync(target, file);
      const out = run(script, [file]);
      expect(out.code, out.stderr).toBe(1);
      expect(out.stderr).toMatch(said);
    },
    60_000,
  );
});

describe('npm run -s export --format xliff, then npm run import', () => {
  it('a changed target is shown by --dry-run and applied without it', () => {
    const exported = run('export.ts', ['karpathy-no-priors', '--format', 'xliff']);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stderr).toContain('51 units, XLIFF 1.2');
    const file = path.join(data.root, 'out.xlf');
    writeFileSync(
      file,
      exported.stdout.replace(
        /(<trans-unit id="c4pzjo"[^>]*>[\s\S]*?<target[^>]*>)[\s\S]*?(<\/target>)/,
        '$1Changed on the command line.$2',
      ),
    );

    const dry = run('import.ts', [file, '--dry-run', '--editor', 'ann']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('Dry run: nothing was written.');
    expect(dry.stdout).toContain('1 applied, 50 unchanged, 0 empty, 0 stale, 0 conflict, 0 rejected');
    expect(existsSync(data.file('locales/en/karpathy-no-priors.history.jsonl'))).toBe(false);

    const real = run('import.ts', [file, '--editor', 'ann', '--json']);
    expect(real.code, real.stderr).toBe(0);
    expect(JSON.parse(real.stdout)).toMatchObject({ ok: true, counts: { applied: 1 } });
    expect(JSON.parse(readFileSync(data.file('locales/en/karpathy-no-priors.json'), 'utf8')).c4pzjo).toBe(
      'Changed on the command line.',
    );
  }, 120_000);

  it('a file that is not XML exits 1 with the reason', () => {
    const file = path.join(data.root, 'bad.xlf');
    writeFileSync(file, 'not xml');
    const out = run('import.ts', [file]);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/bad\.xlf: Not well-formed XML/);
  }, 60_000);
});

import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { unzipText } from '../lib/export/zip';
import { SLUG } from './helpers';

// Export and exchange in a second target language, through the commands, read back by epubcheck.
// A copy of the bundled data with French added (three paragraphs and the title translated).
const EPUBCHECK_JAR = '/usr/share/java/epubcheck.jar';
const root = mkdtempSync(path.join(tmpdir(), 'export-languages-'));
cpSync('content', path.join(root, 'content'), { recursive: true });
cpSync('locales', path.join(root, 'locales'), { recursive: true });
const englishFile = path.join(root, 'locales', 'en', `${SLUG}.json`);
const keys = Object.keys(JSON.parse(readFileSync(englishFile, 'utf8')) as Record<string, string>).filter((k) => k !== 'title');
const FRENCH: Record<string, string> = {
  title: 'Karpathy chez No Priors',
  ...Object.fromEntries(keys.slice(0, 3).map((id, i) => [id, `Paragraphe ${i + 1} en français.`])),
};
mkdirSync(path.join(root, 'locales', 'fr'), { recursive: true });
writeFileSync(path.join(root, 'locales', 'fr', `${SLUG}.json`), JSON.stringify(FRENCH, null, 2));
writeFileSync(path.join(root, 'locales', 'fr', `${SLUG}.state.json`), '{}\n');

function run(script: string, args: string[]) {
  return spawnSync('npm', ['run', '-s', script, '--', ...args], {
    encoding: 'utf8',
    env: { ...process.env, BILINGUAL_DATA_DIR: root },
  });
}

test('an EPUB in Chinese, English and French passes epubcheck and lists the three languages', async () => {
  test.setTimeout(120_000);
  const file = path.join(root, 'en-fr.epub');
  const exported = run('export', [SLUG, '--format', 'epub', '--lang', 'en,fr', '--out', file]);
  expect(exported.status, exported.stderr).toBe(0);
  const check = spawnSync('java', ['-jar', EPUBCHECK_JAR, file], { encoding: 'utf8' });
  expect(`${check.stdout}\n${check.stderr}`).toMatch(/Messages: 0 fatals \/ 0 errors \/ 0 warnings/);
  const files = await unzipText(readFileSync(file));
  const opf = files.find((f) => f.path === 'OEBPS/content.opf')?.text ?? '';
  expect([...opf.matchAll(/<dc:language>([^<]+)</g)].map((m) => m[1])).toEqual(['zh-Hans', 'en', 'fr']);
  const text = files
    .filter((f) => /text-\d+\.xhtml$/.test(f.path))
    .map((f) => f.text)
    .join('');
  expect(text).toContain('lang="fr" xml:lang="fr">Paragraphe 1 en français.</p>');
  expect(text).toContain('(Not yet translated into French)');
});

test('the French XLIFF says fr, and importing it as English is refused naming both, writing nothing', () => {
  // Three runs of the command (each starts a TypeScript process).
  test.setTimeout(90_000);
  const xliff = run('export', [SLUG, '--format', 'xliff', '--version', '2.0', '--lang', 'fr']);
  expect(xliff.status, xliff.stderr).toBe(0);
  expect(xliff.stdout).toContain('trgLang="fr"');
  expect(xliff.stdout).toContain('Paragraphe 1 en français.');
  const file = path.join(root, 'fr.xlf');
  writeFileSync(file, xliff.stdout.replace('Paragraphe 1 en français.', 'Premier paragraphe.'));
  const before = readFileSync(englishFile, 'utf8');
  const wrong = run('import', [file]);
  expect(wrong.status).toBe(1);
  expect(wrong.stderr).toContain('translates into French (fr), not English (en)');
  expect(readFileSync(englishFile, 'utf8')).toBe(before);
  const right = run('import', [file, '--lang', 'fr']);
  expect(right.status, right.stderr).toBe(0);
  expect(right.stdout).toContain('1 applied');
});

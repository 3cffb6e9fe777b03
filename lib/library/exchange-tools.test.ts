// The exchange files checked by real outside programs: translate-toolkit (Python) reads every
// XLIFF 1.2 and TMX file we write, and OmegaT 3.6 translates our XLIFF headless, with our TMX as
// its memory, and what it writes imports back with every gloss intact. Both are Debian packages
// that .ci/run installs; outside CI a machine without them skips these tests.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDataDir } from '@/lib/testing/data-dir';
import { exportTmx, exportXliff } from '@/lib/library-exchange/exchange-export';
import { importXliff } from '@/lib/library-exchange/import';
import { loadText } from './load';

const SLUG = 'karpathy-no-priors';
const PYTHON = '/usr/bin/python3';
const hasToolkit =
  existsSync(PYTHON) &&
  (() => {
    try {
      execFileSync(PYTHON, ['-c', 'from translate.storage import xliff, tmx'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
const hasOmegat = existsSync('/usr/bin/omegat');
const inCi = Boolean(process.env.CI);

let data: ReturnType<typeof makeDataDir>;
let work: string;
beforeEach(() => {
  data = makeDataDir({ copyRepoData: true });
  work = mkdtempSync(path.join(tmpdir(), 'bilingual-exchange-'));
});
afterEach(() => {
  data.dispose();
  rmSync(work, { recursive: true, force: true });
});

async function glossesNow(): Promise<Record<string, string | undefined>> {
  const loaded = await loadText(SLUG);
  if (!loaded?.ok) throw new Error('not loaded');
  return Object.fromEntries([
    ['title', loaded.text.title.en],
    ...loaded.text.blocks.filter((b) => b.status).map((b) => [b.id, b.en]),
  ]);
}

function unwrap(result: { ok: true; xml: string; units: number } | { ok: false; error: string }): { xml: string; units: number } {
  if (!result.ok) throw new Error(result.error);
  return result;
}

const READ_WITH_TOOLKIT = `
import json, sys
from translate.storage import xliff, tmx
kind, name = sys.argv[1], sys.argv[2]
if kind == 'xliff':
    store = xliff.xlifffile.parsefile(name)
    units = [{'id': u.getid().split(chr(4))[-1], 'source': u.source, 'target': u.target or None} for u in store.units if u.istranslatable()]
else:
    store = tmx.tmxfile.parsefile(name)
    units = [{'source': u.source, 'target': u.target} for u in store.units]
print(json.dumps(units, ensure_ascii=False))
`;

function readWithToolkit(kind: 'xliff' | 'tmx', xml: string): { id?: string; source: string; target: string | null }[] {
  const file = path.join(work, kind === 'xliff' ? 'file.xlf' : 'file.tmx');
  writeFileSync(file, xml);
  return JSON.parse(execFileSync(PYTHON, ['-c', READ_WITH_TOOLKIT, kind, file], { encoding: 'utf8' }));
}

describe.skipIf(!hasToolkit && !inCi)('translate-toolkit reads what we write', () => {
  it('XLIFF 1.2: every unit with its source and target', async () => {
    const glosses = await glossesNow();
    const units = readWithToolkit('xliff', unwrap(await exportXliff(SLUG)).xml);
    expect(units).toHaveLength(Object.keys(glosses).length);
    const loaded = await loadText(SLUG);
    if (!loaded?.ok) throw new Error('not loaded');
    for (const unit of units) {
      const id = unit.id ?? '';
      const zh = id === 'title' ? loaded.text.title.zh : loaded.text.blocks.find((b) => b.id === id)?.text;
      expect(unit.source).toBe(zh);
      expect(unit.target).toBe(glosses[id] ?? null);
    }
  });

  it('TMX: every draft and reviewed pair', async () => {
    const tmx = unwrap(await exportTmx(SLUG, { withDrafts: true }));
    const units = readWithToolkit('tmx', tmx.xml);
    expect(units).toHaveLength(tmx.units);
    expect(units[0]?.source).toBe('Andrej Karpathy最新激进观点：Transformer将超越人脑');
    expect(units[0]?.target).toBe((await glossesNow()).title);
  });
});

const PROJECT = (lang: string, tokenizer: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>zh-CN</source_lang>
    <target_lang>${lang}</target_lang>
    <source_tok>org.omegat.tokenizer.LuceneSmartChineseTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.${tokenizer}</target_tok>
    <sentence_seg>false</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
`;

/** Runs OmegaT headless on a project holding one XLIFF (and optionally a TMX in tm/auto); returns the translated XLIFF. */
function translateWithOmegat(xliff: string, tmx?: string, lang: 'en' | 'fr' = 'en'): string {
  const project = path.join(work, 'project');
  for (const dir of ['source', 'target', 'tm/auto', 'omegat', 'glossary', 'dictionary'])
    mkdirSync(path.join(project, dir), { recursive: true });
  const tokenizer = lang === 'fr' ? 'LuceneFrenchTokenizer' : 'LuceneEnglishTokenizer';
  writeFileSync(path.join(project, 'omegat.project'), PROJECT(lang, tokenizer));
  writeFileSync(path.join(project, 'source', `${SLUG}.xlf`), xliff);
  if (tmx) writeFileSync(path.join(project, 'tm', 'auto', `${SLUG}.tmx`), tmx);
  execFileSync('omegat', [project, '--mode=console-translate'], {
    stdio: 'ignore',
    timeout: 120_000,
    env: { ...process.env, HOME: work },
  });
  return readFileSync(path.join(project, 'target', `${SLUG}.xlf`), 'utf8');
}

describe.skipIf(!hasOmegat && !inCi)('OmegaT round trip', () => {
  it('our export through OmegaT imports back with every gloss intact', async () => {
    const before = await glossesNow();
    const translated = translateWithOmegat(unwrap(await exportXliff(SLUG)).xml);
    const result = await importXliff({ bytes: Buffer.from(translated), fileName: 'omegat.xlf', editor: 'ann' });
    expect(result).toMatchObject({
      ok: true,
      counts: { applied: 0, stale: 0, conflict: 0, rejected: 0, unchanged: Object.keys(before).length },
    });
    expect(await glossesNow()).toEqual(before);
  }, 120_000);

  it('OmegaT translates from our TMX, and the import restores every gloss into an empty text', async () => {
    const before = await glossesNow();
    const memory = unwrap(await exportTmx(SLUG, { withDrafts: true }));
    // The same text with no English at all: the translations can only come through OmegaT.
    data.write(`locales/en/${SLUG}.json`, '{}\n');
    data.write(`locales/en/${SLUG}.state.json`, '{}\n');
    const xliff = unwrap(await exportXliff(SLUG, { sourceInTarget: true })).xml;
    const translated = translateWithOmegat(xliff, memory.xml);
    const result = await importXliff({ bytes: Buffer.from(translated), fileName: 'omegat.xlf', editor: 'ann' });
    expect(result).toMatchObject({
      ok: true,
      counts: { applied: Object.keys(before).length, conflict: 0, stale: 0, rejected: 0 },
    });
    expect(await glossesNow()).toEqual(before);
  }, 120_000);

  it('in French: OmegaT translates from our French TMX, and the import restores every French gloss and no English', async () => {
    const english = readFileSync(data.file(`locales/en/${SLUG}.json`), 'utf8');
    const ids = Object.keys(JSON.parse(english) as Record<string, string>).slice(0, 4);
    const french = Object.fromEntries(ids.map((id, i) => [id, `Texte français numéro ${i + 1}.`]));
    data.write(`locales/fr/${SLUG}.json`, JSON.stringify(french));
    data.write(`locales/fr/${SLUG}.state.json`, '{}\n');
    const memory = unwrap(await exportTmx(SLUG, { withDrafts: true, lang: 'fr' }));
    expect(memory.units).toBe(ids.length);
    data.write(`locales/fr/${SLUG}.json`, '{}\n');
    const xliff = unwrap(await exportXliff(SLUG, { sourceInTarget: true, lang: 'fr' })).xml;
    const translated = translateWithOmegat(xliff, memory.xml, 'fr');
    const result = await importXliff({ bytes: Buffer.from(translated), fileName: 'omegat.xlf', editor: 'ann', lang: 'fr' });
    expect(result).toMatchObject({ ok: true, lang: 'fr', counts: { applied: ids.length, conflict: 0, stale: 0, rejected: 0 } });
    expect(JSON.parse(readFileSync(data.file(`locales/fr/${SLUG}.json`), 'utf8'))).toEqual(french);
    expect(readFileSync(data.file(`locales/en/${SLUG}.json`), 'utf8')).toBe(english);
  }, 120_000);
});

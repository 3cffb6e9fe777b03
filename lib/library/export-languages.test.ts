import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultFileOptions, ExportOptionError } from '@/lib/export/options';
import { unzipText } from '@/lib/export/zip';
import { ESSAY as SLUG, makeEssayDataDir } from '@/lib/testing/essay';
import { cachedExportFile } from '@/lib/downloads/export-cache';
import { exportFile } from '@/lib/downloads/export-file';
import { addLanguage } from './languages';
import { loadText } from './load';

let data: ReturnType<typeof makeEssayDataDir>;
beforeEach(() => {
  data = makeEssayDataDir({ [`locales/en/${SLUG}.state.json`]: '{}\n' });
});
afterEach(() => data.dispose());

const opfOf = async (data: Uint8Array) => (await unzipText(data)).find((f) => f.path === 'OEBPS/content.opf')?.text ?? '';

async function english() {
  const loaded = await loadText(SLUG);
  if (!loaded?.ok) throw new Error('not loaded');
  return loaded.text;
}

describe('exportFile in other target languages', () => {
  it('refuses a language the text does not have, naming it', async () => {
    await expect(exportFile(await english(), { ...defaultFileOptions, format: 'html', languages: ['en', 'fr'] })).rejects.toThrow(
      new ExportOptionError('"essay" has no French (fr) translation'),
    );
  });

  it('writes English and French from their own files; the cached file changes when the French does', async () => {
    expect(await addLanguage(SLUG, 'fr')).toMatchObject({ ok: true });
    writeFileSync(data.file(`locales/fr/${SLUG}.json`), '{\n  "title": "Un petit essai"\n}\n');
    const options = { ...defaultFileOptions, format: 'epub' as const, languages: ['en', 'fr'] };
    const file = await exportFile(await english(), options);
    expect(file.fileName).toBe('essay.en-fr.epub');
    const opf = await opfOf(file.data);
    expect(opf).toContain('<dc:title id="title-fr" xml:lang="fr">Un petit essai</dc:title>');
    expect(opf).toContain('<dc:language>en</dc:language><dc:language>fr</dc:language>');

    const before = await cachedExportFile(await english(), options);
    writeFileSync(data.file(`locales/fr/${SLUG}.json`), '{\n  "title": "Un essai"\n}\n');
    const after = await cachedExportFile(await english(), options);
    expect(await opfOf(after.data)).toContain('Un essai</dc:title>');
    expect(after).not.toBe(before);
  });
});

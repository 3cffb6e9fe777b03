import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { glossRevision } from '@/lib/gloss/validate';
import { makeDataDir } from '@/lib/testing/data-dir';
import { encodeCharset } from '@/lib/text/charset-decode';
import { glossHistory, revertGloss, saveGloss } from '@/lib/library/edit';
import { exportXliff } from './exchange-export';
import { importOutcomeSchema } from '@/lib/api/contract';
import { importOutcomes } from '@/lib/exchange/plan';
import { importXliff, MAX_IMPORT_BYTES } from './import';
import { loadText } from '@/lib/library/load';

const SLUG = 'karpathy-no-priors';
const FILES = ['content/karpathy-no-priors.txt', `locales/en/${SLUG}.json`, `locales/en/${SLUG}.state.json`];

let data: ReturnType<typeof makeDataDir>;
beforeEach(() => {
  data = makeDataDir({ copyRepoData: true });
});
afterEach(() => data.dispose());

const read = (relative: string) => readFileSync(data.file(relative), 'utf8');
const snapshot = () => FILES.map((f) => read(f));

async function text() {
  const loaded = await loadText(SLUG);
  if (!loaded?.ok) throw new Error('not loaded');
  return loaded.text;
}

async function exported(version: '1.2' | '2.0' = '1.2') {
  const result = await exportXliff(SLUG, { version });
  if (!result.ok) throw new Error(result.error);
  return result.xml;
}

/** Replaces the target of one unit in an exported XLIFF 1.2 file. */
function withTarget(xml: string, id: string, target: string): string {
  const pattern = new RegExp(`(<trans-unit id="${id}"[^>]*>[\\s\\S]*?<target[^>]*>)[\\s\\S]*?(</target>)`);
  if (!pattern.test(xml)) throw new Error(`no target for ${id}`);
  return xml.replace(pattern, `$1${target}$2`);
}

const run = (xml: string, options: { dryRun?: boolean; force?: boolean; slug?: string } = {}) =>
  importXliff({ bytes: Buffer.from(xml), fileName: '/tmp/work/karpathy.xlf', editor: 'ann', ...options });

describe('importXliff', () => {
  it('its own export imports as all unchanged and writes nothing', async () => {
    const before = snapshot();
    const result = await run(await exported());
    expect(result).toMatchObject({ ok: true, counts: { applied: 0, unchanged: 51, stale: 0, conflict: 0, rejected: 0 } });
    expect(snapshot()).toEqual(before);
  });

  it('the XLIFF 2.0 export imports as all unchanged too', async () => {
    expect(await run(await exported('2.0'))).toMatchObject({ ok: true, counts: { unchanged: 51 } });
  });

  it('one changed, one stale, one conflict: applies one, reports the others, history and revert work', async () => {
    const view = await text();
    const [a, b, c] = view.blocks.filter((x) => x.type === 'paragraph');
    let xml = await exported();
    xml = withTarget(xml, a!.id, 'Changed by the translator.');
    xml = withTarget(xml, b!.id, 'Translated from Chinese that then changed.');
    xml = withTarget(xml, c!.id, 'Translated while an editor changed the gloss.');
    // After the export: the Chinese of b is edited, and the gloss of c is saved in the app.
    data.write('content/karpathy-no-priors.txt', read('content/karpathy-no-priors.txt').replace(b!.text, `${b!.text}（补充）`));
    const saved = await saveGloss({
      slug: SLUG,
      id: c!.id,
      text: 'Edited in the app.',
      baseRevision: glossRevision(c!.en),
      editor: 'bob',
    });
    expect(saved.ok).toBe(true);

    const dry = await run(xml, { dryRun: true });
    expect(dry).toMatchObject({ ok: true, dryRun: true, counts: { applied: 1, stale: 1, conflict: 1 } });
    const before = snapshot();
    expect(snapshot()).toEqual(before);

    const result = await run(xml);
    if (!result.ok) throw new Error(result.error);
    expect(result.counts).toEqual({ applied: 1, unchanged: 48, empty: 0, stale: 1, conflict: 1, rejected: 0 });
    expect(result.units.find((u) => u.id === b!.id)).toMatchObject({ outcome: 'stale' });
    expect(result.units.find((u) => u.id === c!.id)).toMatchObject({
      outcome: 'conflict',
      current: 'Edited in the app.',
      incoming: 'Translated while an editor changed the gloss.',
    });

    const after = await text();
    const byId = (id: string) => after.blocks.find((x) => x.id === id);
    expect(byId(a!.id)?.en).toBe('Changed by the translator.');
    expect(byId(b!.id)?.en).toBe(b!.en);
    expect(byId(c!.id)?.en).toBe('Edited in the app.');

    const history = await glossHistory(SLUG, a!.id);
    expect(history).toEqual([
      expect.objectContaining({
        editor: 'ann (import karpathy.xlf)',
        kind: 'gloss',
        before: a!.en,
        after: 'Changed by the translator.',
      }),
    ]);

    const reverted = await revertGloss({
      slug: SLUG,
      id: a!.id,
      to: glossRevision(a!.en),
      baseRevision: glossRevision('Changed by the translator.'),
      editor: 'ann',
    });
    expect(reverted).toMatchObject({ ok: true, text: a!.en });
  });

  it('a block untranslated in the app and in the file is empty, not rejected, on a round trip', async () => {
    const [a] = (await text()).blocks.filter((x) => x.type === 'paragraph');
    const glosses = JSON.parse(read(`locales/en/${SLUG}.json`)) as Record<string, string>;
    delete glosses[a!.id];
    data.write(`locales/en/${SLUG}.json`, `${JSON.stringify(glosses, null, 2)}\n`);
    const xml = await exported();
    const before = snapshot();
    const result = await run(xml);
    expect(result).toMatchObject({ ok: true, counts: { applied: 0, unchanged: 50, empty: 1, rejected: 0 } });
    expect(result.ok && result.units.find((u) => u.id === a!.id)).toMatchObject({ outcome: 'empty' });
    // The export leaves the unit without a <target>; a CAT tool may write an empty one instead.
    expect(xml).not.toMatch(new RegExp(`<trans-unit id="${a!.id}"[^>]*>(?:(?!</trans-unit>)[\\s\\S])*<target`));
    const emptyTarget = xml.replace(
      new RegExp(`(<trans-unit id="${a!.id}"[^>]*>[\\s\\S]*?</source>)`),
      '$1<target state="new"> </target>',
    );
    expect(emptyTarget).not.toBe(xml);
    expect(await run(emptyTarget)).toMatchObject({ ok: true, counts: { empty: 1, rejected: 0 } });
    expect(snapshot()).toEqual(before);
  });

  it('an empty target never clears a gloss: rejected, the gloss kept', async () => {
    const [a] = (await text()).blocks.filter((x) => x.type === 'paragraph');
    const before = snapshot();
    const result = await run(withTarget(await exported(), a!.id, ''));
    expect(result).toMatchObject({ ok: true, counts: { empty: 0, rejected: 1 } });
    expect(result.ok && result.units.find((u) => u.id === a!.id)).toMatchObject({
      outcome: 'rejected',
      reason: expect.stringMatching(/nothing is deleted/),
    });
    expect(snapshot()).toEqual(before);
  });

  it('the API contract names the same outcomes as the plan', () => {
    expect(importOutcomeSchema.options).toEqual([...importOutcomes]);
  });

  it('--force applies a conflict', async () => {
    const [a] = (await text()).blocks.filter((x) => x.type === 'paragraph');
    const xml = withTarget(await exported(), a!.id, 'From the file.');
    await saveGloss({ slug: SLUG, id: a!.id, text: 'From the app.', baseRevision: glossRevision(a!.en), editor: 'bob' });
    expect(await run(xml)).toMatchObject({ counts: { conflict: 1, applied: 0 } });
    expect(await run(xml, { force: true })).toMatchObject({ counts: { conflict: 0, applied: 1 } });
    expect((await text()).blocks.find((x) => x.id === a!.id)?.en).toBe('From the file.');
  });

  it('a reviewed target is saved reviewed, with a status history entry', async () => {
    const [a] = (await text()).blocks.filter((x) => x.type === 'paragraph');
    const xml = withTarget(await exported(), a!.id, 'Signed off.').replace(
      new RegExp(`(<trans-unit id="${a!.id}"[^>]*>[\\s\\S]*?<target[^>]*?) state="[^"]*"`),
      '$1 state="signed-off"',
    );
    await run(xml);
    expect((await text()).blocks.find((x) => x.id === a!.id)?.status).toBe('reviewed');
    expect((await glossHistory(SLUG, a!.id)).map((e) => e.kind)).toEqual(['gloss', 'status']);
  });

  const refusals = [
    {
      name: 'malformed XML',
      xml: '<xliff version="1.2"><file original="karpathy-no-priors"><body>',
      kind: 'invalid',
      error: /well-formed/,
    },
    {
      name: 'an XLIFF of another text',
      xml: '<xliff version="1.2"><file original="other-text"><body><trans-unit id="a"><source>甲</source></trans-unit></body></file></xliff>',
      slug: SLUG,
      kind: 'wrong-text',
      error: /of the text "other-text", not of "karpathy-no-priors"/,
    },
    {
      name: 'a file for an unknown text',
      xml: '<xliff version="1.2"><file original="no-such-text"><body><trans-unit id="a"><source>甲</source></trans-unit></body></file></xliff>',
      kind: 'not-found',
      error: /No text/,
    },
    {
      name: 'another language pair',
      xml: '<xliff version="1.2"><file original="karpathy-no-priors" source-language="en" target-language="de"><body><trans-unit id="a"><source>a</source></trans-unit></body></file></xliff>',
      kind: 'wrong-language',
      error: /from en, not Chinese/,
    },
    {
      name: 'a file without units',
      xml: '<xliff version="1.2"><file original="karpathy-no-priors"><body/></file></xliff>',
      kind: 'invalid',
      error: /no translation units/,
    },
  ];
  it.each(refusals)('refuses $name and writes nothing', async ({ xml, slug, kind, error }) => {
    const before = snapshot();
    const result = await run(xml, slug ? { slug } : {});
    expect(result).toMatchObject({ ok: false, kind });
    expect(!result.ok && result.error).toMatch(error);
    expect(snapshot()).toEqual(before);
  });

  const unsafeOriginals = [
    { original: '../yarn', why: 'climbs out of the data folder' },
    { original: '../../../../tmp/evil/x', why: 'names a folder outside it' },
    { original: '/etc/passwd', why: 'is an absolute path' },
    { original: 'Karpathy No Priors', why: 'is not a slug' },
  ];
  it.each(unsafeOriginals)('refuses original="$original" ($why) before touching any file', async ({ original }) => {
    const outside = path.dirname(data.root);
    const around = () => readdirSync(outside).sort();
    const before = around();
    const xml = `<xliff version="1.2"><file original="${original}"><body><trans-unit id="a"><source>甲</source></trans-unit></body></file></xliff>`;
    const result = await run(xml);
    expect(result).toMatchObject({ ok: false, kind: 'invalid', error: expect.stringContaining('not a text’s name') });
    expect(around()).toEqual(before);
    expect(existsSync(data.file('.locks'))).toBe(false);
  });

  it('refuses a --slug that is not a slug, even when the file says the same', async () => {
    const xml =
      '<xliff version="1.2"><file original="../yarn"><body><trans-unit id="a"><source>甲</source></trans-unit></body></file></xliff>';
    expect(await run(xml, { slug: '../yarn' })).toMatchObject({ ok: false, kind: 'invalid' });
    expect(existsSync(data.file('.locks'))).toBe(false);
  });

  const unstorableTargets = [
    { name: 'U+FFFF', target: 'Broken\uFFFF.', said: /U\+FFFF \(a noncharacter\)/ },
    { name: 'U+FFFE', target: '\uFFFEBroken.', said: /U\+FFFE/ },
    { name: 'U+10FFFF as a character reference', target: 'Broken &#x10FFFF;.', said: /U\+10FFFF/ },
  ];
  it.each(unstorableTargets)('rejects a unit whose target holds $name, with the reason', async ({ target, said }) => {
    const [a] = (await text()).blocks.filter((x) => x.type === 'paragraph');
    const before = snapshot();
    const result = await run(withTarget(await exported(), a!.id, target));
    expect(result).toMatchObject({ ok: true, counts: { applied: 0, rejected: 1 } });
    const unit = result.ok ? result.units.find((u) => u.id === a!.id) : undefined;
    expect(unit).toMatchObject({ outcome: 'rejected', reason: expect.stringMatching(said) });
    expect(snapshot()).toEqual(before);
  });

  const shapes = [
    {
      name: '10,000 nested groups',
      xml: () =>
        `<xliff version="1.2"><file original="${SLUG}"><body>${'<group>'.repeat(10_000)}${'</group>'.repeat(10_000)}</body></file></xliff>`,
      kind: 'invalid',
      error: /nests elements more than 64 deep/,
    },
    {
      name: '1,000,000 nested groups',
      xml: () =>
        `<xliff version="1.2"><file original="${SLUG}"><body>${'<group>'.repeat(1_000_000)}${'</group>'.repeat(1_000_000)}</body></file></xliff>`,
      kind: 'invalid',
      error: /nests elements more than 64 deep/,
    },
    {
      name: '200,001 tiny units',
      xml: () =>
        `<xliff version="1.2"><file original="${SLUG}"><body>${'<trans-unit id="a"><source>甲</source></trans-unit>'.repeat(200_001)}</body></file></xliff>`,
      kind: 'too-large',
      error: /more than 200000 translation units/,
    },
  ];
  it.each(shapes)(
    'refuses $name before building a tree, naming the limit',
    async ({ xml, kind, error }) => {
      const result = await run(xml());
      expect(result).toMatchObject({ ok: false, kind, error: expect.stringMatching(error) });
    },
    20_000,
  );

  it('refuses a binary file and GB18030 bytes', async () => {
    const binary = await importXliff({
      bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0xff, 0xfe, 0x80]),
      fileName: 'x.xlf',
      editor: 'ann',
    });
    expect(binary).toMatchObject({ ok: false, kind: 'invalid' });
  });

  it('refuses an XLIFF in GB18030 that declares UTF-8', async () => {
    const xml = (await exported()).replace(/<target[^>]*>[^<]*<\/target>/, '<target>中文译文</target>');
    const before = snapshot();
    const result = await importXliff({ bytes: encodeCharset(xml, 'gb18030'), fileName: 'x.xlf', editor: 'ann' });
    expect(result).toMatchObject({ ok: false, kind: 'invalid', error: expect.stringMatching(/not UTF-8 or UTF-16/) });
    expect(snapshot()).toEqual(before);
  });

  it('reads a UTF-16 file with a BOM', async () => {
    const xml = await exported();
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]);
    expect(await importXliff({ bytes, fileName: 'x.xlf', editor: 'ann' })).toMatchObject({ ok: true, counts: { unchanged: 51 } });
  });

  it('reads a file past 5 MB (a long book) and refuses one past 32 MB, saying the limit', async () => {
    const xml = await exported();
    // Whitespace after the root element is well-formed XML: the same units in a 6 MB file.
    const six = Buffer.from(xml + ' '.repeat(6 * 1024 * 1024));
    expect(await importXliff({ bytes: six, fileName: 'x.xlf', editor: 'ann' })).toMatchObject({
      ok: true,
      counts: { unchanged: 51 },
    });
    const before = snapshot();
    const over = await importXliff({ bytes: new Uint8Array(MAX_IMPORT_BYTES + 1), fileName: 'x.xlf', editor: 'ann' });
    expect(over).toMatchObject({
      ok: false,
      kind: 'too-large',
      error: expect.stringContaining('at most 33554432 bytes (32 MB)'),
    });
    expect(snapshot()).toEqual(before);
    // Parsing 6 MB of XML takes 5–7 s on the shared 2-core machine: vitest's 5 s default is too tight.
  }, 30_000);
});

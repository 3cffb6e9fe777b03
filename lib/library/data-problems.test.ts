// The store's answers to damaged or unusual data: broken state entries, symlinks, duplicate
// keys and ids, each reported clearly instead of showing everything untranslated.
import { spawnSync } from 'node:child_process';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkLibrary } from '@/lib/check/check';
import { glossRevision } from '@/lib/gloss/validate';
import { listSources } from '@/lib/store/sources';
import { makeDataDir } from '@/lib/testing/data-dir';
import { saveGloss } from './edit';
import { exportText } from '@/lib/downloads/export';
import { loadText } from './load';
import { syncLibrary } from './sync';

const SLUG = 'karpathy-no-priors';
const GLOSS = `locales/en/${SLUG}.json`;
const STATE = `locales/en/${SLUG}.state.json`;
const LEDGER = `content/${SLUG}.ids.json`;

let data: ReturnType<typeof makeDataDir>;
beforeEach(() => {
  data = makeDataDir({ copyRepoData: true });
});
afterEach(() => data.dispose());

const read = (relative: string) => readFileSync(data.file(relative), 'utf8');

async function load() {
  const loaded = await loadText(SLUG);
  if (!loaded?.ok) throw new Error('did not load');
  return loaded.text;
}

describe('a broken state file', () => {
  it('one bad entry costs that entry its status, not the English of the text', async () => {
    const states = JSON.parse(read(STATE)) as Record<string, unknown>;
    const [bad, good] = Object.keys(states).filter((k) => k !== 'title');
    states[bad!] = { hash: 'not-a-hash', status: 'reviewed' };
    data.write(STATE, JSON.stringify(states, null, 2));
    const text = await load();
    const glossed = text.blocks.filter((b) => b.en);
    expect(glossed.length).toBeGreaterThan(10);
    expect(text.blocks.find((b) => b.id === bad)?.status).toBe('draft');
    expect(text.blocks.find((b) => b.id === good)?.status).not.toBe('untranslated');
    expect(text.stateError).toContain(`entry "${bad}`);
    expect(exportText(text).error).toContain(STATE);
  });

  it('a state file that is not JSON costs the statuses, not the English, and says so', async () => {
    data.write(STATE, '{ "title": ');
    const text = await load();
    expect(text.blocks.filter((b) => b.en).length).toBeGreaterThan(10);
    expect(text.stateError).toMatch(new RegExp(`${STATE.replace(/\./g, '\\.')}:1:`));
  });

  it('a save is refused while the state file has a bad entry, leaving it as it is', async () => {
    const states = JSON.parse(read(STATE)) as Record<string, unknown>;
    const [bad, other] = Object.keys(states).filter((k) => k !== 'title');
    states[bad!] = { status: 'bogus' };
    const damaged = JSON.stringify(states, null, 2);
    data.write(STATE, damaged);
    const glosses = JSON.parse(read(GLOSS)) as Record<string, string>;
    const result = await saveGloss({
      slug: SLUG,
      id: other!,
      text: 'x',
      baseRevision: glossRevision(glosses[other!]),
      editor: 'ann',
    });
    expect(result).toMatchObject({ ok: false, kind: 'broken-file' });
    expect(read(STATE)).toBe(damaged);
  });

  it('check names the bad entry', async () => {
    const states = JSON.parse(read(STATE)) as Record<string, unknown>;
    const [bad] = Object.keys(states).filter((k) => k !== 'title');
    states[bad!] = { status: 'bogus' };
    data.write(STATE, JSON.stringify(states, null, 2));
    const report = await checkLibrary();
    expect(report.errors).toEqual([expect.objectContaining({ code: 'state-entry-invalid', file: STATE })]);
  });
});

describe('export refuses damaged data, naming the file', () => {
  const run = () =>
    spawnSync(path.resolve('node_modules/.bin/tsx'), ['--conditions=react-server', 'scripts/export.ts', SLUG], {
      env: { ...process.env, BILINGUAL_DATA_DIR: data.root },
      encoding: 'utf8',
    });
  const cases: { name: string; damage: () => void; names: RegExp }[] = [
    {
      name: 'a gloss file cut short',
      damage: () => data.write(GLOSS, read(GLOSS).slice(0, 200)),
      names: new RegExp(`${GLOSS}:\\d+:\\d+`),
    },
    {
      name: 'an id used twice in the ledger',
      damage: () => {
        const ledger = JSON.parse(read(LEDGER));
        ledger.retired.push({ ...ledger.blocks[0] });
        data.write(LEDGER, JSON.stringify(ledger));
      },
      names: new RegExp(LEDGER),
    },
  ];
  it.each(cases)(
    '$name: exits non-zero',
    ({ damage, names }) => {
      damage();
      const result = run();
      expect(result.status).not.toBe(0);
      expect(result.stderr).toMatch(names);
      expect(result.stdout).toBe('');
    },
    30_000,
  );
});

describe('sync and an id used twice in the ledger', () => {
  it('fails naming the ledger and changes nothing', async () => {
    const ledger = JSON.parse(read(LEDGER));
    ledger.retired.push({ ...ledger.blocks[0] });
    const damaged = JSON.stringify(ledger);
    data.write(LEDGER, damaged);
    data.write(`content/${SLUG}.txt`, `${read(`content/${SLUG}.txt`)}\n新加的一段。\n`);
    await expect(syncLibrary()).rejects.toThrow(LEDGER);
    expect(read(LEDGER)).toBe(damaged);
  });
});

describe('symbolic links in the data folder', () => {
  it('a linked source in content/ is not served, and check says why', async () => {
    const outside = data.file('outside.md');
    writeFileSync(outside, '# 秘密\n\n不该公开的内容。\n');
    symlinkSync(outside, data.file('content/secret.md'));
    const { sources, skipped } = await listSources();
    expect(sources.map((s) => s.slug)).not.toContain('secret');
    expect(skipped).toEqual([
      expect.objectContaining({ file: 'content/secret.md', reason: expect.stringMatching(/symbolic link/) }),
    ]);
    expect((await checkLibrary()).errors).toEqual([
      expect.objectContaining({ file: 'content/secret.md', message: expect.stringMatching(/symbolic link/) }),
    ]);
  });

  it('a linked gloss file is neither read nor written through', async () => {
    const outside = data.file('outside.json');
    writeFileSync(outside, read(GLOSS));
    const { rmSync } = await import('node:fs');
    rmSync(data.file(GLOSS));
    symlinkSync(outside, data.file(GLOSS));
    const text = await load();
    expect(text.glossError).toMatch(/symbolic link/);
    const before = readFileSync(outside, 'utf8');
    const [block] = text.blocks;
    expect(
      await saveGloss({ slug: SLUG, id: block!.id, text: 'x', baseRevision: glossRevision(undefined), editor: 'ann' }),
    ).toMatchObject({ ok: false });
    expect(readFileSync(outside, 'utf8')).toBe(before);
    expect((await checkLibrary()).errors).toEqual([
      expect.objectContaining({ file: GLOSS, message: expect.stringMatching(/symbolic link/) }),
    ]);
  });
});

describe('check and keys JSON.parse lets through', () => {
  const cases = [
    {
      name: 'a key given twice',
      edit: (text: string) => text.replace('{\n', '{\n  "title": "Twice",\n'),
      key: 'title',
      message: /more than once/,
    },
    {
      name: 'a __proto__ key',
      edit: (text: string) => text.replace('{\n', '{\n  "__proto__": "x",\n'),
      key: '__proto__',
      message: /__proto__/,
    },
  ];
  it.each(cases)('reports $name in a gloss file with its line', async ({ edit, message }) => {
    data.write(GLOSS, edit(read(GLOSS)));
    const errors = (await checkLibrary()).errors.filter((e) => e.code === 'json-key');
    expect(errors).toEqual([
      expect.objectContaining({ file: GLOSS, line: expect.any(Number), message: expect.stringMatching(message) }),
    ]);
  });
});

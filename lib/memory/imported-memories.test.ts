import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteMemory, importMemory, listMemories, memoryNameOf } from './imported-memories';

const tmx = (body: string) => new TextEncoder().encode(`<tmx version="1.4"><header srclang="zh-CN"/><body>${body}</body></tmx>`);
const tu = '<tu><tuv xml:lang="zh-CN"><seg>你好</seg></tuv><tuv xml:lang="en"><seg>Hello</seg></tuv></tu>';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'memories-'));
  process.env.BILINGUAL_DATA_DIR = dir;
});
afterEach(() => {
  delete process.env.BILINGUAL_DATA_DIR;
  rmSync(dir, { recursive: true, force: true });
});

const stored = () => {
  try {
    return readdirSync(path.join(dir, 'memories'));
  } catch {
    return [];
  }
};

describe('importMemory', () => {
  const refused = [
    { name: 'malformed', bytes: new TextEncoder().encode('<tmx><body><tu>'), kind: 'invalid' },
    { name: 'not UTF-8', bytes: new Uint8Array([0x3c, 0xff, 0xfe, 0x3e]), kind: 'invalid' },
    { name: 'no pairs', bytes: tmx(''), kind: 'invalid' },
    { name: 'too large', bytes: new Uint8Array(21 * 1024 * 1024), kind: 'too-large' },
  ];
  for (const { name, bytes, kind } of refused)
    it(`refuses ${name} and stores nothing`, async () => {
      const result = await importMemory(bytes, { file: 'x.tmx' });
      expect(result).toMatchObject({ ok: false, kind });
      expect(stored()).toEqual([]);
    });

  it('imports, lists, refuses a second of the same name, removes', async () => {
    expect(await importMemory(tmx(tu + tu), { file: '/a/project_save.tmx' })).toEqual({
      ok: true,
      name: 'project_save',
      pairs: 1,
      skipped: 0,
      duplicates: 1,
    });
    expect(await importMemory(tmx(tu), { file: 'project_save.tmx' })).toMatchObject({ ok: false, kind: 'exists' });
    expect((await listMemories()).map((m) => [m.name, m.lang, m.pairs])).toEqual([['project_save', 'en', 1]]);
    expect(await deleteMemory('project_save')).toEqual({ ok: true });
    expect(await deleteMemory('project_save')).toMatchObject({ ok: false });
    expect(stored()).toEqual([]);
  });

  it('refuses a name that is not a slug', async () => {
    expect(await importMemory(tmx(tu), { file: 'x.tmx', name: '../etc' })).toMatchObject({ ok: false, kind: 'invalid' });
  });
});

describe('memoryNameOf', () => {
  const cases = [
    { file: '/home/me/omegat/project_save.tmx', expected: 'project_save' },
    { file: 'My Memory.TMX', expected: 'my-memory' },
    { file: '中文.tmx', expected: '' },
  ];
  for (const { file, expected } of cases) it(file, () => expect(memoryNameOf(file)).toBe(expected));
});

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBoundedFile } from './read-file';

const dir = mkdtempSync(path.join(tmpdir(), 'bounded-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => path.join(dir, name);

writeFileSync(at('small.txt'), '你好\n');
writeFileSync(at('big.txt'), 'x'.repeat(101));
symlinkSync('/dev/zero', at('zero.txt'));
symlinkSync(at('small.txt'), at('link.txt'));
mkdirSync(at('folder.txt'));
execFileSync('mkfifo', [at('pipe.txt')]);

describe('readBoundedFile', () => {
  const cases = [
    { name: 'small.txt', expected: { ok: true } },
    { name: 'link.txt', expected: { ok: true } },
    { name: 'big.txt', expected: { ok: false, kind: 'too-large', error: expect.stringContaining('101 bytes') } },
    { name: 'zero.txt', expected: { ok: false, kind: 'not-a-file', error: expect.stringContaining('a device') } },
    { name: 'pipe.txt', expected: { ok: false, kind: 'not-a-file', error: expect.stringContaining('a pipe') } },
    { name: 'folder.txt', expected: { ok: false, kind: 'not-a-file', error: expect.stringContaining('a folder') } },
    { name: 'missing.txt', expected: { ok: false, kind: 'missing' } },
  ];
  it.each(cases)(
    '$name → $expected.kind',
    async ({ name, expected }) => {
      expect(await readBoundedFile(at(name), 100, '100 B')).toMatchObject(expected);
    },
    2000,
  );

  it('reads the bytes of a regular file', async () => {
    const read = await readBoundedFile(at('small.txt'), 100, '100 B');
    expect(read.ok && read.bytes.toString('utf8')).toBe('你好\n');
  });
});

import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitFiles, nodeFs, prepareFile, writeFileAtomic, type AtomicFs, type WritableHandle } from './atomic-write';
import { StoreWriteError } from './errors';

let dir: string;
let target: string;
const OLD = `{\n  "title": "${'旧'.repeat(3000)}"\n}\n`;
const NEW = `{\n  "title": "${'新'.repeat(5000)}"\n}\n`;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'atomic-write-'));
  target = path.join(dir, 'text.json');
  writeFileSync(target, OLD);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const errno = (code: string) => Object.assign(new Error(`fake ${code}`), { code });

interface Faults {
  /** At most this many bytes per write call (a short write). */
  maxPerWrite?: number;
  /** The disk fills after this many bytes have been written to temporary files. */
  spaceLeft?: number;
  /** Writes report success but only this many bytes land (a lying short write the size check must catch). */
  lieAfter?: number;
  syncError?: string;
  openError?: string;
  renameError?: string;
}

/** The real file system with faults injected into the writes of temporary files. */
function faultyFs(faults: Faults): AtomicFs & { writes: number } {
  let used = 0;
  const fs: AtomicFs & { writes: number } = {
    writes: 0,
    lstat: nodeFs.lstat,
    unlink: nodeFs.unlink,
    async rename(from, to) {
      if (faults.renameError) throw errno(faults.renameError);
      return nodeFs.rename(from, to);
    },
    async open(file, flags, mode) {
      if (faults.openError && flags !== 'r') throw errno(faults.openError);
      const real = await nodeFs.open(file, flags, mode);
      if (flags === 'r') return real;
      const handle: WritableHandle = {
        async write(buffer, offset, length, position) {
          fs.writes += 1;
          let n = Math.min(length, faults.maxPerWrite ?? length);
          if (faults.spaceLeft !== undefined) {
            if (used >= faults.spaceLeft) throw errno('ENOSPC');
            n = Math.min(n, faults.spaceLeft - used);
          }
          used += n;
          if (faults.lieAfter !== undefined && position + n > faults.lieAfter) {
            const real_n = Math.max(0, faults.lieAfter - position);
            await real.write(buffer, offset, real_n, position);
            return { bytesWritten: n };
          }
          return real.write(buffer, offset, n, position);
        },
        async sync() {
          if (faults.syncError) throw errno(faults.syncError);
          return real.sync();
        },
        stat: () => real.stat(),
        close: () => real.close(),
      };
      return handle;
    },
  };
  return fs;
}

const leftovers = () => readdirSync(dir).filter((name) => name !== 'text.json');

describe('writeFileAtomic', () => {
  it('replaces the file with the whole text and leaves no temporary file', async () => {
    await writeFileAtomic(target, NEW);
    expect(readFileSync(target, 'utf8')).toBe(NEW);
    expect(leftovers()).toEqual([]);
  });

  it('creates a file that did not exist', async () => {
    const fresh = path.join(dir, 'fresh.json');
    await writeFileAtomic(fresh, '{}\n');
    expect(readFileSync(fresh, 'utf8')).toBe('{}\n');
  });

  it('keeps the mode of the file it replaces', async () => {
    const { chmodSync } = await import('node:fs');
    chmodSync(target, 0o640);
    await writeFileAtomic(target, NEW);
    expect(statSync(target).mode & 0o777).toBe(0o640);
  });

  const shortWrites = [1, 7, 4096];
  it.each(shortWrites)('continues short writes of %i bytes until the whole text is written', async (maxPerWrite) => {
    const fs = faultyFs({ maxPerWrite });
    await writeFileAtomic(target, NEW, fs);
    expect(readFileSync(target, 'utf8')).toBe(NEW);
    expect(fs.writes).toBeGreaterThan(1);
    expect(leftovers()).toEqual([]);
  });

  const failures: { name: string; faults: Faults; reason: string }[] = [
    { name: 'the disk fills mid-write (ENOSPC)', faults: { spaceLeft: 8192, maxPerWrite: 4096 }, reason: 'disk-full' },
    { name: 'the disk is full from the start', faults: { spaceLeft: 0 }, reason: 'disk-full' },
    { name: 'the quota runs out (EDQUOT on fsync)', faults: { syncError: 'EDQUOT' }, reason: 'disk-full' },
    { name: 'fsync fails (EIO)', faults: { syncError: 'EIO' }, reason: 'failed' },
    { name: 'the folder is not writable (EACCES)', faults: { openError: 'EACCES' }, reason: 'unwritable' },
    { name: 'the file system is read-only (EROFS)', faults: { openError: 'EROFS' }, reason: 'unwritable' },
    { name: 'writes claim success but fewer bytes land', faults: { lieAfter: 100 }, reason: 'failed' },
    { name: 'the rename fails', faults: { renameError: 'EIO' }, reason: 'failed' },
  ];
  it.each(failures)('when $name, the old file survives intact and no temporary file is left', async ({ faults, reason }) => {
    const error = await writeFileAtomic(target, NEW, faultyFs(faults)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreWriteError);
    expect((error as StoreWriteError).reason).toBe(reason);
    expect(readFileSync(target, 'utf8')).toBe(OLD);
    expect(leftovers()).toEqual([]);
  });

  it('refuses to replace a symbolic link, and writes nothing through it', async () => {
    const outside = path.join(dir, 'outside.json');
    writeFileSync(outside, OLD);
    const link = path.join(dir, 'link.json');
    symlinkSync(outside, link);
    const error = await writeFileAtomic(link, NEW).catch((e: unknown) => e);
    expect((error as StoreWriteError).reason).toBe('symlink');
    expect(readFileSync(outside, 'utf8')).toBe(OLD);
  });
});

describe('prepareFile and commitFiles', () => {
  it('puts nothing in place until committed', async () => {
    const prepared = await prepareFile(target, NEW);
    expect(readFileSync(target, 'utf8')).toBe(OLD);
    expect(readFileSync(prepared.temp, 'utf8')).toBe(NEW);
    await commitFiles([prepared]);
    expect(readFileSync(target, 'utf8')).toBe(NEW);
    expect(leftovers()).toEqual([]);
  });
});

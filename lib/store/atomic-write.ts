import 'server-only';
import { randomBytes } from 'node:crypto';
import * as fsPromises from 'node:fs/promises';
import path from 'node:path';
import { StoreWriteError } from './errors';
import { displayPath } from './paths';

/** The few file-system calls the atomic writer makes; tests pass a fake one to inject faults. */
export interface AtomicFs {
  open(file: string, flags: string, mode?: number): Promise<WritableHandle>;
  lstat(file: string): Promise<{ mode: number; isSymbolicLink(): boolean }>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
}

export interface WritableHandle {
  write(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  stat(): Promise<{ size: number }>;
  close(): Promise<void>;
}

export const nodeFs: AtomicFs = {
  open: (file, flags, mode) => fsPromises.open(file, flags, mode),
  lstat: (file) => fsPromises.lstat(file),
  rename: (from, to) => fsPromises.rename(from, to),
  unlink: (file) => fsPromises.unlink(file),
};

/** A file written in full and flushed under a temporary name beside its target, not yet in place. */
export interface PreparedFile {
  file: string;
  temp: string;
}

function tempName(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

async function existingMode(file: string, fs: AtomicFs): Promise<number> {
  try {
    const stat = await fs.lstat(file);
    // Replacing a symlink would cut it, and writing through it would leave the data folder.
    if (stat.isSymbolicLink())
      throw new StoreWriteError(displayPath(file), 'symlink', 'is a symbolic link; the store does not write through links');
    return stat.mode & 0o777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0o666;
    throw error;
  }
}

/**
 * Writes `data` in full to a new temporary file in the target's folder and flushes it: every
 * short write is continued, the size is checked, the file fsynced. On any failure the temporary
 * file is removed and the target is untouched. `commitFiles` then puts it in place.
 */
export async function prepareFile(file: string, data: string | Uint8Array, fs: AtomicFs = nodeFs): Promise<PreparedFile> {
  const buffer = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const mode = await existingMode(file, fs).catch((error: unknown) => {
    throw StoreWriteError.from(displayPath(file), error);
  });
  const temp = tempName(file);
  let handle: WritableHandle | undefined;
  try {
    handle = await fs.open(temp, 'wx', mode);
    let written = 0;
    while (written < buffer.length) {
      const { bytesWritten } = await handle.write(buffer, written, buffer.length - written, written);
      // A write that makes no progress would loop for ever; the disk is as good as full.
      if (bytesWritten <= 0) throw Object.assign(new Error(`no progress writing ${temp}`), { code: 'ENOSPC' });
      written += bytesWritten;
    }
    await handle.sync();
    const { size } = await handle.stat();
    if (size !== buffer.length)
      throw Object.assign(new Error(`${temp} has ${size} bytes, expected ${buffer.length}`), { code: 'EIO' });
    await handle.close();
    handle = undefined;
    return { file, temp };
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.unlink(temp).catch(() => undefined);
    throw StoreWriteError.from(displayPath(file), error);
  }
}

/** Removes prepared files that will not be committed. */
export async function discardFiles(prepared: readonly PreparedFile[], fs: AtomicFs = nodeFs): Promise<void> {
  await Promise.all(prepared.map((p) => fs.unlink(p.temp).catch(() => undefined)));
}

/**
 * Renames prepared files over their targets, in the order given, then fsyncs their folders so
 * the renames survive a power cut. Renames need no new disk space, so a full disk cannot stop
 * them half way. Files not yet renamed when one fails are discarded; `progress.renamed` counts
 * those in place.
 */
export async function commitFiles(
  prepared: readonly PreparedFile[],
  fs: AtomicFs = nodeFs,
  progress: { renamed: number } = { renamed: 0 },
): Promise<void> {
  for (const [i, p] of prepared.entries()) {
    try {
      await fs.rename(p.temp, p.file);
      progress.renamed = i + 1;
    } catch (error) {
      await discardFiles(prepared.slice(i), fs);
      throw StoreWriteError.from(displayPath(p.file), error);
    }
  }
  for (const dir of new Set(prepared.map((p) => path.dirname(p.file)))) await syncDirectory(dir, fs);
}

/** Fsyncs a folder, so that a rename in it is durable. */
export async function syncDirectory(dir: string, fs: AtomicFs = nodeFs): Promise<void> {
  let handle: WritableHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch (error) {
    // Some systems cannot fsync a folder (EISDIR, EINVAL); there the rename is as durable as it gets.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EINVAL') throw StoreWriteError.from(displayPath(dir), error);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Replaces a file atomically and durably: a temporary file in the same folder written in full,
 * size-checked and fsynced, renamed over the target, then the folder fsynced. On failure the old
 * file is left as it was and the error is a StoreWriteError saying why.
 * `writeFileAtomic('locales/en/a.json', '{}\n')`.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array, fs: AtomicFs = nodeFs): Promise<void> {
  await commitFiles([await prepareFile(file, data, fs)], fs);
}

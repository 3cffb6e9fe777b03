import 'server-only';
import { lstat, open, truncate, type FileHandle } from 'node:fs/promises';
import { StoreWriteError } from './errors';
import { displayPath } from './paths';

/** An append that landed: the file's size after it, and how to put the file back as it was before. */
export interface AppendUndo {
  size: number;
  undo(): Promise<void>;
}

/**
 * Appends whole lines (`text` ends with a newline) to a file in one write, fsynced before it
 * returns; the file is made when missing. After a crash mid-line the lines start on a fresh
 * line, so that the torn one cannot swallow them. On failure the file is cut back to its old
 * length (a torn line from a full disk removed) and the error is a StoreWriteError; the returned
 * `undo` does the same for a change that then failed elsewhere. Refuses symbolic links.
 * `header` gives the first line of a file that is new (or empty).
 */
export async function appendLines(file: string, text: string, options: { header?: () => string } = {}): Promise<AppendUndo> {
  let handle: FileHandle | undefined;
  let size = -1;
  const undo = async () => {
    if (size >= 0) await truncate(file, size).catch(() => undefined);
  };
  try {
    const link = await lstat(file).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    });
    if (link?.isSymbolicLink())
      throw new StoreWriteError(displayPath(file), 'symlink', 'is a symbolic link; the store does not write through links');
    handle = await open(file, 'a+');
    size = (await handle.stat()).size;
    const torn = size > 0 && !(await endsWithNewline(handle, size));
    const start = size === 0 && options.header ? options.header() : torn ? '\n' : '';
    const buffer = Buffer.from(`${start}${text}`, 'utf8');
    let written = 0;
    while (written < buffer.length) {
      const { bytesWritten } = await handle.write(buffer, written, buffer.length - written, size + written);
      if (bytesWritten <= 0) throw Object.assign(new Error(`no progress appending to ${file}`), { code: 'ENOSPC' });
      written += bytesWritten;
    }
    await handle.sync();
    await handle.close();
    handle = undefined;
    return { size: size + buffer.length, undo };
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await undo();
    throw StoreWriteError.from(displayPath(file), error);
  }
}

/** Whether an open file of `size` > 0 bytes ends with a newline. */
async function endsWithNewline(handle: FileHandle, size: number): Promise<boolean> {
  const last = Buffer.alloc(1);
  await handle.read(last, 0, 1, size - 1);
  return last[0] === 0x0a;
}

import 'server-only';
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

export type BoundedRead =
  { ok: true; bytes: Buffer } | { ok: false; kind: 'missing' | 'not-a-file' | 'too-large'; error: string };

const CHUNK = 64 * 1024;

/**
 * Reads a file a person named (`npm run add`, `npm run import`), at most `maxBytes` of it. Only a
 * regular file is read: a device, a pipe or a folder (also behind a symbolic link, such as one to
 * /dev/zero) is refused without reading, and a file that is or grows past `maxBytes` is refused
 * after reading `maxBytes + 1` bytes, so neither can hang the command or fill its memory.
 * `readBoundedFile('novel.txt', 5 * 1024 * 1024, '5 MB')` → `{ ok: true, bytes }`.
 */
export async function readBoundedFile(file: string, maxBytes: number, limitLabel: string): Promise<BoundedRead> {
  let handle;
  try {
    // Non-blocking: opening a pipe for reading would otherwise wait for a writer.
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, kind: 'missing', error: `${file}: no such file` };
    if (code === 'EISDIR') return notAFile(file, 'a folder');
    throw error;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return notAFile(file, kindOf(info));
    const tooLarge = (size: string) =>
      ({
        ok: false,
        kind: 'too-large',
        error: `${file} is ${size}; it can have at most ${maxBytes} bytes (${limitLabel})`,
      }) as const;
    if (info.size > maxBytes) return tooLarge(`${info.size} bytes`);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const want = Math.min(CHUNK, maxBytes + 1 - total);
      const buffer = Buffer.alloc(want);
      const { bytesRead } = await handle.read(buffer, 0, want, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) return tooLarge(`more than ${maxBytes} bytes`);
    }
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } finally {
    await handle.close();
  }
}

function notAFile(file: string, what: string): BoundedRead {
  return { ok: false, kind: 'not-a-file', error: `${file} is ${what}, not a regular file; give the file itself` };
}

function kindOf(info: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSocket(): boolean;
}): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a pipe';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'not a file';
}

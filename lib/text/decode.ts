/** A source file whose bytes are not UTF-8 text. */
export class EncodingError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${file} is not UTF-8 text (${detail}); save it as UTF-8 and try again`);
    this.name = 'EncodingError';
  }
}

/**
 * Decodes a source file's bytes as UTF-8, refusing anything else instead of showing mojibake.
 * `Buffer.from('你好')` → `'你好'`; GB18030 bytes → throws EncodingError naming the file.
 */
export function decodeSource(bytes: Uint8Array, file: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new EncodingError(file, 'it starts with a UTF-16 byte order mark');
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new EncodingError(file, `it contains a NUL byte at byte ${nul}; is it UTF-16?`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidByte(bytes);
    throw new EncodingError(file, `invalid byte sequence at byte ${offset}`);
  }
}

/** Offset of the first byte that does not start a valid UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return i;
}

import iconv from 'iconv-lite';

/** Whether iconv-lite can decode this encoding name. `('big5')` → true. */
export function canDecode(encoding: string): boolean {
  return iconv.encodingExists(encoding);
}

/**
 * The iconv-lite adapter: decodes bytes in a named encoding; bytes that do not belong to it
 * become U+FFFD, which the caller checks for. `(gb18030 bytes of 你好, 'gb18030')` → `'你好'`.
 */
export function decodeCharset(bytes: Uint8Array, encoding: string): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: true });
}

/** Encodes text in a named encoding (for fixtures and tests). `('你好', 'big5')` → 4 bytes. */
export function encodeCharset(text: string, encoding: string): Uint8Array {
  return new Uint8Array(iconv.encode(text, encoding));
}

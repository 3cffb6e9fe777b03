/** The largest JSON body an API route reads, unless the route says otherwise. */
export const MAX_JSON_BODY_BYTES = 256 * 1024;

export type BodyFailure =
  { kind: 'too-large'; error: string } | { kind: 'not-utf8'; error: string } | { kind: 'not-json'; error: string };

export type BytesRead = { ok: true; bytes: Uint8Array } | ({ ok: false } & BodyFailure);
export type TextRead = { ok: true; text: string } | ({ ok: false } & BodyFailure);
export type JsonRead = { ok: true; value: unknown } | ({ ok: false } & BodyFailure);

function tooLarge(maxBytes: number): BodyFailure {
  return { kind: 'too-large', error: `The request body is larger than the ${formatBytes(maxBytes)} this route accepts` };
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) ? 1 : 0)} MB`
    : `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * Reads a request body as bytes, counting while it streams in: a body over `maxBytes` is refused
 * as soon as the count passes the limit (or at once when its Content-Length says so), so a
 * chunked upload without a length is never held in memory beyond the limit.
 * `readBodyBytes(new Request(url, { method: 'POST', body: '{}' }), 10)` → `{ ok: true, bytes: [0x7b, 0x7d] }`.
 */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<BytesRead> {
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes)
    return { ok: false, ...tooLarge(maxBytes) };
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Stop reading: what was received is dropped and the rest is never pulled in.
      await reader.cancel().catch(() => undefined);
      return { ok: false, ...tooLarge(maxBytes) };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { ok: true, bytes };
}

/**
 * Decodes UTF-8 strictly: invalid bytes are an error, never silently replaced with U+FFFD.
 * A leading byte-order mark is dropped. `[0xe4, 0xbd, 0xa0]` → `'你'`; `[0xff]` → not-utf8.
 */
export function decodeUtf8(bytes: Uint8Array): TextRead {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, kind: 'not-utf8', error: 'The request body is not valid UTF-8' };
  }
}

/** Reads a UTF-8 text body within a size limit (see readBodyBytes and decodeUtf8). */
export async function readTextBody(request: Request, maxBytes: number): Promise<TextRead> {
  const read = await readBodyBytes(request, maxBytes);
  return read.ok ? decodeUtf8(read.bytes) : read;
}

/** Reads a JSON body within a size limit: too large, not UTF-8 and not JSON are told apart. */
export async function readJson(request: Request, maxBytes: number = MAX_JSON_BODY_BYTES): Promise<JsonRead> {
  const read = await readTextBody(request, maxBytes);
  if (!read.ok) return read;
  try {
    const value: unknown = JSON.parse(read.text);
    return { ok: true, value };
  } catch {
    return { ok: false, kind: 'not-json', error: 'The request body is not JSON' };
  }
}

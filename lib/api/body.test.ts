import { describe, expect, it } from 'vitest';
import { decodeUtf8, readBodyBytes, readJson, readTextBody } from './body';

const URL_ = 'http://localhost/api/x';
const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request(URL_, { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

/** A chunked body with no Content-Length: `chunks` chunks of `size` bytes, counting how many were pulled. */
function chunkedBody(size: number, chunks: number) {
  const pulled = { count: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.count >= chunks) return controller.close();
      pulled.count += 1;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
    cancel() {
      pulled.cancelled = true;
    },
  });
  return { stream, pulled };
}

describe('readBodyBytes', () => {
  it('reads a small body', async () => {
    const read = await readBodyBytes(post('{"a":1}'), 100);
    expect(read).toEqual({ ok: true, bytes: new TextEncoder().encode('{"a":1}') });
  });

  it('refuses at once a body whose Content-Length is over the limit, reading nothing', async () => {
    const { stream, pulled } = chunkedBody(1024, 10);
    const read = await readBodyBytes(post(stream, { 'content-length': '10240' }), 1000);
    expect(read).toMatchObject({ ok: false, kind: 'too-large' });
    expect(pulled.count).toBeLessThanOrEqual(1); // a stream may be primed with one chunk
  });

  // Before: the whole body was buffered (request.text()) and only then measured, so an endless
  // chunked body never finished and a 300 MB one took the server to 1 GB.
  it('stops reading an endless chunked body once the count passes the limit', { timeout: 10_000 }, async () => {
    const { stream, pulled } = chunkedBody(64 * 1024, Number.POSITIVE_INFINITY);
    const read = await readBodyBytes(post(stream), 256 * 1024);
    expect(read).toMatchObject({ ok: false, kind: 'too-large', error: expect.stringContaining('256 KB') });
    expect(pulled.count).toBeLessThanOrEqual(6);
    expect(pulled.cancelled).toBe(true);
  });

  it('accepts a chunked body exactly at the limit', async () => {
    const { stream } = chunkedBody(1000, 4);
    const read = await readBodyBytes(post(stream), 4000);
    expect(read.ok && read.bytes.length).toBe(4000);
  });

  it('refuses a chunked body one byte over the limit', async () => {
    const { stream } = chunkedBody(1000, 4);
    expect(await readBodyBytes(post(stream), 3999)).toMatchObject({ ok: false, kind: 'too-large' });
  });

  it('reads no body as empty', async () => {
    expect(await readBodyBytes(new Request(URL_, { method: 'POST' }), 10)).toEqual({ ok: true, bytes: new Uint8Array(0) });
  });
});

describe('decodeUtf8', () => {
  const bytes = (...values: number[]) => new Uint8Array(values);
  const cases: { name: string; input: Uint8Array; expected: string | null }[] = [
    { name: 'ASCII', input: bytes(0x61, 0x62), expected: 'ab' },
    { name: 'Chinese', input: new TextEncoder().encode('你好'), expected: '你好' },
    { name: 'an emoji (four bytes)', input: new TextEncoder().encode('😀'), expected: '😀' },
    { name: 'a byte-order mark is dropped', input: bytes(0xef, 0xbb, 0xbf, 0x61), expected: 'a' },
    { name: 'a lone 0xff', input: bytes(0x61, 0xff), expected: null },
    { name: 'a truncated three-byte sequence', input: bytes(0xe4, 0xbd), expected: null },
    { name: 'an overlong encoding of "/"', input: bytes(0xc0, 0xaf), expected: null },
    { name: 'an encoded surrogate (CESU-8)', input: bytes(0xed, 0xa0, 0x80), expected: null },
    { name: 'GB18030 bytes of 你好', input: bytes(0xc4, 0xe3, 0xba, 0xc3), expected: null },
  ];
  it.each(cases)('$name', ({ input, expected }) => {
    const decoded = decodeUtf8(input);
    if (expected === null) expect(decoded).toMatchObject({ ok: false, kind: 'not-utf8' });
    else expect(decoded).toEqual({ ok: true, text: expected });
  });
});

describe('readJson and readTextBody', () => {
  const cases: { name: string; body: BodyInit; expected: unknown }[] = [
    { name: 'an object', body: '{"text":"你好"}', expected: { ok: true, value: { text: '你好' } } },
    { name: 'not JSON', body: '{"text":', expected: { ok: false, kind: 'not-json', error: expect.any(String) } },
    { name: 'an empty body', body: '', expected: { ok: false, kind: 'not-json', error: expect.any(String) } },
    {
      name: 'invalid UTF-8 inside a JSON string (not replaced by U+FFFD)',
      body: new Uint8Array([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]),
      expected: { ok: false, kind: 'not-utf8', error: 'The request body is not valid UTF-8' },
    },
  ];
  it.each(cases)('$name', async ({ body, expected }) => {
    expect(await readJson(post(body))).toEqual(expected);
  });

  it('readJson applies the limit it is given', async () => {
    expect(await readJson(post(JSON.stringify({ text: 'x'.repeat(100) })), 50)).toMatchObject({ ok: false, kind: 'too-large' });
  });

  it('readTextBody gives the text', async () => {
    expect(await readTextBody(post('第一段。'), 100)).toEqual({ ok: true, text: '第一段。' });
  });
});

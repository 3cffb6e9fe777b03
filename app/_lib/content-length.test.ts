import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LENGTH_HEADER, keepContentLength } from './content-length';

// A real Node.js server that sends its headers and body the way Next.js does (setHeader for each
// header, then the body in chunks), so the test sees what goes on the wire.
let server: http.Server;
let base = '';
beforeAll(async () => {
  keepContentLength();
  server = http.createServer((request, response) => {
    const given = new URL(request.url ?? '/', 'http://x').searchParams.get('length');
    if (given !== null) response.setHeader(BODY_LENGTH_HEADER, given);
    response.setHeader('Content-Type', 'audio/ogg');
    response.write(Buffer.from('Ogg'));
    response.end(Buffer.from('S!'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function get(path: string, method = 'GET'): Promise<{ headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${base}${path}`, { method }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ headers: response.headers, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('keepContentLength', () => {
  const cases: { name: string; path: string; method?: string; length: string | undefined; chunked: boolean; body: string }[] = [
    { name: 'the named length becomes Content-Length', path: '/?length=5', length: '5', chunked: false, body: 'OggS!' },
    { name: 'HEAD answers the same length', path: '/?length=5', method: 'HEAD', length: '5', chunked: false, body: '' },
    { name: 'without it, the body is chunked as before', path: '/', length: undefined, chunked: true, body: 'OggS!' },
    { name: 'a value that is not a byte count is dropped', path: '/?length=5x', length: undefined, chunked: true, body: 'OggS!' },
  ];
  for (const { name, path, method, length, chunked, body } of cases)
    it(name, async () => {
      const answer = await get(path, method);
      expect(answer.headers['content-length']).toBe(length);
      expect(answer.headers['transfer-encoding'] === 'chunked').toBe(chunked);
      expect(answer.headers[BODY_LENGTH_HEADER]).toBeUndefined();
      expect(answer.body).toBe(body);
    });
});

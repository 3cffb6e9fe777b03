import { describe, expect, it } from 'vitest';
import { BODY_LENGTH_HEADER } from '@/app/_lib/content-length';
import type { AudioResult } from '@/lib/library/audio';
import { audioResponse } from './audio';

const audio = (bytes: number[], etag = '"abc"'): AudioResult =>
  ({ ok: true, audio: { bytes: new Uint8Array(bytes), etag } }) as AudioResult;
const get = (headers: Record<string, string> = {}) => new Request('http://x/api/audio?text=x', { headers });

describe('audioResponse', () => {
  const cases: { name: string; bytes: number[]; request: Request; status: number; length: string | null }[] = [
    { name: 'the audio with its length', bytes: [1, 2, 3, 4, 5], request: get(), status: 200, length: '5' },
    { name: 'a longer one', bytes: Array.from({ length: 1234 }, (_, i) => i % 256), request: get(), status: 200, length: '1234' },
    {
      name: '304 when the browser holds it',
      bytes: [1, 2, 3],
      request: get({ 'If-None-Match': '"abc"' }),
      status: 304,
      length: null,
    },
  ];
  for (const { name, bytes, request, status, length } of cases)
    it(name, async () => {
      const response = audioResponse(request, audio(bytes), 'public, max-age=60', 413);
      expect(response.status).toBe(status);
      expect(response.headers.get('Content-Length')).toBe(length);
      // The length Next.js lets through (app/_lib/content-length.ts), equal to the body's.
      expect(response.headers.get(BODY_LENGTH_HEADER)).toBe(length);
      expect(response.headers.get('ETag')).toBe('"abc"');
      if (status === 200) expect((await response.arrayBuffer()).byteLength).toBe(bytes.length);
    });
});

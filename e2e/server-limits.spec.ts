// The server's limits and refusals, against a running server: bodies are measured while they
// stream in, bad bytes and bad paths are refused with a JSON message. No data is changed.
import { request as httpRequest } from 'node:http';
import { expect, test } from '@playwright/test';
import { EDITOR_TOKEN } from './accounts';
import { SLUG } from './helpers';

/**
 * Sends an endless chunked body (no Content-Length) and resolves with the status, the JSON the
 * server answered and how many bytes had been sent when the answer came. Gives up after `capBytes`.
 */
function sendEndlessBody(
  baseURL: string,
  path: string,
  method: string,
  headers: Record<string, string>,
  capBytes = 48 * 1024 * 1024,
) {
  return new Promise<{ status: number; body: unknown; sentBytes: number }>((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = httpRequest(
      new URL(path, baseURL),
      { method, headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const sentBytes = sent;
          req.destroy();
          try {
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')), sentBytes });
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    req.on('error', (error) => (answered ? undefined : reject(error)));
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const pump = () => {
      while (!answered && sent < capBytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    req.write('{"name":"x","password":"');
    pump();
  });
}

test.describe('request bodies', () => {
  test('an endless chunked sign-in body is refused with 413 long before it ends', async ({ baseURL }) => {
    const origin = baseURL ?? '';
    const answer = await sendEndlessBody(origin, '/api/session', 'POST', { origin });
    expect(answer.status).toBe(413);
    expect(answer.body).toEqual({ error: expect.stringContaining('larger than') });
    expect(answer.sentBytes).toBeLessThan(16 * 1024 * 1024);
  });

  test('an endless chunked gloss save is refused with 413', async ({ baseURL, request }) => {
    const text = await (await request.get(`/api/texts/${SLUG}`)).json();
    const id = text.blocks.find((b: { status: string | null }) => b.status)?.id as string;
    const answer = await sendEndlessBody(baseURL ?? '', `/api/texts/${SLUG}/glosses/${id}`, 'PUT', {
      authorization: `Bearer ${EDITOR_TOKEN}`,
    });
    expect(answer.status).toBe(413);
    expect(answer.body).toEqual({ error: expect.stringContaining('larger than') });
  });

  test('a body that is not UTF-8 is refused with 422, not read with U+FFFD', async ({ request }) => {
    const text = await (await request.get(`/api/texts/${SLUG}`)).json();
    const block = text.blocks.find((b: { status: string | null }) => b.status);
    const body = Buffer.concat([
      Buffer.from(`{"text":"caf`),
      Buffer.from([0xe9]),
      Buffer.from(`","baseRevision":"${block.revision}"}`),
    ]);
    const response = await request.put(`/api/texts/${SLUG}/glosses/${block.id}`, {
      headers: { authorization: `Bearer ${EDITOR_TOKEN}`, 'content-type': 'application/json' },
      data: body,
    });
    expect(response.status()).toBe(422);
    expect(await response.json()).toEqual({ error: 'The request body is not valid UTF-8' });
  });
});

test.describe('paths and credentials', () => {
  const bad = [
    { name: 'a NUL in the slug', slug: 'a%00b' },
    { name: 'a 300-character slug', slug: 'a'.repeat(300) },
    { name: 'a dotted slug', slug: '..%2F..%2Fetc' },
  ];
  for (const { name, slug } of bad) {
    test(`revert with ${name} is a 404 with a message`, async ({ request }) => {
      const response = await request.post(`/api/texts/${slug}/glosses/abcdef/revert`, {
        headers: { authorization: `Bearer ${EDITOR_TOKEN}` },
        data: { to: 'x', baseRevision: 'y' },
      });
      expect(response.status()).toBe(404);
      expect(await response.json()).toEqual({ error: 'No such text' });
    });
  }

  test('Authorization: bearer in lower case is accepted (a stale base revision then gets 409)', async ({ request }) => {
    const text = await (await request.get(`/api/texts/${SLUG}`)).json();
    const id = text.blocks.find((b: { status: string | null }) => b.status)?.id as string;
    const response = await request.put(`/api/texts/${SLUG}/glosses/${id}/status`, {
      headers: { authorization: `bearer ${EDITOR_TOKEN}` },
      data: { status: 'reviewed', baseRevision: 'not-the-revision' },
    });
    expect(response.status()).toBe(409);
    expect(await response.json()).toMatchObject({ error: expect.any(String), current: { revision: expect.any(String) } });
  });
});

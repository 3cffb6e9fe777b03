import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDataDir } from '@/lib/testing/data-dir';
import { POST } from './route';

const savedToken = process.env.EDITOR_TOKEN;
let data: ReturnType<typeof makeDataDir>;
beforeEach(() => {
  data = makeDataDir({ copyRepoData: true });
  process.env.EDITOR_TOKEN = 'route-test-token';
});
afterEach(() => {
  if (savedToken === undefined) delete process.env.EDITOR_TOKEN;
  else process.env.EDITOR_TOKEN = savedToken;
  data.dispose();
});

const add = (text: string, query = 'fileName=essay.txt&slug=essay&title=题') =>
  POST(
    new Request(`http://localhost/api/texts?${query}`, {
      method: 'POST',
      body: Buffer.from(text),
      headers: { authorization: 'Bearer route-test-token' },
    }),
    {},
  );

describe('POST /api/texts sent again after it had finished', () => {
  const cases = [
    {
      name: 'the same file again',
      second: '第一段。\n\n第二段。\n',
      expected: {
        kind: 'exists',
        slug: 'essay',
        url: '/read/essay',
        sameSource: true,
        error: expect.stringMatching(/already in the library/),
      },
    },
    {
      name: 'another file under the same slug',
      second: '另一篇。\n',
      expected: {
        kind: 'exists',
        slug: 'essay',
        url: '/read/essay',
        sameSource: false,
        error: expect.stringMatching(/already exists/),
      },
    },
  ];
  it.each(cases)('$name: 409 with the slug, its link and sameSource', async ({ second, expected }) => {
    const first = await add('第一段。\n\n第二段。\n');
    expect(first.status, JSON.stringify(await first.clone().json())).toBe(201);
    const again = await add(second);
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual(expected);
  });
});

describe('POST /api/texts of a long text', () => {
  it('answers a summary: 200 preview blocks and 200 new ids, the rest counted', async () => {
    const response = await add('一段。\n\n'.repeat(1_000), 'fileName=long.txt&slug=long');
    expect(response.status).toBe(201);
    const body = (await response.json()) as { preview: unknown[]; sync: { added: string[] }; omitted: unknown; summary: unknown };
    expect(body.preview).toHaveLength(200);
    expect(body.sync.added).toHaveLength(200);
    expect(body.omitted).toEqual({ preview: 800, oddities: 0, ids: 800 });
    expect(body.summary).toMatchObject({ blocks: { paragraph: 1_000 } });
  }, 30_000);
});

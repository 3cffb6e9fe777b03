import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDataDir } from '@/lib/testing/data-dir';
import { GET } from './route';

const SLUG = 'karpathy-no-priors';
const NOTES = `locales/en/${SLUG}.notes.json`;

let data: ReturnType<typeof makeDataDir>;
beforeEach(() => {
  data = makeDataDir({ copyRepoData: true });
});
afterEach(() => data.dispose());

const get = (query: string) =>
  GET(new Request(`http://localhost/api/texts/${SLUG}${query}`), { params: Promise.resolve({ slug: SLUG }) });

describe('GET /api/texts/<slug>?annotations=1 with a broken notes file', () => {
  const cases = [
    { name: 'malformed JSON', notes: '{ "n1": ', said: `${NOTES}:1:9: malformed JSON` },
    { name: 'the wrong shape', notes: '{ "n1": { "block": "x" } }', said: `${NOTES}: does not have the expected shape` },
  ];
  it.each(cases)('$name: 409 naming the file, not a 500', async ({ notes, said }) => {
    data.write(NOTES, notes);
    const response = await get('?annotations=1');
    expect(response.status).toBe(409);
    const body = (await response.json()) as { error: string };
    expect(body.error).toContain(said);
  });

  it('the text without annotations is still served', async () => {
    data.write(NOTES, '{ "n1": ');
    expect((await get('')).status).toBe(200);
  });
});

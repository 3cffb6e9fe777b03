import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDataDir } from '@/lib/testing/data-dir';
import { GET as exportFileRoute } from '../export/route';
import { GET as tmxRoute } from '../tmx/route';
import { GET as xliffRoute } from './route';

const SLUG = 'karpathy-no-priors';

let data: ReturnType<typeof makeDataDir>;
beforeEach(() => {
  data = makeDataDir({ copyRepoData: true });
  data.write(`locales/fr/${SLUG}.json`, '{ "title": "Karpathy chez No Priors" }\n');
  data.write(`locales/fr/${SLUG}.state.json`, '{}\n');
});
afterEach(() => data.dispose());

type Route = (request: Request, context: { params: Promise<{ slug: string }> }) => Promise<Response>;
const routes: Record<string, Route> = { xliff: xliffRoute, tmx: tmxRoute, export: exportFileRoute };

describe('the exchange and export routes with ?lang=', () => {
  it.each([
    {
      route: 'xliff',
      query: '?lang=fr',
      status: 200,
      has: ['target-language="fr"', 'Karpathy chez No Priors'],
      file: `${SLUG}.fr.xlf`,
    },
    { route: 'xliff', query: '?lang=FR&version=2.0', status: 200, has: ['trgLang="fr"'], file: `${SLUG}.fr.xlf` },
    { route: 'xliff', query: '', status: 200, has: ['target-language="en"'], file: `${SLUG}.xlf` },
    { route: 'xliff', query: '?lang=de', status: 404, has: ['no German (de) translation'] },
    { route: 'xliff', query: '?lang=zh', status: 400, has: ["the source's language"] },
    { route: 'tmx', query: '?lang=fr&drafts=1', status: 200, has: ['<tuv xml:lang="fr">'], file: `${SLUG}.fr.tmx` },
    { route: 'tmx', query: '?lang=../en', status: 400, has: ['Bad lang'] },
    {
      route: 'export',
      query: '?format=html&lang=en,fr',
      status: 200,
      has: ['lang="fr">Karpathy chez No Priors'],
      file: `${SLUG}.en-fr.html`,
    },
    { route: 'export', query: '?format=html&lang=de', status: 404, has: ['no German (de) translation'] },
    { route: 'export', query: '?format=html&lang=en,fr,de', status: 422, has: ['at most 2 languages'] },
  ])('GET $route $query: $status', async ({ route, query, status, has, file }) => {
    const handler = routes[route]!;
    const url = `http://localhost/api/texts/${SLUG}/${route}${query}`;
    const response = await handler(new Request(url), { params: Promise.resolve({ slug: SLUG }) });
    expect(response.status).toBe(status);
    const body = await response.text();
    for (const text of has) expect(body).toContain(text);
    if (file) expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${file}"`);
  });
});

import { expect, test } from '@playwright/test';
import { SEED, SLUG, loadSeed } from './helpers';

const STATUSES = ['untranslated', 'draft', 'reviewed', 'stale'];

type Summary = { slug: string; title: { zh: string; en: string | null }; progress: { glossed: number; total: number } };
type Exported = {
  slug: string;
  title: { zh: string; en: string | null; status: string; revision: string };
  meta: Record<string, unknown>;
  blocks: { id: string; type: string; zh: string; en: string | null; status: string | null }[];
};

test.describe('GET /api/texts', () => {
  test('lists every text as { slug, title: { zh, en }, progress: { glossed, total } }', async ({ request }) => {
    const seed = loadSeed();
    const response = await request.get('/api/texts');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^application\/json/);
    const texts = (await response.json()) as Summary[];
    expect(Array.isArray(texts)).toBe(true);
    for (const text of texts) {
      expect(Object.keys(text).sort()).toEqual(['progress', 'slug', 'title']);
      expect(typeof text.slug).toBe('string');
      expect(Object.keys(text.title).sort()).toEqual(['en', 'zh']);
      expect(typeof text.title.zh).toBe('string');
      expect(text.title.en === null || typeof text.title.en === 'string').toBe(true);
      expect(Number.isInteger(text.progress.glossed)).toBe(true);
      expect(Number.isInteger(text.progress.total)).toBe(true);
      expect(text.progress.glossed).toBeLessThanOrEqual(text.progress.total);
    }
    const entry = texts.find((t) => t.slug === SLUG);
    expect(entry).toEqual({
      slug: SLUG,
      title: { zh: SEED.titleZh, en: seed.title.en ?? null },
      progress: { glossed: seed.textBlocks.filter((b) => b.en).length, total: seed.textBlocks.length },
    });
    expect(entry?.progress).toEqual({ glossed: 50, total: 50 });
  });
});

test.describe('GET /api/texts/<slug>', () => {
  test('returns { slug, title, meta, blocks } with the seed’s title and metadata', async ({ request }) => {
    const seed = loadSeed();
    const response = await request.get(`/api/texts/${SLUG}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^application\/json/);
    const text = (await response.json()) as Exported;
    expect(Object.keys(text).sort()).toEqual(['blocks', 'meta', 'slug', 'title']);
    expect(text.slug).toBe(SLUG);
    expect(text.title).toEqual({
      zh: SEED.titleZh,
      en: seed.title.en ?? null,
      status: expect.stringMatching(/^(untranslated|draft|reviewed|stale)$/),
      revision: expect.stringMatching(/^[0-9a-f]{12}$/),
    });
    expect(text.meta).toMatchObject({ date: SEED.date, author: SEED.author });
  });

  test('every block has id, type, zh, en and status of the right kinds', async ({ request }) => {
    const text = (await (await request.get(`/api/texts/${SLUG}`)).json()) as Exported;
    const problems: string[] = [];
    for (const block of text.blocks) {
      const where = `block ${JSON.stringify(block.id)}`;
      if (JSON.stringify(Object.keys(block).sort()) !== JSON.stringify(['en', 'id', 'revision', 'status', 'type', 'zh'])) {
        problems.push(`${where}: keys ${Object.keys(block).join(',')}`);
      }
      if (!/^[a-z][a-z0-9]{5}$/.test(block.id)) problems.push(`${where}: malformed id`);
      if (!['heading', 'paragraph', 'list-item', 'break'].includes(block.type)) problems.push(`${where}: type ${block.type}`);
      if (typeof block.zh !== 'string') problems.push(`${where}: zh is ${typeof block.zh}`);
      if (block.en !== null && typeof block.en !== 'string') problems.push(`${where}: en is ${typeof block.en}`);
      if (block.type === 'break') {
        if (block.status !== null) problems.push(`${where}: a break with status ${block.status}`);
        if (block.en !== null) problems.push(`${where}: a break with English`);
        if (block.zh !== '') problems.push(`${where}: a break with Chinese`);
      } else {
        if (!STATUSES.includes(block.status ?? '')) problems.push(`${where}: status ${block.status}`);
        if (block.zh.trim() === '') problems.push(`${where}: no Chinese`);
        if ((block.en === null) !== (block.status === 'untranslated'))
          problems.push(`${where}: en ${block.en === null ? 'null' : 'set'} with status ${block.status}`);
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  test('the blocks are the seed’s, in order, with their Chinese and English', async ({ request }) => {
    const seed = loadSeed();
    const text = (await (await request.get(`/api/texts/${SLUG}`)).json()) as Exported;
    expect(text.blocks).toHaveLength(SEED.blockCount);
    expect(text.blocks.map((b) => b.id)).toEqual(seed.blocks.map((b) => b.id));
    expect(text.blocks.map((b) => b.zh)).toEqual(seed.blocks.map((b) => b.zh));
    expect(text.blocks.map((b) => b.en)).toEqual(seed.blocks.map((b) => b.en ?? null));
    expect(text.blocks.filter((b) => b.type === 'break').map((b) => b.id)).toEqual(
      seed.blocks.filter((b) => b.isBreak).map((b) => b.id),
    );
    expect(text.blocks.filter((b) => b.type === 'break')).toHaveLength(SEED.breakCount);
    expect(text.blocks.filter((b) => b.type === 'heading')).toHaveLength(SEED.headingCount);
  });

  for (const slug of ['nope', 'common', 'Karpathy-No-Priors', '..%2F..%2Fetc%2Fpasswd']) {
    test(`an unknown slug (${slug}) gives a 404 JSON error`, async ({ request }) => {
      const response = await request.get(`/api/texts/${slug}`);
      expect(response.status()).toBe(404);
      expect(response.headers()['content-type']).toMatch(/^application\/json/);
      const body = (await response.json()) as { error?: unknown };
      expect(typeof body.error).toBe('string');
    });
  }
});

import { readFileSync, statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BlockAlignment } from '@/lib/api/alignment-contract';
import { makeDataDir } from '@/lib/testing/data-dir';
import { GET, PUT } from './route';

const SLUG = 'karpathy-no-priors';
const GLOSSES = `locales/en/${SLUG}.json`;
const STORED = `locales/en/${SLUG}.align.json`;
const TOKEN = 'test-token-for-alignment';

let data: ReturnType<typeof makeDataDir>;
const savedToken = process.env.EDITOR_TOKEN;
beforeEach(() => {
  data = makeDataDir({ copyRepoData: true });
  process.env.EDITOR_TOKEN = TOKEN;
});
afterEach(() => {
  data.dispose();
  if (savedToken === undefined) delete process.env.EDITOR_TOKEN;
  else process.env.EDITOR_TOKEN = savedToken;
});

const context = (slug = SLUG) => ({ params: Promise.resolve({ slug }) });
const get = (query = '', slug = SLUG) => GET(new Request(`http://localhost/api/texts/${slug}/alignment${query}`), context(slug));
const put = (id: string, body: unknown, token: string | null = TOKEN) =>
  PUT(
    new Request(`http://localhost/api/texts/${SLUG}/alignment?id=${id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    }),
    context(),
  );
const blocksOf = async (response: Response) => ((await response.json()) as { blocks: BlockAlignment[] }).blocks;
const glosses = () => JSON.parse(readFileSync(data.file(GLOSSES), 'utf8')) as Record<string, string>;

/** A block of the article with at least three sentences a side, all linked one to one. */
async function oneToOneBlock(): Promise<BlockAlignment> {
  const block = (await blocksOf(await get())).find(
    (b) => b.zh.length >= 3 && b.links.length === b.zh.length && b.links.every((l) => l.zh.length === 1 && l.gloss.length === 1),
  );
  if (!block) throw new Error('the article has no such block');
  return block;
}

describe('GET /api/texts/<slug>/alignment', () => {
  it('gives every translated block with offsets into the stored texts, stores them, and rewrites nothing when asked again', async () => {
    const response = await get('?lang=en');
    expect(response.status).toBe(200);
    const blocks = await blocksOf(response);
    const english = glosses();
    expect(blocks.length).toBeGreaterThan(40);
    for (const block of blocks) {
      const gloss = english[block.id] ?? '';
      expect(block.gloss.map(([s, e]) => gloss.slice(s, e)).join(' ')).toBe(gloss.replace(/\s+/g, ' ').trim());
      const linked = block.links.flatMap((l) => l.zh);
      expect(linked).toEqual(block.zh.map((_, i) => i));
    }
    const written = statSync(data.file(STORED)).mtimeMs;
    expect(JSON.parse(readFileSync(data.file(STORED), 'utf8'))).toMatchObject({ version: 1 });
    await get();
    expect(statSync(data.file(STORED)).mtimeMs).toBe(written);
  });

  it('gives one block with &id=', async () => {
    const blocks = await blocksOf(await get('?id=c4pzjo'));
    expect(blocks.map((b) => b.id)).toEqual(['c4pzjo']);
  });

  const broken = [
    { name: 'malformed JSON', file: '{ "version": 1, ', said: /malformed JSON/ },
    { name: 'another version', file: '{ "version": 2, "blocks": {} }', said: /expected shape/ },
    {
      name: 'a link with an unknown key',
      file: '{ "version": 1, "blocks": { "c4pzjo": { "zhHash": "00000000", "glossHash": "00000000", "zh": [], "en": [], "links": [{ "zh": [0], "en": [0], "x": 1 }] } } }',
      said: /blocks\.c4pzjo": link 0 may only have/,
    },
  ];
  it.each(broken)('a stored file with $name: 409 naming it, and the file left as it was', async ({ file, said }) => {
    data.write(STORED, file);
    const response = await get('?id=c4pzjo');
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: string }).error).toMatch(said);
    expect(readFileSync(data.file(STORED), 'utf8')).toBe(file);
  });

  const refused = [
    { name: 'a bad language tag', query: '?lang=@@', slug: SLUG, status: 400 },
    { name: 'a language the text lacks', query: '?lang=fr', slug: SLUG, status: 404 },
    { name: 'an id that cannot be a block', query: '?id=../x', slug: SLUG, status: 404 },
    { name: 'an unknown text', query: '', slug: 'no-such-text', status: 404 },
    { name: 'a slug that names no file', query: '', slug: '..', status: 404 },
  ];
  it.each(refused)('$name: $status', async ({ query, slug, status }) => {
    expect((await get(query, slug)).status).toBe(status);
  });
});

describe('PUT /api/texts/<slug>/alignment?id=<block>', () => {
  it('refuses links that do not cover the sentences, a stale revision and a missing editor', async () => {
    const block = await oneToOneBlock();
    const all = block.links.map((l) => ({ zh: l.zh, gloss: l.gloss }));
    const cases = [
      { body: { links: all.slice(1), baseRevision: block.revision }, status: 400, error: /Chinese sentence 0 is in no link/ },
      { body: { links: [...all, { zh: [0], gloss: [] }], baseRevision: block.revision }, status: 400, error: /overlaps/ },
      { body: { links: all, baseRevision: '00000000' }, status: 409, error: /changed since/ },
      { body: { links: 'all' }, status: 422, error: /Expected/ },
    ];
    for (const { body, status, error } of cases) {
      const response = await put(block.id, body);
      expect(response.status).toBe(status);
      expect(((await response.json()) as { error: string }).error).toMatch(error);
    }
    expect((await put(block.id, { links: all, baseRevision: block.revision }, null)).status).toBe(401);
  });

  it('keeps a manual link after an edit of another sentence, and marks it stale when its own sentence changes', async () => {
    const block = await oneToOneBlock();
    // Join the first two sentences of each side by hand; the rest stays automatic.
    const links = [
      { zh: [0, 1], gloss: [0, 1] },
      ...block.links.slice(2).map((l) => ({ zh: l.zh, gloss: l.gloss, manual: false })),
    ];
    const saved = await put(block.id, { links, baseRevision: block.revision });
    expect(saved.status).toBe(200);
    const [fixed] = await blocksOf(saved);
    expect(fixed?.links[0]).toEqual({ zh: [0, 1], gloss: [0, 1], manual: true, confidence: 1 });

    const english = glosses();
    const text = english[block.id] ?? '';
    const last = block.gloss.at(-1) ?? [0, 0];
    data.write(GLOSSES, JSON.stringify({ ...english, [block.id]: `${text.slice(0, last[0])}This last sentence was rewritten.` }));
    const [afterOther] = await blocksOf(await get(`?id=${block.id}`));
    expect(afterOther?.links[0]).toEqual({ zh: [0, 1], gloss: [0, 1], manual: true, confidence: 1 });

    const first = block.gloss[0] ?? [0, 0];
    const now = glosses()[block.id] ?? '';
    data.write(GLOSSES, JSON.stringify({ ...glosses(), [block.id]: `The first sentence, rewritten.${now.slice(first[1])}` }));
    const [afterOwn] = await blocksOf(await get(`?id=${block.id}`));
    expect(afterOwn?.links[0]).toMatchObject({ zh: [0, 1], gloss: [0, 1], manual: true, stale: true });
    if (!afterOwn) throw new Error('no block');

    // Linking other sentences sends the stale link back unmarked (as an older client would): still stale.
    const lastZh = afterOwn.zh.length - 1;
    const lastGloss = afterOwn.gloss.length - 1;
    const relinked = [
      { zh: [0, 1], gloss: [0, 1] },
      {
        zh: Array.from({ length: lastZh - 2 }, (_, k) => k + 2),
        gloss: Array.from({ length: lastGloss - 2 }, (_, k) => k + 2),
        manual: false,
      },
      { zh: [lastZh], gloss: [lastGloss] },
    ].filter((l) => l.zh.length > 0 || l.gloss.length > 0);
    const [other] = await blocksOf(await put(block.id, { links: relinked, baseRevision: afterOwn.revision }));
    expect(other?.links[0]).toMatchObject({ zh: [0, 1], gloss: [0, 1], manual: true, stale: true });
    expect(other?.links.at(-1)).toEqual({ zh: [lastZh], gloss: [lastGloss], manual: true, confidence: 1 });

    // Confirmed explicitly: no longer stale.
    const confirm = other!.links.map((l, k) => ({
      zh: l.zh,
      gloss: l.gloss,
      manual: l.manual,
      ...(k === 0 ? { stale: false } : {}),
    }));
    const [confirmed] = await blocksOf(await put(block.id, { links: confirm, baseRevision: other!.revision }));
    expect(confirmed?.links[0]).toEqual({ zh: [0, 1], gloss: [0, 1], manual: true, confidence: 1 });
  });
});

describe('more than one language, and editors at the same time', () => {
  it('aligns each language in its own file', async () => {
    data.write(
      `locales/fr/${SLUG}.json`,
      JSON.stringify({ c4pzjo: 'Il y a quelques jours. Une nouvelle a fait les gros titres.' }),
    );
    const french = await blocksOf(await get('?lang=fr'));
    expect(french.map((b) => b.id)).toEqual(['c4pzjo']);
    expect(french[0]?.gloss).toEqual([
      [0, 22],
      [23, 59],
    ]);
    expect(JSON.parse(readFileSync(data.file(`locales/fr/${SLUG}.align.json`), 'utf8'))).toMatchObject({ version: 1 });
    expect(() => statSync(data.file(STORED))).toThrow();
  });

  it('of two changes sent from the same revision at once, one lands and the other is told of the conflict', async () => {
    const block = await oneToOneBlock();
    const links = block.links.map((l) => ({ zh: l.zh, gloss: l.gloss }));
    const joined = [{ zh: [0, 1], gloss: [0, 1] }, ...links.slice(2)];
    const statuses = await Promise.all([
      put(block.id, { links, baseRevision: block.revision }),
      put(block.id, { links: joined, baseRevision: block.revision }),
    ]).then((responses) => responses.map((r) => r.status).sort());
    expect(statuses).toEqual([200, 409]);
  });
});

// A long text read in sections: `long-e2e` (2,500 paragraphs in chapters, made of the article's
// sentences by scripts/generate-long-text.ts) is written into the running server's data folder
// before these tests and removed after them, so the other specs see the bundled data only.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { toTraditional } from '../lib/annotate/chinese-script';
import { expectNoAxeViolations } from './axe';
import { bearer, glossUrl } from './editing-helpers';
import { READ_PATH, SEED, dataRoot, waitForHydration } from './helpers';

const LONG = 'long-e2e';
const LONG_PATH = `/read/${LONG}`;

interface ApiBlock {
  id: string;
  type: string;
  zh: string;
}

let blocks: ApiBlock[] | undefined;
async function longBlocks(request: APIRequestContext): Promise<ApiBlock[]> {
  if (!blocks) {
    const response = await request.get(`/api/texts/${LONG}`);
    expect(response.status()).toBe(200);
    blocks = ((await response.json()) as { blocks: ApiBlock[] }).blocks;
  }
  return blocks;
}

/** The hrefs of the table of contents, in order. */
async function contents(page: Page): Promise<string[]> {
  return page.locator('.section-contents a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
}

test.beforeAll(() => {
  const generated = spawnSync(
    path.join('node_modules', '.bin', 'tsx'),
    ['--conditions=react-server', 'scripts/generate-long-text.ts', '--paragraphs', '2500', '--slug', LONG],
    { env: { ...process.env, BILINGUAL_DATA_DIR: dataRoot() }, encoding: 'utf8' },
  );
  if (generated.status !== 0) throw new Error(`generating ${LONG} failed: ${generated.stderr}`);
});

test.afterAll(() => {
  for (const file of [
    `content/${LONG}.md`,
    `content/${LONG}.ids.json`,
    `locales/en/${LONG}.json`,
    `locales/en/${LONG}.state.json`,
    `locales/en/${LONG}.journal.jsonl`,
    `locales/en/${LONG}.history.jsonl`,
  ]) {
    rmSync(path.join(dataRoot(), file), { force: true });
  }
});

test.describe('a long text in sections', () => {
  test('the first page has a table of contents of every section, the first marked current', async ({ page }) => {
    await page.goto(LONG_PATH);
    const toc = page.locator('.section-contents');
    const hrefs = await contents(page);
    expect(hrefs.length).toBeGreaterThan(20);
    expect(hrefs[0]).toBe(LONG_PATH);
    expect(hrefs.slice(1).every((href) => new RegExp(`^${LONG_PATH}/s/[a-z][a-z0-9]{5}$`).test(href))).toBe(true);
    await toc.locator('summary').click();
    await expect(toc.locator('a').first()).toHaveAttribute('aria-current', 'page');
    await expect(toc.locator('a').first()).toContainText('第一章');
    await expect(page.locator('.section-nav-top .section-place')).toHaveText(`Section 1 of ${hrefs.length}`);
    // A section shows its own rows only.
    expect(await page.locator('article.reader > .row').count()).toBeLessThan(150);
  });

  test('previous and next links at both ends, and none beyond the first and last sections', async ({ page }) => {
    await page.goto(LONG_PATH);
    const hrefs = await contents(page);
    await expect(page.locator('.section-nav a[rel="prev"]')).toHaveCount(0);
    await expect(page.locator('.section-nav-top a[rel="next"]')).toHaveAttribute('href', hrefs[1]!);
    await expect(page.locator('.section-nav-bottom a[rel="next"]')).toHaveAttribute('href', hrefs[1]!);

    await page.locator('.section-nav-bottom a[rel="next"]').click();
    await expect(page).toHaveURL(hrefs[1]!);
    await expect(page.locator('.section-nav-bottom .section-place')).toHaveText(`Section 2 of ${hrefs.length}`);
    await expect(page.locator('.section-nav-top a[rel="prev"]')).toHaveAttribute('href', LONG_PATH);
    await expect(page.locator('.section-nav-top a[rel="next"]')).toHaveAttribute('href', hrefs[2]!);

    await page.goto(hrefs.at(-1)!);
    await expect(page.locator('.section-nav a[rel="next"]')).toHaveCount(0);
    await expect(page.locator('.section-nav-top a[rel="prev"]')).toHaveAttribute('href', hrefs.at(-2)!);
  });

  test('a section page offers this section’s files, the same passage as the page', async ({ page, request }) => {
    await page.goto(LONG_PATH);
    const third = (await contents(page))[2]!;
    const name = third.split('/').at(-1)!;
    await page.goto(third);
    await waitForHydration(page);
    await page.locator('.download-menu summary').click();
    const group = page.getByRole('list', { name: 'This section' });
    // PDF (A4, Letter), EPUB, HTML, and, the text not being fully translated, Chinese-only PDF and EPUB.
    await expect(group.locator('a')).toHaveCount(6);
    await expect(group.getByRole('link', { name: 'PDF, Chinese only (A4)' })).toHaveAttribute(
      'href',
      `/api/texts/${LONG}/export?format=pdf&paper=A4&layout=zh&section=${name}`,
    );
    const href = await group.getByRole('link', { name: /HTML/ }).getAttribute('href');
    expect(href).toBe(`/api/texts/${LONG}/export?format=html&section=${name}`);
    await expect(page.getByRole('list', { name: 'The whole text' }).locator('a')).toHaveCount(8);
    const file = await request.get(href!);
    expect(file.headers()['content-disposition']).toBe(`attachment; filename="${LONG}-${name}.html"`);
    const html = await file.text();
    const rows = await page.locator('article.reader > .row').evaluateAll((els) => els.map((el) => el.id));
    const exported = [...html.matchAll(/<(?:div class="row[^"]*"|hr class="row-break") id="([^"]+)"/g)].map((m) => m[1]);
    expect(exported).toEqual(rows);
  });

  test('#<id> of a block deep in the text, from a fresh load, lands on its row in its section', async ({ page, request }) => {
    const all = await longBlocks(request);
    const target = all.filter((b) => b.type === 'paragraph')[2000]!;
    await page.goto(`${LONG_PATH}#${target.id}`);
    await page.waitForURL(new RegExp(`${LONG_PATH}/s/[a-z0-9]{6}#${target.id}$`));
    await waitForHydration(page);
    const row = page.locator(`[id="${target.id}"]`);
    await expect(row).toBeInViewport();
    expect(await row.evaluate((el) => el.matches(':target'))).toBe(true);
    await expect(page.locator('html')).not.toHaveAttribute('data-locating');
    await expect(row.locator('.cell-zh')).toContainText(target.zh.slice(0, 12));
  });

  test('/p/<id> works for a paragraph deep in the text, and links into its section', async ({ page, request }) => {
    const paragraphs = (await longBlocks(request)).filter((b) => b.type !== 'break');
    const target = paragraphs[2300]!;
    const response = await page.goto(`${LONG_PATH}/p/${target.id}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Paragraph 2301 of ${paragraphs.length}`);
    const inContext = page.getByRole('link', { name: 'Read it in context' });
    await expect(inContext).toHaveAttribute('href', new RegExp(`^${LONG_PATH}/s/[a-z0-9]{6}#${target.id}$`));
    await inContext.click();
    await expect(page.locator(`[id="${target.id}"]`)).toBeInViewport();
  });

  test('?layout= and ?pinyin= go along to the next section', async ({ page }) => {
    await page.goto(`${LONG_PATH}?layout=stacked&pinyin=1`);
    await waitForHydration(page);
    await page.locator('.section-nav-top a[rel="next"]').click();
    await page.waitForURL(/\/s\//);
    const url = new URL(page.url());
    expect(url.searchParams.get('layout')).toBe('stacked');
    expect(url.searchParams.get('pinyin')).toBe('1');
    await expect(page.locator('html')).toHaveAttribute('data-layout', 'stacked');
  });

  test('an old section name redirects to the section holding that block, keeping the reading options', async ({
    page,
    request,
  }) => {
    await page.goto(LONG_PATH);
    const names = new Set((await contents(page)).map((href) => href.split('/').at(-1)));
    // A block that does not start a section: its id is what an old section name looks like.
    const paragraph = (await longBlocks(request)).filter((b) => b.type === 'paragraph' && !names.has(b.id))[1800]!;
    const options = 'layout=stacked&pinyin=1&script=trad';
    const answer = await request.get(`/zh${LONG_PATH}/s/${paragraph.id}?${options}&ref=mail`, { maxRedirects: 0 });
    expect(answer.status()).toBe(308);
    expect(answer.headers()['location']).toMatch(new RegExp(`^/zh${LONG_PATH}/s/[a-z0-9]{6}\\?${options}#${paragraph.id}$`));

    await page.goto(`${LONG_PATH}/s/${paragraph.id}?${options}`);
    await page.waitForURL(new RegExp(`${LONG_PATH}/s/[a-z0-9]{6}\\?${options}#${paragraph.id}$`));
    await expect(page.locator('html')).toHaveAttribute('data-layout', 'stacked');
    await expect(page.locator(`[id="${paragraph.id}"]`)).toBeInViewport();
  });

  test('?script=trad shows the table of contents in traditional characters', async ({ page }) => {
    const labels = () =>
      page.locator('.section-contents a').evaluateAll((links) => links.map((a) => (a as HTMLElement).innerText));
    await page.goto(LONG_PATH);
    await page.locator('.section-contents summary').click();
    const simplified = await labels();
    await page.goto(`${LONG_PATH}?script=trad`);
    await waitForHydration(page);
    await page.locator('.section-contents summary').click();
    expect(await labels()).toEqual(simplified.map((label) => toTraditional(label)));
    expect(await labels()).not.toEqual(simplified);
  });

  test('a gloss changed on disk behind the running server shows on its section', async ({ page, request }) => {
    const file = path.join(dataRoot(), 'locales', 'en', `${LONG}.json`);
    const before = readFileSync(file, 'utf8');
    const glosses = JSON.parse(before) as Record<string, string>;
    const id = (await longBlocks(request)).filter((b) => b.type === 'paragraph' && glosses[b.id])[1500]!.id;
    await page.goto(`${LONG_PATH}#${id}`);
    await page.waitForURL(new RegExp(`/s/[a-z0-9]{6}#${id}$`));
    // Without the fragment: going to the same URL with one would only scroll, not load.
    const sectionUrl = page.url().replace(/#.*$/, '');
    await expect(page.locator(`[id="${id}"] .cell-en`)).not.toContainText('Changed on disk');
    try {
      writeFileSync(file, JSON.stringify({ ...glosses, [id]: 'Changed on disk while the server ran.' }, null, 2));
      await page.goto(sectionUrl);
      await expect(page.locator(`[id="${id}"] .cell-en`)).toContainText('Changed on disk while the server ran.');
    } finally {
      writeFileSync(file, before);
    }
    await page.goto(sectionUrl);
    await expect(page.locator(`[id="${id}"] .cell-en`)).not.toContainText('Changed on disk');
  });

  test('a save regenerates the section it changed and leaves the others cached', async ({ request }) => {
    const names = [
      ...new Set((await (await request.get(`/en${LONG_PATH}`)).text()).match(/(?<=\/read\/long-e2e\/s\/)[a-z0-9]{6}/g)),
    ];
    const [changed, other] = [names[2], names[5]];
    expect(changed && other).toBeTruthy();
    const url = (name: string | undefined) => `/en${LONG_PATH}/s/${name}`;
    const cache = async (path: string) => (await request.get(path)).headers()['x-nextjs-cache'];
    for (const path of [url(changed), url(other)]) await request.get(path);
    expect([await cache(url(changed)), await cache(url(other))]).toEqual(['HIT', 'HIT']);

    // A paragraph of that section that has English already: revising it leaves the counts as they are.
    const text = (await (await request.get(`/api/texts/${LONG}`)).json()) as {
      blocks: { id: string; type: string; en: string | null; revision: string | null }[];
    };
    const start = text.blocks.findIndex((b) => b.id === changed);
    const block = text.blocks.slice(start).find((b) => b.type === 'paragraph' && b.en);
    const revised = `Revised while the other sections stay cached (${Date.now()}).`;
    const saved = await request.put(glossUrl(block!.id, LONG), {
      headers: bearer(),
      data: { text: revised, baseRevision: block!.revision },
    });
    expect(saved.status(), await saved.text()).toBe(200);

    expect(await cache(url(other))).toBe('HIT');
    const page = await request.get(url(changed));
    expect(page.headers()['x-nextjs-cache']).not.toBe('HIT');
    expect(await page.text()).toContain(revised);
  });

  test('a text added while the server runs is listed and readable; removed, it answers 404', async ({ page, request }) => {
    const file = path.join(dataRoot(), 'content', 'added-while-running.md');
    writeFileSync(file, '---\ntitle: 运行中加入的文章\n---\n\n这是服务器运行时加入的一段文字。\n');
    try {
      await page.goto('/');
      await expect(page.locator(`a[href="/read/added-while-running"]`)).toBeVisible();
      const response = await page.goto('/read/added-while-running');
      expect(response?.status()).toBe(200);
      await expect(page.locator('article.reader')).toContainText('这是服务器运行时加入的一段文字。');
    } finally {
      rmSync(file);
    }
    expect((await request.get('/read/added-while-running')).status()).toBe(404);
  });
});

test.describe('a file in another encoding dropped into content/ by hand', () => {
  const file = () => path.join(dataRoot(), 'content', 'gb-by-hand.txt');
  test.afterAll(() => rmSync(file(), { force: true }));

  test('is shown as broken, saying why, and every other page keeps working, whichever is asked first', async ({
    page,
    request,
  }) => {
    // 你好，世界。 in GB18030, as a file saved on a Chinese Windows machine would be.
    writeFileSync(file(), Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0xa3, 0xac, 0xca, 0xc0, 0xbd, 0xe7, 0xa1, 0xa3, 0x0a]));
    for (const url of ['/api/texts', '/', '/read/gb-by-hand', '/api/search?q=%E4%B8%96%E7%95%8C', '/en', READ_PATH]) {
      expect((await request.get(url)).status(), url).toBe(200);
    }
    // Its own API answers say what is wrong with it: a conflict with the data, not a server fault.
    for (const url of ['/api/texts/gb-by-hand', '/api/texts/gb-by-hand/xliff', '/api/texts/gb-by-hand/export?format=html']) {
      const answer = await request.get(url);
      expect(answer.status(), url).toBe(409);
      expect(((await answer.json()) as { error: string }).error, url).toContain('is not UTF-8 text');
    }
    await page.goto('/');
    await expect(page.locator('.text-card-broken').filter({ hasText: 'gb-by-hand' })).toContainText(
      'content/gb-by-hand.txt is not UTF-8 text',
    );
    await page.goto('/read/gb-by-hand');
    await expect(page.locator('.notice-error')).toContainText('add it with npm run add or the Add a text form');
  });
});

test.describe('a text of more sections than a section page lists', () => {
  const SLUG = 'many-chapters';
  const chapters = 80;
  test.beforeAll(() => {
    const body = Array.from({ length: chapters }, (_, i) => `## 第${i + 1}章\n\n这是第${i + 1}章的正文，只有一段。\n`).join('\n');
    writeFileSync(path.join(dataRoot(), 'content', `${SLUG}.md`), `---\ntitle: 多章之书\n---\n\n${body}`);
  });
  test.afterAll(() => {
    for (const file of [`content/${SLUG}.md`, `content/${SLUG}.ids.json`]) rmSync(path.join(dataRoot(), file), { force: true });
  });

  test('a section lists the sections near it, the first and the last; the contents page lists them all', async ({ page }) => {
    await page.goto(`/read/${SLUG}/contents`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Contents (${chapters} sections)`);
    const all = await page
      .locator('.section-contents-page a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(all).toHaveLength(chapters);
    expect(all[0]).toBe(`/read/${SLUG}`);

    await page.goto(`${all[39]!}?layout=stacked`);
    await waitForHydration(page);
    const toc = page.locator('.section-contents');
    await toc.locator('summary').click();
    const listed = await toc.locator('ol a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(listed.length).toBeLessThan(30);
    expect(listed[0]).toBe(all[0]);
    expect(listed.at(-1)).toBe(all.at(-1));
    expect(listed).toEqual(expect.arrayContaining(all.slice(30, 50)));
    await expect(toc.locator('a[aria-current="page"]')).toHaveText('第40章');
    await expect(toc.locator('li.contents-gap')).toHaveCount(2);
    await expect(toc.locator('ol a[aria-current="page"]').locator('xpath=..')).toHaveAttribute('value', '40');
    await expectNoAxeViolations(page);
    // Printed, a section is its rows: no contents, no section links.
    await page.emulateMedia({ media: 'print' });
    await expect(toc).toBeHidden();
    await expect(page.locator('.section-nav')).toHaveCount(2);
    for (const nav of await page.locator('.section-nav').all()) await expect(nav).toBeHidden();
    await page.emulateMedia({ media: 'screen' });

    // The page's title follows the script too (this text has no English title).
    await page.goto(`${all[39]!}?script=trad`);
    await expect(page).toHaveTitle(/^第40章 — 多章之書/);
    await page.goto(`${all[39]!}?layout=stacked`);
    await waitForHydration(page);
    await toc.locator('summary').click();
    await toc.getByRole('link', { name: `All ${chapters} sections` }).click();
    await page.waitForURL(new RegExp(`/read/${SLUG}/contents\\?layout=stacked$`));
    await expect(page.locator('.section-contents-page a')).toHaveCount(chapters);
    await expectNoAxeViolations(page);
  });
});

test.describe('the bundled article', () => {
  test('stays one page, with no sections, contents or locator', async ({ page, request }) => {
    await page.goto(READ_PATH);
    await expect(page.locator('article.reader > .row')).toHaveCount(SEED.blockCount);
    await expect(page.locator('.section-nav, .section-contents')).toHaveCount(0);
    expect(await page.content()).not.toContain('data-locating');
    const response = await request.get(`/en${READ_PATH}`);
    expect(response.headers()['cache-control']).toMatch(/s-maxage=\d+, stale-while-revalidate=\d+/);
    expect((await request.get(READ_PATH)).headers()['cache-control']).toMatch(/^private/);
  });
});

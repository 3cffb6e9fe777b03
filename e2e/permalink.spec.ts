import { expect, test, type Page } from '@playwright/test';
import { READ_PATH, SLUG, loadSeed, norm, plain, readingText, waitForHydration } from './helpers';

const paragraphPath = (id: string) => `/read/${SLUG}/p/${id}`;

/** The text block in the middle of the seed. */
function middleBlock() {
  const { textBlocks } = loadSeed();
  const block = textBlocks[Math.floor(textBlocks.length / 2)];
  if (!block) throw new Error('the seed has no text blocks');
  return block;
}

async function background(page: Page, id: string): Promise<string> {
  return page.locator(`[id="${id}"]`).evaluate((el) => getComputedStyle(el).backgroundColor);
}

/** The English excerpt the paragraph page's title starts with. */
function excerpt(en: string, length = 40): string {
  return norm(plain(en)).slice(0, length);
}

test.describe('#id links', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('/read/<slug>#<id> scrolls to the row and highlights it', async ({ page }) => {
    const { textBlocks } = loadSeed();
    const target = middleBlock();
    const other = textBlocks[0]!;
    await page.goto(`${READ_PATH}#${target.id}`);
    await waitForHydration(page);
    const row = page.locator(`[id="${target.id}"]`);
    await expect(row).toBeInViewport();
    expect(await page.evaluate(() => window.scrollY), 'the page scrolled').toBeGreaterThan(0);
    expect(await row.evaluate((el) => el.matches(':target'))).toBe(true);
    const highlighted = await background(page, target.id);
    expect(highlighted).not.toBe(await background(page, other.id));
    expect(highlighted).not.toBe('rgba(0, 0, 0, 0)');
    // The first row is far above, out of sight.
    await expect(page.locator(`[id="${other.id}"]`)).not.toBeInViewport();
  });

  test('the row stays highlighted and in view after hydration settles', async ({ page }) => {
    const target = middleBlock();
    await page.goto(`${READ_PATH}#${target.id}`);
    await waitForHydration(page);
    await page.waitForLoadState('networkidle');
    await expect(page.locator(`[id="${target.id}"]`)).toBeInViewport();
    expect(await page.locator(`[id="${target.id}"]`).evaluate((el) => el.matches(':target'))).toBe(true);
  });
});

test.describe('copy link', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'], viewport: { width: 1280, height: 900 } });

  test('the copy-link button copies <origin>/read/<slug>#<id> and says “Link copied”', async ({ page }) => {
    const target = middleBlock();
    await page.goto(READ_PATH);
    await waitForHydration(page);
    const row = page.locator(`[id="${target.id}"]`);
    // The copy button's own live region (the row has others: the Listen button's).
    const status = row.locator('[role="status"][data-copy-status]');
    await expect(status).toHaveText('');
    await row.getByRole('button', { name: 'Copy link to this paragraph' }).click();
    await expect(status).toHaveText('Link copied');
    await expect(status).toBeVisible();
    const origin = new URL(page.url()).origin;
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${origin}/read/${SLUG}#${target.id}`);
    // The message goes away again.
    await expect(status).toHaveText('', { timeout: 8_000 });
  });

  test('the copied link keeps the reading options in the address, and offers the bare link', async ({ page }) => {
    const target = middleBlock();
    await page.goto(`${READ_PATH}?layout=stacked&pinyin=1`);
    await waitForHydration(page);
    const row = page.locator(`[id="${target.id}"]`);
    await row.getByRole('button', { name: 'Copy link to this paragraph' }).click();
    // The copy button's own live region (the row has others: the Listen button's).
    const status = row.locator('[role="status"][data-copy-status]');
    await expect(status).toContainText('Link copied with your reading options');
    const origin = new URL(page.url()).origin;
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${origin}/read/${SLUG}?layout=stacked&pinyin=1#${target.id}`,
    );
    await status.getByRole('button', { name: 'Copy the plain link instead' }).click();
    await expect(status).toHaveText('Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${origin}/read/${SLUG}#${target.id}`);
  });
});

test.describe('a link to no paragraph', () => {
  test('an unknown #id says the paragraph is not in the text instead of silently showing the top', async ({ page }) => {
    await page.goto(`${READ_PATH}#no-such-paragraph`);
    await waitForHydration(page);
    await expect(page.getByRole('status').filter({ hasText: 'There is no paragraph' })).toHaveText(
      'There is no paragraph “no-such-paragraph” in this text, so it is shown from the beginning.',
    );
    // A known id says nothing.
    await page.goto(`${READ_PATH}#${middleBlock().id}`);
    await waitForHydration(page);
    await expect(page.getByText('There is no paragraph')).toHaveCount(0);
  });
});

test.describe('paragraph pages', () => {
  test('the ¶ link of a row opens its paragraph page', async ({ page }) => {
    const { textBlocks } = loadSeed();
    const target = middleBlock();
    const n = textBlocks.indexOf(target) + 1;
    await page.goto(READ_PATH);
    const link = page.locator(`[id="${target.id}"]`).getByRole('link', { name: 'Page of this paragraph' });
    await expect(link).toHaveAttribute('href', paragraphPath(target.id));
    await expect(link).toHaveText('¶');
    await link.click();
    await expect(page).toHaveURL(paragraphPath(target.id));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Paragraph ${n} of ${textBlocks.length}`);
    await expect(page.locator(`.reader [id="${target.id}"] .cell-zh`)).toHaveText(norm(plain(target.zh)));
  });

  test('shows the text title, “Paragraph N of 50”, the row, and links back in context', async ({ page }) => {
    const seed = loadSeed();
    const target = middleBlock();
    const n = seed.textBlocks.indexOf(target) + 1;
    const response = await page.goto(paragraphPath(target.id));
    expect(response?.status()).toBe(200);
    const breadcrumb = page.locator('nav.breadcrumb');
    await expect(breadcrumb.locator('.title-zh')).toHaveText(seed.title.zh);
    await expect(breadcrumb.locator('.title-en')).toHaveText(seed.title.en ?? '');
    await expect(breadcrumb.getByRole('link')).toHaveAttribute('href', READ_PATH);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Paragraph ${n} of ${seed.textBlocks.length}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Paragraph ${n} of 50`);
    const row = page.locator(`.reader [id="${target.id}"]`);
    await expect(row).toHaveCount(1);
    expect(norm(await readingText(row.locator('.cell-zh')))).toBe(norm(plain(target.zh)));
    expect(norm(await readingText(row.locator('.cell-en')))).toBe(norm(plain(target.en ?? '')));
    // No ¶ link to the page itself.
    await expect(row.getByRole('link', { name: 'Page of this paragraph' })).toHaveCount(0);
    const inContext = page.getByRole('link', { name: 'Read it in context' });
    await expect(inContext).toHaveAttribute('href', `${READ_PATH}#${target.id}`);
  });

  test('“Read it in context” opens the text scrolled to the highlighted row', async ({ page }) => {
    const target = middleBlock();
    await page.goto(paragraphPath(target.id));
    await page.getByRole('link', { name: 'Read it in context' }).click();
    await expect(page).toHaveURL(`${READ_PATH}#${target.id}`);
    const row = page.locator(`article.reader [id="${target.id}"]`);
    await expect(row).toBeInViewport();
    expect(await row.evaluate((el) => el.matches(':target'))).toBe(true);
  });

  test('the <title> holds the English excerpt and the text title; og:description holds the English', async ({ page }) => {
    const seed = loadSeed();
    const target = middleBlock();
    await page.goto(paragraphPath(target.id));
    const title = await page.title();
    expect(title).toContain(excerpt(target.en ?? target.zh));
    expect(title).toContain(seed.title.en ?? seed.title.zh);
    const og = page.locator('meta[property="og:description"]');
    await expect(og).toHaveCount(1);
    const description = norm(await og.getAttribute('content'));
    expect(description).toContain(excerpt(target.en ?? '', 40));
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /.+/);
  });

  test('every paragraph page’s og:description contains the start of its English', async ({ request }) => {
    const { textBlocks } = loadSeed();
    const problems: string[] = [];
    for (const block of textBlocks) {
      const response = await request.get(paragraphPath(block.id));
      if (response.status() !== 200) {
        problems.push(`${block.id}: status ${response.status()}`);
        continue;
      }
      const html = await response.text();
      const match = /<meta[^>]+property="og:description"[^>]+content="([^"]*)"/.exec(html);
      if (!match) {
        problems.push(`${block.id}: no og:description`);
        continue;
      }
      const content = norm(decodeEntities(match[1] ?? ''));
      if (block.en && !content.includes(excerpt(block.en, 30))) problems.push(`${block.id}: ${content.slice(0, 120)}…`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  test('walking Next from the first paragraph and Previous back', async ({ page }) => {
    const { textBlocks } = loadSeed();
    const steps = 4;
    await page.goto(paragraphPath(textBlocks[0]!.id));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Paragraph 1 of ${textBlocks.length}`);
    await expect(page.locator('a[rel="prev"]')).toHaveCount(0);
    await expect(page.getByRole('link', { name: /Previous paragraph/ })).toHaveCount(0);

    for (let i = 1; i <= steps; i += 1) {
      const next = page.getByRole('link', { name: /Next paragraph/ });
      await expect(next).toHaveAttribute('rel', 'next');
      await expect(next).toHaveAttribute('href', paragraphPath(textBlocks[i]!.id));
      await next.click();
      await expect(page).toHaveURL(paragraphPath(textBlocks[i]!.id));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Paragraph ${i + 1} of ${textBlocks.length}`);
      await expect(page.locator(`.reader [id="${textBlocks[i]!.id}"]`)).toBeVisible();
      await expect(page).toHaveTitle(new RegExp(escapeRegExp(excerpt(textBlocks[i]!.en ?? textBlocks[i]!.zh))));
    }
    for (let i = steps - 1; i >= 0; i -= 1) {
      const previous = page.getByRole('link', { name: /Previous paragraph/ });
      await expect(previous).toHaveAttribute('rel', 'prev');
      await expect(previous).toHaveAttribute('href', paragraphPath(textBlocks[i]!.id));
      await previous.click();
      await expect(page).toHaveURL(paragraphPath(textBlocks[i]!.id));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Paragraph ${i + 1} of ${textBlocks.length}`);
      await expect(page.locator(`.reader [id="${textBlocks[i]!.id}"]`)).toBeVisible();
    }
    await expect(page.locator('a[rel="prev"]')).toHaveCount(0);
  });

  test('Next, Previous and the breadcrumb keep the reading options and drop other parameters', async ({ page }) => {
    const { textBlocks } = loadSeed();
    const options = 'layout=stacked&script=trad';
    await page.goto(`${paragraphPath(textBlocks[1]!.id)}?script=trad&ref=mail&layout=stacked`);
    await waitForHydration(page);
    await page.getByRole('link', { name: /Next paragraph/ }).click();
    await expect(page).toHaveURL(`${paragraphPath(textBlocks[2]!.id)}?${options}`);
    await expect(page.locator('html')).toHaveAttribute('data-script', 'trad');
    await waitForHydration(page);
    const previous = page.getByRole('link', { name: /Previous paragraph/ });
    await previous.hover();
    await expect(previous).toHaveAttribute('href', `${paragraphPath(textBlocks[1]!.id)}?${options}`);
    const breadcrumb = page.locator('nav.breadcrumb').getByRole('link');
    await breadcrumb.click();
    await expect(page).toHaveURL(`${READ_PATH}?${options}`);
  });

  test('the last paragraph has a Previous link and no Next link', async ({ page }) => {
    const { textBlocks } = loadSeed();
    const last = textBlocks.at(-1)!;
    await page.goto(paragraphPath(last.id));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Paragraph ${textBlocks.length} of ${textBlocks.length}`);
    await expect(page.locator('a[rel="next"]')).toHaveCount(0);
    await expect(page.getByRole('link', { name: /Next paragraph/ })).toHaveCount(0);
    await expect(page.locator('a[rel="prev"]')).toHaveAttribute('href', paragraphPath(textBlocks.at(-2)!.id));
  });

  test('paragraph numbers skip the breaks: the block after a break is numbered by text blocks only', async ({ page }) => {
    const { blocks, textBlocks } = loadSeed();
    const afterBreak = blocks[blocks.findIndex((b) => b.isBreak) + 1]!;
    const n = textBlocks.indexOf(afterBreak) + 1;
    await page.goto(paragraphPath(afterBreak.id));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Paragraph ${n} of ${textBlocks.length}`);
    await expect(page.locator('a[rel="prev"]')).toHaveAttribute('href', paragraphPath(textBlocks[n - 2]!.id));
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

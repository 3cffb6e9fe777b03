import { expect, test } from '@playwright/test';
import { HAN, READ_PATH, SEED, SLUG, fontsReady, linksIn, loadSeed, norm, plain, waitForHydration } from './helpers';

test.describe('library', () => {
  test('lists the seed text with both titles, date, author and progress', async ({ page }) => {
    const seed = loadSeed();
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Texts' })).toBeVisible();
    const card = page.locator('.text-card').filter({ has: page.locator(`a[href="${READ_PATH}"]`) });
    await expect(card).toHaveCount(1);
    const link = card.getByRole('link');
    await expect(link.locator('.title-zh')).toHaveText(SEED.titleZh);
    await expect(link.locator('.title-zh')).toHaveAttribute('lang', 'zh-Hans');
    await expect(link.locator('.title-en')).toHaveText(seed.title.en ?? '');
    await expect(link.locator('.title-en')).toHaveAttribute('lang', 'en');
    await expect(card.locator(`time[datetime="${SEED.date}"]`)).toHaveText(SEED.date);
    await expect(card).toContainText(`by ${SEED.author}`);
    const translated = seed.textBlocks.filter((b) => b.en).length;
    await expect(card).toContainText(`${translated} of ${seed.textBlocks.length} paragraphs translated`);
    await expect(card).toContainText('50 of 50 paragraphs translated');
  });

  test('the title links to the reading page', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: new RegExp(SEED.titleZh) }).click();
    await expect(page).toHaveURL(READ_PATH);
    await expect(page.locator('article.reader')).toBeVisible();
  });
});

test.describe('reading page', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('the seed data has the known shape (52 blocks, 2 breaks, 50 with text)', () => {
    const seed = loadSeed();
    expect(seed.blocks).toHaveLength(SEED.blockCount);
    expect(seed.blocks.filter((b) => b.isBreak)).toHaveLength(SEED.breakCount);
    expect(seed.textBlocks).toHaveLength(SEED.textBlockCount);
    expect(seed.title.zh).toBe(SEED.titleZh);
  });

  test('shows the title in Chinese and English with the date, author and progress', async ({ page }) => {
    const seed = loadSeed();
    await page.goto(READ_PATH);
    const h1 = page.getByRole('heading', { level: 1 });
    await expect(h1).toHaveCount(1);
    await expect(h1.locator('.title-zh')).toHaveText(SEED.titleZh);
    await expect(h1.locator('.title-en')).toHaveText(seed.title.en ?? '');
    await expect(page.locator('.text-header time')).toHaveText(SEED.date);
    await expect(page.locator('.text-header')).toContainText(`by ${SEED.author}`);
    await expect(page.locator('.text-header')).toContainText('50 of 50 paragraphs translated');
    await expect(page).toHaveTitle(new RegExp(escapeRegExp(seed.title.en ?? SEED.titleZh)));
  });

  test('renders one row per block, in order, with the block ids, breaks as <hr>', async ({ page }) => {
    const seed = loadSeed();
    await page.goto(READ_PATH);
    const rows = page.locator('article.reader > .row');
    await expect(rows).toHaveCount(SEED.blockCount);
    const rendered = await rows.evaluateAll((els) =>
      els.map((el) => ({ id: el.id, tag: el.tagName.toLowerCase(), isBreak: el.classList.contains('row-break') })),
    );
    expect(rendered.map((r) => r.id)).toEqual(seed.blocks.map((b) => b.id));
    for (const [i, block] of seed.blocks.entries()) {
      expect(rendered[i], `row ${block.id}`).toEqual({ id: block.id, tag: block.isBreak ? 'hr' : 'div', isBreak: block.isBreak });
    }
    await expect(page.locator('article.reader > hr.row.row-break')).toHaveCount(SEED.breakCount);
  });

  test('every text block shows its Chinese in the zh cell and its English in the en cell', async ({ page }) => {
    const seed = loadSeed();
    await page.goto(READ_PATH);
    const cells = await page.locator('article.reader > div.row').evaluateAll((els) =>
      els.map((el) => {
        const cell = (sel: string) => {
          const c = el.querySelector<HTMLElement>(sel);
          if (!c) return null;
          const r = c.getBoundingClientRect();
          // The reading text without translator's-note markers.
          const copy = c.cloneNode(true) as HTMLElement;
          copy.querySelectorAll('.note-ref, rt, rp').forEach((node) => node.remove());
          return { text: copy.textContent, visible: c.checkVisibility() && r.width > 0 && r.height > 0 };
        };
        return { id: el.id, zh: cell('.cell-zh'), en: cell('.cell-en'), untranslated: !!el.querySelector('.mark-untranslated') };
      }),
    );
    expect(cells).toHaveLength(seed.textBlocks.length);
    const problems: string[] = [];
    for (const block of seed.textBlocks) {
      const row = cells.find((c) => c.id === block.id);
      if (!row) {
        problems.push(`${block.id}: no row`);
        continue;
      }
      if (!row.zh?.visible) problems.push(`${block.id}: Chinese cell not visible`);
      if (!row.en?.visible) problems.push(`${block.id}: English cell not visible`);
      if (norm(row.zh?.text) !== norm(plain(block.zh))) {
        problems.push(
          `${block.id}: Chinese cell reads ${JSON.stringify(norm(row.zh?.text))}, expected ${JSON.stringify(norm(plain(block.zh)))}`,
        );
      }
      if (block.en) {
        if (norm(row.en?.text) !== norm(plain(block.en))) {
          problems.push(
            `${block.id}: English cell reads ${JSON.stringify(norm(row.en?.text))}, expected ${JSON.stringify(norm(plain(block.en)))}`,
          );
        }
        if (row.untranslated) problems.push(`${block.id}: translated but marked untranslated`);
      } else if (!row.untranslated) {
        problems.push(`${block.id}: no English and no "Untranslated" mark`);
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  test('links in the text render as <a> elements with their URL', async ({ page }) => {
    const seed = loadSeed();
    await page.goto(READ_PATH);
    // The known links of the seed, wherever they are.
    for (const link of SEED.links) {
      const anchors = page.locator(`article.reader a[href="${link.href}"]`);
      await expect(anchors.first(), link.href).toBeVisible();
      await expect(page.locator(`article.reader .cell-zh a[href="${link.href}"]`)).toHaveText(link.text);
      await expect(page.locator(`article.reader .cell-en a[href="${link.href}"]`)).toHaveText(link.text);
    }
    // Every link each block's data holds, in the cell of its language; no Markdown left visible.
    for (const block of seed.textBlocks) {
      const row = page.locator(`[id="${block.id}"]`);
      for (const [lang, text] of [
        ['zh', block.zh],
        ['en', block.en ?? ''],
      ] as const) {
        const expected = linksIn(text);
        const anchors = row.locator(`.cell-${lang} a`);
        await expect(anchors, `${block.id} ${lang} links`).toHaveCount(expected.length);
        for (const [i, link] of expected.entries()) {
          await expect(anchors.nth(i)).toHaveAttribute('href', link.href);
          await expect(anchors.nth(i)).toHaveText(link.text);
        }
      }
    }
    await expect(page.locator('article.reader')).not.toContainText('](http');
  });

  test('side by side at 1280×900: each row’s cells share a top edge and the next row starts below the taller', async ({
    page,
  }) => {
    await page.goto(READ_PATH);
    await waitForHydration(page);
    await fontsReady(page);
    const rows = await page.locator('article.reader > .row').evaluateAll((els) =>
      els.map((el) => {
        const rect = (e: Element | null) => {
          if (!e) return null;
          const r = e.getBoundingClientRect();
          return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
        };
        return { id: el.id, row: rect(el), zh: rect(el.querySelector('.cell-zh')), en: rect(el.querySelector('.cell-en')) };
      }),
    );
    const problems: string[] = [];
    rows.forEach((r, i) => {
      if (!r.zh || !r.en) return; // a break
      if (Math.abs(r.zh.top - r.en.top) > 1) problems.push(`${r.id}: zh top ${r.zh.top}, en top ${r.en.top}`);
      if (r.en.left < r.zh.right) problems.push(`${r.id}: English cell is not to the right of the Chinese cell`);
      const next = rows[i + 1];
      if (next?.row) {
        const bottom = Math.max(r.zh.bottom, r.en.bottom);
        if (next.row.top < bottom - 0.5) problems.push(`${r.id}: next row ${next.id} starts at ${next.row.top}, above ${bottom}`);
      }
    });
    expect(problems, problems.join('\n')).toEqual([]);
  });

  test('has the 7 headings of the seed as headings in both columns', async ({ page, request }) => {
    await page.goto(READ_PATH);
    const headingRows = page.locator('article.reader > .row-heading');
    await expect(headingRows).toHaveCount(SEED.headingCount);
    await expect(page.locator('article.reader .cell-zh :is(h2,h3,h4,h5,h6)')).toHaveCount(SEED.headingCount);
    await expect(page.locator('article.reader .cell-en :is(h2,h3,h4,h5,h6)')).toHaveCount(SEED.headingCount);
    // The same blocks the API types as headings.
    const api = (await (await request.get(`/api/texts/${SLUG}`)).json()) as { blocks: { id: string; type: string }[] };
    const apiHeadings = api.blocks.filter((b) => b.type === 'heading').map((b) => b.id);
    expect(await headingRows.evaluateAll((els) => els.map((el) => el.id))).toEqual(apiHeadings);
  });

  test('marks the language of every cell and of the page', async ({ page }) => {
    const seed = loadSeed();
    await page.goto(READ_PATH);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('article.reader .cell-zh[lang="zh-Hans"]')).toHaveCount(seed.textBlocks.length);
    await expect(page.locator('article.reader .cell-en[lang="en"]')).toHaveCount(seed.textBlocks.length);
    await expect(page.locator('article.reader .cell-zh:not([lang="zh-Hans"])')).toHaveCount(0);
    await expect(page.locator('article.reader .cell-en:not([lang="en"])')).toHaveCount(0);
    await expect(page.locator('h1 .title-zh')).toHaveAttribute('lang', 'zh-Hans');
    await expect(page.locator('h1 .title-en')).toHaveAttribute('lang', 'en');
  });

  test('no English cell contains Chinese characters', async ({ page }) => {
    await page.goto(READ_PATH);
    const english = await page
      .locator('article.reader .cell-en')
      .evaluateAll((els) => els.map((el) => ({ id: el.closest('.row')?.id ?? '?', text: el.textContent ?? '' })));
    expect(english.length).toBeGreaterThan(0);
    const offending = english.filter((e) => HAN.test(e.text)).map((e) => `${e.id}: ${e.text.slice(0, 80)}`);
    expect(offending, offending.join('\n')).toEqual([]);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

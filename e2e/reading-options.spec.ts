// The reading options (issue 13): tone colours, zhuyin, traditional characters, the reveal-on-tap
// layout, text size and theme. Each is in the URL and kept on reload; text size and theme are
// kept across visits; the characters widen no more with ruby than they did (about 8 %); axe
// finds nothing in either theme.
import { expect, test, type Page } from '@playwright/test';
import { ROWS_AFTER_THE_FIRST_TWELVE, expectNoAxeViolations } from './axe';
import { toTraditional } from '../lib/annotate/chinese-script';
import { READ_PATH, fontsReady, loadSeed, waitForHydration } from './helpers';

const POPOVER = '#annotation-popover';

async function open(page: Page, url: string) {
  const response = await page.goto(url);
  expect(response?.status(), `GET ${url}`).toBeLessThan(400);
  await waitForHydration(page);
}

async function param(page: Page, name: string): Promise<string | null> {
  return new URL(page.url()).searchParams.get(name);
}

/** The options disclosure, opened. */
async function openOptions(page: Page) {
  const summary = page.getByText('Reading options', { exact: true });
  await summary.click();
  await expect(page.locator('details.reading-options')).toHaveAttribute('open', '');
}

/** The summed width of the Chinese words' line boxes in the reading grid. */
function wordsWidth(page: Page): Promise<number> {
  return page
    .locator('article.reader')
    .evaluate((el) =>
      [...el.querySelectorAll('.cell-zh .w')].reduce(
        (sum, w) => sum + [...w.getClientRects()].reduce((s, r) => s + r.width, 0),
        0,
      ),
    );
}

/** The first word of the reading grid that shows the given characters (its ruby left aside). */
async function word(page: Page, text: string) {
  const words = page.locator('article.reader .cell-zh .w');
  await expect(words.first()).toBeAttached();
  const index = await words.evaluateAll(
    (els, wanted) =>
      els.findIndex((el) => {
        const copy = el.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('rt, rp').forEach((node) => node.remove());
        return copy.textContent === wanted;
      }),
    text,
  );
  expect(index, `a word ${text} on the page`).toBeGreaterThanOrEqual(0);
  return words.nth(index);
}

test.describe('tone colours', () => {
  test('“Colour by tone” sets ?tones=1, colours each character and its syllable by tone, and is kept on reload', async ({
    page,
  }) => {
    await open(page, `${READ_PATH}?pinyin=1`);
    await openOptions(page);
    await page.getByRole('checkbox', { name: 'Colour by tone' }).check();
    await expect.poll(() => param(page, 'tones')).toBe('1');
    const rubies = page.locator('article.reader .cell-zh ruby[class^="tone-"]');
    await expect(rubies.first()).toBeVisible();
    // 驾 jià is tone 4, 驶 shǐ tone 3: class and colour follow the mark, which stays in the pinyin.
    const drive = (await word(page, '自动驾驶')).locator('ruby');
    await expect(drive.nth(2)).toHaveClass('tone-4');
    await expect(drive.nth(2).locator('rt')).toHaveText('jià');
    await expect(drive.nth(3)).toHaveClass('tone-3');
    const colours = await drive.evaluateAll((els) => els.map((el) => getComputedStyle(el).color));
    expect(new Set(colours).size, 'zì dòng jià shǐ: tones 4, 4, 4, 3 in two colours').toBe(2);
    await page.reload();
    await waitForHydration(page);
    await expect((await word(page, '自动驾驶')).locator('ruby').nth(3)).toHaveClass('tone-3');
  });
});

test.describe('zhuyin', () => {
  test('choosing Zhuyin sets ?phonetic=zhuyin; the ruby and the popover read in zhuyin, kept on reload', async ({ page }) => {
    await open(page, `${READ_PATH}?pinyin=1`);
    await openOptions(page);
    await page.getByRole('radio', { name: 'Zhuyin (bopomofo)' }).check();
    await expect.poll(() => param(page, 'phonetic')).toBe('zhuyin');
    const drive = await word(page, '自动驾驶');
    await expect(drive.locator('rt')).toHaveText(['ㄗˋ', 'ㄉㄨㄥˋ', 'ㄐㄧㄚˋ', 'ㄕˇ']);
    await expect(page.getByRole('button', { name: 'Zhuyin', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await drive.click();
    await expect(page.locator(`${POPOVER} .popover-pinyin`)).toHaveText('ㄗˋ ㄉㄨㄥˋ ㄐㄧㄚˋ ㄕˇ');
    await page.reload();
    await waitForHydration(page);
    await expect((await word(page, '自动驾驶')).locator('rt').first()).toHaveText('ㄗˋ');
  });

  // One variant a test, each against the plain page: two page loads a test, not four.
  for (const [name, query] of [
    ['pinyin', '?pinyin=1'],
    ['zhuyin', '?pinyin=1&phonetic=zhuyin'],
    ['traditional pinyin', '?pinyin=1&script=trad&tones=1'],
  ] as const) {
    test(`characters widen on average no more with ruby than before (about 8 %): ${name}`, async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await open(page, READ_PATH);
      await fontsReady(page);
      const plain = await wordsWidth(page);
      await open(page, `${READ_PATH}${query}`);
      await expect(page.locator('article.reader rt').first()).toBeAttached();
      if (name === 'zhuyin') await expect(page.locator('.annotation-layer')).toHaveAttribute('data-notation', 'zhuyin');
      await fontsReady(page);
      const width = await wordsWidth(page);
      const widening = Math.round((width / plain - 1) * 1000) / 10;
      test.info().annotations.push({ type: 'widening %', description: `${name}: ${widening}` });
      expect(width / plain, `${name}: ${widening} %`).toBeLessThanOrEqual(1.09);
    });
  }
});

test.describe('traditional characters', () => {
  test('?script=trad shows 發展 and 自動駕駛 with the same words, terms, notes and links; the popover shows both forms', async ({
    page,
  }) => {
    await open(page, READ_PATH);
    const reader = page.locator('article.reader');
    const count = async () => ({
      words: await reader.locator('.cell-zh .w').count(),
      terms: await reader.locator('.cell-zh .term').count(),
      notes: await reader.locator('.cell-zh .note-ref').count(),
      permalinks: await reader.locator('a.tool').evaluateAll((els) => els.map((a) => a.getAttribute('href'))),
    });
    const simplified = await count();
    await openOptions(page);
    await page.getByRole('radio', { name: 'Traditional' }).check();
    await expect.poll(() => param(page, 'script')).toBe('trad');
    await expect(await word(page, '自動駕駛')).toBeVisible();
    await expect((await word(page, '自動駕駛')).locator('xpath=ancestor::*[@lang][1]')).toHaveAttribute('lang', 'zh-Hant');
    expect(await count()).toEqual(simplified);
    await (await word(page, '自動駕駛')).click();
    const popover = page.locator(POPOVER);
    await expect(popover.locator('.popover-word')).toHaveText('自動駕駛');
    await expect(popover.locator('.popover-traditional')).toHaveText(/Simplified\s+自动驾驶/);
    await expect(popover.locator('.popover-pinyin')).toHaveText('zì dòng jià shǐ');
  });

  test('a paragraph page opened with ?script=trad is in traditional characters and its popover works', async ({ page }) => {
    await open(page, `${READ_PATH}?script=trad`);
    const row = page
      .locator('article.reader .row')
      .filter({ has: page.locator('.w', { hasText: /^發展$/ }) })
      .first();
    const href = await row.locator('a.tool').getAttribute('href');
    expect(href).toMatch(/^\/read\/[\w-]+\/p\/[a-z][a-z0-9]{5}$/);
    await open(page, `${href}?script=trad`);
    const developing = page.locator('.cell-zh .w', { hasText: /^發展$/ }).first();
    await developing.click();
    await expect(page.locator(`${POPOVER} .popover-traditional`)).toHaveText(/Simplified\s+发展/);
  });
});

test('the title and the notes list follow the script chosen, there and back, and on a fresh load', async ({ page }) => {
  await open(page, READ_PATH);
  // The text as shown: what is hidden (the other script's form) is not in innerText.
  const shown = () =>
    page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.text-title .title-zh, .notes .note-quote')].map((el) => el.innerText),
    );
  const simplified = await shown();
  expect(simplified.length).toBeGreaterThan(3);
  const traditional = simplified.map((text) => toTraditional(text));
  expect(traditional).not.toEqual(simplified);
  await openOptions(page);
  await page.getByRole('radio', { name: 'Traditional' }).check();
  await expect.poll(shown).toEqual(traditional);
  await page.getByRole('radio', { name: 'Simplified' }).check();
  await expect.poll(shown).toEqual(simplified);
  await open(page, `${READ_PATH}?script=trad`);
  expect(await shown()).toEqual(traditional);
  await expect(page.locator('.text-title [data-script-alt]')).toHaveAttribute('lang', 'zh-Hant');
});

test('the library reached from a text read in traditional characters shows its titles so, and leads back keeping the options', async ({
  page,
}) => {
  const options = 'layout=stacked&script=trad';
  await open(page, `${READ_PATH}?${options}&ref=mail`);
  const title = page.locator('.text-title .title-zh');
  const traditional = toTraditional(await title.evaluate((el) => (el as HTMLElement).innerText));
  await expect(title).toHaveText(traditional);
  await page.locator('.site-header .site-name').click();
  await expect(page).toHaveURL(`/?${options}`);
  await waitForHydration(page);
  const card = page.locator('.text-card-title').filter({ hasText: loadSeed().title.en ?? '' });
  await expect(card.locator('.title-zh')).toHaveText(traditional);
  await expect(card.locator('.title-zh [data-script-alt]')).toHaveAttribute('lang', 'zh-Hant');
  await card.getByRole('link').click();
  await expect(page).toHaveURL(`${READ_PATH}?${options}`);
});

test.describe('reveal on tap', () => {
  test('?layout=reveal hides every row’s English; Enter reveals it (aria-expanded), Enter again hides it', async ({ page }) => {
    await open(page, `${READ_PATH}?layout=reveal`);
    await expect(page.getByRole('radio', { name: 'English on tap' })).toBeChecked();
    const toggles = page.locator('article.reader .reveal-toggle');
    const rows = await page.locator('article.reader .cell-en').count();
    await expect(toggles).toHaveCount(rows);
    await expect(page.locator('article.reader .reveal-body:visible')).toHaveCount(0);
    const first = toggles.first();
    await expect(first).toHaveAttribute('aria-expanded', 'false');
    await first.focus();
    await page.keyboard.press('Enter');
    await expect(first).toHaveAttribute('aria-expanded', 'true');
    const body = page.locator(`[id="${await first.getAttribute('aria-controls')}"]`);
    await expect(body).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(first).toHaveAttribute('aria-expanded', 'false');
    await expect(body).toBeHidden();
    await page.reload();
    await waitForHydration(page);
    await expect(page.locator('html')).toHaveAttribute('data-layout', 'reveal');
    await expect(page.locator('article.reader .reveal-body:visible')).toHaveCount(0);
  });
});

test.describe('text size and theme', () => {
  test('text size is kept across visits and applied before the page hydrates', async ({ page }) => {
    await open(page, READ_PATH);
    const size = () =>
      page
        .locator('article.reader .cell-zh')
        .first()
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const normal = await size();
    await openOptions(page);
    await page.getByRole('radio', { name: 'Largest' }).check();
    await expect.poll(() => param(page, 'size')).toBe('xxl');
    await expect(page.locator('html')).toHaveAttribute('data-size', 'xxl');
    expect(await size()).toBeCloseTo(normal * 1.5, 0);
    // A later visit without the parameter: the head script applies the kept size while the page is parsed.
    await page.goto(READ_PATH, { waitUntil: 'domcontentloaded' });
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-size'))).toBe('xxl');
    await waitForHydration(page);
    await expect(page.locator('input[name="size"][value="xxl"]')).toBeChecked();
  });

  test('in the dark theme of the system the page is dark, with no axe violations (pinyin and tone colours shown)', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: 'dark' });
    await open(page, `${READ_PATH}?pinyin=1&tones=1`);
    await expect(page.locator('article.reader ruby[class^="tone-"]').first()).toBeVisible();
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(24, 22, 18)');
    await (await word(page, '自动驾驶')).click();
    await expect(page.locator(POPOVER)).not.toHaveCSS('visibility', 'hidden');
    await expectNoAxeViolations(page, { exclude: [ROWS_AFTER_THE_FIRST_TWELVE] });
  });

  test('a chosen theme overrides the system and is kept on the next visit; light has no axe violations with tone colours', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    await open(page, `${READ_PATH}?tones=1`);
    await openOptions(page);
    await page.getByRole('radio', { name: 'Dark' }).check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect.poll(() => param(page, 'theme')).toBe('dark');
    expect(await background()).toBe('rgb(24, 22, 18)');
    // The next visit, without the parameter: dark from the first paint, although the system is light.
    await page.goto(READ_PATH, { waitUntil: 'domcontentloaded' });
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-theme'))).toBe('dark');
    await waitForHydration(page);
    expect(await background()).toBe('rgb(24, 22, 18)');
    await openOptions(page);
    await page.getByRole('radio', { name: 'Light' }).check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await background()).toBe('rgb(251, 249, 244)');
    await page.goto(`${READ_PATH}?tones=1`);
    await waitForHydration(page);
    await expect(page.locator('article.reader span[class^="tone-"]').first()).toBeVisible();
    expect(await background()).toBe('rgb(251, 249, 244)');
    await expectNoAxeViolations(page, { exclude: [ROWS_AFTER_THE_FIRST_TWELVE] });
  });
});

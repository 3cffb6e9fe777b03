// Pinyin as ruby: the toggle, the URL, the syllables, copying without pinyin.
// Expectations come from the annotation API and the data files (see e2e/annotation-helpers.ts).
import { expect, test } from '@playwright/test';
import {
  TONE_MARKS,
  annotated,
  chineseTokens,
  findWord,
  openReader,
  readingBase,
  rubyReadingsByBlock,
  wordSpan,
} from './annotation-helpers';
import { HAN, READ_PATH, norm, plain } from './helpers';

test.describe('pinyin as ruby', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('the Pinyin toggle sets ?pinyin=1 and shows ruby with the API’s syllables over every word', async ({ page, request }) => {
    const text = await annotated(request);
    await openReader(page, READ_PATH);
    const toggle = page.getByRole('button', { name: 'Pinyin', exact: true });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await expect(page.locator('article.reader rt')).toHaveCount(0);
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(page).toHaveURL(/[?&]pinyin=1(&|#|$)/);
    await expect(page.locator('article.reader ruby rt').first()).toBeVisible();

    // Every word of every block: the ruby's syllables are the API's reading, over the right characters.
    const problems: string[] = [];
    const readings = await rubyReadingsByBlock(page);
    for (const block of text.blocks.filter((b) => b.type !== 'break')) {
      const expected = chineseTokens(block);
      const shown = readings[block.id] ?? [];
      if (shown.length !== expected.length) {
        problems.push(`${block.id}: ${shown.length} words shown, ${expected.length} in the API`);
        continue;
      }
      expected.forEach((token, i) => {
        const s = shown[i]!;
        if (s.word !== token.text) problems.push(`${block.id}#${i}: shows ${s.word}, API ${token.text}`);
        if (s.rt !== (token.pinyin ?? ''))
          problems.push(`${block.id}#${i} ${token.text}: ruby ${JSON.stringify(s.rt)}, API ${JSON.stringify(token.pinyin)}`);
        const syllables = (token.pinyin ?? '').split(' ');
        const chars = [...token.text];
        if (
          syllables.length === chars.length &&
          chars.every((c) => HAN.test(c)) &&
          JSON.stringify(s.bases) !== JSON.stringify(chars)
        ) {
          problems.push(`${block.id}#${i} ${token.text}: one ruby per character expected, bases ${JSON.stringify(s.bases)}`);
        }
      });
    }
    expect(problems, problems.slice(0, 30).join('\n')).toEqual([]);

    // Known readings: 自动驾驶, and 了 in 有了 of 现在在旧金山等城市已经有了一些.
    const ref = findWord(text, (w) => w.token.text === '自动驾驶', '自动驾驶');
    await expect(wordSpan(page, ref).locator('rt')).toHaveText(['zì', 'dòng', 'jià', 'shǐ']);
    const phrase = '现在在旧金山等城市已经有了一些';
    const le = findWord(
      text,
      (w) => {
        const at = w.block.zh.indexOf(phrase);
        const pos = at + phrase.indexOf('了');
        return at >= 0 && w.token.start <= pos && pos < w.token.end;
      },
      `the word holding 了 in ${phrase}`,
    );
    const pos = le.block.zh.indexOf(phrase) + phrase.indexOf('了') - le.token.start;
    const leRuby = wordSpan(page, le).locator('ruby').nth(pos);
    await expect(leRuby.locator('rt')).toHaveText('le');
    expect(await readingBase(leRuby)).toBe('了');

    // The syllables sit above their characters.
    const placement = await wordSpan(page, ref)
      .locator('ruby')
      .evaluateAll((rubies) =>
        rubies.map((ruby) => {
          const rt = ruby.querySelector('rt')!.getBoundingClientRect();
          const range = document.createRange();
          range.selectNodeContents(ruby.firstChild!);
          const base = range.getBoundingClientRect();
          return {
            rtTop: rt.top,
            rtBottom: rt.bottom,
            baseTop: base.top,
            baseHeight: base.height,
            rtCenter: rt.left + rt.width / 2,
            baseLeft: base.left,
            baseRight: base.right,
          };
        }),
      );
    expect(placement).toHaveLength(4);
    for (const p of placement) {
      // The base's box is the font's whole em box (CJK fonts have a tall ascent): the pinyin
      // starts above it and ends above the middle of the character.
      expect(p.rtTop, 'pinyin above the character').toBeLessThan(p.baseTop);
      expect(p.rtBottom, 'pinyin above the character').toBeLessThanOrEqual(p.baseTop + p.baseHeight / 2);
      expect(p.rtCenter, 'pinyin centred over the character').toBeGreaterThanOrEqual(p.baseLeft - 1);
      expect(p.rtCenter, 'pinyin centred over the character').toBeLessThanOrEqual(p.baseRight + 1);
    }
  });

  test('loading ?pinyin=1 shows ruby once the page has hydrated, the toggle pressed', async ({ page }) => {
    await openReader(page, `${READ_PATH}?pinyin=1`);
    await expect(page.getByRole('button', { name: 'Pinyin', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('article.reader ruby rt').first()).toBeVisible();
    const words = await page.locator('.cell-zh .w').count();
    const withRuby = await page.locator('.cell-zh .w:has(rt)').count();
    expect(withRuby, 'every word has its ruby').toBe(words);
  });

  test('toggling Pinyin off removes the ruby and the parameter', async ({ page }) => {
    await openReader(page, `${READ_PATH}?pinyin=1#wcu1xm`);
    const toggle = page.getByRole('button', { name: 'Pinyin', exact: true });
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('article.reader rt').first()).toBeAttached();
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await expect(page.locator('article.reader rt')).toHaveCount(0);
    await expect(page.locator('article.reader ruby')).toHaveCount(0);
    const url = new URL(page.url());
    expect(url.searchParams.has('pinyin')).toBe(false);
    expect(url.hash, 'the fragment is kept').toBe('#wcu1xm');
  });

  test('copying a paragraph’s Chinese with ruby on copies the Chinese only (no pinyin, no note numbers)', async ({
    browser,
    baseURL,
    request,
  }) => {
    const text = await annotated(request);
    // A block with note markers, glossary terms and Latin letters of its own.
    const block = text.blocks.find((b) => b.notes.length >= 2 && chineseTokens(b).length > 20)!;
    expect(block, 'a block with notes').toBeTruthy();
    const context = await browser.newContext({
      baseURL,
      viewport: { width: 1280, height: 900 },
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const page = await context.newPage();
    try {
      await openReader(page, `${READ_PATH}?pinyin=1`);
      const cell = page.locator(`[id="${block.id}"] .cell-zh`);
      await expect(cell.locator('rt').first()).toBeAttached();
      await expect(cell.locator('.note-ref')).not.toHaveCount(0);
      await page.evaluate(() => navigator.clipboard.writeText('(clipboard not written)'));
      await cell
        .locator('p, h2, h3, h4, li')
        .first()
        .evaluate((el) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          const selection = window.getSelection()!;
          selection.removeAllRanges();
          selection.addRange(range);
        });
      await page.keyboard.press('Control+C');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).not.toBe('(clipboard not written)');
      expect(copied, 'no tone-marked pinyin in the copied text').not.toMatch(TONE_MARKS);
      expect(norm(copied)).toBe(norm(plain(block.zh)));
    } finally {
      await context.close();
    }
  });
});

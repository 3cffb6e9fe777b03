// Word popovers with a pointer: what they show, when they close, where they are placed.
// Expectations come from the annotation API and the data files (see e2e/annotation-helpers.ts).
import { expect, test } from '@playwright/test';
import {
  allWords,
  annotated,
  box,
  expectPlacedBeside,
  expectWordPopover,
  findWord,
  glossaryRenderings,
  openReader,
  popoverOf,
  wordSpan,
} from './annotation-helpers';
import { READ_PATH } from './helpers';

test.describe('word popover: pointer', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('hovering 自动驾驶 shows the word, its pinyin, and the glossary’s approved rendering first', async ({ page, request }) => {
    const text = await annotated(request);
    const ref = findWord(text, (w) => w.token.text === '自动驾驶', '自动驾驶');
    await openReader(page, READ_PATH);
    const span = wordSpan(page, ref);
    await expect(span).toHaveText('自动驾驶');
    await expect(span).toHaveClass(/\bterm\b/);
    await span.hover();

    const popover = popoverOf(page);
    await expectWordPopover(page, '自动驾驶', 'zì dòng jià shǐ');
    await expect(popover).toHaveAttribute('role', 'dialog');
    await expect(page.getByRole('dialog', { name: '自动驾驶' })).toBeVisible();
    // The glossary section: its label, the term, and the approved renderings, preferred first.
    const term = popover.locator('.popover-term');
    await expect(term).toBeVisible();
    await expect(term.locator('.popover-label')).toContainText('Glossary');
    await expect(term.locator('.popover-label')).toContainText('自动驾驶');
    await expect(term.locator('.popover-glossary-source')).toHaveText('(all texts)');
    const renderings = glossaryRenderings('自动驾驶');
    expect(renderings[0]).toBe('self-driving');
    await expect(term.locator('strong')).toHaveText('self-driving');
    await expect(term.locator('p[lang="en"]').first()).toHaveText(renderings.join(' · '));
    // The glossary comes before the dictionary's senses.
    const order = await popover.evaluate((el) => {
      const t = el.querySelector('.popover-term');
      const s = el.querySelector('.popover-senses, .popover-parts');
      return t && s ? t.compareDocumentPosition(s) & Node.DOCUMENT_POSITION_FOLLOWING : -1;
    });
    expect(order, 'glossary section before the dictionary senses').toBeGreaterThan(0);
    // The word's span says it is described by the open popover.
    await expect(span).toHaveAttribute('aria-describedby', 'annotation-popover');
  });

  test('hovering 赋能 shows fù néng and a sense containing “empower”', async ({ page, request }) => {
    const text = await annotated(request);
    const ref = findWord(text, (w) => w.token.text === '赋能', '赋能');
    await openReader(page, READ_PATH);
    await wordSpan(page, ref).hover();
    await expectWordPopover(page, '赋能', 'fù néng');
    const senses = popoverOf(page).locator('.popover-senses li');
    await expect(senses.filter({ hasText: /empower/i })).not.toHaveCount(0);
    const expected = text.dictionary['赋能']!.senses.slice(0, 4);
    await expect(senses).toHaveText(expected);
  });

  test('a word with more than four senses shows its first four, with the reading it has in context', async ({
    page,
    request,
  }) => {
    const text = await annotated(request);
    const ref = findWord(
      text,
      (w) => (text.dictionary[w.token.text]?.senses.length ?? 0) > 4 && !!w.token.pinyin,
      'a word with more than four senses',
    );
    await openReader(page, READ_PATH);
    await wordSpan(page, ref).hover();
    await expectWordPopover(page, ref.token.text, ref.token.pinyin!);
    const senses = popoverOf(page).locator('.popover-senses li');
    await expect(senses).toHaveCount(4);
    await expect(senses).toHaveText(text.dictionary[ref.token.text]!.senses.slice(0, 4));
  });

  test('every word popover shows at most four senses (sampled across the text)', async ({ page, request }) => {
    test.setTimeout(90_000);
    const text = await annotated(request);
    const words = allWords(text);
    // One word in every 60, spread over the whole text.
    const sample = words.filter((_, i) => i % 60 === 0);
    await openReader(page, READ_PATH);
    for (const ref of sample) {
      await wordSpan(page, ref).hover();
      await expectWordPopover(page, ref.token.text, ref.token.pinyin ?? text.dictionary[ref.token.text]?.pinyin ?? '');
      const count = await popoverOf(page).locator('.popover-senses li').count();
      expect(count, `${ref.block.id} ${ref.token.text}: senses shown`).toBeLessThanOrEqual(4);
      expect(count, `${ref.block.id} ${ref.token.text}: senses shown`).toBe(
        Math.min(4, text.dictionary[ref.token.text]?.senses.length ?? 0),
      );
      // Closed before the next word, which the open card could cover.
      await page.keyboard.press('Escape');
      await expect(popoverOf(page)).toHaveCount(0);
    }
  });

  test('moving the pointer away closes the popover after about 250 ms', async ({ page, request }) => {
    const text = await annotated(request);
    const ref = findWord(text, (w) => w.token.text === '自动驾驶', '自动驾驶');
    await openReader(page, READ_PATH);
    await wordSpan(page, ref).hover();
    const popover = popoverOf(page);
    await expect(popover).toBeVisible();
    // Somewhere with no word and no popover: the far right margin of the header.
    const started = Date.now();
    await page.mouse.move(1270, 5);
    await expect(popover).toHaveCount(0);
    const elapsed = Date.now() - started;
    expect(elapsed, 'closed after a short delay, not at once').toBeGreaterThanOrEqual(200);
    await expect(wordSpan(page, ref)).not.toHaveAttribute('aria-describedby', /.*/);
  });

  test('moving the pointer from the word onto the popover keeps it open', async ({ page, request }) => {
    const text = await annotated(request);
    const ref = findWord(text, (w) => w.token.text === '自动驾驶', '自动驾驶');
    await page.clock.install();
    await openReader(page, READ_PATH);
    const span = wordSpan(page, ref);
    await span.hover();
    const popover = popoverOf(page);
    await expect(popover).not.toHaveCSS('visibility', 'hidden');
    const card = await box(popover, 'popover');
    const word = await box(span, 'word');
    // Straight from the word into the card (it sits just below or above the word), across the gap.
    const x = Math.min(Math.max(word.x + word.width / 2, card.x + 4), card.x + card.width - 4);
    await page.mouse.move(x, word.y + word.height / 2);
    const y = card.y >= word.y ? card.y + 12 : card.y + card.height - 12;
    await page.mouse.move(x, y, { steps: 8 });
    // Past the close delay: a pointer that left for the card must not have closed it.
    await page.clock.runFor(600);
    await expect(popover).toBeVisible();
    await expect(popover.locator('.popover-word')).toHaveText('自动驾驶');
  });

  test('the popover never covers its word and stays inside the viewport (top, bottom and side of the screen)', async ({
    page,
    request,
  }) => {
    const text = await annotated(request);
    await openReader(page, READ_PATH);
    const refs = [
      findWord(text, (w) => w.token.text === '自动驾驶', '自动驾驶'),
      findWord(text, (w) => w.token.text === '赋能', '赋能'),
      allWords(text)[Math.floor(allWords(text).length / 2)]!,
    ];
    for (const ref of refs) {
      for (const where of ['start', 'center', 'end'] as const) {
        const span = wordSpan(page, ref);
        // Away from the words first, so the previous popover closes.
        await page.mouse.move(1270, 5);
        await expect(popoverOf(page)).toHaveCount(0);
        await span.evaluate((el, block) => el.scrollIntoView({ block, inline: 'nearest' }), where);
        await span.hover();
        await expectWordPopover(page, ref.token.text, ref.token.pinyin!);
        await expectPlacedBeside(page, span, `${ref.block.id} ${ref.token.text} at the ${where} of the viewport`);
      }
    }
  });

  test('a card that grows after it opened above its word is placed again, never over the word', async ({ page, request }) => {
    const text = await annotated(request);
    const ref = findWord(text, (w) => w.token.text === '自动驾驶', '自动驾驶');
    await openReader(page, READ_PATH);
    const span = wordSpan(page, ref);
    await span.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await span.hover();
    await expectPlacedBeside(page, span, 'before it grows');
    // What arrives after opening (senses, tools) makes the card taller; it must not grow down over the word.
    await popoverOf(page).evaluate((card) => {
      const extra = document.createElement('div');
      extra.style.height = '160px';
      card.append(extra);
    });
    await expect(async () => expectPlacedBeside(page, span, 'after it grew')).toPass({ timeout: 5_000 });
  });

  test('in the Chinese-only layout a word at the right edge gets a popover inside the viewport', async ({ page }) => {
    await openReader(page, `${READ_PATH}?layout=zh`);
    // The word whose right edge is furthest right, in the middle of the text.
    const row = page.locator('article.reader > div.row').nth(20);
    const index = await row.locator('.cell-zh .w').evaluateAll((els) => {
      let best = 0;
      els.forEach((el, i) => {
        if (el.getBoundingClientRect().right > els[best]!.getBoundingClientRect().right) best = i;
      });
      return best;
    });
    const span = row.locator('.cell-zh .w').nth(index);
    await span.scrollIntoViewIfNeeded();
    await span.hover();
    await expectPlacedBeside(page, span, 'rightmost word, Chinese only');
  });
});

test.describe('word popover: close button', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('the popover’s Close button closes it', async ({ page, request }) => {
    const text = await annotated(request);
    const ref = findWord(text, (w) => w.token.text === '赋能', '赋能');
    await openReader(page, READ_PATH);
    await wordSpan(page, ref).click();
    const dialog = page.getByRole('dialog', { name: '赋能' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(dialog).toHaveCount(0);
    await expect(wordSpan(page, ref)).not.toHaveAttribute('aria-describedby', /.*/);
  });
});

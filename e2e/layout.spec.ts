import { expect, test, type Page } from '@playwright/test';
import { READ_PATH, cellBoxes, fontsReady, loadSeed, waitForHydration } from './helpers';

const LABELS = {
  side: 'Side by side',
  stacked: 'Stacked',
  zh: 'Chinese only',
  en: 'English only',
} as const;
type Layout = keyof typeof LABELS;

/** A long paragraph in the middle of the text, whose two cells have visibly different heights. */
function sampleId(): string {
  const { textBlocks } = loadSeed();
  return textBlocks[Math.floor(textBlocks.length / 2)]?.id ?? '';
}

async function layoutParam(page: Page): Promise<string | null> {
  return new URL(page.url()).searchParams.get('layout');
}

async function expectSide(page: Page, id: string) {
  const { zh, en } = await cellBoxes(page.locator(`[id="${id}"]`));
  expect(zh, 'Chinese cell rendered').not.toBeNull();
  expect(en, 'English cell rendered').not.toBeNull();
  expect(en!.x, 'English cell starts right of the Chinese cell').toBeGreaterThanOrEqual(zh!.x + zh!.width - 1);
  expect(Math.abs(en!.y - zh!.y), 'cells share a top edge').toBeLessThanOrEqual(1);
}

async function expectStacked(page: Page, id: string) {
  const { zh, en } = await cellBoxes(page.locator(`[id="${id}"]`));
  expect(zh, 'Chinese cell rendered').not.toBeNull();
  expect(en, 'English cell rendered').not.toBeNull();
  expect(en!.y, 'English cell starts below the Chinese cell').toBeGreaterThanOrEqual(zh!.y + zh!.height - 1);
  expect(Math.abs(en!.x - zh!.x), 'cells share a left edge').toBeLessThanOrEqual(1);
}

async function expectOnly(page: Page, shown: 'zh' | 'en') {
  const hidden = shown === 'zh' ? 'en' : 'zh';
  const reader = page.locator('article.reader');
  const count = loadSeed().textBlocks.length;
  await expect(reader.locator(`.cell-${shown}`)).toHaveCount(count);
  const visibility = await reader
    .locator('.cell')
    .evaluateAll((els) => els.map((el) => ({ zh: el.classList.contains('cell-zh'), visible: el.checkVisibility() })));
  const visibleShown = visibility.filter((v) => v.zh === (shown === 'zh') && v.visible).length;
  const visibleHidden = visibility.filter((v) => v.zh === (hidden === 'zh') && v.visible).length;
  expect(visibleShown, `visible .cell-${shown}`).toBe(count);
  expect(visibleHidden, `visible .cell-${hidden}`).toBe(0);
  await expect(reader.locator(`.cell-${hidden}`).first()).toBeHidden();
}

async function expectArrangement(page: Page, layout: Layout) {
  const id = sampleId();
  if (layout === 'side') await expectSide(page, id);
  else if (layout === 'stacked') await expectStacked(page, id);
  else await expectOnly(page, layout);
}

test.describe('layout switch', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('offers the four layouts in a labelled group, side by side checked by default', async ({ page }) => {
    await page.goto(READ_PATH);
    await waitForHydration(page);
    const group = page.getByRole('group', { name: 'Layout' });
    await expect(group).toBeVisible();
    for (const [layout, label] of Object.entries(LABELS)) {
      await expect(group.getByRole('radio', { name: label })).toHaveAttribute('value', layout);
    }
    await expect(group.getByRole('radio', { name: LABELS.side })).toBeChecked();
    await expect(page.locator('html')).not.toHaveAttribute('data-layout');
    await fontsReady(page);
    await expectSide(page, sampleId());
  });

  for (const layout of Object.keys(LABELS) as Layout[]) {
    test(`choosing “${LABELS[layout]}” sets ?layout=${layout} and arranges the columns`, async ({ page }) => {
      // Start from another layout so that the choice changes something.
      const start: Layout = layout === 'stacked' ? 'side' : 'stacked';
      await page.goto(`${READ_PATH}?layout=${start}`);
      await waitForHydration(page);
      await fontsReady(page);
      const historyLength = await page.evaluate(() => history.length);

      await page.getByRole('radio', { name: LABELS[layout] }).check();

      await expect(page.getByRole('radio', { name: LABELS[layout] })).toBeChecked();
      await expect.poll(() => layoutParam(page)).toBe(layout);
      expect(new URL(page.url()).pathname).toBe(READ_PATH);
      await expect(page.locator('html')).toHaveAttribute('data-layout', layout);
      // replaceState: the choice does not add history entries.
      expect(await page.evaluate(() => history.length)).toBe(historyLength);
      await expectArrangement(page, layout);
    });
  }

  test('?layout=stacked on load applies without clicking', async ({ page }) => {
    await page.goto(`${READ_PATH}?layout=stacked`);
    await expect(page.locator('html')).toHaveAttribute('data-layout', 'stacked');
    await waitForHydration(page);
    await expect(page.getByRole('radio', { name: LABELS.stacked })).toBeChecked();
    await fontsReady(page);
    await expectStacked(page, sampleId());
  });

  test('?layout=zh on load hides the English at once', async ({ page }) => {
    await page.goto(`${READ_PATH}?layout=zh`);
    await expect(page.locator('html')).toHaveAttribute('data-layout', 'zh');
    await expectOnly(page, 'zh');
    await waitForHydration(page);
    await expect(page.getByRole('radio', { name: LABELS.zh })).toBeChecked();
  });

  test('an unknown ?layout value is ignored (side by side)', async ({ page }) => {
    await page.goto(`${READ_PATH}?layout=bogus`);
    await waitForHydration(page);
    await expect(page.locator('html')).not.toHaveAttribute('data-layout');
    await expect(page.getByRole('radio', { name: LABELS.side })).toBeChecked();
    await fontsReady(page);
    await expectSide(page, sampleId());
  });

  test('the choice survives a reload', async ({ page }) => {
    await page.goto(READ_PATH);
    await waitForHydration(page);
    await page.getByRole('radio', { name: LABELS.en }).check();
    await expect.poll(() => layoutParam(page)).toBe('en');
    await page.reload();
    expect(await layoutParam(page)).toBe('en');
    await expect(page.locator('html')).toHaveAttribute('data-layout', 'en');
    await waitForHydration(page);
    await expect(page.getByRole('radio', { name: LABELS.en })).toBeChecked();
    await expectOnly(page, 'en');
  });
});

test.describe('keeping other state', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('choosing a layout keeps the #fragment of the URL', async ({ page }) => {
    const id = sampleId();
    await page.goto(`${READ_PATH}#${id}`);
    await waitForHydration(page);
    await page.getByRole('radio', { name: LABELS.stacked }).check();
    await expect.poll(() => layoutParam(page)).toBe('stacked');
    expect(new URL(page.url()).hash).toBe(`#${id}`);
  });

  test('the layout radios work from the keyboard (arrow keys move the choice)', async ({ page }) => {
    await page.goto(READ_PATH);
    await waitForHydration(page);
    await page.getByRole('radio', { name: LABELS.side }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: LABELS.stacked })).toBeChecked();
    await expect(page.getByRole('radio', { name: LABELS.stacked })).toBeFocused();
    await expect.poll(() => layoutParam(page)).toBe('stacked');
    await expect(page.locator('html')).toHaveAttribute('data-layout', 'stacked');
  });
});

test.describe('narrow screens', () => {
  test.use({ viewport: { width: 375, height: 800 } });

  /** On a phone the layout radios are behind the tools button: unfold it to see them. */
  const unfoldTools = (page: Page) => page.getByRole('button', { name: 'Reading options, download, search' }).click();

  test('at 375×800 the columns stack by default (English below Chinese)', async ({ page }) => {
    await page.goto(READ_PATH);
    await waitForHydration(page);
    expect(await layoutParam(page)).toBeNull();
    await expect(page.locator('html')).not.toHaveAttribute('data-layout');
    await unfoldTools(page);
    await expect(page.getByRole('radio', { name: LABELS.stacked })).toBeChecked();
    await fontsReady(page);
    await expectStacked(page, sampleId());
    // No horizontal scrolling on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });

  test('narrowing the window below 768 px stacks the columns and checks “Stacked”', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(READ_PATH);
    await waitForHydration(page);
    await expect(page.getByRole('radio', { name: LABELS.side })).toBeChecked();
    await page.setViewportSize({ width: 375, height: 800 });
    await unfoldTools(page);
    await expect(page.getByRole('radio', { name: LABELS.stacked })).toBeChecked();
    await fontsReady(page);
    await expectStacked(page, sampleId());
    expect(await layoutParam(page)).toBeNull();
  });

  test('on a phone the controls fold behind one button, so the text starts on the first screen', async ({ page }) => {
    await page.goto(READ_PATH);
    await waitForHydration(page);
    const toggle = page.getByRole('button', { name: 'Reading options, download, search' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('radio', { name: LABELS.side })).toBeHidden();
    // The first paragraph begins within the first screen.
    const first = page.locator('.reader > .row').first();
    const top = await first.evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeLessThan(800 * 0.6);
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('radio', { name: LABELS.side })).toBeVisible();
    await page.getByRole('radio', { name: LABELS.side }).check();
    await expect.poll(() => layoutParam(page)).toBe('side');
  });

  test('a paragraph page stacks its row at 375×800', async ({ page }) => {
    const id = sampleId();
    await page.goto(`${READ_PATH}/p/${id}`);
    await fontsReady(page);
    await expectStacked(page, id);
  });

  test('at 375×800 ?layout=side still puts the columns side by side', async ({ page }) => {
    await page.goto(`${READ_PATH}?layout=side`);
    await waitForHydration(page);
    await unfoldTools(page);
    await expect(page.getByRole('radio', { name: LABELS.side })).toBeChecked();
    await fontsReady(page);
    await expectSide(page, sampleId());
  });
});

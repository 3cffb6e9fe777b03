// Translator’s notes: markers in both columns, note popovers, the notes list.
// Expectations come from the annotation API and the data files (see e2e/annotation-helpers.ts).
import { expect, test } from '@playwright/test';
import {
  annotated,
  expectPlacedBeside,
  noteById,
  notesFileCount,
  notesInOrder,
  openReader,
  popoverOf,
} from './annotation-helpers';
import { READ_PATH } from './helpers';

test.describe('translator’s notes', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('the note on 特拉斯 has a marker after 特拉斯 in the Chinese and after “Tesla” in the English', async ({
    page,
    request,
  }) => {
    const text = await annotated(request);
    const { block, note } = noteById(text, 'n7');
    expect(note.quote).toBe('特拉斯');
    expect(block.zh).toContain('特拉斯');
    const number = notesInOrder(text).findIndex((n) => n.note.id === 'n7') + 1;
    expect(number).toBeGreaterThan(0);
    await openReader(page, READ_PATH);
    const row = page.locator(`[id="${block.id}"]`);
    const label = `Translator’s note ${number}`;

    const zhMarker = row.locator('.cell-zh').getByRole('button', { name: label, exact: true });
    await expect(zhMarker).toHaveCount(1);
    await expect(zhMarker).toHaveClass(/\bnote-ref\b/);
    await expect(zhMarker).toHaveText(String(number));
    // Right after the word 特拉斯.
    const before = await zhMarker.evaluate((el) => {
      const prev = el.previousElementSibling;
      return { tag: prev?.tagName, cls: prev?.className, text: prev?.textContent, adjacent: el.previousSibling === prev };
    });
    expect(before).toMatchObject({ tag: 'SPAN', text: '特拉斯', adjacent: true });
    expect(before.cls).toMatch(/\bw\b/);

    const enMarker = row.locator('.cell-en').getByRole('button', { name: label, exact: true });
    await expect(enMarker).toHaveCount(1);
    await expect(enMarker).toHaveClass(/\bnote-ref\b/);
    // Right after “Tesla”: the English up to the marker ends with it.
    const enBefore = await enMarker.evaluate((el) => {
      const container = el.closest('p, li, h2, h3, h4, h5, h6')!;
      const range = document.createRange();
      range.setStart(container, 0);
      range.setEndBefore(el);
      const fragment = range.cloneContents();
      fragment.querySelectorAll('.note-ref').forEach((n) => n.remove());
      return fragment.textContent ?? '';
    });
    expect(enBefore.endsWith('Tesla'), `English before the marker: …${enBefore.slice(-40)}`).toBe(true);
    expect(block.en?.indexOf('Tesla')).toBe(enBefore.length - 'Tesla'.length);
  });

  test('clicking a note marker shows the note in the popover', async ({ page, request }) => {
    const text = await annotated(request);
    const { block, note } = noteById(text, 'n7');
    const number = notesInOrder(text).findIndex((n) => n.note.id === 'n7') + 1;
    await page.clock.install();
    await openReader(page, READ_PATH);
    const row = page.locator(`[id="${block.id}"]`);
    for (const column of ['zh', 'en'] as const) {
      const marker = row.locator(`.cell-${column} .note-ref`).filter({ hasText: new RegExp(`^${number}$`) });
      await marker.click();
      const popover = popoverOf(page);
      await expect(page.getByRole('dialog', { name: `Translator’s note ${number}` })).toBeVisible();
      await expect(popover.locator('.popover-title')).toHaveText(`Translator’s note ${number}`);
      await expect(popover).toContainText(note.body);
      await expect(marker).toHaveAttribute('aria-expanded', 'true');
      // Clicked, it stays when the pointer leaves.
      await page.mouse.move(1270, 5);
      await page.clock.runFor(500);
      await expect(popover).toBeVisible();
      // Passing over its marker again does not unpin it.
      await marker.hover();
      await page.mouse.move(1270, 5);
      await page.clock.runFor(500);
      await expect(popover).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(popover).toHaveCount(0);
      await expect(marker).toHaveAttribute('aria-expanded', 'false');
    }
  });

  test('Enter on a focused note marker shows the note in the popover', async ({ page, request }) => {
    const text = await annotated(request);
    const { block, note } = noteById(text, 'n7');
    const number = notesInOrder(text).findIndex((n) => n.note.id === 'n7') + 1;
    await openReader(page, READ_PATH);
    const row = page.locator(`[id="${block.id}"]`);
    for (const column of ['zh', 'en'] as const) {
      const marker = row.locator(`.cell-${column}`).getByRole('button', { name: `Translator’s note ${number}`, exact: true });
      await marker.focus();
      await expect(marker).toBeFocused();
      await page.keyboard.press('Enter');
      const popover = popoverOf(page);
      await expect(popover).toBeVisible();
      await expect(popover.locator('.popover-title')).toHaveText(`Translator’s note ${number}`);
      await expect(popover).toContainText(note.body);
      await expectPlacedBeside(page, marker, `note ${number} (${column})`);
      await page.keyboard.press('Escape');
      await expect(popover).toHaveCount(0);
      await expect(marker).toBeFocused();
    }
  });

  test('every note has a marker in the Chinese and in the English of its block', async ({ page, request }) => {
    const text = await annotated(request);
    await openReader(page, READ_PATH);
    const ordered = notesInOrder(text);
    const problems: string[] = [];
    for (const [i, { block, note }] of ordered.entries()) {
      const label = `Translator’s note ${i + 1}`;
      const row = page.locator(`[id="${block.id}"]`);
      const zh = await row.locator('.cell-zh').getByRole('button', { name: label, exact: true }).count();
      const en = await row.locator('.cell-en').getByRole('button', { name: label, exact: true }).count();
      if (note.start !== null && zh !== 1) problems.push(`${note.id} (${label}): ${zh} markers in the Chinese of ${block.id}`);
      if (en !== 1) problems.push(`${note.id} (${label}): ${en} markers in the English of ${block.id}`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  test('the notes list has 38 items numbered 1–38, each linking back to its paragraph', async ({ page, request }) => {
    const text = await annotated(request);
    const ordered = notesInOrder(text);
    expect(ordered).toHaveLength(38);
    expect(notesFileCount()).toBe(38);
    await openReader(page, READ_PATH);
    const section = page.locator('section.notes');
    await expect(section).toHaveCount(1);
    await expect(page.getByRole('region', { name: 'Translator’s notes' })).toBeVisible();
    await expect(section.getByRole('heading', { level: 2 })).toHaveText('Translator’s notes');
    const items = section.locator('ol > li');
    await expect(items).toHaveCount(38);
    const listed = await items.evaluateAll((els) =>
      els.map((li) => ({
        id: li.id,
        value: (li as HTMLLIElement).value,
        links: [...li.querySelectorAll('a')].map((a) => ({ href: a.getAttribute('href'), label: a.getAttribute('aria-label') })),
        text: li.textContent ?? '',
      })),
    );
    const rowIds = new Set(await page.locator('article.reader > .row').evaluateAll((els) => els.map((el) => el.id)));
    for (const [i, item] of listed.entries()) {
      const { block, note } = ordered[i]!;
      expect(item.value, `item ${i + 1} numbered`).toBe(i + 1);
      expect(item.id).toBe(`note-${note.id}`);
      expect(item.text).toContain(note.body);
      expect(item.links, `item ${i + 1} links`).toEqual([
        { href: `#${block.id}`, label: `Back to the paragraph (Translator’s note ${i + 1})` },
      ]);
      expect(rowIds.has(block.id), `#${block.id} is a row of the text`).toBe(true);
    }
  });

  test('a notes list link goes back to its paragraph', async ({ page, request }) => {
    const text = await annotated(request);
    const { block } = noteById(text, 'n7');
    await openReader(page, READ_PATH);
    const link = page.locator('section.notes li#note-n7 a');
    await link.scrollIntoViewIfNeeded();
    await link.click();
    await expect(page).toHaveURL(new RegExp(`#${block.id}$`));
    const row = page.locator(`[id="${block.id}"]`);
    await expect(row).toBeInViewport();
    expect(await row.evaluate((el) => el.matches(':target'))).toBe(true);
  });
});

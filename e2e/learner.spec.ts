// Learning with the reader: HSK level marks, saving words and exporting them, the word API.
// Expectations come from the annotation API and the word API (which reads the HSK lists).
import { readFile } from 'node:fs/promises';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { allWords, annotated, openReader, popoverOf, wordSpan } from './annotation-helpers';
import { READER } from './accounts';
import { norm, plain, READ_PATH, SLUG } from './helpers';

/** The HSK 3.0 level of a word from the word API (else its 2.0 level); null when in no list or not in the dictionary. */
async function levelOf(request: APIRequestContext, word: string): Promise<number | null> {
  const response = await request.get(`/api/words/${encodeURIComponent(word)}`);
  if (response.status() === 404) return null;
  const body = (await response.json()) as { hsk: Record<'3.0' | '2.0', number | null> };
  return body.hsk['3.0'] ?? body.hsk['2.0'];
}

test.describe('learning with the reader', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('Mark words above my level (HSK 3) underlines the words above it, and only those', async ({ page, request }) => {
    // Two page loads and a dozen API calls: near 30 s on a busy 2-core machine.
    test.setTimeout(90_000);
    await openReader(page, READ_PATH);
    await page.getByText('Reading options', { exact: true }).click();
    await page.getByLabel('Mark words above my level').selectOption('3');
    await expect(page.locator('html')).toHaveAttribute('data-level', '3');
    await expect.poll(() => new URL(page.url()).searchParams.get('level')).toBe('3');

    const spans = await page.locator('.cell-zh .w').evaluateAll((els) =>
      els.map((el) => ({
        text: el.textContent,
        hsk: el.getAttribute('data-hsk'),
        border: getComputedStyle(el).borderBottomStyle,
      })),
    );
    expect(spans.length).toBeGreaterThan(100);
    for (const { text, hsk, border } of spans) {
      const above = hsk === 'x' || Number(hsk) > 3;
      expect(border, `${text} (data-hsk=${hsk})`).toBe(above ? 'double' : 'none');
    }
    const marked = spans.filter((s) => s.border === 'double').length;
    expect(marked, 'some words above HSK 3').toBeGreaterThan(10);
    expect(spans.length - marked, 'some words at or below HSK 3').toBeGreaterThan(10);

    const text = await annotated(request);
    const words = allWords(text).filter((ref) => ref.block.type === 'paragraph');
    // The attribute agrees with the word API for words the lists have.
    const listed = words.filter((ref) => /^[\u4e00-\u9fff]{2}$/.test(ref.token.text)).slice(0, 6);
    for (const ref of listed) {
      const level = await levelOf(request, ref.token.text);
      if (level === null) continue;
      const hsk = await wordSpan(page, ref).getAttribute('data-hsk');
      expect(hsk ?? '1', ref.token.text).toBe(String(level));
    }

    // The choice is kept across visits.
    await openReader(page, READ_PATH);
    await expect(page.locator('html')).toHaveAttribute('data-level', '3');
  });

  test('Pinyin only above my level keeps ruby to the words above it', async ({ page }) => {
    await openReader(page, `${READ_PATH}?pinyin=1&level=3&pinyinabove=1`);
    const known = page.locator('.cell-zh .w:not([data-hsk]) rt').first();
    const above = page.locator(".cell-zh .w[data-hsk='x'] rt, .cell-zh .w[data-hsk='5'] rt").first();
    await expect(known).toBeHidden();
    await expect(above).toBeVisible();
  });

  test('saving three words from the popover lists them on /words, and the Anki export holds them', async ({ page, request }) => {
    const text = await annotated(request);
    const chosen = allWords(text)
      .filter((ref) => {
        const entry = text.dictionary[ref.token.text];
        return ref.token.text.length >= 2 && entry && !entry.parts && ref.block.en;
      })
      .filter((ref, i, all) => all.findIndex((o) => o.token.text === ref.token.text) === i)
      .slice(0, 3);
    expect(chosen).toHaveLength(3);

    await openReader(page, READ_PATH);
    await page.evaluate(() => localStorage.removeItem('reader.words'));
    for (const ref of chosen) {
      await wordSpan(page, ref).click();
      const popover = popoverOf(page);
      await expect(popover.locator('.popover-word')).toHaveText(ref.token.text);
      await expect(popover.locator('.popover-hsk')).toBeVisible();
      await popover.getByRole('button', { name: 'Save word' }).click();
      await expect(popover.getByRole('button', { name: 'Saved to your words' })).toBeDisabled();
      await page.keyboard.press('Escape');
    }

    await openReader(page, '/words');
    await expect(page.locator('.saved-word')).toHaveCount(3);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export for Anki (TSV)' }).click(),
    ]);
    const tsv = await readFile((await download.path())!, 'utf8');
    const lines = tsv.trimEnd().split('\n');
    expect(lines.slice(0, 2)).toEqual(['#separator:tab', '#html:false']);
    const columns = lines[2]!.replace(/^#columns:/, '').split('\t');
    expect(columns).toEqual(['Cloze', 'Word', 'Pinyin', 'Meaning', 'HSK', 'English', 'Source']);
    const rows = lines.slice(3).map((line) => Object.fromEntries(line.split('\t').map((v, i) => [columns[i], v])));
    expect(rows).toHaveLength(3);
    for (const ref of chosen) {
      const row = rows.find((r) => r.Word === ref.token.text);
      expect(row, ref.token.text).toBeTruthy();
      expect(row!.Cloze).toContain(`{{c1::${ref.token.text}}}`);
      expect(ref.block.zh).toContain(row!.Cloze!.replace(`{{c1::${ref.token.text}}}`, ref.token.text));
      expect(row!.Pinyin).toBe(ref.token.pinyin);
      expect(row!.Meaning).toContain(text.dictionary[ref.token.text]!.senses[0]!);
      expect(row!.Source).toContain(`/read/${SLUG}#${ref.block.id}`);
      expect(norm(plain(ref.block.en ?? ''))).toContain(row!.English!.slice(0, 40));
      const level = await levelOf(request, ref.token.text);
      expect(row!.HSK).toBe(level === null ? '' : String(level));
    }

    // Everything this browser keeps, as one JSON file; signed out, the page says nothing is sent.
    await expect(page.getByText('Nothing of them is sent anywhere.')).toBeVisible();
    const [dataFile] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export my data (JSON)' }).click(),
    ]);
    const data = JSON.parse(await readFile((await dataFile.path())!, 'utf8')) as { format: string; words: { word: string }[] };
    expect(data.format).toBe('bilingual-reader.learner-data');
    expect(data.words.map((w) => w.word).sort()).toEqual(chosen.map((ref) => ref.token.text).sort());

    // Removing one, then deleting the browser's data after the confirmation.
    await page.getByRole('button', { name: `Remove ${chosen[0]!.token.text}` }).click();
    await expect(page.locator('.saved-word')).toHaveCount(2);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Delete my data from this browser' }).click();
    await expect(page.locator('.saved-word')).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: 'Deleted from this browser.' })).toBeVisible();
    expect(await page.evaluate(() => [localStorage.getItem('reader.words'), localStorage.getItem('reader.progress')])).toEqual([
      null,
      null,
    ]);
  });

  test('the word API answers with pinyin, senses and HSK levels, and refuses what is not a word', async ({ request }) => {
    const bank = await request.get(`/api/words/${encodeURIComponent('银行')}`);
    expect(bank.status()).toBe(200);
    const body = (await bank.json()) as { word: string; pinyin: string; senses: string[]; hsk: unknown };
    expect(body.word).toBe('银行');
    expect(body.pinyin).toBe('yín háng');
    expect(body.senses.join('; ')).toContain('bank');
    expect(body.hsk).toEqual({ '3.0': 2, '2.0': 3 });
    const cases = [
      { word: 'bank', status: 400 },
      { word: '银'.repeat(17), status: 400 },
      { word: '<b>', status: 400 },
      { word: '特拉斯', status: 404 },
    ];
    for (const { word, status } of cases) {
      expect((await request.get(`/api/words/${encodeURIComponent(word)}`)).status(), word).toBe(status);
    }
  });

  test('signed in, a removal of a saved word sticks when another device sends its older copy; the account copy can be deleted', async ({
    playwright,
    baseURL,
  }) => {
    const device = await playwright.request.newContext({ baseURL: baseURL!, extraHTTPHeaders: { Origin: baseURL! } });
    expect((await device.post('/api/session', { data: { name: READER.name, password: READER.password } })).ok()).toBe(true);
    const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();
    const context = {
      sentence: '我去银行。',
      english: '',
      slug: SLUG,
      title: 'T',
      permalink: `/read/${SLUG}`,
      savedAt: minutesAgo(30),
    };
    const bank = { word: '银行', pinyin: 'yín háng', senses: ['bank'], hsk: 2, contexts: [context] };
    type Answer = { words: { word: string }[]; removed: { word: string }[] };
    const put = async (data: object) => {
      const answer = await device.put('/api/me/words', { data });
      expect(answer.status()).toBe(200);
      return (await answer.json()) as Answer;
    };
    expect((await put({ words: [bank] })).words.map((w) => w.word)).toContain('银行');
    // Another device removed it after it was saved; then the first sends its copy again.
    expect(
      (await put({ words: [], removed: [{ word: '银行', removedAt: minutesAgo(20) }] })).words.map((w) => w.word),
    ).not.toContain('银行');
    const again = await put({ words: [bank] });
    expect(again.words.map((w) => w.word)).not.toContain('银行');
    expect(again.removed.map((r) => r.word)).toContain('银行');
    expect((await device.put('/api/me/words', { data: { words: 'nope' } })).status()).toBe(422);

    expect((await device.delete('/api/me/words')).status()).toBe(200);
    expect(await (await device.get('/api/me/words')).json()).toEqual({ words: [], removed: [] });
    expect((await put({ words: [bank] })).words).toEqual([]);
    await device.dispose();
  });

  test('the difficulty API measures the bundled article', async ({ request }) => {
    const response = await request.get(`/api/texts/${SLUG}/difficulty`);
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { tokens: number; aboveLevel: Record<string, number>; levelFor95: number | null };
    expect(body.tokens).toBeGreaterThan(500);
    expect(Object.keys(body.aboveLevel)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect((await request.get(`/api/texts/${SLUG}/difficulty?section=nosuch`)).status()).toBe(404);
  });
});

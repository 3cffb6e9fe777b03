// The annotation API and the server-rendered HTML of the reading page.
// Expectations come from the annotation API and the data files (see e2e/annotation-helpers.ts).
import { expect, test } from '@playwright/test';
import { allWords, annotated, findWord, notesInOrder } from './annotation-helpers';
import { READ_PATH } from './helpers';

test.describe('word annotations: data', () => {
  test('the API annotates the known words: 自动驾驶 zì dòng jià shǐ, 赋能 fù néng “empower”, 了 in 有了 read le', async ({
    request,
  }) => {
    const text = await annotated(request);
    const driving = allWords(text).filter((w) => w.token.text === '自动驾驶');
    expect(driving.length, '自动驾驶 is one word, somewhere in the text').toBeGreaterThan(0);
    for (const w of driving) expect(w.token.pinyin).toBe('zì dòng jià shǐ');
    // No token splits 自动驾驶 in two.
    for (const block of text.blocks) {
      for (let at = block.zh.indexOf('自动驾驶'); at >= 0; at = block.zh.indexOf('自动驾驶', at + 1)) {
        expect(
          block.tokens.some((t) => t.start <= at && t.end >= at + 4),
          `${block.id}@${at}: 自动驾驶 in one token`,
        ).toBe(true);
      }
    }
    const empower = findWord(text, (w) => w.token.text === '赋能', '赋能');
    expect(empower.token.pinyin).toBe('fù néng');
    expect(text.dictionary['赋能']?.pinyin).toBe('fù néng');
    expect(text.dictionary['赋能']?.senses.some((s) => /empower/i.test(s))).toBe(true);

    const phrase = '现在在旧金山等城市已经有了一些';
    const block = text.blocks.find((b) => b.zh.includes(phrase));
    expect(block, `a block containing ${phrase}`).toBeTruthy();
    const at = block!.zh.indexOf(phrase) + phrase.indexOf('了');
    const token = block!.tokens.find((t) => t.start <= at && at < t.end);
    expect(token?.pinyin, `the word holding 了 (${token?.text})`).toBeTruthy();
    const syllables = token!.pinyin!.split(' ');
    expect(syllables).toHaveLength(token!.text.length);
    expect(syllables[at - token!.start], `the reading of 了 in ${token!.text}`).toBe('le');
  });
});

test.describe('server rendering', () => {
  test('the reading page’s HTML has the word spans, and no <rt> with pinyin off', async ({ request }) => {
    const text = await annotated(request);
    const response = await request.get(READ_PATH);
    expect(response.status()).toBe(200);
    const html = await response.text();
    expect(html).toContain('class="w"');
    expect(html).toContain('class="w term"');
    expect(html).not.toMatch(/<rt[\s>]/);
    expect(html).not.toMatch(/<ruby[\s>]/);
    // One span per Chinese word of the text, in order.
    const spans = [...html.matchAll(/<span class="w(?: term)?"[^>]*>([^<]*)<\/span>/g)].map((m) => m[1]);
    const expected = allWords(text).map((w) => w.token.text);
    expect(spans.length).toBe(expected.length);
    expect(spans).toEqual(expected);
    // The note markers are server-rendered too.
    expect(html).toContain(`aria-label="Translator’s note ${notesInOrder(text).length}"`);
    // Exactly one word is in the Tab order.
    expect([...html.matchAll(/<span class="w(?: term)?" tabindex="0"/g)]).toHaveLength(1);
  });
});

// Listening: the server voice (espeak-ng's cmn-latn-pinyin, encoded by opusenc) answers playable
// Ogg Opus that grows with the text, caches it, and the Listen controls play it. Skipped, saying
// so, where espeak-ng or opusenc is missing (Debian: apt-get install espeak-ng opus-tools).
import { spawnSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { annotated, findWord, openReader, popoverOf, wordSpan } from './annotation-helpers';
import { expectNoAxeViolations } from './axe';
import { READER } from './accounts';
import { READ_PATH, SLUG } from './helpers';

const missing = ['espeak-ng', 'opusenc'].filter((tool) => spawnSync(tool, ['--help'], { stdio: 'ignore' }).error);

/** Playback length of an Ogg Opus file: the last page's granule position at 48 kHz, less the pre-skip. */
function oggSeconds(bytes: Buffer): number {
  const last = bytes.lastIndexOf('OggS');
  const head = bytes.indexOf('OpusHead');
  return (Number(bytes.readBigInt64LE(last + 6)) - bytes.readUInt16LE(head + 10)) / 48_000;
}

/** The duration Chromium decodes from audio fetched by the page: proof it is playable there. */
function decodedSeconds(page: Page, url: string): Promise<number> {
  return page.evaluate(async (src) => {
    const bytes = await (await fetch(src)).arrayBuffer();
    const context = new OfflineAudioContext(1, 1, 48_000);
    return (await context.decodeAudioData(bytes)).duration;
  }, url);
}

test.describe('listening', () => {
  test.skip(
    missing.length > 0,
    `the server voice needs ${missing.join(' and ')}, which is not installed (apt-get install espeak-ng opus-tools)`,
  );
  test.use({ viewport: { width: 1280, height: 900 } });

  test('the audio routes answer Ogg Opus with its length, longer for longer text, cached by paragraph', async ({
    page,
    request,
  }) => {
    const short = '银行';
    const long = '我去银行取钱，然后回家做饭。';
    const sizes: number[] = [];
    const durations: number[] = [];
    for (const text of [short, long]) {
      const response = await request.get(`/api/audio?text=${encodeURIComponent(text)}`);
      expect(response.status(), await response.text().catch(() => '')).toBe(200);
      expect(response.headers()['content-type']).toBe('audio/ogg');
      const body = await response.body();
      // Next.js 16 drops a route's own Content-Length; app/_lib/content-length.ts puts it back.
      expect(Number(response.headers()['content-length']), 'Content-Length').toBe(body.length);
      expect(response.headers()['cache-control']).toContain('max-age');
      expect(body.subarray(0, 4).toString('latin1')).toBe('OggS');
      expect(body.includes('OpusHead')).toBe(true);
      sizes.push(body.length);
      durations.push(oggSeconds(body));
    }
    expect(durations[0]).toBeGreaterThan(0.3);
    expect(durations[1]).toBeGreaterThan(durations[0]! * 2);
    expect(sizes[1]).toBeGreaterThan(sizes[0]!);

    await page.goto('/api/words/%E9%93%B6%E8%A1%8C');
    const decoded = await decodedSeconds(page, `/api/audio?text=${encodeURIComponent(long)}`);
    expect(Math.abs(decoded - durations[1]!)).toBeLessThan(0.2);

    const text = await annotated(request);
    const paragraph = text.blocks.find((b) => b.type === 'paragraph')!;
    const url = `/api/texts/${SLUG}/audio/${paragraph.id}`;
    const first = await request.get(url);
    expect(first.status()).toBe(200);
    expect(first.headers()['content-type']).toBe('audio/ogg');
    expect(oggSeconds(await first.body())).toBeGreaterThan(durations[1]!);
    const etag = first.headers()['etag']!;
    expect((await request.get(url, { headers: { 'If-None-Match': etag } })).status()).toBe(304);

    expect((await request.get(`/api/texts/${SLUG}/audio/zzzzzz`)).status()).toBe(404);
    const tooLong = await request.get(`/api/audio?text=${encodeURIComponent('银行'.repeat(101))}`);
    expect(tooLong.status()).toBe(400);
    expect(((await tooLong.json()) as { error: string }).error).toMatch(/at most 200 characters/);
    expect((await request.get('/api/audio?text=hello')).status()).toBe(400);
  });

  test('Listen on a row and in the popover plays the synthetic voice, lighting the sentence read; S saves the word by key', async ({
    page,
    request,
  }) => {
    // The first audio of a paragraph is made on demand: a few seconds on a busy 2-core machine.
    test.setTimeout(90_000);
    const text = await annotated(request);
    const ref = findWord(
      text,
      (w) =>
        w.block.type === 'paragraph' &&
        w.token.text.length >= 2 &&
        !!text.dictionary[w.token.text] &&
        !text.dictionary[w.token.text]!.parts,
      'a dictionary word in a paragraph',
    );
    // Aligned before the page is made, so its rows carry their sentences.
    expect((await request.get(`/api/texts/${SLUG}/alignment?lang=en&id=${ref.block.id}`)).status()).toBe(200);
    await openReader(page, READ_PATH);
    await page.evaluate(() => localStorage.removeItem('reader.words'));

    const row = page.locator(`[id="${ref.block.id}"]`);
    const listen = row.locator('.row-tools .listen');
    await expect(listen).toHaveAccessibleName(/Listen: a synthetic voice/);
    await listen.click();
    await expect(listen).toHaveAttribute('data-state', 'playing', { timeout: 30_000 });
    await expect(row.getByRole('status').filter({ hasText: 'Playing: a synthetic voice' })).toBeVisible();
    // The sentence being read is lit, from the first one; stopping removes the light.
    await expect(row.locator('.cell-zh [data-s="0"]').first()).toHaveClass(/\bsentence-reading\b/);
    expect(
      await row
        .locator('.cell-zh .sentence-reading')
        .evaluateAll((spans) => new Set(spans.map((s) => s.getAttribute('data-s'))).size),
    ).toBe(1);
    await expectNoAxeViolations(page, { include: [`[id="${ref.block.id}"] .row-tools`] });
    await listen.click();
    await expect(listen).toHaveAttribute('data-state', 'idle');
    await expect(page.locator('.sentence-reading')).toHaveCount(0);

    // From the keyboard: Enter opens the word's card, L listens, S saves.
    await wordSpan(page, ref).focus();
    await page.keyboard.press('Enter');
    const popover = popoverOf(page);
    await expect(popover.locator('.popover-word')).toHaveText(ref.token.text);
    await expect(popover.locator('.popover-voice-note')).toContainText('synthetic voice');
    await page.keyboard.press('l');
    await expect(popover.locator('.popover-listen')).toHaveAttribute('data-state', 'playing', { timeout: 30_000 });
    await page.keyboard.press('s');
    await expect(popover.getByRole('button', { name: 'Saved to your words' })).toBeDisabled();
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('reader.words') ?? '[]') as { word: string }[]);
    expect(saved.map((w) => w.word)).toEqual([ref.token.text]);
    await expectNoAxeViolations(page, { include: ['#annotation-popover'] });
  });
});

test.describe('the browser voice', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('where the browser has a Chinese voice, the popover offers it after Listen, and both Listen buttons then use it', async ({
    page,
    request,
  }) => {
    test.setTimeout(60_000);
    // The Web Speech API with one Mandarin voice that records what it is asked to read (headless
    // Chromium lists no voices).
    await page.addInitScript(() => {
      const spoken: { text: string; voice: string | undefined }[] = [];
      (window as unknown as { spoken: typeof spoken }).spoken = spoken;
      const voice = { name: 'Test Mandarin', lang: 'zh-CN', localService: true, default: false, voiceURI: 'test' };
      let current: EventTarget | null = null;
      class Utterance extends EventTarget {
        voice: { name: string } | null = null;
        lang = '';
        constructor(readonly text: string) {
          super();
        }
      }
      const synth = Object.assign(new EventTarget(), {
        getVoices: () => [voice],
        speak: (u: Utterance) => {
          spoken.push({ text: u.text, voice: u.voice?.name });
          current = u;
        },
        cancel: () => {
          const u = current;
          current = null;
          if (u) setTimeout(() => u.dispatchEvent(new Event('error')));
        },
      });
      Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
      Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    });
    const text = await annotated(request);
    const ref = findWord(
      text,
      (w) => w.token.text.length >= 2 && !!text.dictionary[w.token.text] && !text.dictionary[w.token.text]!.parts,
      'a dictionary word',
    );
    await openReader(page, READ_PATH);
    await page.evaluate(() => localStorage.removeItem('reader.voice'));
    await wordSpan(page, ref).click();
    const popover = popoverOf(page);
    const listen = popover.locator('.popover-listen');
    // The server voice first (the default), then the choice appears.
    await listen.click();
    await expect(listen).toHaveAttribute('data-state', 'playing', { timeout: 30_000 });
    await listen.click();
    await popover.getByLabel('This browser’s Chinese voice (Test Mandarin)').check();
    await expect(popover.getByLabel('The server voice (synthetic, espeak-ng)')).not.toBeChecked();
    expect(await page.evaluate(() => localStorage.getItem('reader.voice'))).toBe('browser');
    await listen.click();
    await expect(listen).toHaveAttribute('data-state', 'playing');
    await expectNoAxeViolations(page, { include: ['#annotation-popover'] });
    await page.keyboard.press('Escape');

    // A row reads its Chinese as shown, without the ruby, and its label names the browser's voice.
    const rowListen = page.locator(`[id="${ref.block.id}"] .row-tools .listen`);
    await expect(rowListen).toHaveAccessibleName(/Listen: this browser’s Chinese voice/);
    await rowListen.click();
    const spoken = () => page.evaluate(() => (window as unknown as { spoken: { text: string; voice: string }[] }).spoken);
    await expect.poll(async () => (await spoken()).length).toBe(2);
    const [word, row] = await spoken();
    expect(word).toEqual({ text: ref.token.text, voice: 'Test Mandarin' });
    expect(row!.text).toContain(ref.token.text);
    expect(row!.text.length).toBeGreaterThan(20);
    expect(row!.text).not.toMatch(/[āáǎàēéěèīíǐìōóǒòūúǔù]/);
  });
});

test.describe('picking up where you stopped', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('the paragraph read is remembered across a reload: Continue where you stopped on the text and the library', async ({
    page,
    request,
  }) => {
    test.setTimeout(60_000);
    const text = await annotated(request);
    const paragraphs = text.blocks.filter((b) => b.type === 'paragraph');
    const target = paragraphs[Math.floor(paragraphs.length / 2)]!;
    await openReader(page, READ_PATH);
    await page.evaluate(() => localStorage.removeItem('reader.progress'));
    await page.locator(`[id="${target.id}"]`).evaluate((row) => {
      window.scrollTo(0, row.getBoundingClientRect().top + window.scrollY - 100);
    });
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            (JSON.parse(localStorage.getItem('reader.progress') ?? '{}') as Record<string, { id: string }>)['karpathy-no-priors']
              ?.id,
        ),
      )
      .toBe(target.id);
    // What this visit records is for the next one: no link appears above the text while reading.
    await expect(page.locator('.continue-reading')).toHaveCount(0);

    await page.reload();
    const resume = page.getByRole('link', { name: 'Continue where you stopped' });
    await expect(resume).toHaveAttribute('href', `/read/${SLUG}#${target.id}`);
    await openReader(page, '/');
    await expect(page.getByRole('link', { name: 'Continue where you stopped' })).toHaveAttribute(
      'href',
      `/read/${SLUG}#${target.id}`,
    );
    await expect(page.locator('.continue-reading')).toContainText('% read in this browser');
    await expectNoAxeViolations(page, { include: ['.continue-reading'] });
  });

  test('signed in, the place follows the account to a fresh browser; signed out nothing is sent', async ({
    browser,
    request,
    baseURL,
  }) => {
    test.setTimeout(90_000);
    const text = await annotated(request);
    const target = text.blocks.filter((b) => b.type === 'paragraph').at(-3)!;
    const signIn = async (page: Page) => {
      const answer = await page.request.post('/api/session', {
        data: { name: READER.name, password: READER.password },
        headers: { Origin: baseURL ?? '' },
      });
      expect(answer.ok()).toBe(true);
    };
    expect((await request.get('/api/me/progress')).status()).toBe(401);

    const first = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await first.newPage();
    await signIn(page);
    await openReader(page, READ_PATH);
    await page.locator(`[id="${target.id}"]`).evaluate((row) => {
      window.scrollTo(0, row.getBoundingClientRect().top + window.scrollY - 100);
    });
    await expect
      .poll(
        async () =>
          ((await (await page.request.get('/api/me/progress')).json()) as { progress: Record<string, { id: string }> }).progress[
            SLUG
          ]?.id,
        {
          timeout: 20_000,
        },
      )
      .toBe(target.id);
    await first.close();

    const second = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const other = await second.newPage();
    await signIn(other);
    await openReader(other, READ_PATH);
    await expect(other.getByRole('link', { name: 'Continue where you stopped' })).toHaveAttribute(
      'href',
      `/read/${SLUG}#${target.id}`,
      {
        timeout: 15_000,
      },
    );
    await second.close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDataDir } from '@/lib/testing/data-dir';
import { loadText, type TextView } from '@/lib/library/load';
import { textSections } from './sections';
import { BACKGROUND_MAX_CHARS, getTextDifficulty, peekTextDifficulty } from './text-difficulty';

let data: ReturnType<typeof makeDataDir>;
let text: TextView;

beforeAll(async () => {
  data = makeDataDir({ copyRepoData: true });
  const loaded = await loadText('karpathy-no-priors');
  if (!loaded?.ok) throw new Error('seed did not load');
  text = loaded.text;
}, 120_000);
afterAll(() => data.dispose());

describe('getTextDifficulty on the bundled article', () => {
  it('counts its Chinese words and gives shares that fall as the level rises', async () => {
    const difficulty = await getTextDifficulty(text);
    expect(difficulty?.tokens).toBeGreaterThan(500);
    const shares = Object.values(difficulty?.aboveLevel ?? {});
    expect(shares).toHaveLength(9);
    for (let i = 1; i < shares.length; i++) expect(shares[i]).toBeLessThanOrEqual(shares[i - 1]!);
    // A technical essay: well above HSK 1 for 95 % of its words.
    expect(difficulty?.aboveLevel['1']).toBeGreaterThan(0.2);
  }, 120_000);

  it('is measured once per version of the Chinese', async () => {
    expect(await getTextDifficulty(text)).toBe(await getTextDifficulty(text));
    const edited = { ...text, blocks: text.blocks.map((b, i) => (i === 1 ? { ...b, text: `${b.text}银行` } : b)) };
    const again = await getTextDifficulty(edited);
    expect(again?.tokens).toBe((await getTextDifficulty(text))!.tokens + 1);
  }, 120_000);

  it('measures one section, and nothing for an unknown one', async () => {
    const [first] = textSections(text);
    const section = await getTextDifficulty(text, first!.name);
    expect(section?.tokens).toBeGreaterThan(0);
    expect(await getTextDifficulty(text, 'nosuch')).toBeUndefined();
  }, 120_000);

  it('peeks without waiting: nothing until measured in the background, then the figure', async () => {
    const other = { ...text, blocks: text.blocks.map((b, i) => (i === 2 ? { ...b, text: `${b.text}学习` } : b)) };
    expect(peekTextDifficulty(other)).toBeUndefined();
    await expect.poll(() => peekTextDifficulty(other), { timeout: 60_000 }).toBeDefined();
    expect(peekTextDifficulty(other)).toEqual(await getTextDifficulty(other));
  }, 120_000);

  it('does not annotate a long text in the background for the library page; asked for, it is known', async () => {
    // The article's paragraphs over and over, past the limit (a novel would be far past it).
    const paragraphs = text.blocks.filter((b) => b.type === 'paragraph');
    const chars = paragraphs.reduce((sum, b) => sum + b.text.length, 0);
    const rounds = Math.ceil(BACKGROUND_MAX_CHARS / chars) + 1;
    const blocks = Array.from({ length: rounds }, (_, r) => paragraphs.map((b) => ({ ...b, id: `${b.id}${r}` }))).flat();
    const long = { ...text, blocks } as TextView;
    expect(peekTextDifficulty(long)).toBeUndefined();
    // Nothing was queued: a short text queued after it is measured, and the long one still is not.
    const short = { ...text, blocks: text.blocks.map((b, i) => (i === 3 ? { ...b, text: `${b.text}医生` } : b)) };
    peekTextDifficulty(short);
    await expect.poll(() => peekTextDifficulty(short), { timeout: 60_000 }).toBeDefined();
    expect(peekTextDifficulty(long)).toBeUndefined();
    const asked = await getTextDifficulty(long);
    expect(peekTextDifficulty(long)).toEqual(asked);
  }, 180_000);
});

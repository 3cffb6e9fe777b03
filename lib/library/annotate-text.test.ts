import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadText, type TextView } from './load';
import { makeDataDir } from '@/lib/testing/data-dir';
import { annotateText, MAX_ANNOTATED_CHARS, type TextAnnotation } from './annotate-text';
import { lexiconFor, rowAnnotations } from '@/lib/reading/page-lexicon';
import { setProcessState } from '@/lib/process-state';

let data: ReturnType<typeof makeDataDir>;
let text: TextView;
let annotation: TextAnnotation;

beforeAll(async () => {
  data = makeDataDir({ copyRepoData: true });
  const loaded = await loadText('karpathy-no-priors');
  if (!loaded?.ok) throw new Error('seed did not load');
  text = loaded.text;
  annotation = await annotateText(text);
}, 120_000);
afterAll(() => data.dispose());

describe('annotateText on the seed', () => {
  it('annotates every text block, and its tokens rebuild the block exactly', () => {
    const textBlocks = text.blocks.filter((b) => b.type !== 'break');
    expect(Object.keys(annotation.blocks)).toEqual(textBlocks.map((b) => b.id));
    for (const block of textBlocks) {
      const tokens = annotation.blocks[block.id]!.tokens;
      expect(tokens.map((t) => t.text).join('')).toBe(block.text);
      for (const token of tokens) expect(block.text.slice(token.start, token.end)).toBe(token.text);
    }
  });

  it('gives every Chinese word a reading and a dictionary entry (its own or its characters’)', () => {
    const words = Object.values(annotation.blocks).flatMap((b) => b.tokens.filter((t) => t.chinese));
    expect(words.length).toBeGreaterThan(1000);
    const unread = words.filter((w) => !w.pinyin).map((w) => w.text);
    expect(unread).toEqual([]);
    const missing = [...new Set(words.map((w) => w.text))].filter((w) => !annotation.dictionary[w]);
    expect(missing).toEqual([]);
  });

  it('places all 38 notes, numbered in document order, none detached', () => {
    expect(annotation.notes.map((n) => n.number)).toEqual(Array.from({ length: 38 }, (_, i) => i + 1));
    expect(annotation.notes.filter((n) => n.detached)).toEqual([]);
    const typo = annotation.notes.find((n) => n.quote === '特拉斯');
    expect(typo?.body).toMatch(/Tesla/);
  });

  it('marks glossary terms with their approved renderings', () => {
    const terms = Object.values(annotation.blocks).flatMap((b) => b.terms.map((t) => t.term));
    expect(terms).toContain('自动驾驶');
    expect(annotation.glossary['规模扩展律']?.en[0]).toBe('scaling laws');
  });

  it('is computed once per version of the text', async () => {
    expect(await annotateText(text)).toBe(annotation);
  });
});

describe('annotateText and a paragraph the size of a chapter', () => {
  it('leaves a block over MAX_ANNOTATED_CHARS unannotated, and annotates the others', async () => {
    const [first, second] = text.blocks.filter((b) => b.type === 'paragraph');
    const huge = { ...first!, id: 'huge01', text: '长'.repeat(MAX_ANNOTATED_CHARS + 1) };
    const result = await annotateText({ ...text, slug: 'karpathy-no-priors', blocks: [huge, second!] });
    expect(Object.keys(result.blocks)).toEqual([second!.id]);
  });
});

describe('lexiconFor', () => {
  it('ships only the entries of the words and notes in the given blocks, once each', () => {
    const block = text.blocks.find((b) => b.text.includes('特拉斯'))!;
    const lexicon = lexiconFor(annotation, [block.id]);
    const words = new Set(annotation.blocks[block.id]!.tokens.filter((t) => t.chinese).map((t) => t.text));
    expect(Object.keys(lexicon.words).sort()).toEqual([...words].sort());
    expect(Object.values(lexicon.notes).every((n) => n.block === block.id)).toBe(true);
    expect(Object.keys(lexicon.notes).length).toBeGreaterThan(0);
    expect(Object.keys(lexicon.words).length).toBeLessThan(Object.keys(annotation.dictionary).length / 5);
  });
});

describe('lexiconFor: the other Chinese a popover shows', () => {
  it('ships the traditional form of each glossary term on the page whose form differs, and of nothing else', () => {
    const block = text.blocks.find((b) => b.text.includes('个性数据集'))!;
    const lexicon = lexiconFor(annotation, [block.id]);
    expect(lexicon.terms['个性数据集']).toBeDefined();
    expect(lexicon.popoverForms?.['个性数据集']).toBe('個性數據集');
    const terms = Object.keys(lexicon.terms);
    const chars = Object.values(lexicon.words).flatMap((entry) => (entry.parts ?? []).map((part) => part.char));
    for (const [chinese, form] of Object.entries(lexicon.popoverForms ?? {})) {
      const named = Object.values(lexicon.words).some((entry) => entry.senses.some((sense) => sense.includes(chinese)));
      expect(terms.includes(chinese) || chars.includes(chinese) || named, chinese).toBe(true);
      expect(form).not.toBe(chinese);
    }
    // The words' own forms stay as worked out in context.
    for (const [word, form] of Object.entries(lexicon.traditional ?? {})) expect(form).toBe(annotation.traditional[word]);
  });

  it('ships none when no term or character on the page differs', () => {
    const block = text.blocks.find((b) => b.type === 'paragraph' && /^[\x00-\x7f]*$/.test(b.text));
    if (block) expect(lexiconFor(annotation, [block.id]).popoverForms).toBeUndefined();
    expect(lexiconFor(annotation, []).popoverForms).toBeUndefined();
  });
});

describe('rowAnnotations', () => {
  it('puts a note marker after its quote in the Chinese and after its English quote in the gloss', () => {
    const block = text.blocks.find((b) => b.text.includes('特拉斯'))!;
    const row = rowAnnotations(annotation.blocks[block.id]!);
    const note = annotation.notes.find((n) => n.quote === '特拉斯')!;
    const zhMarker = row.zh.notes.find(([, id]) => id === note.id);
    expect(zhMarker?.[0]).toBe(block.text.indexOf('特拉斯') + 3);
    const enMarker = row.en.find(([, id]) => id === note.id);
    expect(block.en!.slice(0, enMarker?.[0]).endsWith('Tesla')).toBe(true);
  });
});

describe('traditional forms of the seed', () => {
  it('has the traditional form of each word whose form differs, the same length, and the lexicon ships them', () => {
    expect(annotation.traditional['发展']).toBe('發展');
    expect(annotation.traditional['自动驾驶']).toBe('自動駕駛');
    for (const [word, form] of Object.entries(annotation.traditional)) {
      expect(form).not.toBe(word);
      expect(form.length).toBe(word.length);
    }
    const block = text.blocks.find((b) => b.text.includes('自动驾驶'))!;
    expect(lexiconFor(annotation, [block.id]).traditional?.['自动驾驶']).toBe('自動駕駛');
  });

  it('converting word by word with the exceptions gives the whole block converted in context', async () => {
    const { toTraditional } = await import('@/lib/annotate/chinese-script');
    for (const block of text.blocks.filter((b) => b.type !== 'break')) {
      const blockAnnotation = annotation.blocks[block.id]!;
      const exceptions = new Map(blockAnnotation.traditional ?? []);
      let index = 0;
      const rebuilt = blockAnnotation.tokens
        .map((t) => (t.chinese ? (exceptions.get(index++) ?? annotation.traditional[t.text] ?? t.text) : t.text))
        .join('');
      const whole = toTraditional(block.text);
      // Only the Chinese words are converted: punctuation and Latin text stay as written.
      const expected = blockAnnotation.tokens.map((t) => (t.chinese ? whole.slice(t.start, t.end) : t.text)).join('');
      expect(rebuilt).toBe(expected);
    }
  });
});

describe('annotateText of a long text', () => {
  it('gives the event loop a turn at least every few tenths of a second', async () => {
    setProcessState('annotations', undefined);
    // The seed's paragraphs, each made new so none comes from the block cache: a few seconds of work.
    const paragraphs = text.blocks.filter((b) => b.type === 'paragraph');
    const blocks = Array.from({ length: 6 }, (_, round) =>
      paragraphs.map((b) => ({ ...b, id: `${b.id}${round}`, text: `${'第'.repeat(round + 1)}${b.text}` })),
    ).flat();
    const long = { ...text, blocks } as TextView;
    const ticks: number[] = [];
    let done = false;
    const tick = () => {
      ticks.push(performance.now());
      if (!done) setImmediate(tick);
    };
    setImmediate(tick);
    const started = performance.now();
    const result = await annotateText(long);
    done = true;
    // The end counts as a turn: a loop that never let go shows as one gap as long as the work.
    ticks.push(performance.now());
    const elapsed = performance.now() - started;
    const gaps = ticks.slice(1).map((t, i) => t - ticks[i]!);
    expect(Object.keys(result.blocks)).toHaveLength(blocks.length);
    // Enough work for turns every 50 ms to show (0.46 s on an idle machine, seconds on a busy one);
    // without them the whole run is one gap, longer than a third of itself.
    expect(result.timing.total).toBeGreaterThan(200);
    expect(Math.max(...gaps)).toBeLessThan(elapsed / 3);
  }, 60_000);
});

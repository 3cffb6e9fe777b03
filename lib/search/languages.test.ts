import { describe, expect, it } from 'vitest';
import { pinyinByOffset } from '@/lib/annotate/pinyin';
import type { SearchableBlock } from './document';
import { createFlexSearchEngine } from './flexsearch-engine';
import { parseQuery } from './query';
import { searchLanguages } from './request';
import { SearchIndex } from './search-index';
import { wordsIn } from './words';

// Search in several target languages: each gloss by its own language's words and stems, one
// result per paragraph whichever languages matched, and the languages it matched in named.
const BLOCKS: SearchableBlock[] = [
  {
    id: 'p1',
    type: 'paragraph',
    zh: '小猫在睡觉。',
    en: 'The kitten is sleeping.',
    glosses: { fr: 'Les chatons dorment paisiblement.', de: 'Das Kätzchen schläft.', ja: '子猫が眠っている。' },
  },
  {
    id: 'p2',
    type: 'paragraph',
    zh: '面包很好吃。',
    en: 'The bread is delicious; no pain at all.',
    glosses: { fr: 'Le pain est délicieux.' },
  },
  { id: 'p3', type: 'paragraph', zh: '他们一起睡觉。', en: 'They sleep together.', glosses: { fr: 'Ils dorment ensemble.' } },
  { id: 'p4', type: 'paragraph', zh: '没有译文。' },
];

function index(): SearchIndex {
  const built = new SearchIndex(createFlexSearchEngine(), pinyinByOffset);
  built.setText('t', { zh: '标题' }, BLOCKS);
  return built;
}

function search(query: string, langs?: string[]) {
  const parsed = parseQuery(query);
  if (!parsed.ok) throw new Error(parsed.error);
  return index().search(parsed.terms, { limit: 20, offset: 0, ...(langs ? { langs } : {}) });
}

describe('words of a gloss in its language', () => {
  const cases: { text: string; lang: string; stems: string[] }[] = [
    { text: 'les chatons dorment', lang: 'fr', stems: ['le', 'chaton', 'dorment'] },
    { text: 'das katzchen schlaft', lang: 'de', stems: ['das', 'katzch', 'schlaft'] },
    { text: 'los gatos', lang: 'es', stems: ['los', 'gat'] },
    { text: 'distilled models', lang: 'en', stems: ['distil', 'model'] },
    { text: '子猫が眠る', lang: 'ja', stems: ['子', '猫', 'が', '眠', 'る'] },
    { text: 'gpu用', lang: 'ja', stems: ['gpu', '用'] },
    { text: 'words as written', lang: 'ko', stems: ['words', 'as', 'written'] },
    { text: 'portugues brasileiro', lang: 'pt-BR', stems: ['portugu', 'brasileir'] },
  ];
  for (const { text, lang, stems } of cases) {
    it(`${lang}: ${text}`, () => {
      expect(wordsIn(text, lang).map((w) => w.stem)).toEqual(stems);
    });
  }
});

describe('search in several target languages', () => {
  const cases: { query: string; langs?: string[]; ids: string[]; matchedIn?: string[][] }[] = [
    // English alone by default: the French gloss is not read.
    { query: 'dorment', ids: [] },
    { query: 'dorment', langs: ['en', 'fr'], ids: ['p1', 'p3'], matchedIn: [['fr'], ['fr']] },
    // French stems: chaton finds chatons; accents folded on both sides.
    { query: 'chaton', langs: ['fr'], ids: ['p1'] },
    { query: 'delicieux', langs: ['fr'], ids: ['p2'] },
    // A French word is not the English word spelled the same: pain is bread in French.
    { query: 'pain', langs: ['en'], ids: ['p2'], matchedIn: [['en']] },
    { query: 'pain', langs: ['fr'], ids: ['p2'], matchedIn: [['fr']] },
    { query: 'pain', langs: ['en', 'fr'], ids: ['p2'], matchedIn: [['en', 'fr']] },
    // Terms may match in different languages of one paragraph: one result.
    { query: 'kitten chatons', langs: ['en', 'fr'], ids: ['p1'], matchedIn: [['en', 'fr']] },
    // German by its stemmer, Japanese letter by letter, Chinese characters in a Japanese gloss.
    { query: 'kätzchen', langs: ['de'], ids: ['p1'] },
    { query: '眠って', langs: ['ja'], ids: ['p1'], matchedIn: [['ja']] },
    { query: '子猫', langs: ['ja'], ids: ['p1'] },
    // The Chinese is searched whatever the languages.
    { query: '睡觉', langs: ['fr'], ids: ['p1', 'p3'], matchedIn: [[], []] },
  ];
  for (const { query, langs, ids, matchedIn } of cases) {
    it(`${query} in ${langs?.join(',') ?? 'English'}`, () => {
      const page = search(query, langs);
      expect(page.results.map((r) => r.id)).toEqual(ids);
      if (matchedIn) expect(page.results.map((r) => r.matchedIn)).toEqual(matchedIn);
    });
  }

  it('returns each searched language’s gloss with its marks, and the English as before', () => {
    const [hit] = search('chatons', ['en', 'fr']).results;
    expect(hit?.glosses).toEqual({ fr: 'Les chatons dorment paisiblement.' });
    expect(hit?.highlights.glosses?.fr?.map(([s, e]) => hit.glosses?.fr?.slice(s, e))).toEqual(['chatons']);
    expect(hit?.en).toBe('The kitten is sleeping.');
    expect(hit?.highlights.en).toEqual([]);
  });

  it('re-indexes a paragraph whose French changed, and only finds the new wording', () => {
    const built = index();
    built.setText('t', { zh: '标题' }, [{ ...BLOCKS[0]!, glosses: { fr: 'Le petit chat somnole.' } }, ...BLOCKS.slice(1)]);
    const run = (query: string) => {
      const parsed = parseQuery(query);
      if (!parsed.ok) throw new Error(parsed.error);
      return built.search(parsed.terms, { limit: 20, offset: 0, langs: ['fr'] }).results.map((r) => r.id);
    };
    expect(run('somnole')).toEqual(['p1']);
    expect(run('chatons')).toEqual([]);
  });
});

describe('the languages a search reads', () => {
  const cases: { tl?: string; lang?: string; result: ReturnType<typeof searchLanguages> }[] = [
    { result: { ok: true } },
    { tl: 'en,fr', result: { ok: true, langs: ['en', 'fr'] } },
    { tl: 'FR,fr,pt-br', result: { ok: true, langs: ['fr', 'pt-BR'] } },
    { tl: 'en,fr', lang: 'fr', result: { ok: true, langs: ['fr'] } },
    { lang: 'de', result: { ok: true, langs: ['de'] } },
    { tl: 'en,fr,de,es', result: { ok: false, error: 'tl: at most 3 languages, as a reading page shows' } },
  ];
  for (const { tl, lang, result } of cases) {
    it(`tl=${tl ?? ''} lang=${lang ?? ''}`, () => {
      expect(searchLanguages(tl, lang)).toEqual(result);
    });
  }
  it.each(['../en', 'zh', 'en,??'])('refuses %s with a reason', (tl) => {
    const read = searchLanguages(tl, undefined);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.error).toMatch(/^tl: /);
  });
});

// House style for the English of the bundled article (locales/en/karpathy-no-priors.json): the
// mechanical part of issue 11's line edit, kept as tests so a later edit cannot bring a pattern back.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const SLUG = 'karpathy-no-priors';
const glosses = JSON.parse(readFileSync(new URL(`../../locales/en/${SLUG}.json`, import.meta.url), 'utf8')) as Record<
  string,
  string
>;
const entries = Object.entries(glosses);
const ledger = JSON.parse(readFileSync(new URL(`../../content/${SLUG}.ids.json`, import.meta.url), 'utf8')) as {
  blocks: { id: string; zh: string }[];
};

/** The spans of a gloss inside curly double quotes. */
function quotations(text: string): string[] {
  return [...text.matchAll(/“([^”]*)(”|$)/g)].map((m) => m[1] ?? '');
}

const banned: { name: string; pattern: RegExp }[] = [
  {
    name: 'a colon between a verb of saying and its quote (He said: “…”)',
    pattern: /\b(?:said|says|say|added|stressed|explained|replied|noted|asked|told|remarked)\s*:\s*[“"]/i,
  },
  { name: '“As we know” (我们知道)', pattern: /\bas we know\b/i },
  { name: '“So one interesting point is” (所以很有趣的一点是)', pattern: /\binteresting point is\b/i },
  { name: '“It is precisely because of … that” (正是因为…才)', pattern: /\bprecisely because\b/i },
  { name: '“in fact” carried over from 实际上', pattern: /\bin fact\b/i },
  // 已经 often needs no English (这已经成为了… is “this has become…”), but sometimes it carries the meaning
  // (已经有一点融合了: “have already merged a little”), so the check is on the calqued phrase, not the word.
  {
    name: '“has already become” / “already been” carried over from 已经成为 / 已经是',
    pattern: /\balready (?:become|became|been)\b/i,
  },
  { name: '“Of course” opening a sentence (当然)', pattern: /(?:^|[.!?]\s+)Of course\b/ },
  { name: '“service product” (服务产品)', pattern: /\bservice product/i },
  { name: '“incubated” (孵化)', pattern: /\bincubat/i },
  { name: '“walking spaces” (步行空间)', pattern: /\bwalking spaces?\b/i },
  { name: '“memory performance” (记忆力表现)', pattern: /\bmemory performance\b/i },
  { name: '“need to handle materials” (需要处理材料)', pattern: /\bhandle materials\b/i },
  { name: '“merger” for 融合 (a corporate deal)', pattern: /\bmergers?\b/i },
  { name: '“overparameterized” for 参数过剩 (a term of art with another meaning)', pattern: /\bover-?parameteri[sz]ed\b/i },
  { name: '“distilling small models” (one distils large models into small ones)', pattern: /\bdistill?ing small models\b/i },
  { name: '“test package” without “-time” (测试包 is Karpathy’s test-time package)', pattern: /\btest package\b/i },
  { name: '“neocortex” (the article’s 新皮层 is a new, artificial cortex)', pattern: /\bneocortex\b/i },
  {
    name: 'an ellipsis not set off by a space (AP style: “but ...”, after a full sentence “strategy. ...”)',
    pattern: /\S\.\.\.|…/,
  },
  {
    name: '“Transformer” capitalized inside a sentence (the architecture is lowercase; the films are “the Transformers films”)',
    pattern: /(?<!^|[.!?:]\s)\bTransformers?\b(?! films)/,
  },
  {
    name: 'a number of 10 or more spelled out',
    pattern:
      /\b(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)\b/i,
  },
  {
    name: 'a million or billion with its number spelled out',
    pattern: /\b(?:one|two|three|four|five|six|seven|eight|nine)\s+(?:million|billion)\b/i,
  },
];

describe(`the English of ${SLUG}`, () => {
  it.each(banned)('has no $name', ({ pattern }) => {
    expect(entries.filter(([, en]) => pattern.test(en)).map(([id, en]) => `${id}: ${en}`)).toEqual([]);
  });

  it('gives Karpathy’s full name only in the title and at the first reference', () => {
    expect(entries.filter(([id, en]) => /\bAndrej\b/.test(en) && id !== 'title' && id !== 'c4pzjo').map(([id]) => id)).toEqual(
      [],
    );
  });

  it('puts editorial insertions inside a quotation in square brackets, not parentheses', () => {
    const offending = entries.flatMap(([id, en]) =>
      quotations(en)
        .filter((q) => /[()]/.test(q))
        .map((q) => `${id}: “${q}`),
    );
    expect(offending).toEqual([]);
  });

  // Where the article cuts a sentence or quote short ("..."), the English shows the cut too.
  const cut = ledger.blocks.filter((b) => /(?:\.\.\.|…)$/.test(b.zh)).map((b) => ({ id: b.id }));
  it.each(cut)('keeps the cut at the end of $id', ({ id }) => {
    expect(glosses[id]).toMatch(/ \.\.\.$/);
  });

  // The source repeats three paragraphs and one more (the third cut short); the copies read alike.
  const duplicates: { first: string; copy: string; cutAt?: string }[] = [
    { first: 'ebwnge', copy: 'c60f08' },
    { first: 'hyddx5', copy: 'bn11on' },
    { first: 'i951a2', copy: 'vdvpe1', cutAt: 'Neuralink is' },
    { first: 'ipptn7', copy: 'i9iixr' },
  ];
  it.each(duplicates)('translates the repeated passage $copy exactly as $first', ({ first, copy, cutAt }) => {
    const original = glosses[first]!;
    const expected = cutAt ? `${original.slice(0, original.indexOf(cutAt) + cutAt.length)} ...` : original;
    expect(glosses[copy]).toBe(expected);
  });
});

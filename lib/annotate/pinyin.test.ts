import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { pinyinByOffset, pinyinOf, readingOf } from './pinyin';

/** The seed article; each non-empty line is one block. */
const SEED = readFileSync(new URL('../../content/karpathy-no-priors.txt', import.meta.url), 'utf8');
const SEED_BLOCKS = SEED.split('\n').filter((line) => line.trim() !== '');

/**
 * Polyphones of the seed in context, checked by hand: `context` is a stretch of one seed line with
 * the character in question in brackets, `reading` its correct pinyin there.
 */
const POLYPHONE_CASES: readonly { context: string; reading: string }[] = [
  // 了 le / liǎo
  { context: '他宣布创立[了]一家', reading: 'le' },
  { context: '新闻刷遍[了]各大新闻', reading: 'le' },
  { context: '他打[了]个比方', reading: 'le' },
  { context: '就不必接触学生[了]，只需', reading: 'le' },
  { context: '已经是完美的[了]，但', reading: 'le' },
  { context: '智力都下降[了]。', reading: 'le' },
  // 得 dé / de
  { context: '获[得] 10 亿美元', reading: 'dé' },
  { context: '才真正[得]以体现', reading: 'dé' },
  { context: '我们觉[得]很自然', reading: 'de' },
  { context: '记忆力表现差[得]多', reading: 'de' },
  // 地 de / dì
  { context: '更好[地]判断操作', reading: 'de' },
  { context: '更好[地]适应这一点', reading: 'de' },
  { context: '很好[地]做到这一点', reading: 'de' },
  { context: '完成[地]图测绘', reading: 'dì' },
  { context: '让[地]球上说不同语言', reading: 'dì' },
  // 长 cháng
  { context: '自己擅[长]的任务', reading: 'cháng' },
  // 行 xíng
  { context: '在其中运[行]的网络', reading: 'xíng' },
  { context: '心智的自[行]车', reading: 'xíng' },
  { context: '在杂志进[行]滑动操作', reading: 'xíng' },
  { context: '对大模型执[行]蒸馏', reading: 'xíng' },
  // 为 wéi / wèi
  { context: '一家名[为] Eureka Labs', reading: 'wéi' },
  { context: '其中不乏颇[为]激进', reading: 'wéi' },
  { context: '已经成[为]了一种服务产品', reading: 'wéi' },
  { context: '我认[为]任何单一平台', reading: 'wéi' },
  { context: '「我认[为]人们可能低估', reading: 'wéi' },
  { context: '。」因[为]现在在旧金山', reading: 'wèi' },
  { context: '被问到[为]什么要做', reading: 'wèi' },
  { context: '市场，[为]那些拥有', reading: 'wèi' },
  { context: '也是[为]人类设计的', reading: 'wèi' },
  // 重 chóng / zhòng
  { context: '将这些数据[重]构成类似', reading: 'chóng' },
  { context: '拿过来[重]新配置', reading: 'chóng' },
  { context: '迁移学习的[重]要性', reading: 'zhòng' },
  { context: '不是你的权[重]就', reading: 'zhòng' },
  // 着 zhe
  { context: '领导[着]一个专注', reading: 'zhe' },
  // 还 hái
  { context: '同时[还]能检验成果', reading: 'hái' },
  { context: '[还]有一些 I/O 问题', reading: 'hái' },
  { context: 'Transformer [还]远没到', reading: 'hái' },
  // 只 zhǐ
  { context: '但[只]是在训练时', reading: 'zhǐ' },
  { context: '部署到[只]使用视觉信号', reading: 'zhǐ' },
  { context: '[只]需在后端设计课程', reading: 'zhǐ' },
  // 少 shǎo
  { context: '引起了不[少]的讨论', reading: 'shǎo' },
  // 数 shù
  { context: '判断操作和采集[数]据', reading: 'shù' },
  { context: '会是[数]十亿的参数量', reading: 'shù' },
  // 发 fā
  { context: 'No Priors [发]布了', reading: 'fā' },
  { context: '我们[发]展的瓶颈', reading: 'fā' },
  // 调 tiáo / diào
  { context: '需要做一些微[调]', reading: 'tiáo' },
  { context: '精细化的[调]整', reading: 'tiáo' },
  { context: '他强[调]了迁移学习', reading: 'diào' },
  // 教 jiāo / jiào
  { context: '在斯坦福大学[教]过', reading: 'jiāo' },
  { context: '「AI+[教]育」赛道', reading: 'jiào' },
  { context: '单一的[教]师不可能', reading: 'jiào' },
  // 处 chǔ / chù
  { context: '需要[处]理材料的公司', reading: 'chǔ' },
  { context: '各自[处]理自己擅长的任务', reading: 'chǔ' },
  { context: '的独特之[处]', reading: 'chù' },
  // 种 zhǒng
  { context: '成为了一[种]服务产品', reading: 'zhǒng' },
  { context: '我不知道这[种]融合', reading: 'zhǒng' },
  // 背 bèi
  { context: '不同[背]景的人物', reading: 'bèi' },
  // 好 hǎo
  { context: '人形机器人最[好]的客户', reading: 'hǎo' },
  { context: '[好]在我们也有 Llama', reading: 'hǎo' },
  // 觉 jué
  { context: '计算机视[觉]团队', reading: 'jué' },
  { context: '否则甚至会感[觉]自己', reading: 'jué' },
  // 分 fēn
  { context: '也就是可微[分]的计算机', reading: 'fēn' },
  { context: '会有不同的[分]工', reading: 'fēn' },
  // 相 xiāng
  { context: '的[相]似或无用信息', reading: 'xiāng' },
  // 更 gèng
  { context: '实际上是[更]高效的系统', reading: 'gèng' },
  // 都 dōu
  { context: '任何单一平台[都]有很大', reading: 'dōu' },
  { context: '等等[都]是现成的', reading: 'dōu' },
  // 和 hé
  { context: '早期成员[和]著名', reading: 'hé' },
  // 差 chà / chā
  { context: '记忆力表现[差]得多', reading: 'chà' },
  { context: '包括残[差]连接', reading: 'chā' },
  // 量 liàng
  { context: '浪费了大量容[量]来记忆', reading: 'liàng' },
  { context: '的参数[量]，这可以', reading: 'liàng' },
  // 模 mó
  { context: '大规[模]机器人公司', reading: 'mó' },
  { context: '现在的大[模]型正在', reading: 'mó' },
  // 当 dāng, 应 yīng / yìng
  { context: '人脑[应]当谨慎类比', reading: 'yīng' },
  { context: '人脑应[当]谨慎类比', reading: 'dāng' },
  { context: '模型和供[应]链', reading: 'yìng' },
  // others
  { context: '适[合] Transformer', reading: 'hé' },
  { context: '原因主要[是]数据问题', reading: 'shì' },
  { context: '十年前它[几]乎就已经', reading: 'jī' },
  { context: '工作的目[的]是取代人', reading: 'dì' },
  { context: '一头[扎]进了', reading: 'zhā' },
  { context: '自己[曾]看过一个', reading: 'céng' },
  { context: '之前也[参]与研究过', reading: 'cān' },
  { context: '步行[空]间', reading: 'kōng' },
  { context: '更感[兴]趣的是', reading: 'xìng' },
  { context: '生产力和效[率]', reading: 'lǜ' },
  { context: '各式各样的[传]感器', reading: 'chuán' },
  { context: '主要集[中]在数据集方面', reading: 'zhōng' },
];

interface Located {
  block: string;
  /** Offset of the bracketed character in the block. */
  offset: number;
}

function locate(context: string): Located | undefined {
  const mark = context.indexOf('[');
  const plain = context.replace('[', '').replace(']', '');
  for (const block of SEED_BLOCKS) {
    const at = block.indexOf(plain);
    if (at >= 0) return { block, offset: at + mark };
  }
  return undefined;
}

/** Reading from converting the whole block: what the app does. */
function wholeBlockReading({ block, offset }: Located): string | undefined {
  return pinyinByOffset(block)[offset];
}

const HAN = /\p{Script=Han}/u;

/** Reading from converting only a 2-character window of the Han run, for comparison. */
function windowReading({ block, offset }: Located): string | undefined {
  let runStart = offset;
  while (runStart > 0 && HAN.test(block[runStart - 1] ?? '')) runStart--;
  const windowStart = runStart + Math.floor((offset - runStart) / 2) * 2;
  const window = block.slice(windowStart, windowStart + 2);
  return pinyinByOffset(window)[offset - windowStart];
}

/** Reading of the character converted on its own. */
function aloneReading({ block, offset }: Located): string | undefined {
  return pinyinOf(block.slice(offset, offset + 1));
}

describe('polyphones of the seed, converted a whole block at a time', () => {
  test.each(POLYPHONE_CASES)('$context → $reading', ({ context, reading }) => {
    const located = locate(context);
    expect(located, `${context} is not in the seed`).toBeDefined();
    if (located) expect(wholeBlockReading(located)).toBe(reading);
  });

  test('whole blocks beat word-by-word conversion', () => {
    const located = POLYPHONE_CASES.map((c) => ({ ...c, located: locate(c.context) }));
    const right = (read: (l: Located) => string | undefined) =>
      located.filter((c) => c.located && read(c.located) === c.reading).length;
    const total = POLYPHONE_CASES.length;
    const whole = right(wholeBlockReading);
    const windows = right(windowReading);
    const alone = right(aloneReading);
    console.log(
      [
        `POLYPHONE_CASES: ${total}`,
        `${whole} of ${total} polyphones right, whole-block conversion`,
        `${windows} of ${total} polyphones right, 2-character windows`,
        `${alone} of ${total} polyphones right, character alone`,
      ].join('\n'),
    );
    expect(total).toBeGreaterThanOrEqual(40);
    expect(whole).toBe(total);
    expect(windows).toBeLessThan(whole);
  });
});

describe('pinyinByOffset', () => {
  const cases: { input: string; expected: (string | undefined)[] }[] = [
    { input: '', expected: [] },
    { input: '赋能', expected: ['fù', 'néng'] },
    { input: '用AI赋能', expected: ['yòng', undefined, undefined, 'fù', 'néng'] },
    {
      input: 'GPT-4 的小团队',
      expected: [...Array<undefined>(6), 'de', 'xiǎo', 'tuán', 'duì'],
    },
    {
      input: '获得 10 亿美元。',
      expected: ['huò', 'dé', undefined, undefined, undefined, undefined, 'yì', 'měi', 'yuán', undefined],
    },
    // U+20BB7 𠮷 is Han but unknown to pinyin-pro: no reading, and its low surrogate none either.
    { input: '𠮷中文', expected: [undefined, undefined, 'zhōng', 'wén'] },
    { input: '好👍中', expected: ['hǎo', undefined, undefined, 'zhōng'] },
    // pinyin-pro reads 了 after anything it cannot read as liǎo, in a whole block as here.
    { input: 'AI 了', expected: [undefined, undefined, undefined, 'liǎo'] },
    { input: '「AI+教育」', expected: [undefined, undefined, undefined, undefined, 'jiào', 'yù', undefined] },
    { input: 'a\r\n中', expected: [undefined, undefined, undefined, 'zhōng'] },
    // A lone surrogate (broken text) must not shift what follows.
    { input: '\uD83D中文', expected: [undefined, 'zhōng', 'wén'] },
    { input: '〇', expected: ['líng'] },
  ];
  test.each(cases)('$input', ({ input, expected }) => {
    const byOffset = pinyinByOffset(input);
    expect(byOffset).toHaveLength(input.length);
    expect(byOffset).toEqual(expected);
  });

  test('every Han character of the seed is aligned with its own reading', () => {
    for (const block of SEED_BLOCKS) {
      const byOffset = pinyinByOffset(block);
      expect(byOffset).toHaveLength(block.length);
      // One syllable per Han character, each on a Han character: a shifted alignment would put
      // one on Latin text or punctuation.
      const han = [...block].filter((ch) => HAN.test(ch)).length;
      expect(byOffset.filter((s) => s !== undefined)).toHaveLength(han);
      byOffset.forEach((syllable, i) => {
        if (syllable !== undefined) expect(HAN.test(block[i] ?? '')).toBe(true);
      });
    }
  });
});

describe('readingOf', () => {
  const text = 'Karpathy 谈到了完全自动驾驶汽车。';
  const byOffset = pinyinByOffset(text);
  const cases = [
    { word: '自动驾驶', expected: 'zì dòng jià shǐ' },
    { word: '谈到了', expected: 'tán dào le' },
    { word: 'Karpathy', expected: '' },
    { word: 'Karpathy 谈', expected: 'tán' },
  ];
  test.each(cases)('$word → "$expected"', ({ word, expected }) => {
    const start = text.indexOf(word);
    expect(readingOf(byOffset, start, start + word.length)).toBe(expected);
  });

  test('spans outside the text give ""', () => {
    expect(readingOf(byOffset, -5, 0)).toBe('');
    expect(readingOf(byOffset, text.length, text.length + 3)).toBe('');
  });
});

describe('pinyinOf', () => {
  const cases = [
    { input: '赋能', expected: 'fù néng' },
    { input: '大模型', expected: 'dà mó xíng' },
    { input: 'AI', expected: '' },
    { input: '', expected: '' },
  ];
  test.each(cases)('$input → "$expected"', ({ input, expected }) => {
    expect(pinyinOf(input)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { checkListedTerm, editWordList } from './word-list-edit';

const file = '# 词表\n赋能\nGPT-4  # 模型\n\n播客\n';

describe('editWordList', () => {
  const cases = [
    { title: 'adds at the end', change: { add: ['小镇'] }, text: `${file}小镇\n`, words: ['赋能', 'GPT-4', '播客', '小镇'] },
    {
      title: 'removes a line with its comment',
      change: { remove: ['GPT-4'] },
      text: '# 词表\n赋能\n\n播客\n',
      words: ['赋能', '播客'],
    },
    { title: 'adding a listed term changes nothing', change: { add: ['播客'] }, text: file, words: ['赋能', 'GPT-4', '播客'] },
    {
      title: 'removing an absent term changes nothing',
      change: { remove: ['小镇'] },
      text: file,
      words: ['赋能', 'GPT-4', '播客'],
    },
    {
      title: 'a split replaces the word',
      change: { add: ['赋|能'], remove: ['赋能'] },
      text: '# 词表\nGPT-4  # 模型\n\n播客\n赋|能\n',
      words: ['GPT-4', '播客', '赋|能'],
    },
    {
      title: 'repeats added once',
      change: { add: ['小镇', ' 小镇 '] },
      text: `${file}小镇\n`,
      words: ['赋能', 'GPT-4', '播客', '小镇'],
    },
    { title: 'both added and removed', change: { add: ['小镇'], remove: ['小镇'] }, error: /both added and removed/ },
    { title: 'nothing asked', change: {}, error: /Nothing to change/ },
    { title: 'a comment', change: { add: ['# 小镇'] }, error: /comment/ },
    { title: 'an empty split part', change: { add: ['小镇|'] }, error: /empty part/ },
    { title: 'too many', change: { add: Array.from({ length: 51 }, (_, i) => `词${i}`) }, error: /At most 50/ },
  ];
  it.each(cases)('$title', ({ change, text, words, error }) => {
    const result = editWordList(file, change);
    if (error) expect(result).toMatchObject({ ok: false, error: expect.stringMatching(error) });
    else expect(result).toEqual({ ok: true, value: { text, words } });
  });

  it('starts a file that did not exist, and empties one', () => {
    expect(editWordList('', { add: ['小镇'] })).toEqual({ ok: true, value: { text: '小镇\n', words: ['小镇'] } });
    expect(editWordList('小镇\n', { remove: ['小镇'] })).toEqual({ ok: true, value: { text: '', words: [] } });
  });
});

describe('checkListedTerm', () => {
  const cases = [
    { term: ' 小镇|上 ', expected: '小镇|上' },
    { term: 'No   Priors', expected: 'No Priors' },
    { term: 'C#', expected: 'C#' },
    { term: 'a|b', error: /no Chinese/ },
    { term: '小\n镇', error: /line break/ },
    { term: '', error: /empty/ },
  ];
  it.each(cases)('$term', ({ term, expected, error }) => {
    const result = checkListedTerm(term);
    if (error) expect(result).toMatchObject({ ok: false, error: expect.stringMatching(error) });
    else expect(result).toEqual({ ok: true, value: expected });
  });
});

import { describe, expect, it } from 'vitest';
import { parseWordList } from './word-list';

describe('parseWordList', () => {
  const cases = [
    { title: 'empty file', input: '', expected: [] },
    { title: 'only blank lines and comments', input: '\n  \n# 注释\n   # 缩进的注释\n', expected: [] },
    { title: 'one term per line', input: '自动驾驶\n人形机器人\n', expected: ['自动驾驶', '人形机器人'] },
    { title: 'surrounding whitespace trimmed', input: '  赋能 \t\n\t播客', expected: ['赋能', '播客'] },
    { title: 'trailing comment removed', input: 'GPT-4  # 模型名\n重构\t# 被拆开的词', expected: ['GPT-4', '重构'] },
    { title: '# inside a term is kept', input: 'C#\nF# # 语言', expected: ['C#', 'F#'] },
    { title: 'duplicates removed, first kept', input: '数据集\n大模型\n数据集\n 大模型 ', expected: ['数据集', '大模型'] },
    { title: 'inner whitespace collapsed', input: 'Eureka   Labs\nNo\tPriors', expected: ['Eureka Labs', 'No Priors'] },
    { title: 'CRLF and CR line endings', input: '蒸馏\r\n播客\r供应链', expected: ['蒸馏', '播客', '供应链'] },
    { title: 'byte order mark dropped', input: '\uFEFF赋能\n', expected: ['赋能'] },
    { title: 'punctuation kept inside terms', input: 'AI+教育\nI/O\n伊隆·马斯克', expected: ['AI+教育', 'I/O', '伊隆·马斯克'] },
  ];
  it.each(cases)('$title', ({ input, expected }) => {
    expect(parseWordList(input)).toEqual(expected);
  });
});

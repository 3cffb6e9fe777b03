import { describe, expect, it } from 'vitest';
import { foldText, originalSpan } from './fold';

describe('foldText', () => {
  const cases = [
    { rule: 'full-width letters and digits', input: 'ＡＩ２０２４', expected: 'ai2024' },
    { rule: 'case', input: 'Transformer GPT', expected: 'transformer gpt' },
    { rule: 'accents', input: 'Café naïve Zürich', expected: 'cafe naive zurich' },
    { rule: 'traditional to simplified', input: '頭髮與發展', expected: '头发与发展' },
    { rule: 'simplified stays', input: '人工智能', expected: '人工智能' },
    { rule: 'full-width punctuation and space', input: '你好，　世界！', expected: '你好, 世界!' },
    { rule: 'empty', input: '', expected: '' },
  ];
  for (const { rule, input, expected } of cases) {
    it(`${rule}: ${input} → ${expected}`, () => {
      expect(foldText(input).text).toBe(expected);
    });
  }

  it('keeps offsets in place when every character folds to one', () => {
    expect(foldText('ＡＩ頭髮').origin).toBeUndefined();
  });

  const spans = [
    { input: 'aﬁb', folded: 'afib', span: [1, 3], expected: [1, 2] },
    { input: 'aﬁb', folded: 'afib', span: [3, 4], expected: [2, 3] },
    { input: 'e\u0301x', folded: 'ex', span: [1, 2], expected: [2, 3] },
    { input: 'e\u0301x', folded: 'ex', span: [0, 1], expected: [0, 2] },
  ] as const;
  for (const { input, folded, span, expected } of spans) {
    it(`maps ${JSON.stringify(folded.slice(span[0], span[1]))} in ${JSON.stringify(input)} back to [${expected}]`, () => {
      const result = foldText(input);
      expect(result.text).toBe(folded);
      expect(originalSpan(result, span[0], span[1])).toEqual(expected);
    });
  }
});

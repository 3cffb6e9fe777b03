import { describe, expect, it } from 'vitest';
import { diffTexts } from './diff';

describe('diffTexts', () => {
  const cases = [
    { before: '', after: '', expected: [] },
    {
      before: '今天天气好',
      after: '今天天气很好',
      expected: [
        ['same', '今天天气'],
        ['added', '很'],
        ['same', '好'],
      ],
    },
    {
      before: '发布了对这位',
      after: '发布了一期对这位',
      expected: [
        ['same', '发布了'],
        ['added', '一期'],
        ['same', '对这位'],
      ],
    },
    {
      before: 'the cat sat',
      after: 'the dog sat',
      expected: [
        ['same', 'the '],
        ['removed', 'cat'],
        ['added', 'dog'],
        ['same', ' sat'],
      ],
    },
    { before: 'abc', after: '', expected: [['removed', 'abc']] },
    { before: '', after: 'new text', expected: [['added', 'new text']] },
  ];
  it.each(cases)('$before → $after', ({ before, after, expected }) => {
    const parts = diffTexts(before, after);
    expect(parts.map((p) => [p.op, p.text])).toEqual(expected);
    // The shared and removed parts rebuild the old text; shared and added the new one.
    expect(
      parts
        .filter((p) => p.op !== 'added')
        .map((p) => p.text)
        .join(''),
    ).toBe(before);
    expect(
      parts
        .filter((p) => p.op !== 'removed')
        .map((p) => p.text)
        .join(''),
    ).toBe(after);
  });
});

import { describe, expect, it } from 'vitest';
import { findUnstorable } from './unstorable';

describe('findUnstorable', () => {
  const cases = [
    { name: 'plain Chinese', text: '你好，世界。\n第二行', expected: undefined },
    { name: 'an emoji and a rare Han character (pairs)', text: '𠀀字😀', expected: undefined },
    { name: 'U+FFFD (a real character)', text: '\uFFFD', expected: undefined },
    { name: 'empty', text: '', expected: undefined },
    { name: 'U+FFFF', text: '第一行\n甲\uFFFF', expected: { codePoint: 'U+FFFF', what: 'a noncharacter', line: 2, column: 2 } },
    { name: 'U+FFFE', text: '\uFFFE', expected: { codePoint: 'U+FFFE', what: 'a noncharacter', line: 1, column: 1 } },
    { name: 'U+FDD0', text: 'a\uFDD0', expected: { codePoint: 'U+FDD0', what: 'a noncharacter', line: 1, column: 2 } },
    { name: 'U+1FFFF', text: '😀\u{1FFFF}', expected: { codePoint: 'U+1FFFF', what: 'a noncharacter', line: 1, column: 2 } },
    { name: 'U+10FFFE', text: '\u{10FFFE}', expected: { codePoint: 'U+10FFFE', what: 'a noncharacter', line: 1, column: 1 } },
    {
      name: 'a lone high surrogate',
      text: 'x\n\nab\uD800',
      expected: { codePoint: 'U+D800', what: 'a lone UTF-16 surrogate', line: 3, column: 3 },
    },
    {
      name: 'a lone low surrogate',
      text: '\uDC00a',
      expected: { codePoint: 'U+DC00', what: 'a lone UTF-16 surrogate', line: 1, column: 1 },
    },
  ];
  it.each(cases)('$name', ({ text, expected }) => {
    expect(findUnstorable(text)).toEqual(expected);
  });
});

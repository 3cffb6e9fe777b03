import { describe, expect, it } from 'vitest';
import { findJsonKeyProblems, locateJsonError } from './json-syntax';

describe('locateJsonError', () => {
  const valid = ['{}', '[]', '{"a": "甲", "b": [1, -2.5e3, true, false, null]}', ' "x" ', '{"esc": "\\n\\u4e2d\\""}'];
  it.each(valid)('accepts %s', (text) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(locateJsonError(text)).toBeNull();
  });

  const invalid: { text: string; offset: number; reason: RegExp }[] = [
    { text: '{"a": oops}', offset: 6, reason: /unexpected "o"/ },
    { text: '{\n  "a": 1,\n}', offset: 12, reason: /property name/ },
    { text: '{"a" 1}', offset: 5, reason: /expected ":"/ },
    { text: '{"a": 1 "b": 2}', offset: 8, reason: /expected "," or "}"/ },
    { text: '{"a": "unterminated', offset: 19, reason: /unterminated string/ },
    { text: '', offset: 0, reason: /end of file/ },
    { text: '{} x', offset: 3, reason: /after the end/ },
    { text: '["a",]', offset: 5, reason: /unexpected "]"/ },
    { text: '{"a": "tab\there"}', offset: 10, reason: /control character/ },
  ];
  it.each(invalid)('finds the error in $text', ({ text, offset, reason }) => {
    expect(() => JSON.parse(text)).toThrow();
    const found = locateJsonError(text);
    expect(found?.offset).toBe(offset);
    expect(found?.reason).toMatch(reason);
  });
});

describe('findJsonKeyProblems', () => {
  const cases: { text: string; expected: { key: string; offset: number; problem: string }[] }[] = [
    { text: '{"a": "甲", "b": "乙"}', expected: [] },
    { text: '{"a": 1, "a": 2}', expected: [{ key: 'a', offset: 9, problem: 'duplicate' }] },
    { text: '{"__proto__": "x"}', expected: [{ key: '__proto__', offset: 1, problem: 'prototype' }] },
    { text: '{"a": {"k": 1}, "b": {"k": 2}}', expected: [] },
    { text: '{"a": {"k": 1, "k": 2}}', expected: [{ key: 'k', offset: 15, problem: 'duplicate' }] },
    { text: '{"a": ["a", "a"], "s": "a: \\"a\\": 1"}', expected: [] },
    { text: '{"\\u0061": 1, "a": 2}', expected: [{ key: 'a', offset: 14, problem: 'duplicate' }] },
  ];
  it.each(cases)('finds $expected.length problems in $text', ({ text, expected }) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(findJsonKeyProblems(text)).toEqual(expected);
  });
});

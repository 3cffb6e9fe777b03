import { describe, expect, it } from 'vitest';
import { locateJsonError } from './json-syntax';

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

import { describe, expect, it } from 'vitest';
import { cleanName, editorNameHeader } from './request';

describe('cleanName', () => {
  const cases: [string | null | undefined, string][] = [
    [undefined, ''],
    [null, ''],
    ['  Ann  ', 'Ann'],
    ['Ann\u0007 Lee', 'Ann Lee'],
    ['a\u0000b\u001Fc\u007Fd\u0085e', 'abcde'],
    ['Zoe\u0308', 'Zoë'],
    ['x'.repeat(100), 'x'.repeat(64)],
  ];
  it.each(cases)('%j → %j', (value, expected) => {
    expect(cleanName(value)).toBe(expected);
  });

  // The limit counts characters, so an emoji across the cut is never split into half a pair.
  it('never cuts a character in half at the 64-character limit', () => {
    const name = cleanName(`a${'😀'.repeat(40)}`);
    const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    expect(name).not.toMatch(loneSurrogate);
    expect([...name].length).toBeLessThanOrEqual(64);
  });
});

describe('editorNameHeader', () => {
  const latin1 = (text: string) => Buffer.from(text).toString('latin1');
  const cases: { name: string; value: string | null; expected: unknown }[] = [
    { name: 'no header', value: null, expected: { ok: true, name: '' } },
    { name: 'ASCII', value: 'ci-bot', expected: { ok: true, name: 'ci-bot' } },
    { name: 'UTF-8 Chinese as it arrives (bytes as Latin-1)', value: latin1('张三'), expected: { ok: true, name: '张三' } },
    { name: 'UTF-8 Zoë', value: latin1('Zoë'), expected: { ok: true, name: 'Zoë' } },
    { name: 'already decoded text', value: '张三', expected: { ok: true, name: '张三' } },
    { name: 'bytes that are not UTF-8', value: '\u00ff\u00fe', expected: { ok: false, error: expect.stringContaining('UTF-8') } },
  ];
  it.each(cases)('$name', ({ value, expected }) => {
    expect(editorNameHeader(value)).toEqual(expected);
  });
});

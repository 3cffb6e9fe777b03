import { describe, expect, it } from 'vitest';
import { hashText } from '@/lib/text/hash';
import { cleanGloss, glossRevision, MAX_GLOSS_LENGTH, type GlossInput } from './validate';

const ok = (text: string): GlossInput => ({ ok: true, text });
const refused = (code: 'too-long' | 'empty') => ({ ok: false, code, error: expect.any(String) });
const invalid = (error: RegExp) => ({ ok: false, code: 'invalid', error: expect.stringMatching(error) });

describe('cleanGloss', () => {
  const cases: { name: string; raw: string; allowEmpty?: boolean; expected: unknown }[] = [
    {
      name: 'plain English is kept',
      raw: 'A few days ago, news swept the headlines.',
      expected: ok('A few days ago, news swept the headlines.'),
    },
    { name: 'the documented example', raw: '  Hello\r\nworld\u0007 ', expected: ok('Hello\nworld') },
    { name: 'CRLF becomes LF', raw: 'one\r\ntwo\r\nthree', expected: ok('one\ntwo\nthree') },
    { name: 'a lone CR becomes LF', raw: 'one\rtwo', expected: ok('one\ntwo') },
    { name: 'LF inside is kept', raw: 'one\n\ntwo', expected: ok('one\n\ntwo') },
    { name: 'a tab inside is kept', raw: 'col\tcol', expected: ok('col\tcol') },
    { name: 'BEL is removed', raw: 'a\u0007b', expected: ok('ab') },
    { name: 'NUL, US, DEL and C1 controls are removed', raw: '\u0000a\u001Fb\u007Fc\u0085d\u009Fe', expected: ok('abcde') },
    { name: 'a decomposed é is composed (NFC)', raw: 'cafe\u0301', expected: ok('café') },
    { name: 'e + combining acute is é', raw: 'e\u0301', expected: ok('é') },
    { name: 'surrounding whitespace is trimmed', raw: ' \n\t padded \t\n ', expected: ok('padded') },
    { name: 'whitespace left after removing controls is trimmed', raw: '\u0007 a \u0007', expected: ok('a') },
    { name: 'HTML is text, kept verbatim', raw: '<script>alert(1)</script>', expected: ok('<script>alert(1)</script>') },
    { name: 'curly quotes and Chinese are kept', raw: '“AI + education” 教育', expected: ok('“AI + education” 教育') },
    { name: 'an emoji is kept', raw: 'ok 👍', expected: ok('ok 👍') },
    { name: 'U+FFFF is refused', raw: 'end\uFFFF', expected: invalid(/U\+FFFF \(a noncharacter\) at line 1, column 4/) },
    { name: 'U+FFFE is refused', raw: '\uFFFE', expected: invalid(/U\+FFFE/) },
    { name: 'U+FDD0 is refused', raw: 'a\n\uFDD0', expected: invalid(/U\+FDD0 \(a noncharacter\) at line 2/) },
    { name: 'U+10FFFF is refused', raw: '\u{10FFFF}', expected: invalid(/U\+10FFFF/) },
    { name: 'a lone surrogate is refused', raw: 'broken \uD800 half', expected: invalid(/lone UTF-16 surrogate/) },
    { name: 'U+FFFF is refused even when clearing is allowed', raw: '\uFFFF', allowEmpty: true, expected: invalid(/U\+FFFF/) },
    { name: 'the empty string is refused', raw: '', expected: refused('empty') },
    { name: 'whitespace only is refused', raw: '  \n\t \r\n', expected: refused('empty') },
    { name: 'control characters only are refused', raw: '\u0007\u0008\u001B', expected: refused('empty') },
    { name: 'the empty string is allowed when clearing', raw: '', allowEmpty: true, expected: ok('') },
    { name: 'whitespace only becomes empty when clearing', raw: ' \n ', allowEmpty: true, expected: ok('') },
    { name: 'text is still cleaned when clearing is allowed', raw: ' a\r\nb ', allowEmpty: true, expected: ok('a\nb') },
    { name: 'exactly the maximum is accepted', raw: 'a'.repeat(MAX_GLOSS_LENGTH), expected: ok('a'.repeat(MAX_GLOSS_LENGTH)) },
    { name: 'one more than the maximum is refused', raw: 'a'.repeat(MAX_GLOSS_LENGTH + 1), expected: refused('too-long') },
    {
      name: 'too long is refused even when clearing is allowed',
      raw: 'a'.repeat(MAX_GLOSS_LENGTH + 1),
      allowEmpty: true,
      expected: refused('too-long'),
    },
    {
      name: 'length counts characters, not UTF-16 units (astral)',
      raw: '😀'.repeat(MAX_GLOSS_LENGTH),
      expected: ok('😀'.repeat(MAX_GLOSS_LENGTH)),
    },
    { name: 'one astral character too many is refused', raw: '😀'.repeat(MAX_GLOSS_LENGTH + 1), expected: refused('too-long') },
    {
      name: 'length is counted after trimming',
      raw: `  ${'a'.repeat(MAX_GLOSS_LENGTH)}  \n`,
      expected: ok('a'.repeat(MAX_GLOSS_LENGTH)),
    },
    {
      name: 'length is counted after removing controls',
      raw: `${'a'.repeat(MAX_GLOSS_LENGTH)}\u0007\u0007`,
      expected: ok('a'.repeat(MAX_GLOSS_LENGTH)),
    },
    { name: 'length is counted after NFC', raw: 'e\u0301'.repeat(MAX_GLOSS_LENGTH), expected: ok('é'.repeat(MAX_GLOSS_LENGTH)) },
  ];

  it.each(cases)('$name', ({ raw, allowEmpty, expected }) => {
    expect(cleanGloss(raw, allowEmpty === undefined ? undefined : { allowEmpty })).toEqual(expected);
  });

  it('takes 20,000 characters and refuses one more, naming the limit', () => {
    expect(cleanGloss('字'.repeat(20_000))).toEqual(ok('字'.repeat(20_000)));
    expect(cleanGloss('字'.repeat(20_001))).toEqual({
      ok: false,
      code: 'too-long',
      error: 'A gloss can have at most 20000 characters',
    });
  });

  it('is idempotent on its own output', () => {
    for (const { raw } of cases) {
      const first = cleanGloss(raw, { allowEmpty: true });
      if (first.ok) expect(cleanGloss(first.text, { allowEmpty: true })).toEqual(first);
    }
  });
});

describe('glossRevision', () => {
  const same: { name: string; a: string | undefined; b: string | undefined }[] = [
    { name: 'absent and empty', a: undefined, b: '' },
    { name: 'a text and itself', a: 'Hello', b: 'Hello' },
    { name: 'composed and decomposed é', a: 'é', b: 'e\u0301' },
  ];
  it.each(same)('gives one revision for $name', ({ a, b }) => {
    expect(glossRevision(a)).toBe(glossRevision(b));
  });

  const different: { name: string; a: string | undefined; b: string }[] = [
    { name: 'two texts', a: 'Hello', b: 'Hello.' },
    { name: 'case', a: 'hello', b: 'Hello' },
    { name: 'absent and a text', a: undefined, b: 'Hello' },
    { name: 'trailing space', a: 'Hello', b: 'Hello ' },
  ];
  it.each(different)('gives different revisions for $name', ({ a, b }) => {
    expect(glossRevision(a)).not.toBe(glossRevision(b));
  });

  it.each([undefined, '', 'Hello', '你好', 'x'.repeat(MAX_GLOSS_LENGTH)])('is 12 hex digits for %j', (text) => {
    expect(glossRevision(text)).toMatch(/^[0-9a-f]{12}$/);
  });

  it('is the text hash, so it is stable across processes', () => {
    expect(glossRevision('你好')).toBe(hashText('你好'));
    expect(glossRevision('你好')).toBe('670d9743542c');
  });
});

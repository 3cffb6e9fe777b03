import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeAnyText, EncodingError, MIN_CONFIDENCE } from './decode';
import { encodeCharset } from './charset-decode';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`./fixtures/encodings/${name}`, import.meta.url)));
const SIMPLIFIED_START = '# 自动驾驶是 AGI\r\n\r\n前些天，OpenAI 前首席科学家';
const TRADITIONAL_START = '# 自動駕駛是 AGI\n\n前些天，OpenAI 前首席科學家';

describe('decodeAnyText: found encodings', () => {
  const cases = [
    { file: 'utf8.md', encoding: 'utf-8', start: SIMPLIFIED_START },
    { file: 'utf8-bom-crlf.md', encoding: 'utf-8 (BOM)', start: SIMPLIFIED_START },
    { file: 'utf16le-bom.md', encoding: 'utf-16le (BOM)', start: SIMPLIFIED_START },
    { file: 'utf16be-bom.md', encoding: 'utf-16be (BOM)', start: SIMPLIFIED_START },
    { file: 'gb18030.md', encoding: 'gb18030', start: SIMPLIFIED_START },
    { file: 'gbk.md', encoding: 'gb18030', start: SIMPLIFIED_START },
    { file: 'gb18030-four-byte.md', encoding: 'gb18030', start: '𠮷野家的菜单上有一道菜叫「𩸽」' },
    { file: 'big5.md', encoding: 'big5', start: TRADITIONAL_START },
    { file: 'big5-valid-gbk.txt', encoding: 'big5', start: '新聞頭條 學家創立教育賽道' },
  ];
  it.each(cases)('$file is read as $encoding', ({ file, encoding, start }) => {
    const decoded = decodeAnyText(fixture(file), file);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text.startsWith(start)).toBe(true);
    expect(decoded.text).not.toContain('\uFEFF');
    expect(decoded.text).not.toContain('\uFFFD');
  });

  it('all encodings of one text decode to the same characters', () => {
    const texts = ['utf8.md', 'utf8-bom-crlf.md', 'utf16le-bom.md', 'utf16be-bom.md', 'gb18030.md', 'gbk.md'].map(
      (file) => decodeAnyText(fixture(file), file).text,
    );
    expect(new Set(texts).size).toBe(1);
  });

  it('a guessed encoding carries its confidence', () => {
    const decoded = decodeAnyText(fixture('gb18030.md'), 'gb18030.md');
    expect(decoded.confidence).toBeGreaterThanOrEqual(MIN_CONFIDENCE);
    expect(decodeAnyText(fixture('utf8.md'), 'utf8.md').confidence).toBeUndefined();
  });

  it('an empty file is empty UTF-8', () => {
    expect(decodeAnyText(new Uint8Array(0), 'empty.txt')).toEqual({ text: '', encoding: 'utf-8' });
  });
});

describe('decodeAnyText: refusals', () => {
  const cases = [
    { file: 'short-gb18030.txt', message: /could not be determined with confidence/ },
    { file: 'short-big5.txt', message: /could not be determined with confidence.*gb18030 or big5/ },
    { file: 'mixed-utf8-gb18030.md', message: /UTF-8 up to byte \d+ and not after: it mixes encodings/ },
    { file: 'binary.txt', message: /NUL byte at byte 8: a binary file/ },
  ];
  it.each(cases)('$file is refused', ({ file, message }) => {
    expect(() => decodeAnyText(fixture(file), file)).toThrow(EncodingError);
    expect(() => decodeAnyText(fixture(file), file)).toThrow(message);
  });

  it('the refusal names the file', () => {
    expect(() => decodeAnyText(fixture('binary.txt'), 'upload/picture.txt')).toThrow(/^upload\/picture\.txt: /);
  });

  it('control characters in otherwise valid UTF-8 mean a binary file', () => {
    expect(() => decodeAnyText(Buffer.from('你好\u0001\u0002世界'), 'x.txt')).toThrow(/control character \(U\+0001\)/);
  });

  it('a UTF-8 BOM followed by GB18030 is refused, not guessed', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fixture('gb18030.md')]);
    expect(() => decodeAnyText(bytes, 'x.md')).toThrow(/byte order mark but is not valid UTF-8/);
  });

  it('UTF-32 is refused', () => {
    expect(() => decodeAnyText(Buffer.from([0xff, 0xfe, 0, 0, 0x60, 0x4f, 0, 0]), 'x.txt')).toThrow(/UTF-32/);
  });
});

describe('decodeAnyText: an encoding named by the user', () => {
  it('a short GB18030 file decodes when its encoding is named', () => {
    expect(decodeAnyText(fixture('short-gb18030.txt'), 'x', { encoding: 'GB18030' })).toEqual({
      text: '你好世界',
      encoding: 'gb18030',
    });
  });

  it('a short Big5 file decodes when its encoding is named', () => {
    expect(decodeAnyText(fixture('short-big5.txt'), 'x', { encoding: 'big5' }).text).toBe('自動駕駛');
  });

  it('a GB18030 file labelled UTF-8 is refused', () => {
    expect(() => decodeAnyText(fixture('gb18030.md'), 'x.md', { encoding: 'utf-8' })).toThrow(/not valid UTF-8/);
  });

  const refusedNames = ['klingon', 'latin1', 'ISO-8859-1', 'windows-1252', 'ascii', 'base64', 'hex', 'utf-32le', 'shift_jis'];
  it.each(refusedNames)('the encoding name %s is refused, naming the accepted ones', (encoding) => {
    expect(() => decodeAnyText(fixture('utf8.md'), 'x.md', { encoding })).toThrow(
      `the encoding "${encoding}" is not one a Chinese text is read in; name one of utf-8, gb18030, gbk, gb2312, big5, utf-16le, utf-16be`,
    );
  });

  const acceptedNames: [string, string][] = [
    ['UTF-8', 'utf8.md'],
    ['utf8', 'utf8.md'],
    [' GB18030 ', 'gb18030.md'],
    ['GBK', 'gbk.md'],
    ['gb2312', 'gbk.md'],
    ['Big5', 'big5.md'],
  ];
  it.each(acceptedNames)('the encoding name %s is accepted for %s', (encoding, file) => {
    expect(decodeAnyText(fixture(file), file, { encoding }).text.length).toBeGreaterThan(0);
  });

  it('UTF-16 without a byte order mark decodes when its byte order is named', () => {
    const bytes = encodeCharset('自动驾驶', 'utf-16le');
    expect(decodeAnyText(bytes, 'x.txt', { encoding: 'UTF-16LE' })).toEqual({ text: '自动驾驶', encoding: 'utf-16le' });
    expect(decodeAnyText(encodeCharset('自动驾驶', 'utf-16be'), 'x.txt', { encoding: 'utf-16be' }).text).toBe('自动驾驶');
  });

  it.each([
    {
      name: 'Big5 named GB18030',
      file: 'big5-valid-gbk.txt',
      encoding: 'gb18030',
      warns: /bytes look like big5 \(\d+% confident\)/,
    },
    { name: 'Big5 named Big5', file: 'big5.md', encoding: 'big5', warns: undefined },
    { name: 'GB18030 named GBK', file: 'gb18030.md', encoding: 'gbk', warns: undefined },
    { name: 'GBK named GB18030', file: 'gbk.md', encoding: 'gb18030', warns: undefined },
  ])('$name: decoded as named, with a warning only when the bytes look like another encoding', ({ file, encoding, warns }) => {
    const decoded = decodeAnyText(fixture(file), file, { encoding });
    expect(decoded.encoding).toBe(encoding);
    if (warns) expect(decoded.warning).toMatch(warns);
    else expect(decoded.warning).toBeUndefined();
  });

  it.each([
    {
      named: 'utf-16be',
      bytes: () => encodeCharset('人工智能正在改变世界。AI and 2025.', 'utf-16le'),
      warns: /reads as Chinese only as utf-16le/,
    },
    {
      named: 'utf-16le',
      bytes: () => encodeCharset('人工智能正在改变世界。AI and 2025.', 'utf-16be'),
      warns: /reads as Chinese only as utf-16be/,
    },
    { named: 'utf-16le', bytes: () => encodeCharset('人工智能正在改变世界。AI and 2025.', 'utf-16le'), warns: undefined },
  ])('UTF-16 named $named: a warning only when the other byte order is the Chinese one', ({ named, bytes, warns }) => {
    const decoded = decodeAnyText(bytes(), 'x.txt', { encoding: named });
    if (warns) expect(decoded.warning).toMatch(warns);
    else expect(decoded.warning).toBeUndefined();
  });

  it('UTF-8 bytes named Big5 give replacement characters and are refused', () => {
    expect(() => decodeAnyText(fixture('utf8.md'), 'x.md', { encoding: 'big5' })).toThrow(/not valid big5/);
  });
});

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeSource, EncodingError } from './decode';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)));
const seedBytes = readFileSync(fileURLToPath(new URL('../../content/karpathy-no-priors.txt', import.meta.url)));
const utf8 = (text: string) => Buffer.from(text, 'utf8');
const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? utf8(part) : Buffer.from(part))));

/** Runs decodeSource and returns the EncodingError it throws (fails if it does not throw one). */
function decodeError(input: Uint8Array, file: string): EncodingError {
  try {
    decodeSource(input, file);
  } catch (error) {
    expect(error).toBeInstanceOf(EncodingError);
    return error as EncodingError;
  }
  throw new Error(`decodeSource(${file}) did not throw`);
}

describe('decodeSource: UTF-8', () => {
  const cases: { name: string; input: Uint8Array; expected: string }[] = [
    { name: 'Chinese', input: utf8('你好'), expected: '你好' },
    { name: 'mixed Chinese and ASCII', input: utf8('Karpathy 说：「你好」。\n'), expected: 'Karpathy 说：「你好」。\n' },
    { name: 'astral characters', input: utf8('𠮷野家 🎉'), expected: '𠮷野家 🎉' },
    { name: 'empty file', input: new Uint8Array(0), expected: '' },
    { name: 'a plain Uint8Array', input: new Uint8Array([0xe4, 0xbd, 0xa0, 0xe5, 0xa5, 0xbd]), expected: '你好' },
    { name: 'a UTF-8 BOM is dropped', input: bytes([0xef, 0xbb, 0xbf], '你好'), expected: '你好' },
    { name: 'the seed article', input: seedBytes, expected: seedBytes.toString('utf8') },
  ];
  it.each(cases)('$name', ({ input, expected }) => {
    expect(decodeSource(input, 'content/example.txt')).toBe(expected);
  });

  it('the seed article decodes to its known first and last lines', () => {
    const text = decodeSource(seedBytes, 'content/karpathy-no-priors.txt');
    expect(text.split('\n')[1]).toBe("title: 'Andrej Karpathy最新激进观点：Transformer将超越人脑'");
    expect(text.endsWith('[GPTNB](https://gptnb.com)。')).toBe(true);
  });
});

describe('decodeSource: not UTF-8', () => {
  it('the GB18030 fixture really is GB18030 Chinese', () => {
    expect(new TextDecoder('gb18030').decode(fixture('gb18030.txt'))).toBe(
      '---\ntitle: 测试\n---\n\n近日，播客节目 No Priors 发布了对这位著名 AI 研究者的专访视频。\n',
    );
  });

  const cases: { name: string; file: string; input: Uint8Array; offset: number }[] = [
    // 'title: ' is ASCII; 测 is B2 E2 in GB18030, and B2 is a continuation byte.
    { name: 'GB18030 Chinese (fixture)', file: 'content/gb18030.txt', input: fixture('gb18030.txt'), offset: 11 },
    // 'Caf' then é = E9, a 3-byte lead followed by a space.
    { name: 'Latin-1 text (fixture)', file: 'content/latin1.txt', input: fixture('latin1.txt'), offset: 3 },
    { name: 'GB18030 你好', file: 'a.txt', input: Buffer.from([0xc4, 0xe3, 0xba, 0xc3]), offset: 0 },
    // 前 C7 B0 and 些 D0 A9 happen to be valid 2-byte UTF-8; 天 CC EC is not.
    {
      name: 'GB18030 前些天 (valid-looking start)',
      file: 'b.txt',
      input: Buffer.from([0xc7, 0xb0, 0xd0, 0xa9, 0xcc, 0xec]),
      offset: 4,
    },
    { name: 'a stray 0xFF after text', file: 'c.txt', input: bytes('你好', [0xff]), offset: 6 },
    { name: 'a lone continuation byte', file: 'd.txt', input: bytes('abc', [0x80], 'def'), offset: 3 },
    { name: 'a sequence cut off at the end', file: 'e.txt', input: utf8('你好').subarray(0, 5), offset: 3 },
    { name: 'a bad continuation byte', file: 'f.txt', input: Buffer.from([0xe4, 0xbd, 0x41]), offset: 0 },
    { name: 'an overlong encoding', file: 'g.txt', input: Buffer.from([0x41, 0xc0, 0x80]), offset: 1 },
    { name: 'an encoded surrogate', file: 'h.txt', input: bytes('甲', [0xed, 0xa0, 0x80]), offset: 3 },
    { name: 'a byte above F4', file: 'i.txt', input: Buffer.from([0xf5, 0x80, 0x80, 0x80]), offset: 0 },
  ];
  it.each(cases)('$name: EncodingError naming the file, at byte $offset', ({ file, input, offset }) => {
    const error = decodeError(input, file);
    expect(error.name).toBe('EncodingError');
    expect(error.file).toBe(file);
    expect(error.detail).toBe(`invalid byte sequence at byte ${offset}`);
    expect(error.message).toBe(
      `${file} is not UTF-8 text (invalid byte sequence at byte ${offset}); save it as UTF-8, or add it with npm run add or the Add a text form, which read GB18030, Big5 and UTF-16`,
    );
  });

  const boms: { name: string; input: Uint8Array }[] = [
    { name: 'UTF-16 LE with BOM (fixture)', input: fixture('utf16le-bom.txt') },
    { name: 'UTF-16 LE BOM', input: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('你好', 'utf16le')]) },
    { name: 'UTF-16 BE BOM', input: Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('你好', 'utf16le').swap16()]) },
    { name: 'UTF-16 LE BOM alone', input: Buffer.from([0xff, 0xfe]) },
  ];
  it.each(boms)('$name is rejected', ({ input }) => {
    const error = decodeError(input, 'content/utf16.txt');
    expect(error.file).toBe('content/utf16.txt');
    expect(error.detail).toBe('it starts with a UTF-16 byte order mark');
    expect(error.message).toContain('content/utf16.txt is not UTF-8 text');
  });

  const withoutBom: { name: string; input: Uint8Array; nul: number }[] = [
    { name: 'UTF-16 LE of ASCII text', input: Buffer.from('Hello', 'utf16le'), nul: 1 },
    { name: 'UTF-16 LE of 你好ab', input: Buffer.from('你好ab', 'utf16le'), nul: 5 },
  ];
  it.each(withoutBom)('$name without a BOM is rejected at its first NUL byte', ({ input, nul }) => {
    const error = decodeError(input, 'content/utf16.txt');
    expect(error.detail).toBe(`it contains a NUL byte at byte ${nul}; is it UTF-16?`);
  });
});

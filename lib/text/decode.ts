import { canDecode, decodeCharset } from './charset-decode';
import { guessCharsets } from './charset-detect';
import { namedError } from '@/lib/named-error';

/** A file whose bytes are not text in an encoding we read (or not confidently so). */
export class EncodingError extends namedError('EncodingError') {
  constructor(
    readonly file: string,
    readonly detail: string,
    message?: string,
  ) {
    super(
      message ??
        `${file} is not UTF-8 text (${detail}); save it as UTF-8, or add it with npm run add or the Add a text form, which read GB18030, Big5 and UTF-16`,
    );
  }
}

/**
 * Decodes a source file's bytes as UTF-8, refusing anything else instead of showing mojibake.
 * `Buffer.from('你好')` → `'你好'`; GB18030 bytes → throws EncodingError naming the file.
 */
export function decodeSource(bytes: Uint8Array, file: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new EncodingError(file, 'it starts with a UTF-16 byte order mark');
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new EncodingError(file, `it contains a NUL byte at byte ${nul}; is it UTF-16?`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidByte(bytes);
    throw new EncodingError(file, `invalid byte sequence at byte ${offset}`);
  }
}

/** Offset of the first byte that does not start a valid UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return i;
}

/** Encodings a new text may arrive in, besides UTF-8 and UTF-16 with a byte order mark. */
export const chineseEncodings = ['gb18030', 'big5'] as const;

/**
 * The encodings a person may name for a text (case-insensitive): those Chinese texts come in.
 * GBK and GB2312 are subsets of GB18030; UTF-16 without a byte order mark needs its byte order.
 */
export const NAMED_ENCODINGS = ['utf-8', 'gb18030', 'gbk', 'gb2312', 'big5', 'utf-16le', 'utf-16be'] as const;
const ENCODING_ALIASES: Readonly<Record<string, (typeof NAMED_ENCODINGS)[number]>> = { utf8: 'utf-8' };

/** The accepted encoding a name stands for, or undefined: `('GBK')` → `'gbk'`, `('UTF8')` → `'utf-8'`, `('latin1')` → undefined. */
export function namedEncoding(name: string): (typeof NAMED_ENCODINGS)[number] | undefined {
  const key = name.trim().toLowerCase();
  const found = ENCODING_ALIASES[key] ?? NAMED_ENCODINGS.find((encoding) => encoding === key);
  return found && canDecode(found) ? found : undefined;
}

/** The lowest chardet confidence (0–100) at which a Chinese legacy encoding is taken as found. */
export const MIN_CONFIDENCE = 50;

export interface DecodedText {
  text: string;
  /** What was found: `utf-8`, `utf-8 (BOM)`, `utf-16le (BOM)`, `utf-16be (BOM)`, `gb18030`, `big5`, or the one asked for. */
  encoding: string;
  /** chardet's confidence (0–100) when the encoding was guessed from statistics. */
  confidence?: number;
  /** When an encoding was named and the bytes look like another one: what to check. */
  warning?: string;
}

/** The share of a text's characters that a Chinese text is made of: Han, ASCII, CJK punctuation and full-width forms. */
function chineseShare(text: string): number {
  let usual = 0;
  let all = 0;
  for (const char of text) {
    all += 1;
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80 || (code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xffef) || /\p{Script=Han}/u.test(char))
      usual += 1;
  }
  return all === 0 ? 1 : usual / all;
}

/**
 * A warning when UTF-16 named in one byte order reads as a Chinese text only in the other: the
 * wrong order turns 你好 and ASCII alike into Hangul, Yi and rare Han (`ਰ羉㡮낋…`).
 */
function byteOrderDisagreement(bytes: Uint8Array, asked: 'utf-16le' | 'utf-16be'): string | undefined {
  const other = asked === 'utf-16le' ? 'utf-16be' : 'utf-16le';
  const sample = bytes.subarray(0, 64 * 1024 - ((64 * 1024) % 2));
  const mine = chineseShare(decodeCharset(sample, asked));
  const theirs = chineseShare(decodeCharset(sample, other));
  if (mine >= 0.9 || theirs < 0.9) return undefined;
  return `the file was read as ${asked}, as asked, but it reads as Chinese only as ${other} (the other byte order): if the text looks garbled, add it again with the encoding ${other}`;
}

/**
 * A warning when the bytes decoded as `asked` look confidently like another Chinese encoding
 * (GB18030 named for a Big5 file decodes, but as nonsense). `undefined` when they agree.
 */
function disagreement(bytes: Uint8Array, asked: (typeof NAMED_ENCODINGS)[number]): string | undefined {
  const family = (encoding: string) => (encoding === 'gbk' || encoding === 'gb2312' ? 'gb18030' : encoding);
  const best = guessCharsets(bytes)[0];
  // As sure as detection must be to decode a file itself.
  if (!best || best.confidence < MIN_CONFIDENCE) return undefined;
  if (!(chineseEncodings as readonly string[]).includes(best.encoding) || family(best.encoding) === family(asked))
    return undefined;
  return `the file was read as ${asked}, as asked, but its bytes look like ${best.encoding} (${best.confidence}% confident): if the text looks garbled, add it again with the encoding ${best.encoding}, or with none to have it found`;
}

// C0 controls other than tab, newline, form feed and carriage return: text files do not contain them.
const BINARY_CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F]/;

function refuse(file: string, message: string): never {
  throw new EncodingError(file, message, `${file}: ${message}`);
}

function checkDecoded(text: string, encoding: string, file: string): string {
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0) refuse(file, `the bytes are not valid ${encoding} (character ${bad + 1} cannot be decoded); nothing was written`);
  const control = BINARY_CONTROL.exec(text);
  if (control)
    refuse(
      file,
      `it contains a control character (U+${control[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}) at character ${control.index + 1}: it looks like a binary file, not text`,
    );
  return text;
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Decodes the bytes of a text that may come from anywhere: UTF-8 with or without BOM, UTF-16 with
 * BOM, or GB18030/GBK or Big5 found by chardet. Refuses (EncodingError with a message to show) a
 * binary file, bytes invalid in the encoding found, and a guess below MIN_CONFIDENCE, instead of
 * returning mojibake. `encoding` skips detection; it must be one of NAMED_ENCODINGS. GB18030 bytes of 近日，播客节目… →
 * `{ text: '近日，播客节目…', encoding: 'gb18030', confidence: 100 }`.
 */
export function decodeAnyText(bytes: Uint8Array, file: string, options: { encoding?: string } = {}): DecodedText {
  if (options.encoding?.trim()) {
    const asked = namedEncoding(options.encoding);
    if (!asked)
      refuse(
        file,
        `the encoding "${options.encoding.trim()}" is not one a Chinese text is read in; name one of ${NAMED_ENCODINGS.join(', ')} (or none, to have it found); nothing was written`,
      );
    if (asked === 'utf-8') {
      const text = decodeUtf8(bytes);
      if (text === undefined) refuse(file, `it is not valid UTF-8 (invalid byte sequence at byte ${firstInvalidByte(bytes)})`);
      return { text: checkDecoded(text, 'UTF-8', file), encoding: 'utf-8' };
    }
    const text = checkDecoded(decodeCharset(bytes, asked), asked, file);
    const warning =
      asked === 'utf-16le' || asked === 'utf-16be' ? byteOrderDisagreement(bytes, asked) : disagreement(bytes, asked);
    return { text, encoding: asked, ...(warning ? { warning } : {}) };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0)
    refuse(file, 'it is UTF-32, which is not supported; save it as UTF-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: checkDecoded(decodeCharset(bytes, 'utf-16le'), 'UTF-16LE', file), encoding: 'utf-16le (BOM)' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: checkDecoded(decodeCharset(bytes, 'utf-16be'), 'UTF-16BE', file), encoding: 'utf-16be (BOM)' };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const nul = bytes.indexOf(0);
  if (nul >= 0) refuse(file, `it contains a NUL byte at byte ${nul}: a binary file, or UTF-16 without a byte order mark`);
  const utf8 = decodeUtf8(bytes);
  if (utf8 !== undefined) return { text: checkDecoded(utf8, 'UTF-8', file), encoding: bom ? 'utf-8 (BOM)' : 'utf-8' };
  const invalidAt = firstInvalidByte(bytes);
  if (bom)
    refuse(file, `it starts with a UTF-8 byte order mark but is not valid UTF-8 (invalid byte sequence at byte ${invalidAt})`);
  if (bytes.subarray(0, invalidAt).some((b) => b >= 0x80)) {
    refuse(
      file,
      `it is UTF-8 up to byte ${invalidAt} and not after: it mixes encodings. Save the whole file in one encoding (UTF-8) and try again`,
    );
  }

  const guesses = guessCharsets(bytes);
  const best = guesses[0];
  const chinese = guesses.find((guess) => (chineseEncodings as readonly string[]).includes(guess.encoding));
  const described = best ? `best guess ${best.encoding}, ${best.confidence}% confident` : 'no guess';
  if (!best || !chinese || chinese !== best || chinese.confidence < MIN_CONFIDENCE) {
    refuse(
      file,
      `the encoding could not be determined with confidence (${described}). It is not UTF-8; ` +
        'save it as UTF-8, or name the encoding (gb18030 or big5) and try again',
    );
  }
  const text = checkDecoded(decodeCharset(bytes, chinese.encoding), chinese.encoding, file);
  return { text, encoding: chinese.encoding, confidence: chinese.confidence };
}

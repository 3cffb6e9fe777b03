import { describe, expect, it } from 'vitest';
import { type InlineSegment, inlineRanges, parseInline, plainText, safeHref } from './inline';

const text = (value: string): InlineSegment => ({ kind: 'text', text: value });
const link = (label: string, href: string): InlineSegment => ({ kind: 'link', text: label, href });

const SEED_LAST_LINE = '感谢阅读！如果您对AI的更多资讯感兴趣，可以查看更多AI文章：[GPTNB](https://gptnb.com)。';

describe('parseInline', () => {
  const cases: { name: string; input: string; expected: InlineSegment[] }[] = [
    { name: 'empty string', input: '', expected: [] },
    { name: 'text with no links', input: '没有链接的普通文字。', expected: [text('没有链接的普通文字。')] },
    {
      name: 'bare URL followed by 。',
      input: '链接：https://a.b/c。',
      expected: [text('链接：'), link('https://a.b/c', 'https://a.b/c'), text('。')],
    },
    {
      name: 'bare URL followed by ，',
      input: '地址是 https://github.com/karpathy/LLM101n，欢迎访问',
      expected: [
        text('地址是 '),
        link('https://github.com/karpathy/LLM101n', 'https://github.com/karpathy/LLM101n'),
        text('，欢迎访问'),
      ],
    },
    {
      name: 'bare URL inside full-width brackets stops before ）',
      input: '课程（https://example.com）上线了',
      expected: [text('课程（'), link('https://example.com', 'https://example.com/'), text('）上线了')],
    },
    {
      name: 'bare URL inside corner brackets',
      input: '「https://a.com」',
      expected: [text('「'), link('https://a.com', 'https://a.com/'), text('」')],
    },
    {
      name: 'bare URL at the end of the seed line',
      input: 'GitHub 链接：https://github.com/karpathy/LLM101n',
      expected: [text('GitHub 链接：'), link('https://github.com/karpathy/LLM101n', 'https://github.com/karpathy/LLM101n')],
    },
    {
      name: 'bare URL with a trailing "."',
      input: 'See https://example.com/a.',
      expected: [text('See '), link('https://example.com/a', 'https://example.com/a'), text('.')],
    },
    {
      name: 'bare URL with a trailing "..."',
      input: 'See https://example.com/a...',
      expected: [text('See '), link('https://example.com/a', 'https://example.com/a'), text('...')],
    },
    {
      name: 'bare URL inside ASCII parentheses',
      input: '(see https://example.com)',
      expected: [text('(see '), link('https://example.com', 'https://example.com/'), text(')')],
    },
    {
      name: 'bare URL with query and fragment, then ，',
      input: 'https://a.com/s?q=1&r=2#frag，后文',
      expected: [link('https://a.com/s?q=1&r=2#frag', 'https://a.com/s?q=1&r=2#frag'), text('，后文')],
    },
    {
      name: 'bare URL with a Chinese path is percent-encoded in href only',
      input: 'https://example.com/路径，后文',
      expected: [link('https://example.com/路径', 'https://example.com/%E8%B7%AF%E5%BE%84'), text('，后文')],
    },
    {
      name: 'upper-case scheme',
      input: 'HTTPS://GPTNB.COM',
      expected: [link('HTTPS://GPTNB.COM', 'https://gptnb.com/')],
    },
    {
      name: 'Markdown link',
      input: '[GPTNB](https://gptnb.com)',
      expected: [link('GPTNB', 'https://gptnb.com/')],
    },
    {
      name: "Markdown link in the seed's last line",
      input: SEED_LAST_LINE,
      expected: [
        text('感谢阅读！如果您对AI的更多资讯感兴趣，可以查看更多AI文章：'),
        link('GPTNB', 'https://gptnb.com/'),
        text('。'),
      ],
    },
    {
      name: 'Markdown link with spaces inside the parentheses',
      input: '[文档]( https://a.com/doc )',
      expected: [link('文档', 'https://a.com/doc')],
    },
    {
      name: 'a Markdown link and a bare URL',
      input: 'A https://a.com 和 [B](http://b.com/x)。',
      expected: [text('A '), link('https://a.com', 'https://a.com/'), text(' 和 '), link('B', 'http://b.com/x'), text('。')],
    },
    {
      name: 'javascript: Markdown link is kept as text',
      input: '[点我](javascript:alert(1))',
      expected: [text('[点我](javascript:alert(1))')],
    },
    {
      name: 'bare javascript: is text',
      input: '请勿点击 javascript:alert(1)。',
      expected: [text('请勿点击 javascript:alert(1)。')],
    },
    {
      name: 'data: Markdown link is kept as text',
      input: '[x](data:text/html,hi)',
      expected: [text('[x](data:text/html,hi)')],
    },
    {
      name: 'a URL that is not valid stays one text run',
      input: '见 https://... 后文',
      expected: [text('见 https://... 后文')],
    },
    {
      name: 'unclosed Markdown link: the URL is still a bare link',
      input: '[未闭合](https://a.com',
      expected: [text('[未闭合]('), link('https://a.com', 'https://a.com/')],
    },
  ];
  it.each(cases)('$name', ({ input, expected }) => {
    expect(parseInline(input)).toEqual(expected);
  });

  it.each(cases)('segments concatenate back to the shown text: $name', ({ input, expected }) => {
    expect(
      parseInline(input)
        .map((s) => s.text)
        .join(''),
    ).toBe(expected.map((s) => s.text).join(''));
  });
});

describe('safeHref', () => {
  const cases: { input: string; expected: string | null }[] = [
    { input: 'https://gptnb.com', expected: 'https://gptnb.com/' },
    { input: 'http://a.com/x?y=1#z', expected: 'http://a.com/x?y=1#z' },
    { input: ' https://a.com ', expected: 'https://a.com/' },
    { input: 'https://例子.测试', expected: 'https://xn--fsqu00a.xn--0zwm56d/' },
    { input: 'javascript:alert(1)', expected: null },
    { input: 'JAVASCRIPT:alert(1)', expected: null },
    { input: 'data:text/html,hi', expected: null },
    { input: 'ftp://a.com/file', expected: null },
    { input: 'mailto:a@b.cn', expected: null },
    { input: '/relative/path', expected: null },
    { input: 'not a url', expected: null },
    { input: 'https://', expected: null },
    { input: '', expected: null },
  ];
  it.each(cases)('"$input" → $expected', ({ input, expected }) => {
    expect(safeHref(input)).toBe(expected);
  });
});

describe('plainText', () => {
  const cases = [
    { input: '[GPTNB](https://gptnb.com)', expected: 'GPTNB' },
    { input: SEED_LAST_LINE, expected: '感谢阅读！如果您对AI的更多资讯感兴趣，可以查看更多AI文章：GPTNB。' },
    { input: '[甲](https://a.com)和[乙](https://b.com)', expected: '甲和乙' },
    { input: '链接：https://a.b/c。', expected: '链接：https://a.b/c。' },
    { input: '[点我](javascript:alert(1))', expected: '[点我](javascript:alert(1))' },
    { input: '没有链接。', expected: '没有链接。' },
    { input: '', expected: '' },
  ];
  it.each(cases)('"$input" → "$expected"', ({ input, expected }) => {
    expect(plainText(input)).toBe(expected);
  });
});

describe('inlineRanges', () => {
  const cases = [
    { text: '', expected: [] },
    {
      text: '[甲](https://a.b)乙',
      expected: [
        ['link', '甲', 0, 16],
        ['text', '乙', 16, 17],
      ],
    },
    {
      text: '链接：https://a.b/c。',
      expected: [
        ['text', '链接：', 0, 3],
        ['link', 'https://a.b/c', 3, 16],
        ['text', '。', 16, 17],
      ],
    },
    { text: '无链接', expected: [['text', '无链接', 0, 3]] },
  ];
  it.each(cases)('$text', ({ text, expected }) => {
    const ranges = inlineRanges(text);
    expect(ranges.map((r) => [r.kind, r.text, r.start, r.end])).toEqual(expected);
    for (const r of ranges) if (r.kind === 'text') expect(text.slice(r.start, r.end)).toBe(r.text);
  });
});

// Hostile paragraphs: each used to take quadratic time in the link pattern (seconds at 100,000 characters).
describe('parseInline on long hostile text', () => {
  const N = 100_000;
  const cases: { name: string; input: string; expected: InlineSegment[] }[] = [
    { name: 'many unmatched [', input: '[甲'.repeat(N), expected: [text('[甲'.repeat(N))] },
    {
      name: 'a bare URL followed by a long run of dots and a letter',
      input: `http://a.b/${'.'.repeat(N)}c`,
      expected: [link(`http://a.b/${'.'.repeat(N)}c`, `http://a.b/${'.'.repeat(N)}c`)],
    },
    {
      name: 'a bare URL ending in a long run of dots',
      input: `见 http://a.b${'.'.repeat(N)}`,
      expected: [text('见 '), link('http://a.b', 'http://a.b/'), text('.'.repeat(N))],
    },
    {
      name: 'many unclosed Markdown links',
      input: '[a](http://x'.repeat(N / 10),
      expected: expect.any(Array) as unknown as InlineSegment[],
    },
  ];
  it.each(cases)('$name', { timeout: 10_000 }, ({ input, expected }) => {
    const segments = parseInline(input);
    expect(segments).toEqual(expected);
    expect(segments.map((s) => (s.kind === 'link' ? s.text : s.text)).join('').length).toBeLessThanOrEqual(input.length);
  });

  it('link text cannot hold "[": the innermost bracket opens the link', () => {
    expect(parseInline('[a[b](https://c.d)')).toEqual([text('[a'), link('b', 'https://c.d/')]);
  });
});

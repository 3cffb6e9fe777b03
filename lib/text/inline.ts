/** A run of a block's text: plain text, or a link to show as one. */
export type InlineSegment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

// `[text](url)` or a bare URL. A bare URL stops at whitespace and at Chinese punctuation,
// which in Chinese text follows a URL without a space. The link text holds no `[` and the
// link's URL no `[` or `]`, so a failed attempt never scans past the next bracket: matching
// stays linear even in a long paragraph full of unmatched brackets.
const LINK = /\[([^[\]\n]+)\]\(\s*(https?:\/\/[^\s)[\]]+)\s*\)|(https?:\/\/[^\s<>"'「」『』（）【】《》，。！？、；：“”‘’]+)/gi;
const URL_PUNCTUATION = new Set(['.', ',', ';', ':', '!', '?', ')', ']']);

/** A bare URL without the sentence punctuation that ends it, scanned from the end (a regex with `+$` is quadratic). */
function trimUrlPunctuation(url: string): string {
  let end = url.length;
  while (end > 0 && URL_PUNCTUATION.has(url.charAt(end - 1))) end -= 1;
  return url.slice(0, end);
}

/** Accepts only absolute http(s) URLs; anything else (javascript:, data:) is not a link. */
export function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** An inline segment with the offsets of its source text (link syntax included). */
export type InlineRange = InlineSegment & { start: number; end: number };

/**
 * Splits text into plain runs and links (Markdown `[text](url)` and bare http(s) URLs).
 * `'链接：https://a.b/c。'` → `[text '链接：', link 'https://a.b/c', text '。']`.
 */
export function parseInline(text: string): InlineSegment[] {
  return inlineRanges(text).map(({ start: _start, end: _end, ...segment }) => segment);
}

/** parseInline, keeping each segment's offsets in the source. `'[甲](https://a.b)乙'` → link 0–16, text 16–17. */
export function inlineRanges(text: string): InlineRange[] {
  const segments: InlineRange[] = [];
  const pushText = (value: string, start: number) => {
    if (!value) return;
    const last = segments.at(-1);
    if (last?.kind === 'text') {
      last.text += value;
      last.end = start + value.length;
    } else segments.push({ kind: 'text', text: value, start, end: start + value.length });
  };

  let cursor = 0;
  for (const match of text.matchAll(LINK)) {
    const start = match.index;
    let raw = match[0];
    let label = match[1];
    let url = match[2] ?? match[3] ?? '';
    if (match[3]) {
      // A bare URL does not take sentence punctuation that ends it.
      url = trimUrlPunctuation(url);
      raw = url;
      label = url;
    }
    const href = safeHref(url);
    pushText(text.slice(cursor, start), cursor);
    if (href && label) segments.push({ kind: 'link', text: label, href, start, end: start + raw.length });
    else pushText(raw, start);
    cursor = start + raw.length;
  }
  pushText(text.slice(cursor), cursor);
  return segments;
}

/** The text a reader sees: Markdown link syntax replaced by the link text. `'[GPTNB](https://gptnb.com)'` → `'GPTNB'`. */
export function plainText(text: string): string {
  return parseInline(text)
    .map((segment) => segment.text)
    .join('');
}

/** Words the segmenter must keep whole, in the order their file lists them. */
export type WordList = readonly string[];

// A `#` starts a comment at the start of a line or after whitespace, so terms like C# survive.
const COMMENT = /(?:^|\s)#.*$/;

/**
 * Parses a word-list file: one term per line, `#` starts a comment, blank lines are ignored,
 * surrounding whitespace is trimmed, inner runs of whitespace become one space, and repeats are
 * dropped (the first is kept). `'# 术语\n自动驾驶\nGPT-4  # 模型\n自动驾驶'` → `['自动驾驶', 'GPT-4']`.
 * Total: any string gives a list.
 */
export function parseWordList(fileText: string): string[] {
  const terms = fileText
    .replace(/^\uFEFF/, '')
    .split(/\r\n?|\n/)
    .map((line) => line.replace(COMMENT, '').trim().replace(/\s+/g, ' '))
    .filter((line) => line !== '');
  return [...new Set(terms)];
}

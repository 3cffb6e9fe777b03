/** One piece of a diff: text both sides share, or text only the old or only the new side has. */
export interface DiffPart {
  op: 'same' | 'removed' | 'added';
  text: string;
}

/** Cuts text into diff units: words and spaces for Latin script, single characters for Chinese. */
export function diffUnits(text: string): string[] {
  return text.match(/[\p{Script=Latin}\p{N}'’-]+|\s+|./gsu) ?? [];
}

/**
 * The differences between two texts as runs of shared, removed and added units (longest common
 * subsequence). `('今天天气好', '今天天气很好')` → same '今天天气', added '很', same '好'.
 */
export function diffTexts(before: string, after: string): DiffPart[] {
  const a = diffUnits(before);
  const b = diffUnits(after);
  // Past this size the table would be too big for a page: show it as one replacement.
  if (a.length * b.length > 4_000_000) {
    return [
      ...(before ? [{ op: 'removed' as const, text: before }] : []),
      ...(after ? [{ op: 'added' as const, text: after }] : []),
    ];
  }
  const rows = a.length + 1;
  const cols = b.length + 1;
  const lcs = new Uint32Array(rows * cols);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lcs[i * cols + j] =
        a[i] === b[j]
          ? (lcs[(i + 1) * cols + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * cols + j] ?? 0, lcs[i * cols + j + 1] ?? 0);
    }
  }
  const parts: DiffPart[] = [];
  const push = (op: DiffPart['op'], text: string) => {
    const last = parts.at(-1);
    if (last?.op === op) last.text += text;
    else parts.push({ op, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push('same', a[i] ?? '');
      i += 1;
      j += 1;
    } else if ((lcs[(i + 1) * cols + j] ?? 0) >= (lcs[i * cols + j + 1] ?? 0)) {
      push('removed', a[i] ?? '');
      i += 1;
    } else {
      push('added', b[j] ?? '');
      j += 1;
    }
  }
  for (; i < a.length; i += 1) push('removed', a[i] ?? '');
  for (; j < b.length; j += 1) push('added', b[j] ?? '');
  return parts;
}

/** Text with some spans marked (`<mark>`), the rest as plain text; spans are `[start, end)` offsets. */
export function MarkedText({ text, spans, lang }: { text: string; spans: readonly (readonly [number, number])[]; lang: string }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0])) {
    if (start < at || end > text.length) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <span lang={lang}>{parts}</span>;
}

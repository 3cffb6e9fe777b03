/**
 * A small well-formedness check for the markup the export writers produce (tests use it; the
 * writers never emit comments, CDATA or processing instructions beyond the XML declaration):
 * every element closed in order, attributes quoted (in XML, every attribute has a value), no
 * stray `<` or `&`; a `<style>` element's CSS is skipped.
 * `('<p>a</p>')` → `[]`; `('<p><b></p>')` → `['</p> closes <b>']`.
 */
export function markupProblems(markup: string, options: { voidElements?: readonly string[]; xml?: boolean } = {}): string[] {
  const voids = new Set(options.voidElements ?? []);
  const problems: string[] = [];
  const stack: string[] = [];
  const body = markup
    .replace(/^<\?xml[^?]*\?>/, '')
    .replace(/<!DOCTYPE html>/i, '')
    // A stylesheet's text is CSS, not markup.
    .replace(/(<style>)[^<]*(<\/style>)/g, '$1$2');
  const TAG = options.xml
    ? /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g
    : /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+(?:="[^"<]*")?)*)\s*(\/?)>/g;
  let cursor = 0;
  for (const match of body.matchAll(TAG)) {
    const between = body.slice(cursor, match.index);
    if (/[<>]/.test(between)) problems.push(`stray markup before ${match[0]}: ${between.slice(0, 40)}`);
    if (/&(?!(amp|lt|gt|quot|#39|#\d+);)/.test(between)) problems.push(`unescaped & in ${between.slice(0, 40)}`);
    cursor = match.index + match[0].length;
    const [, closing, name = '', , selfClosing] = match;
    if (closing) {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}>`);
    } else if (!selfClosing && !voids.has(name)) stack.push(name);
  }
  if (/[<>]/.test(body.slice(cursor))) problems.push('stray markup at the end');
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(', ')}`);
  return problems;
}

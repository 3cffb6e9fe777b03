import type { DocBlock, Run } from './document';
import { printsAddress } from './print';

/**
 * Markup shared by the HTML and EPUB writers. Everything from a text is escaped here: the
 * writers build strings, so no user text may ever reach them unescaped.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an HTML or XML element or a quoted attribute. `'a<b & "c"'` → `'a&lt;b &amp; &quot;c&quot;'`. */
export function escapeXml(text: string): string {
  // Also drops the C0 controls XML 1.0 does not allow (the source cleaner removes them, but a
  // gloss file edited by hand might still carry one).
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** A CSS string literal for `content:`; safe inside a `<style>` element. `'A "b"'` → `'"A \\22 b\\22 "'`. */
export function cssString(text: string): string {
  return `"${[...text].map((c) => (/[\\"<>&\n\r\u0000-\u001F]/.test(c) ? `\\${c.codePointAt(0)?.toString(16)} ` : c)).join('')}"`;
}

export interface RunOptions {
  /** The markup of a note reference. */
  noteRef: (number: number) => string;
  /** Whether ruby gets `<rp>` parentheses for readers without ruby support. */
  rubyParens: boolean;
}

/** Runs as markup. `[text 'a<b']` → `'a&lt;b'`. */
export function runsMarkup(runs: readonly Run[], options: RunOptions): string {
  return runs
    .map((run) => {
      switch (run.kind) {
        case 'text':
          return escapeXml(run.text);
        case 'link':
          // A link whose text is not its address prints the address after it.
          return !printsAddress(run.text, run.href)
            ? `<a href="${escapeXml(run.href)}">${escapeXml(run.text)}</a>`
            : `<a class="url-shown" href="${escapeXml(run.href)}">${escapeXml(run.text)}</a>`;
        case 'ruby': {
          const pairs = run.pairs
            .map(([base, reading]) =>
              options.rubyParens
                ? `${escapeXml(base)}<rp>(</rp><rt>${escapeXml(reading)}</rt><rp>)</rp>`
                : `${escapeXml(base)}<rt>${escapeXml(reading)}</rt>`,
            )
            .join('');
          return `<ruby>${pairs}</ruby>`;
        }
        case 'note':
          return options.noteRef(run.number);
      }
    })
    .join('');
}

/** The element a block's text goes in; headings start at h2 (the title is h1). */
export function blockElement(block: DocBlock): string {
  if (block.type === 'heading') return `h${Math.min(Math.max(block.level ?? 2, 2), 6)}`;
  return 'p';
}

/** One language's side of a block as an element: `<p lang="zh-Hans">…</p>`, a heading, or a list item as a paragraph with a bullet class. */
export function blockMarkup(block: DocBlock, runs: readonly Run[], lang: string, className: string, options: RunOptions): string {
  const tag = blockElement(block);
  const classes = [className, block.type === 'list-item' ? 'list-item' : ''].filter(Boolean).join(' ');
  return `<${tag} class="${classes}" lang="${lang}">${runsMarkup(runs, options)}</${tag}>`;
}

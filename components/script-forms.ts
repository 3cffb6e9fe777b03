import 'server-only';
import { toSimplified, toTraditional } from '@/lib/annotate/chinese-script';
import { scriptOf } from '@/lib/annotate/source-script';
import type { ChineseScript } from '@/lib/annotate/types';

/** Chinese as written and its form in the other script, where that differs. */
export interface ScriptForms {
  text: string;
  /** For simplified Chinese: its traditional form. */
  traditional?: string;
  /** For traditional Chinese: its simplified form. */
  simplified?: string;
}

/**
 * Chinese outside the annotated rows (a title, a table of contents entry, a note's quote) and its
 * form in the other script where that differs, worked out when the page is made, for ScriptText.
 * `source` is the script it is written in (by default measured on the text itself): traditional
 * Chinese gets a simplified form, never another traditional one.
 * `scriptForms('激进观点')` → `{ text: '激进观点', traditional: '激進觀點' }`;
 * `scriptForms('說楔子敷陳大義')` → `{ text: '說楔子敷陳大義', simplified: '说楔子敷陈大义' }`.
 */
export function scriptForms(text: string, source: ChineseScript = scriptOf(text)): ScriptForms {
  if (source === 'trad') {
    const simplified = toSimplified(text);
    return simplified === text ? { text } : { text, simplified };
  }
  const traditional = toTraditional(text);
  return traditional === text ? { text } : { text, traditional };
}

/**
 * A `title` attribute's text and its other script's form, for ScriptMarker to swap:
 * `{ title, 'data-title-trad' }` for simplified Chinese, `{ title, 'data-title-simp' }` for traditional.
 */
export function scriptTitle(
  text: string,
  source: ChineseScript = scriptOf(text),
): { title: string; 'data-title-trad'?: string; 'data-title-simp'?: string } {
  const forms = scriptForms(text, source);
  if (forms.simplified) return { title: text, 'data-title-simp': forms.simplified };
  return forms.traditional ? { title: text, 'data-title-trad': forms.traditional } : { title: text };
}

/** A text in both scripts, when they differ (for ScriptMarker's `documentTitle`). */
export function scriptPair(text: string, source: ChineseScript = scriptOf(text)): { simp: string; trad: string } | undefined {
  const forms = scriptForms(text, source);
  if (forms.simplified) return { simp: forms.simplified, trad: text };
  return forms.traditional ? { simp: text, trad: forms.traditional } : undefined;
}

import 'server-only';
import { toTraditional } from '@/lib/annotate/chinese-script';

/**
 * Chinese outside the annotated rows (a title, a table of contents entry, a note's quote) and
 * its traditional form where that differs, worked out when the page is made, for ScriptText.
 * `scriptForms('激进观点')` → `{ text: '激进观点', traditional: '激進觀點' }`.
 */
export function scriptForms(text: string): { text: string; traditional?: string } {
  const traditional = toTraditional(text);
  return traditional === text ? { text } : { text, traditional };
}

/** A `title` attribute's text in both scripts, for ScriptMarker to swap: `{ title, 'data-title-trad' }`. */
export function scriptTitle(text: string): { title: string; 'data-title-trad'?: string } {
  const traditional = toTraditional(text);
  return traditional === text ? { title: text } : { title: text, 'data-title-trad': traditional };
}

/** A text and its traditional form, when they differ (for ScriptMarker's `documentTitle`). */
export function scriptPair(text: string): { simp: string; trad: string } | undefined {
  const traditional = toTraditional(text);
  return traditional === text ? undefined : { simp: text, trad: traditional };
}

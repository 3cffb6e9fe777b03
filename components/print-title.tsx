import type { ChineseScript } from '@/lib/annotate/types';
import { cssString } from '@/lib/export/markup';
import { scriptForms } from './script-forms';

function pageTitleCss(title: string): string {
  return `@page{@top-center{content:${cssString(title)};font-family:'Noto Sans','DejaVu Sans','Noto Sans CJK SC','Noto Sans CJK TC',sans-serif;font-size:8.5pt;color:#5d574d}}`;
}

/**
 * The text's title in the top margin of every printed page (browsers with @page margin boxes;
 * Chromium 131+), in both scripts where they differ: ScriptMarker turns on the chosen one.
 * `script` is the one the title is written in.
 */
export function PrintTitle({ title, script = 'simp' }: { title: string; script?: ChineseScript }) {
  const forms = scriptForms(title, script);
  const other = forms.traditional ?? forms.simplified;
  return (
    <>
      <style data-print-title={script} dangerouslySetInnerHTML={{ __html: pageTitleCss(title) }} />
      {other !== undefined && (
        <style
          data-print-title={script === 'trad' ? 'simp' : 'trad'}
          media="not all"
          dangerouslySetInnerHTML={{ __html: pageTitleCss(other) }}
        />
      )}
    </>
  );
}

import { toTraditional } from '@/lib/annotate/chinese-script';
import { cssString } from '@/lib/export/markup';

function pageTitleCss(title: string): string {
  return `@page{@top-center{content:${cssString(title)};font-family:'Noto Sans','DejaVu Sans','Noto Sans CJK SC','Noto Sans CJK TC',sans-serif;font-size:8.5pt;color:#5d574d}}`;
}

/**
 * The text's title in the top margin of every printed page (browsers with @page margin boxes;
 * Chromium 131+), in both scripts where they differ: ScriptMarker turns on the chosen one.
 */
export function PrintTitle({ title }: { title: string }) {
  const traditional = toTraditional(title);
  return (
    <>
      <style data-print-title="simp" dangerouslySetInnerHTML={{ __html: pageTitleCss(title) }} />
      {traditional !== title && (
        <style data-print-title="trad" media="not all" dangerouslySetInnerHTML={{ __html: pageTitleCss(traditional) }} />
      )}
    </>
  );
}

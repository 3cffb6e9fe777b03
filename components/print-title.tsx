import { cssString } from '@/lib/export/markup';

/** The text's title in the top margin of every printed page (browsers with @page margin boxes; Chromium 131+). */
export function PrintTitle({ title }: { title: string }) {
  const css = `@page{@top-center{content:${cssString(title)};font-family:'Noto Sans','DejaVu Sans','Noto Sans CJK SC',sans-serif;font-size:8.5pt;color:#5d574d}}`;
  return <style dangerouslySetInnerHTML={{ __html: css }} />;
}

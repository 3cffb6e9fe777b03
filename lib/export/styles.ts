import { cssString } from './markup';

/**
 * The stylesheet of the standalone HTML file, which is also the page the PDF is printed from.
 * It follows the reader's print rules (app/styles/print.css): one grid per row so a Chinese
 * paragraph and its English share a row; a row is kept on one page when it fits; headings stay
 * with the row after them; title and page numbers in the page margins.
 */
const BASE_CSS = `
:root{--ink:#1f1c17;--muted:#5d574d;--rule:#ddd6c8;--accent:#8a2b1d;--paper:#fbf9f4;
--font-zh:'Noto Serif CJK SC','Source Han Serif SC','Songti SC','Noto Sans CJK SC','PingFang SC','Microsoft YaHei',serif;
--font-en:Charter,'Iowan Old Style',Georgia,'Noto Serif','DejaVu Serif',serif;
--font-ui:system-ui,-apple-system,'Segoe UI','Noto Sans','Noto Sans CJK SC',sans-serif}
*,*::before,*::after{box-sizing:border-box}
body{margin:0 auto;max-width:76rem;padding:1.5rem clamp(1rem,4vw,2.5rem) 3rem;background:var(--paper);color:var(--ink);font-family:var(--font-en);font-size:1.0625rem;line-height:1.6}
:lang(zh){font-family:var(--font-zh)}
:lang(en){font-family:var(--font-en)}
a{color:var(--accent)}
.text-title{font-size:1.9rem;line-height:1.35;margin:.5rem 0}
.text-title span{display:block}
.text-title .title-gloss{font-weight:400;font-size:.8em;color:var(--muted);font-family:var(--font-en)}
.text-meta{color:var(--muted);font-family:var(--font-ui);font-size:.95rem;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
.layout-switch{border:0;padding:0;margin:1rem 0;font-family:var(--font-ui);font-size:.9rem;display:flex;flex-wrap:wrap;gap:.25rem .75rem;align-items:center}
.layout-switch legend{float:left;margin-right:.5rem;color:var(--muted)}
.row{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);column-gap:clamp(1rem,3vw,2.5rem);padding:.2rem 0}
.cell-zh{font-size:1.125rem;line-height:1.9}
.cell-en{line-height:1.65;font-family:var(--font-en)}
.two-targets .row{grid-template-columns:minmax(0,1.1fr) minmax(0,1fr) minmax(0,1fr)}
.cell>p,.cell>h2,.cell>h3,.cell>h4,.cell>h5,.cell>h6{margin:.4rem 0}
.cell .list-item{display:list-item;list-style:disc outside;margin-left:1.25em}
.row-heading{margin-top:1.25rem;border-top:1px solid var(--rule);padding-top:.75rem}
.row-heading h2,.row-heading h3,.row-heading h4,.row-heading h5,.row-heading h6{font-size:1.3rem;line-height:1.45}
.row-break{border:0;border-top:1px solid var(--rule);width:30%;margin:1.75rem auto}
.mark{font-family:var(--font-ui);font-size:.85rem;color:var(--muted);border:1px dashed var(--muted);border-radius:4px;padding:.1rem .5rem;display:inline-block}
.note-ref{font-family:var(--font-ui);font-size:.75em;line-height:1}
.note-ref a{text-decoration:none;padding:0 .1em}
rt{font-family:var(--font-ui);font-size:.55em;color:var(--muted)}
.notes{margin-top:2.5rem;border-top:1px solid var(--rule);font-size:.95rem}
.notes h2{font-size:1.2rem}
.notes li{margin:.4rem 0}
.note-quote{font-weight:600}
html:has(#layout-stacked:checked) .row{grid-template-columns:minmax(0,1fr)}
html:has(#layout-zh:checked) .row,html:has(#layout-en:checked) .row{grid-template-columns:minmax(0,46rem);justify-content:center}
html:has(#layout-zh:checked) .cell-en,html:has(#layout-en:checked) .cell-zh{display:none}
@media (max-width:767.98px){html:has(#layout-side:checked) .row{grid-template-columns:minmax(0,1fr)}}
@media print{
body{background:none;max-width:none;padding:0;font-size:10.5pt;line-height:1.5}
.layout-switch{display:none}
.text-title{font-size:17pt}
.cell-zh{font-size:11pt;line-height:1.75}
.cell-en{hyphens:manual}
.row{break-inside:avoid;padding:0}
.row-long{break-inside:auto}
.row-heading{break-after:avoid;break-inside:avoid}
.row-heading h2,.row-heading h3,.row-heading h4,.row-heading h5,.row-heading h6{font-size:12.5pt}
.text-header{break-after:avoid}
html:has(#layout-side:checked) .row{grid-template-columns:minmax(0,1fr) minmax(0,1fr)}
html:has(#layout-side:checked) .two-targets .row{grid-template-columns:minmax(0,1.1fr) minmax(0,1fr) minmax(0,1fr)}
a{color:inherit}
a.url-shown::after{content:' (' attr(href) ')';font-size:.85em;word-break:break-all}
.notes{break-before:auto}
.notes li{break-inside:avoid}
}`;

/** The page rules: margins, the title at the top, page numbers at the bottom (Chromium 131+ draws margin boxes). */
export function pageCss(title: string): string {
  return `@page{margin:18mm 15mm 16mm;@top-center{content:${cssString(title)};font-family:'Noto Sans','DejaVu Sans','Noto Sans CJK SC',sans-serif;font-size:8.5pt;color:#5d574d}@bottom-center{content:counter(page) ' / ' counter(pages);font-size:8.5pt;color:#5d574d}}`;
}

/** The full stylesheet of a standalone file titled `title`. */
export function exportCss(title: string): string {
  return `${BASE_CSS.trim()}\n${pageCss(title)}`;
}

import type { DocBlock, DocNote, DocSection, ExportDocument } from './document';
import { blockMarkup, escapeXml, type RunOptions } from './markup';
import { isLongRow } from './print';
import { exportCss } from './styles';

/** How the two languages are laid out: side by side, stacked, or one language alone. */
export const exportLayouts = ['side', 'stacked', 'zh', 'en'] as const;
export type ExportLayout = (typeof exportLayouts)[number];

export interface HtmlOptions {
  /** The layout the file opens in (the reader can switch it without scripts). */
  layout: ExportLayout;
  /** Only these sections (by name, the id of their first block); all when absent. */
  sections?: readonly string[];
}

const LAYOUT_LABELS: Record<ExportLayout, string> = {
  side: 'Side by side',
  stacked: 'Stacked',
  zh: 'Chinese only',
  en: 'English only',
};

export const ZH_LANG = 'zh-Hans';
export const EN_LANG = 'en';

/** `s` → the markup of a note reference in one language; the Chinese one is the note's way back. */
function noteRef(lang: 'zh' | 'en'): RunOptions['noteRef'] {
  return (n) => `<sup class="note-ref"><a href="#note-${n}" id="ref-${lang}-${n}" aria-label="Note ${n}">${n}</a></sup>`;
}

const zhRuns: RunOptions = { noteRef: noteRef('zh'), rubyParens: true };
const enRuns: RunOptions = { noteRef: noteRef('en'), rubyParens: true };

/** One row: the block's Chinese and English in two cells of the same grid, each with its language. */
export function rowHtml(block: DocBlock): string {
  if (block.type === 'break') return `<hr class="row-break" id="${escapeXml(block.id)}">`;
  const zh = blockMarkup(block, block.zh, ZH_LANG, '', zhRuns);
  const en = block.en ? blockMarkup(block, block.en, EN_LANG, '', enRuns) : `<p class="mark" lang="${EN_LANG}">Untranslated</p>`;
  const stale = block.stale ? `<p class="mark" lang="${EN_LANG}">The Chinese has changed since this was translated</p>` : '';
  const longRow = isLongRow(sideLength(block.zh), sideLength(block.en)) ? ' row-long' : '';
  return (
    `<div class="row row-${block.type}${longRow}" id="${escapeXml(block.id)}">` +
    `<div class="cell cell-zh" lang="${ZH_LANG}">${zh}</div>` +
    `<div class="cell cell-en" lang="${EN_LANG}">${en}${stale}</div></div>`
  );
}

function sideLength(runs: DocBlock['zh'] | null): number {
  return (runs ?? []).reduce(
    (sum, r) => sum + (r.kind === 'text' || r.kind === 'link' ? r.text.length : r.kind === 'ruby' ? r.pairs.length : 0),
    0,
  );
}

/** The numbered notes, each linking back to its reference. */
export function notesHtml(notes: readonly DocNote[]): string {
  if (notes.length === 0) return '';
  const items = notes
    .map(
      (n) =>
        `<li id="note-${n.number}" value="${n.number}"><span class="note-quote" lang="${ZH_LANG}">${escapeXml(n.quote)}</span> ` +
        `<span lang="${EN_LANG}">${escapeXml(n.body)}</span>` +
        (n.detached ? ` <span class="mark" lang="${EN_LANG}">The passage this note was about has changed.</span>` : '') +
        ` <a href="#ref-zh-${n.number}" aria-label="Back to the text (note ${n.number})">↩</a></li>`,
    )
    .join('');
  return `<section class="notes" lang="${EN_LANG}"><h2>Translator’s notes</h2><ol>${items}</ol></section>`;
}

function sectionHtml(section: DocSection): string {
  // Not the section's name alone: that is its first block's id, which the block's row has.
  return `<section class="section" id="section-${section.name}">${section.blocks.map(rowHtml).join('')}</section>`;
}

function layoutSwitch(layout: ExportLayout): string {
  const options = Object.entries(LAYOUT_LABELS)
    .map(
      ([value, label]) =>
        `<label><input type="radio" name="layout" id="layout-${value}" value="${value}"${value === layout ? ' checked' : ''}> ${label}</label>`,
    )
    .join('');
  return `<fieldset class="layout-switch" lang="${EN_LANG}"><legend>Layout</legend>${options}</fieldset>`;
}

/** The title both languages have, for `<title>` and the page margins: `中文 · English`. */
export function documentTitle(doc: ExportDocument): string {
  return doc.title.en ? `${doc.title.zh} · ${doc.title.en}` : doc.title.zh;
}

/**
 * A standalone HTML file of the text: styles inline, no scripts, no request to any server.
 * The layout switch works with CSS alone; every cell carries its language.
 * `renderStandaloneHtml(doc, { layout: 'side' })` → `'<!DOCTYPE html><html lang="zh-Hans">…'`.
 */
export function renderStandaloneHtml(doc: ExportDocument, options: HtmlOptions): string {
  const wanted = options.sections ? new Set(options.sections) : undefined;
  const sections = wanted ? doc.sections.filter((s) => wanted.has(s.name)) : doc.sections;
  const notes = wanted ? sections.flatMap((s) => s.notes) : doc.notes;
  const title = documentTitle(doc);
  const meta = [
    doc.meta.date ? `<time datetime="${escapeXml(doc.meta.date)}">${escapeXml(doc.meta.date)}</time>` : '',
    doc.meta.author ? `<span>${escapeXml(doc.meta.author)}</span>` : '',
  ].join('');
  return (
    `<!DOCTYPE html>\n<html lang="${ZH_LANG}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    // Nothing may be fetched: no scripts, styles, images or fonts from anywhere.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">` +
    `<title>${escapeXml(title)}</title>` +
    (doc.meta.author ? `<meta name="author" content="${escapeXml(doc.meta.author)}">` : '') +
    `<style>${exportCss(title)}</style></head><body>` +
    `<header class="text-header"><h1 class="text-title"><span lang="${ZH_LANG}">${escapeXml(doc.title.zh)}</span>` +
    (doc.title.en ? `<span lang="${EN_LANG}">${escapeXml(doc.title.en)}</span>` : '') +
    `</h1>${meta ? `<p class="text-meta" lang="${EN_LANG}">${meta}</p>` : ''}${layoutSwitch(options.layout)}</header>` +
    `<main class="reader">${sections.map(sectionHtml).join('')}</main>` +
    notesHtml(notes) +
    `</body></html>\n`
  );
}

import { targetLanguageName } from '@/lib/i18n/target-language';
import type { DocBlock, DocGloss, DocNote, DocSection, ExportDocument } from './document';
import { blockMarkup, escapeXml, type RunOptions } from './markup';
import { isLongRow } from './print';
import { exportCss } from './styles';

/** How the languages are laid out: side by side, stacked, the Chinese alone or the target language(s) alone (`en`). */
export const exportLayouts = ['side', 'stacked', 'zh', 'en'] as const;
export type ExportLayout = (typeof exportLayouts)[number];

export interface HtmlOptions {
  /** The layout the file opens in (the reader can switch it without scripts). */
  layout: ExportLayout;
  /** Only these sections (by name, the id of their first block); all when absent. */
  sections?: readonly string[];
}

/** The layouts' labels; `en` shows the target language(s) alone, named when it is not English alone. */
function layoutLabels(languages: readonly string[]): Record<ExportLayout, string> {
  const targets = languages.map((lang) => targetLanguageName(lang)).join(' and ');
  return { side: 'Side by side', stacked: 'Stacked', zh: 'Chinese only', en: `${targets || 'English'} only` };
}

export const ZH_LANG = 'zh-Hans';
/** The language of the file's own words (labels, marks, the translator's notes): English. */
export const EN_LANG = 'en';

/** `s` → the markup of a note reference in one language; the Chinese one is the note's way back. */
function noteRef(lang: string): RunOptions['noteRef'] {
  return (n) => `<sup class="note-ref"><a href="#note-${n}" id="ref-${lang}-${n}" aria-label="Note ${n}">${n}</a></sup>`;
}

const zhRuns: RunOptions = { noteRef: noteRef('zh'), rubyParens: true };

/** What a cell says for a paragraph not translated into `lang`: `Not yet translated into French`. */
export function untranslatedNotice(lang: string): string {
  return `Not yet translated into ${targetLanguageName(lang)}`;
}

/** One target language's cell of a row: its gloss with its `lang`, or the notice (in English, and marked so). */
function glossCell(block: DocBlock, gloss: DocGloss): string {
  const body = gloss.runs
    ? blockMarkup(block, gloss.runs, gloss.lang, '', { noteRef: noteRef(gloss.lang), rubyParens: true })
    : `<p class="mark" lang="${EN_LANG}">${escapeXml(untranslatedNotice(gloss.lang))}</p>`;
  const stale = gloss.stale ? `<p class="mark" lang="${EN_LANG}">The Chinese has changed since this was translated</p>` : '';
  return `<div class="cell cell-en" lang="${escapeXml(gloss.lang)}">${body}${stale}</div>`;
}

/** One row: the block's Chinese and its gloss in each language, cells of the same grid, each with its language. */
export function rowHtml(block: DocBlock): string {
  if (block.type === 'break') return `<hr class="row-break" id="${escapeXml(block.id)}">`;
  const zh = blockMarkup(block, block.zh, ZH_LANG, '', zhRuns);
  const longest = Math.max(0, ...block.glosses.map((g) => sideLength(g.runs)));
  const longRow = isLongRow(sideLength(block.zh), longest) ? ' row-long' : '';
  return (
    `<div class="row row-${block.type}${longRow}" id="${escapeXml(block.id)}">` +
    `<div class="cell cell-zh" lang="${ZH_LANG}">${zh}</div>` +
    `${block.glosses.map((gloss) => glossCell(block, gloss)).join('')}</div>`
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

function layoutSwitch(layout: ExportLayout, languages: readonly string[]): string {
  const options = Object.entries(layoutLabels(languages))
    .map(
      ([value, label]) =>
        `<label><input type="radio" name="layout" id="layout-${value}" value="${value}"${value === layout ? ' checked' : ''}> ${label}</label>`,
    )
    .join('');
  return `<fieldset class="layout-switch" lang="${EN_LANG}"><legend>Layout</legend>${options}</fieldset>`;
}

/** The title in every language it has, for `<title>` and the page margins: `中文 · English · Français`. */
export function documentTitle(doc: ExportDocument): string {
  return [doc.title.zh, ...doc.title.glosses.flatMap((g) => (g.text ? [g.text] : []))].join(' · ');
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
    doc.title.glosses
      .map((g) => (g.text ? `<span class="title-gloss" lang="${escapeXml(g.lang)}">${escapeXml(g.text)}</span>` : ''))
      .join('') +
    `</h1>${meta ? `<p class="text-meta" lang="${EN_LANG}">${meta}</p>` : ''}${layoutSwitch(options.layout, doc.languages)}</header>` +
    `<main class="reader${doc.languages.length > 1 ? ' two-targets' : ''}">${sections.map(sectionHtml).join('')}</main>` +
    notesHtml(notes) +
    `</body></html>\n`
  );
}

import type { DocBlock, DocNote, DocSection, ExportDocument, Run } from './document';
import { runsText } from './document';
import { escapeXml, runsMarkup, type RunOptions } from './markup';
import { CONTAINER, CSS, langAttrs, packageDocument, XHTML_HEAD } from './epub-package';
import { EN_LANG, untranslatedNotice, ZH_LANG } from './html';

/**
 * The files of an EPUB 3 package for a text: the reader's sections in order, gathered into
 * XHTML files of bounded size (a section larger than a file is cut between blocks), a
 * navigation document with every section (and the headings inside a section), footnotes
 * linked both ways.
 * No tables: each pair is two consecutive blocks inside one container that readers are asked
 * not to split across pages.
 */

export const epubOrders = ['zh-first', 'en-first'] as const;
export type EpubOrder = (typeof epubOrders)[number];
export const epubModes = ['parallel', 'zh', 'en'] as const;
export type EpubMode = (typeof epubModes)[number];

export interface EpubOptions {
  order: EpubOrder;
  mode: EpubMode;
  /** `dcterms:modified`; the caller passes the time (this module reads no clock). */
  modified: Date;
  /** Only these sections (by name, the id of their first block); all when absent. */
  sections?: readonly string[];
}

export interface EpubFile {
  path: string;
  data: string;
  /** Stored uncompressed, first in the archive. */
  store?: boolean;
}

/**
 * The bounds of one XHTML file: readers get slow on very large files, and a file per section
 * (17,387 of them for one generated text) made epubcheck run out of stack.
 */
export const BLOCKS_PER_FILE = 400;
export const FILE_BYTES = 256 * 1024;

/** A run of one section's blocks within a file; `first` when it opens the section. */
interface Piece {
  section: DocSection;
  first: boolean;
  markup: string[];
  blocks: DocBlock[];
}

interface ContentFile {
  file: string;
  pieces: Piece[];
}

/** UTF-8 length of a string, without encoding it. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Gathers the sections, in order, into files of at most FILE_BYTES of markup and BLOCKS_PER_FILE
 * blocks: a file takes whole sections while they fit, and a section that does not fit a file
 * of its own is cut between blocks. An empty section still gets a (tiny) piece, so the nav can
 * point at it.
 */
function contentFiles(sections: readonly DocSection[], options: EpubOptions): ContentFile[] {
  const files: ContentFile[] = [];
  let current: ContentFile | undefined;
  let bytes = 0;
  let blocks = 0;
  const open = () => {
    current = { file: `text-${files.length + 1}.xhtml`, pieces: [] };
    files.push(current);
    bytes = 0;
    blocks = 0;
  };
  for (const section of sections) {
    const markup = section.blocks.map((b) => pairMarkup(b, options));
    const size = markup.reduce((sum, m) => sum + utf8Length(m), 0);
    // A section that fits a file starts a new one rather than being cut across two.
    if (!current || (blocks > 0 && (bytes + size > FILE_BYTES || blocks + markup.length > BLOCKS_PER_FILE))) open();
    let piece: Piece = { section, first: true, markup: [], blocks: [] };
    current!.pieces.push(piece);
    markup.forEach((m, i) => {
      const length = utf8Length(m);
      if (blocks > 0 && (bytes + length > FILE_BYTES || blocks + 1 > BLOCKS_PER_FILE)) {
        open();
        piece = { section, first: false, markup: [], blocks: [] };
        current!.pieces.push(piece);
      }
      piece.markup.push(m);
      piece.blocks.push(section.blocks[i]!);
      bytes += length;
      blocks += 1;
    });
  }
  return files;
}

/** The note markers of one block side: an `epub:type="noteref"` link into the footnotes of the same file. */
function runOptions(lang: string): RunOptions {
  return {
    noteRef: (n) => `<a epub:type="noteref" class="noteref" href="#note-${n}" id="ref-${lang}-${n}">${n}</a>`,
    rubyParens: true,
  };
}

function tagOf(block: DocBlock): string {
  return block.type === 'heading' ? `h${Math.min(Math.max(block.level ?? 2, 2), 6)}` : 'p';
}

/** One side of a block: the Chinese, or its gloss in one target language. */
interface Side {
  /** `zh`, or the target language's tag. */
  lang: string;
  runs: readonly Run[] | null;
  target: boolean;
}

/** A block's sides in the order and selection of the options (`mode`, `order`). */
function sidesOf(block: DocBlock, options: EpubOptions): Side[] {
  const zh: Side = { lang: 'zh', runs: block.zh, target: false };
  const targets: Side[] = block.glosses.map((g) => ({ lang: g.lang, runs: g.runs, target: true }));
  if (options.mode === 'zh') return [zh];
  if (options.mode === 'en') return targets;
  return options.order === 'zh-first' ? [zh, ...targets] : [...targets, zh];
}

function sideMarkup(block: DocBlock, side: Side): string {
  const code = side.target ? side.lang : ZH_LANG;
  const cls = [side.target ? 'en' : 'zh', block.type === 'list-item' ? 'list-item' : ''].filter(Boolean).join(' ');
  // A missing gloss says so in English: never another language's gloss in its place.
  if (!side.runs) return `<p class="${cls} untranslated" ${langAttrs(EN_LANG)}>(${escapeXml(untranslatedNotice(side.lang))})</p>`;
  return `<p class="${cls}" ${langAttrs(code)}>${runsMarkup(side.runs, runOptions(side.lang))}</p>`;
}

/** One pair as consecutive blocks in one container, ordered and filtered by the options. */
function pairMarkup(block: DocBlock, options: EpubOptions): string {
  if (block.type === 'break') return `<hr class="break" id="${escapeXml(block.id)}"/>`;
  const sides = sidesOf(block, options);
  if (block.type === 'heading') {
    const tag = tagOf(block);
    const spans = sides
      .map((side) => {
        if (!side.runs) return '';
        const cls = side.target ? ' class="en"' : '';
        return `<span${cls} ${langAttrs(side.target ? side.lang : ZH_LANG)}>${runsMarkup(side.runs, runOptions(side.lang))}</span>`;
      })
      .filter(Boolean);
    return `<div class="pair pair-heading" id="${escapeXml(block.id)}"><${tag}>${spans.join(options.mode === 'parallel' ? '<br/>' : '')}</${tag}></div>`;
  }
  return `<div class="pair" id="${escapeXml(block.id)}">${sides.map((side) => sideMarkup(block, side)).join('')}</div>`;
}

function footnotesMarkup(notes: readonly DocNote[], backTo: ReadonlyMap<number, string>): string {
  if (notes.length === 0) return '';
  const asides = notes
    .map(
      (n) =>
        `<aside epub:type="footnote" id="note-${n.number}"><p ${langAttrs(EN_LANG)}>` +
        `<a href="#${backTo.get(n.number) ?? ''}">${n.number}.</a> <span ${langAttrs(ZH_LANG)}>${escapeXml(n.quote)}</span>: ${escapeXml(n.body)}` +
        (n.detached ? ' (The passage this note was about has changed.)' : '') +
        `</p></aside>`,
    )
    .join('');
  return `<section class="footnotes" epub:type="footnotes" ${langAttrs(EN_LANG)}><h2>Translator’s notes</h2>${asides}</section>`;
}

/** Each note referenced in these blocks → the id of its first reference as the reader meets them. */
function firstReferences(blocks: readonly DocBlock[], options: EpubOptions): Map<number, string> {
  const first = new Map<number, string>();
  for (const block of blocks) {
    for (const side of sidesOf(block, options)) {
      for (const run of side.runs ?? []) {
        if (run.kind === 'note' && !first.has(run.number)) first.set(run.number, `ref-${side.lang}-${run.number}`);
      }
    }
  }
  return first;
}

/** A heading or section as the nav names it: the Chinese and the first target language's (`en` holds it, in `lang`). */
interface Label {
  zh: string;
  en: string | null;
}

function headingText(block: DocBlock): Label {
  const first = block.glosses[0]?.runs;
  return { zh: runsText(block.zh), en: first ? runsText(first) : null };
}

/** The document's title as a label: the Chinese and the first target language's. */
const titleLabel = (doc: ExportDocument): Label => ({ zh: doc.title.zh, en: doc.title.glosses[0]?.text ?? null });
/** The language of a label's second part. */
const labelLang = (doc: ExportDocument) => doc.languages[0] ?? EN_LANG;

/** A section as the nav and its file's title name it: its chapter's headings, as the reader does. */
function sectionTitle(section: DocSection, doc: ExportDocument): Label {
  if (section.headings.length === 0) {
    if (section.number === 1 && !section.opening) return titleLabel(doc);
    // "Part n" is English: it names a part only where English is the first target language.
    return { zh: section.opening || doc.title.zh, en: labelLang(doc) === EN_LANG ? `Part ${section.number}` : null };
  }
  const titles = section.headings.map(headingText);
  const part = section.part && section.part.n > 1 ? ` (${section.part.n}/${section.part.of})` : '';
  const en = titles.every((t) => t.en) ? titles.map((t) => t.en).join(' · ') + part : null;
  return { zh: titles.map((t) => t.zh).join(' · ') + part, en };
}

function titlePage(doc: ExportDocument): string {
  const meta = [doc.meta.author, doc.meta.date]
    .filter(Boolean)
    .map((v) => escapeXml(v ?? ''))
    .join(' · ');
  return (
    XHTML_HEAD(titleLabel(doc).en ?? doc.title.zh, ZH_LANG) +
    `<body><section epub:type="titlepage"><h1><span ${langAttrs(ZH_LANG)}>${escapeXml(doc.title.zh)}</span>` +
    doc.title.glosses.map((g) => (g.text ? `<span class="en" ${langAttrs(g.lang)}>${escapeXml(g.text)}</span>` : '')).join('') +
    `</h1>${meta ? `<p ${langAttrs(EN_LANG)}>${meta}</p>` : ''}</section></body></html>\n`
  );
}

function navLabel(title: Label, lang: string): string {
  return (
    `<span ${langAttrs(ZH_LANG)}>${escapeXml(title.zh)}</span>` +
    (title.en ? ` · <span ${langAttrs(lang)}>${escapeXml(title.en)}</span>` : '')
  );
}

/** The id of a section's element in its file: not the block id, which its first block has. */
const sectionAnchor = (section: DocSection) => `section-${section.name}`;

/** A nav list longer than this is grouped by content file. */
export const NAV_LIST_MAX = 100;
/**
 * The most sections the nav lists one by one: past it, the nav has one entry per content file
 * only. epubcheck 5 runs out of stack on a nav of 10,000 entries (it passed 4,000).
 */
export const NAV_ENTRIES_MAX = 3_000;

/**
 * Every section, in order, each with the headings inside it past its opening ones. With more
 * than NAV_LIST_MAX sections, one entry per content file (`第1回 – 第200回`) holds its sections;
 * with more than NAV_ENTRIES_MAX, the file entries alone.
 */
function navDocument(doc: ExportDocument, list: readonly ContentFile[]): string {
  const lang = labelLang(doc);
  const byFile: { file: string; titles: Label[]; entries: { link: string; inner: string[] }[] }[] = [];
  let last: { link: string; inner: string[] } | undefined;
  for (const { file, pieces } of list) {
    const group = { file, titles: [] as Label[], entries: [] as { link: string; inner: string[] }[] };
    byFile.push(group);
    for (const piece of pieces) {
      const section = piece.section;
      if (piece.first) {
        const title = sectionTitle(section, doc);
        last = { link: `<a href="${file}#${sectionAnchor(section)}">${navLabel(title, lang)}</a>`, inner: [] };
        group.titles.push(title);
        group.entries.push(last);
      }
      const opening = new Set(section.headings.map((h) => h.id));
      for (const b of piece.blocks) {
        if (b.type === 'heading' && !opening.has(b.id))
          last?.inner.push(`<li><a href="${file}#${escapeXml(b.id)}">${navLabel(headingText(b), lang)}</a></li>`);
      }
    }
  }
  const entry = (e: { link: string; inner: string[] }) =>
    `<li>${e.link}${e.inner.length > 0 ? `<ol>${e.inner.join('')}</ol>` : ''}</li>`;
  const all = byFile.flatMap((g) => g.entries);
  const items =
    all.length <= NAV_LIST_MAX
      ? all.map(entry).join('')
      : byFile
          .filter((g) => g.entries.length > 0)
          .map((g) => {
            const first = g.titles[0]!;
            const end = g.titles.at(-1)!;
            const span =
              g.titles.length === 1
                ? first
                : { zh: `${first.zh} – ${end.zh}`, en: first.en && end.en ? `${first.en} – ${end.en}` : null };
            const inner = all.length <= NAV_ENTRIES_MAX ? `<ol>${g.entries.map(entry).join('')}</ol>` : '';
            return `<li><a href="${g.file}">${navLabel(span, lang)}</a>${inner}</li>`;
          })
          .join('');
  const first = list[0]?.file;
  return (
    XHTML_HEAD('Contents', EN_LANG) +
    `<body><nav epub:type="toc" id="toc"><h1>Contents</h1><ol><li><a href="title.xhtml">${escapeXml(titleLabel(doc).en ?? doc.title.zh)}</a></li>${items}</ol></nav>` +
    `<nav epub:type="landmarks" hidden="hidden"><h2>Landmarks</h2><ol><li><a epub:type="titlepage" href="title.xhtml">Title page</a></li>` +
    (first ? `<li><a epub:type="bodymatter" href="${first}">Text</a></li>` : '') +
    `</ol></nav></body></html>\n`
  );
}

/**
 * The files of the EPUB, `mimetype` first; zip them in this order (`zipEntries`).
 * `buildEpubFiles(doc, { order: 'zh-first', mode: 'parallel', modified })` → `[mimetype, META-INF/container.xml, OEBPS/content.opf, …]`.
 */
export function buildEpubFiles(doc: ExportDocument, options: EpubOptions): EpubFile[] {
  const wanted = options.sections ? new Set(options.sections) : undefined;
  const sections = wanted ? doc.sections.filter((s) => wanted.has(s.name)) : doc.sections;
  const list = contentFiles(sections, options);
  const files: EpubFile[] = [
    { path: 'mimetype', data: 'application/epub+zip', store: true },
    { path: 'META-INF/container.xml', data: CONTAINER },
    {
      path: 'OEBPS/content.opf',
      data: packageDocument(
        doc,
        list.map((c) => c.file),
        options.mode === 'zh' ? [] : doc.languages,
        options.modified,
      ),
    },
    { path: 'OEBPS/nav.xhtml', data: navDocument(doc, list) },
    { path: 'OEBPS/styles.css', data: CSS },
    { path: 'OEBPS/title.xhtml', data: titlePage(doc) },
  ];
  const live = new Set(doc.sections.flatMap((s) => s.blocks.map((b) => b.id)));
  list.forEach((content, i) => {
    const isLast = i === list.length - 1;
    const backTo = firstReferences(
      content.pieces.flatMap((p) => p.blocks),
      options,
    );
    const notes = doc.notes.filter((n) => backTo.has(n.number));
    // Notes of blocks that no longer exist have no reference; they close the book, without a way back.
    const orphans = isLast && !wanted ? doc.notes.filter((n) => !live.has(n.block)) : [];
    const title = sectionTitle(content.pieces[0]!.section, doc);
    const body = content.pieces
      .map(
        (p) => `<section epub:type="chapter"${p.first ? ` id="${sectionAnchor(p.section)}"` : ''}>${p.markup.join('')}</section>`,
      )
      .join('');
    files.push({
      path: `OEBPS/${content.file}`,
      data:
        XHTML_HEAD(title.en ?? title.zh, ZH_LANG) +
        `<body>${body}` +
        footnotesMarkup(notes, backTo) +
        orphanNotesMarkup(orphans) +
        `</body></html>\n`,
    });
  });
  return files;
}

function orphanNotesMarkup(notes: readonly DocNote[]): string {
  if (notes.length === 0) return '';
  const items = notes
    .map(
      (n) =>
        `<p id="note-${n.number}" ${langAttrs(EN_LANG)}>${n.number}. <span ${langAttrs(ZH_LANG)}>${escapeXml(n.quote)}</span>: ${escapeXml(n.body)} (Its paragraph is no longer in the text.)</p>`,
    )
    .join('');
  return `<section class="footnotes" ${langAttrs(EN_LANG)}><h2>Notes on passages no longer in the text</h2>${items}</section>`;
}

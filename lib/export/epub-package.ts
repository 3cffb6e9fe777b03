import type { ExportDocument } from './document';
import { ZH_LANG } from './html';
import { escapeXml } from './markup';

/** The fixed parts of an EPUB package: its stylesheet, XHTML head, container and package document. */

export const CSS = `body{font-family:serif;line-height:1.6;margin:0 4%}
:lang(zh){font-family:'Noto Serif CJK SC','Source Han Serif SC','Songti SC',serif}
.pair{margin:0 0 1.1em;padding-bottom:.6em;border-bottom:1px solid #ddd6c8;page-break-inside:avoid;break-inside:avoid}
.pair p,.pair h2,.pair h3,.pair h4,.pair h5,.pair h6{margin:0 0 .35em}
.pair .en{color:#3b3730}
:lang(zh-Hant){font-family:'Noto Serif CJK TC','Source Han Serif TC',serif}
.pair-heading{border-bottom:0;page-break-after:avoid;break-after:avoid}
.pair-heading .en{display:block;font-weight:normal;font-size:.85em}
.list-item{padding-left:1.2em}
.untranslated{font-style:italic;color:#5d574d}
hr.break{border:0;border-top:1px solid #ddd6c8;width:30%;margin:1.5em auto}
.noteref{font-size:.75em;vertical-align:super;line-height:0;text-decoration:none}
.footnotes{margin-top:2em;border-top:1px solid #ddd6c8;font-size:.9em}
.footnotes aside{margin:.5em 0}
h1{font-size:1.5em}
h1 .en{display:block;font-weight:normal;font-size:.75em}
rt{font-size:.55em}
`;

export const XHTML_HEAD = (title: string, lang: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n` +
  `<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="${lang}" xml:lang="${lang}">` +
  `<head><meta charset="UTF-8"/><title>${escapeXml(title)}</title><link rel="stylesheet" type="text/css" href="styles.css"/></head>`;

export const langAttrs = (lang: string) => `lang="${lang}" xml:lang="${lang}"`;

/** An EPUB date: `YYYY-MM-DD` when the text's date is one, else nothing. */
function epubDate(date: string | undefined): string | null {
  return date && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(date) ? date : null;
}

/**
 * The package document (`content.opf`): both titles (the Chinese main, each target language's a
 * subtitle), author, date, every language the book shows as a `dc:language` (Chinese first),
 * the content files in reading order. `shown`: the target languages in the book (none in a
 * Chinese-only book).
 */
export function packageDocument(doc: ExportDocument, files: readonly string[], shown: readonly string[], modified: Date): string {
  const stamp = `${modified.toISOString().slice(0, 19)}Z`;
  const date = epubDate(doc.meta.date);
  const metadata = [
    `<dc:identifier id="uid">urn:bilingual-reader:${escapeXml(doc.slug)}</dc:identifier>`,
    `<dc:title id="title-zh" xml:lang="${ZH_LANG}">${escapeXml(doc.title.zh)}</dc:title>`,
    `<meta refines="#title-zh" property="title-type">main</meta>`,
    ...doc.title.glosses.flatMap((g) =>
      g.text && shown.includes(g.lang)
        ? [
            `<dc:title id="title-${escapeXml(g.lang)}" xml:lang="${escapeXml(g.lang)}">${escapeXml(g.text)}</dc:title>`,
            `<meta refines="#title-${escapeXml(g.lang)}" property="title-type">subtitle</meta>`,
          ]
        : [],
    ),
    ...(doc.meta.author ? [`<dc:creator id="author">${escapeXml(doc.meta.author)}</dc:creator>`] : []),
    ...(date ? [`<dc:date>${date}</dc:date>`] : []),
    `<dc:language>${ZH_LANG}</dc:language>`,
    ...shown.map((lang) => `<dc:language>${escapeXml(lang)}</dc:language>`),
    `<meta property="dcterms:modified">${stamp}</meta>`,
  ].join('');
  const manifest = [
    `<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>`,
    `<item id="css" href="styles.css" media-type="text/css"/>`,
    `<item id="title" href="title.xhtml" media-type="application/xhtml+xml"/>`,
    ...files.map((file, i) => `<item id="part${i + 1}" href="${file}" media-type="application/xhtml+xml"/>`),
  ].join('');
  const spine = [`<itemref idref="title"/>`, ...files.map((_, i) => `<itemref idref="part${i + 1}"/>`)].join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="${ZH_LANG}">` +
    `<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">${metadata}</metadata>` +
    `<manifest>${manifest}</manifest><spine>${spine}</spine></package>\n`
  );
}

export const CONTAINER =
  `<?xml version="1.0" encoding="UTF-8"?>\n<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">` +
  `<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>\n`;

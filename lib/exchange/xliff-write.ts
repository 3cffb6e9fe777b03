import { targetLanguageName } from '@/lib/i18n/target-language';
import { toXliff12State, toXliff20State } from './states';
import { SOURCE_LANGUAGE, TARGET_LANGUAGE, type ExportDocument, type ExportUnit } from './types';
import { element, serializeXml, type XmlElement } from './xml';

export const XLIFF12_NS = 'urn:oasis:names:tc:xliff:document:1.2';
export const XLIFF20_NS = 'urn:oasis:names:tc:xliff:document:2.0';
export const MDA_NS = 'urn:oasis:names:tc:xliff:metadata:2.0';
/** The tool named in the files, and the `from`/category of the metadata it writes. */
export const TOOL_ID = 'bilingual-reader';
/** In 1.2 the export revision travels in `extradata` (kept by CAT tools): `revision:<12 hex>`. */
export const REVISION_PREFIX = 'revision:';

/** How the English of a stale unit is introduced in its note when the target holds the Chinese. */
export const STALE_NOTE_PREFIX = 'English before the Chinese changed (revise it): ';

/** The same for any target language: `staleNotePrefix('fr')` → `'French before the Chinese changed (revise it): '`. */
export function staleNotePrefix(lang: string): string {
  return lang === TARGET_LANGUAGE ? STALE_NOTE_PREFIX : `${targetLanguageName(lang)} before the Chinese changed (revise it): `;
}

/** Which part of a unit a comment's quote is on, in 1.2's words: `source`, `target`, or `general`. */
function annotates12(side: 'zh' | 'gloss' | undefined): string {
  return side === 'zh' ? 'source' : side === 'gloss' ? 'target' : 'general';
}

/** The category of the notes that carry comments: anything else that is not the tool's own comes back as a comment. */
export const COMMENT_CATEGORY = 'comment';

function unit12(unit: ExportUnit, sourceInTarget: boolean, lang: string): XmlElement {
  const { state, approved } = toXliff12State(unit.status);
  const children: XmlElement[] = [element('source', { 'xml:lang': SOURCE_LANGUAGE }, [unit.source])];
  if (sourceInTarget) children.push(element('target', { 'xml:lang': lang, state }, [unit.source]));
  else if (unit.target !== undefined) children.push(element('target', { 'xml:lang': lang, state }, [unit.target]));
  for (const note of unit.notes) children.push(element('note', { from: TOOL_ID }, [note]));
  for (const comment of unit.comments ?? [])
    children.push(element('note', { from: comment.author, annotates: annotates12(comment.side) }, [comment.body]));
  // With the Chinese in the target, a stale gloss would be nowhere in the CAT tool (it is left out
  // of the TMX, being the English of other Chinese): it goes along as a note for the translator.
  if (sourceInTarget && unit.status === 'stale' && unit.target !== undefined)
    children.push(element('note', { from: TOOL_ID }, [`${staleNotePrefix(lang)}${unit.target}`]));
  return element(
    'trans-unit',
    {
      id: unit.id,
      resname: unit.id,
      restype: `x-${unit.kind}`,
      approved,
      extradata: `${REVISION_PREFIX}${unit.revision}`,
      'xml:space': 'preserve',
    },
    children,
  );
}

/**
 * Writes an XLIFF 1.2 document: one `<file original="<slug>">`, one `<trans-unit>` per unit with
 * `id` = block id, `<source>` the Chinese, `<target>` the gloss with its state (`target-language` and
 * `xml:lang` the document's target language, English by default), notes as
 * `<note>`s and the export revision in `extradata`. With `sourceInTarget`, every `<target>`
 * holds the Chinese (for OmegaT; an import takes such a target as not translated), and a stale
 * unit's English goes in a note.
 */
export function serializeXliff12(doc: ExportDocument): string {
  const lang = doc.targetLanguage ?? TARGET_LANGUAGE;
  return serializeXml(
    element('xliff', { version: '1.2', xmlns: XLIFF12_NS }, [
      element(
        'file',
        {
          original: doc.slug,
          'source-language': SOURCE_LANGUAGE,
          'target-language': lang,
          datatype: 'plaintext',
          'tool-id': TOOL_ID,
        },
        [
          element('header', {}, [element('tool', { 'tool-id': TOOL_ID, 'tool-name': 'Bilingual Reader' })]),
          element(
            'body',
            {},
            doc.units.map((unit) => unit12(unit, doc.sourceInTarget === true, lang)),
          ),
        ],
      ),
    ]),
  );
}

function unit20(unit: ExportUnit): XmlElement {
  const { state, subState } = toXliff20State(unit.status);
  const segment = [element('source', {}, [unit.source])];
  if (unit.target !== undefined) segment.push(element('target', {}, [unit.target]));
  const children: XmlElement[] = [
    element('mda:metadata', {}, [
      element('mda:metaGroup', { category: TOOL_ID }, [
        element('mda:meta', { type: 'revision' }, [unit.revision]),
        element('mda:meta', { type: 'kind' }, [unit.kind]),
      ]),
    ]),
  ];
  const comments = (unit.comments ?? []).map((comment) =>
    element(
      'note',
      {
        id: `comment-${comment.cid}`,
        category: COMMENT_CATEGORY,
        ...(comment.side ? { appliesTo: comment.side === 'zh' ? 'source' : 'target' } : {}),
      },
      [comment.body],
    ),
  );
  if (unit.notes.length > 0 || comments.length > 0)
    children.push(
      element('notes', {}, [...unit.notes.map((note) => element('note', { category: TOOL_ID }, [note])), ...comments]),
    );
  children.push(element('segment', { state, subState }, segment));
  return element('unit', { id: unit.id, name: unit.id }, children);
}

/** Writes an XLIFF 2.0 document (`trgLang` the document's target language): `<unit>`s with one `<segment>` each, states on the segment, the revision as `mda:meta`. */
export function serializeXliff20(doc: ExportDocument): string {
  return serializeXml(
    element(
      'xliff',
      {
        version: '2.0',
        xmlns: XLIFF20_NS,
        'xmlns:mda': MDA_NS,
        srcLang: SOURCE_LANGUAGE,
        trgLang: doc.targetLanguage ?? TARGET_LANGUAGE,
      },
      [element('file', { id: 'f1', original: doc.slug }, doc.units.map(unit20))],
    ),
  );
}

import 'server-only';
import { findTerms, mergeGlossaries } from '@/lib/annotate/glossary';
import type { NoteSource, TermEntry } from '@/lib/annotate/types';
import { serializeTmx, type MemoryPair } from '@/lib/exchange/tmx';
import { sentenceMemoryPairs } from '@/lib/library/sentence-memory';
import type { ExportComment, ExportDocument, ExportUnit, UnitKind } from '@/lib/exchange/types';
import { foldComments, type Comment } from '@/lib/comments/comments';
import { readCommentEvents } from '@/lib/store/comments';
import { serializeXliff12, serializeXliff20 } from '@/lib/exchange/xliff-write';
import { TITLE_KEY, type GlossStatus } from '@/lib/gloss/types';
import { glossRevision } from '@/lib/gloss/validate';
import { describeLanguage } from '@/lib/exchange/languages';
import { DEFAULT_TARGET_LANGUAGE, type TargetLanguage } from '@/lib/i18n/target-language';
import { textHasLanguage } from '@/lib/store/languages';
import { readGlossary, readNotes, readTextGlossary } from '@/lib/store/annotations';
import { isGlossable } from '@/lib/text/types';
import { sectionIndexNamed } from '@/lib/text/sections';
import { GLOSS_LANGUAGE, loadLibrary, loadText, type TextView } from '@/lib/library/load';
import { textSections } from '@/lib/reading/sections';

export type XliffVersion = '1.2' | '2.0';

export type ExportFailure = { ok: false; kind: 'not-found' | 'broken-file'; error: string };

function termNotes(zh: string, glossary: readonly TermEntry[], lang: TargetLanguage): string[] {
  const seen = new Set<string>();
  // The glossary is English's: for another language its terms are a reference, and say so.
  const label = lang === DEFAULT_TARGET_LANGUAGE ? 'Glossary' : 'Glossary (English)';
  return findTerms(zh, glossary)
    .filter((match) => !seen.has(match.term) && seen.add(match.term))
    .map((match) => `${label}: ${match.term} = ${match.en.join(' / ')}`);
}

/**
 * The units of a text for a CAT tool: the title, then every glossable block, each with its
 * gloss, status, revision and notes (translator's notes on the block, glossary terms in its
 * Chinese), and the comments of its open threads; `statuses` keeps only units with those statuses.
 */
export function exportUnits(
  text: TextView,
  notes: readonly NoteSource[],
  glossary: readonly TermEntry[],
  statuses?: readonly GlossStatus[],
  comments: readonly Comment[] = [],
): ExportUnit[] {
  const lang = text.lang;
  const commentsOf = openThreadComments(comments);
  const units: ExportUnit[] = [
    {
      id: TITLE_KEY,
      kind: 'title',
      source: text.title.zh,
      ...(text.title.en ? { target: text.title.en } : {}),
      status: text.title.status,
      revision: glossRevision(text.title.en),
      notes: termNotes(text.title.zh, glossary, lang),
      ...commentsOf(TITLE_KEY),
    },
  ];
  for (const block of text.blocks) {
    if (!isGlossable(block.type) || !block.status) continue;
    const blockNotes = notes.filter((note) => note.block === block.id).map((note) => `Note on “${note.quote}”: ${note.body}`);
    units.push({
      id: block.id,
      kind: block.type as UnitKind,
      source: block.text,
      ...(block.en ? { target: block.en } : {}),
      status: block.status,
      revision: glossRevision(block.en),
      notes: [...blockNotes, ...termNotes(block.text, glossary, lang)],
      ...commentsOf(block.id),
    });
  }
  return statuses ? units.filter((unit) => statuses.includes(unit.status)) : units;
}

/** Per paragraph, the comments of its open threads (a resolved discussion stays home), oldest first. */
function openThreadComments(comments: readonly Comment[]): (id: string) => { comments?: ExportComment[] } {
  const open = new Set(comments.filter((c) => c.replyTo === undefined && !c.resolved).map((c) => c.cid));
  return (id) => {
    const found = comments
      .filter((c) => c.block === id && open.has(c.replyTo ?? c.cid))
      .map((c) => ({ cid: c.cid, author: c.author, body: c.body, ...(c.quote ? { side: c.quote.side } : {}) }));
    return found.length > 0 ? { comments: found } : {};
  };
}

/** A text in one target language; a language the text does not have is not found (never exported as all untranslated). */
async function loadForExport(
  slug: string,
  lang: TargetLanguage = DEFAULT_TARGET_LANGUAGE,
): Promise<{ ok: true; text: TextView } | ExportFailure> {
  const loaded = await loadText(slug, { lang });
  if (!loaded) return { ok: false, kind: 'not-found', error: `No text "${slug}"` };
  if (!(await textHasLanguage(slug, lang)))
    return { ok: false, kind: 'not-found', error: `"${slug}" has no ${describeLanguage(lang)} translation` };
  if (!loaded.ok) return { ok: false, kind: 'broken-file', error: loaded.broken.error };
  if (loaded.text.glossError) return { ok: false, kind: 'broken-file', error: loaded.text.glossError };
  return { ok: true, text: loaded.text };
}

/**
 * The XLIFF of one text in one target language (English by default).
 * `exportXliff('karpathy-no-priors', { version: '2.0', lang: 'fr' })` → `{ ok: true, xml: '<?xml … trgLang="fr" …' }`.
 */
export async function exportXliff(
  slug: string,
  options: {
    version?: XliffVersion;
    statuses?: readonly GlossStatus[];
    sourceInTarget?: boolean;
    section?: string;
    lang?: TargetLanguage;
  } = {},
): Promise<{ ok: true; xml: string; units: number } | ExportFailure> {
  const loaded = await loadForExport(slug, options.lang);
  if (!loaded.ok) return loaded;
  // One section (a chapter of a book): its blocks only, and the title with the first.
  let inSection: ((id: string) => boolean) | undefined;
  if (options.section !== undefined) {
    const sections = textSections(loaded.text);
    const index = sectionIndexNamed(sections, options.section);
    const section = sections[index];
    if (!section) {
      return {
        ok: false,
        kind: 'not-found',
        error: `No section "${options.section}" in ${slug}: name it by the id of its first block (as in /read/${slug}/s/<id>) or as s1 to s${sections.length}`,
      };
    }
    const ids = new Set(loaded.text.blocks.slice(section.start, section.end).map((b) => b.id));
    if (index === 0) ids.add(TITLE_KEY);
    inSection = (id) => ids.has(id);
  }
  const [notes, shared, own, comments] = await Promise.all([
    // Translator's notes and the glossary are English's; for another language they are references.
    readNotes(slug, GLOSS_LANGUAGE),
    readGlossary(GLOSS_LANGUAGE),
    readTextGlossary(slug, GLOSS_LANGUAGE),
    readCommentEvents(slug, loaded.text.lang),
  ]);
  const glossary = mergeGlossaries(shared, own);
  const doc: ExportDocument = {
    slug,
    targetLanguage: loaded.text.lang,
    units: exportUnits(loaded.text, notes, glossary, options.statuses, foldComments(comments)).filter(
      (unit) => !inSection || inSection(unit.id),
    ),
    sourceInTarget: options.sourceInTarget === true,
  };
  const xml = options.version === '2.0' ? serializeXliff20(doc) : serializeXliff12(doc);
  return { ok: true, xml, units: doc.units.length };
}

function memoryPairs(text: TextView, withDrafts: boolean): MemoryPair[] {
  const wanted = (status: GlossStatus | undefined) => status === 'reviewed' || (withDrafts && status === 'draft');
  const pairs: MemoryPair[] = [];
  if (text.title.en && wanted(text.title.status)) {
    pairs.push({
      id: `${text.slug}/${TITLE_KEY}`,
      source: text.title.zh,
      target: text.title.en,
      status: text.title.status as MemoryPair['status'],
    });
  }
  for (const block of text.blocks) {
    if (block.en && wanted(block.status)) {
      pairs.push({
        id: `${text.slug}/${block.id}`,
        source: block.text,
        target: block.en,
        status: block.status as MemoryPair['status'],
      });
    }
  }
  return pairs;
}

/**
 * A TMX translation memory of reviewed pairs (and drafts with `withDrafts`) in one target
 * language (English by default) of one text, or of every text that has the language when `slug`
 * is undefined. Stale and untranslated glosses never go in. With `segtype: 'sentence'` each pair is
 * cut into its aligned sentences (lib/library/sentence-memory.ts).
 */
export async function exportTmx(
  slug: string | undefined,
  options: { withDrafts?: boolean; lang?: TargetLanguage; segtype?: 'paragraph' | 'sentence' } = {},
): Promise<{ ok: true; xml: string; units: number } | ExportFailure> {
  const lang = options.lang ?? DEFAULT_TARGET_LANGUAGE;
  const texts: TextView[] = [];
  if (slug !== undefined) {
    const loaded = await loadForExport(slug, lang);
    if (!loaded.ok) return loaded;
    texts.push(loaded.text);
  } else if (lang === DEFAULT_TARGET_LANGUAGE) {
    for (const entry of await loadLibrary()) if (entry.ok && !entry.text.glossError) texts.push(entry.text);
  } else {
    for (const entry of await loadLibrary()) {
      if (!entry.ok || !(await textHasLanguage(entry.text.slug, lang))) continue;
      const loaded = await loadForExport(entry.text.slug, lang);
      if (loaded.ok) texts.push(loaded.text);
    }
  }
  const paragraphs = texts.flatMap((text) => memoryPairs(text, options.withDrafts === true));
  if (options.segtype !== 'sentence')
    return { ok: true, xml: serializeTmx(paragraphs, new Date(), lang), units: paragraphs.length };
  const pairs = await sentenceMemoryPairs(paragraphs);
  return { ok: true, xml: serializeTmx(pairs, new Date(), lang, 'sentence'), units: pairs.length };
}

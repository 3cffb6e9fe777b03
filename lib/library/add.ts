import 'server-only';
import path from 'node:path';
import { pinyinByOffset } from '@/lib/annotate/pinyin';
import { withTextLock } from '@/lib/store/lock';
import { findSource, isSlug, readSourceText, type SourceFile } from '@/lib/store/sources';
import { createGlossFiles, newSourceFile, writeSourceText } from '@/lib/store/texts';
import { dateProblem } from '@/lib/text/date';
import { decodeAnyText, EncodingError } from '@/lib/text/decode';
import type { ParagraphLayoutChoice } from '@/lib/text/paragraph-layout';
import { parseText } from '@/lib/text/parse';
import { MAX_TEXT_BYTES, prepareText, type TextSummary } from '@/lib/text/prepare';
import type { BlockType, TextMeta } from '@/lib/text/types';
import { describeUnstorable, findUnstorable } from '@/lib/text/unstorable';
import { GLOSS_LANGUAGE } from './load';
import { syncText, type SyncResult } from './sync';

export interface AddRequest {
  bytes: Uint8Array;
  /** The name the file came with, for messages and the default slug. */
  fileName: string;
  slug?: string;
  meta?: TextMeta;
  /** How the file marks paragraphs (`auto`, the default: found in the file; see detectParagraphLayout). */
  paragraphs?: ParagraphLayoutChoice;
  /** Skip detection and decode in this encoding. */
  encoding?: string;
  /** Replace an existing text with the same slug (like a hand edit followed by `sync`). */
  replace?: boolean;
  /** Check and summarise only; write nothing. */
  dryRun?: boolean;
}

export interface BlockPreview {
  type: BlockType;
  line: number;
  /** The first characters of the block. */
  start: string;
}

export interface AddReport {
  slug: string;
  file: string;
  encoding: string;
  confidence?: number;
  /** An encoding was named and the bytes look like another one (see decodeAnyText). */
  encodingWarning?: string;
  meta: TextMeta;
  summary: TextSummary;
  /** The first PREVIEW_BLOCKS blocks. */
  preview: BlockPreview[];
  /** How many blocks and oddities the report leaves unlisted (the summary counts them all). */
  omitted?: { preview: number; oddities: number };
  /** What was done: nothing (dry run), a new text, or an existing one replaced. */
  action: 'checked' | 'created' | 'replaced';
  /** After a write: what the id sync did. */
  sync?: SyncResult;
}

export type AddFailure =
  | { kind: 'too-large'; error: string }
  | { kind: 'encoding'; error: string }
  | { kind: 'invalid'; error: string }
  /** `sameSource`: the existing text has exactly the source this add would write (a retried add that had finished). */
  | { kind: 'exists'; error: string; slug: string; sameSource: boolean };

export type AddResult = ({ ok: true } & AddReport) | ({ ok: false } & AddFailure);

const PREVIEW_CHARS = 40;
/** Blocks listed in a report's preview: the first ones; the summary counts them all. */
export const PREVIEW_BLOCKS = 200;
/** Oddities listed in a report: the first ones. */
const REPORTED_ODDITIES = 200;

/**
 * The most blocks (paragraphs, headings, breaks) a text may have: the longest novel here has
 * 34,100. Every block costs memory whatever its length (the search index about 2.4 KB each): a
 * 1.6 MB file of 200,000 one-character lines ran a 512 MB server out of memory.
 */
export const MAX_TEXT_BLOCKS = 50_000;

function definedMeta(meta: TextMeta | undefined): TextMeta {
  return Object.fromEntries(
    Object.entries(meta ?? {}).filter(([, value]) => value !== undefined && value.trim() !== ''),
  ) as TextMeta;
}

async function existingMeta(source: SourceFile): Promise<TextMeta> {
  try {
    return parseText(await readSourceText(source)).meta;
  } catch {
    // An unreadable old source has nothing to keep.
    return {};
  }
}

/** A name with each Han character replaced by its pinyin between spaces: `红楼 梦 a` → ` hóng  lóu   mèng  a`. */
function spellHan(name: string): string {
  const readings = pinyinByOffset(name);
  let out = '';
  for (let i = 0; i < name.length; i++) out += readings[i] !== undefined ? ` ${readings[i]} ` : name[i]!;
  return out;
}

/**
 * The slug a file name suggests, Han characters spelt in pinyin without tones:
 * `Karpathy Interview.md` → `karpathy-interview`, `红楼 梦 sample.txt` → `hong-lou-meng-sample`;
 * undefined when none fits (nothing left, or a reserved name).
 */
export function slugFromFileName(fileName: string): string | undefined {
  const name = spellHan(path.basename(fileName, path.extname(fileName)).normalize('NFC'));
  const base = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const slug = base
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return isSlug(slug) ? slug : undefined;
}

function omittedOf(blocks: number, oddities: number): Pick<AddReport, 'omitted'> {
  const omitted = { preview: Math.max(0, blocks - PREVIEW_BLOCKS), oddities: Math.max(0, oddities - REPORTED_ODDITIES) };
  return omitted.preview > 0 || omitted.oddities > 0 ? { omitted } : {};
}

function previewOf(blocks: { type: BlockType; line: number; text: string }[]): BlockPreview[] {
  return blocks.map((b) => {
    const chars = [...b.text];
    return {
      type: b.type,
      line: b.line,
      start: chars.length > PREVIEW_CHARS ? `${chars.slice(0, PREVIEW_CHARS).join('')}…` : b.text,
    };
  });
}

/** The refusal of an existing slug, saying whether that text is this very file (an add retried after it finished). */
async function existsFailure(slug: string, existing: SourceFile, source: string): Promise<{ ok: false } & AddFailure> {
  const sameSource = await readSourceText(existing).then(
    (text) => text === source,
    () => false,
  );
  const error = sameSource
    ? `The text "${slug}" is already in the library with this same source (an earlier add of it finished); nothing was changed`
    : `A text "${slug}" already exists (${existing.file}); choose another slug, or replace it`;
  return { ok: false, kind: 'exists', error, slug, sameSource };
}

/** Names the first noncharacter or lone surrogate in the text or its title, author or date (XML exports cannot carry them). */
function unstorableIn(fileName: string, text: string, meta: TextMeta | undefined): string | undefined {
  const inText = findUnstorable(text);
  if (inText)
    return `${fileName}: line ${inText.line}, column ${inText.column} holds ${describeUnstorable(inText)}, which a text cannot hold (its EPUB and XLIFF could not be read); remove it and add the file again. Nothing was written`;
  for (const [field, value] of Object.entries(meta ?? {})) {
    const found = typeof value === 'string' ? findUnstorable(value) : undefined;
    if (found) return `The ${field} holds ${describeUnstorable(found)}, which a text cannot hold; nothing was written`;
  }
  return undefined;
}

/**
 * Adds a text from the bytes of a `.txt` or `.md` file in any supported encoding: decodes
 * (refusing uncertain guesses), normalises, writes `content/<slug>.md` with front matter, records
 * block ids and creates empty gloss files. An existing slug is refused unless `replace`, which
 * rewrites that text's source and syncs it (ids kept, glosses of changed blocks stale, nothing
 * deleted). `addText({ bytes, fileName: 'essay.md', meta: { title: '题' } })` → `{ ok: true, slug: 'essay', … }`.
 */
export async function addText(request: AddRequest): Promise<AddResult> {
  if (request.bytes.byteLength > MAX_TEXT_BYTES) {
    return {
      ok: false,
      kind: 'too-large',
      error: `The file is ${request.bytes.byteLength} bytes; a text can have at most ${MAX_TEXT_BYTES} bytes (5 MB)`,
    };
  }
  const slug = request.slug?.trim() || slugFromFileName(request.fileName);
  if (!slug)
    return {
      ok: false,
      kind: 'invalid',
      error: `No slug can be made from the file name "${request.fileName}": give a slug (lower-case letters, digits, "-" and "_", at most 80), it becomes the URL`,
    };
  if (!isSlug(slug))
    return {
      ok: false,
      kind: 'invalid',
      error: `"${slug}" cannot be a slug: use lower-case letters, digits, "-" and "_" (it becomes the URL), at most 80`,
    };

  let decoded;
  try {
    decoded = decodeAnyText(request.bytes, request.fileName, request.encoding ? { encoding: request.encoding } : {});
  } catch (error) {
    if (error instanceof EncodingError) return { ok: false, kind: 'encoding', error: error.message };
    throw error;
  }
  const unstorable = unstorableIn(request.fileName, decoded.text, request.meta);
  if (unstorable) return { ok: false, kind: 'invalid', error: unstorable };
  const checked = prepareText(decoded.text, request.meta, request.paragraphs);
  if (!checked.ok) return { ok: false, kind: 'invalid', error: `${request.fileName}: ${checked.error}` };
  // The front matter's date and --date (which wins) must be a real day: 2024-13-45 was accepted.
  const badDate = checked.meta.date === undefined ? undefined : dateProblem(checked.meta.date);
  if (badDate) return { ok: false, kind: 'invalid', error: `${request.fileName}: ${badDate}` };
  if (checked.blocks.length > MAX_TEXT_BLOCKS)
    return {
      ok: false,
      kind: 'too-large',
      error: `${request.fileName} has ${checked.blocks.length} paragraphs, headings and breaks; a text can have at most ${MAX_TEXT_BLOCKS} (the longest novel here has 34,100): split it into several texts`,
    };

  return withTextLock(slug, async () => {
    const existing = await findSource(slug);
    if (existing && !request.replace) return existsFailure(slug, existing, checked.source);
    // A replacement keeps the title, date and author it had unless the new file or the request sets them.
    const kept = existing ? await existingMeta(existing) : {};
    const prepared = existing
      ? prepareText(decoded.text, { ...kept, ...checked.meta, ...definedMeta(request.meta) }, request.paragraphs)
      : checked;
    if (!prepared.ok) return { ok: false, kind: 'invalid', error: `${request.fileName}: ${prepared.error}` };
    const keptDate = prepared.meta.date === undefined ? undefined : dateProblem(prepared.meta.date);
    if (keptDate) return { ok: false, kind: 'invalid', error: `${request.fileName}: ${keptDate}; give --date` };
    const target = existing ?? newSourceFile(slug);
    const report: AddReport = {
      slug,
      file: target.file,
      encoding: decoded.encoding,
      ...(decoded.confidence !== undefined ? { confidence: decoded.confidence } : {}),
      ...(decoded.warning ? { encodingWarning: decoded.warning } : {}),
      meta: prepared.meta,
      summary: { ...prepared.summary, oddities: prepared.summary.oddities.slice(0, REPORTED_ODDITIES) },
      preview: previewOf(prepared.blocks.slice(0, PREVIEW_BLOCKS)),
      ...omittedOf(prepared.blocks.length, prepared.summary.oddities.length),
      action: request.dryRun ? 'checked' : existing ? 'replaced' : 'created',
    };
    if (request.dryRun) return { ok: true, ...report };
    await writeSourceText(target, prepared.source);
    const sync = await syncText(target);
    await createGlossFiles(slug, GLOSS_LANGUAGE);
    return { ok: true, ...report, sync };
  });
}

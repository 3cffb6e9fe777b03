import 'server-only';
import { CACHE_BOUNDS } from '@/lib/cache-bounds';
import type { GlossFile, GlossState, GlossStateFile } from '@/lib/gloss/types';
import { conflictsPath, readConflicts, type StoredConflicts } from '@/lib/store/conflicts';
import { DataFileError } from '@/lib/store/errors';
import { filesIdentity } from '@/lib/store/fingerprint';
import { replayJournal, type JournalOp } from '@/lib/gloss/journal';
import { DEFAULT_TARGET_LANGUAGE, type TargetLanguage } from '@/lib/i18n/target-language';
import { glossPath, glossStatePath, readGlossFile, readStateFileEntries } from '@/lib/store/glosses';
import { journalPath, readJournal, type JournalMark } from '@/lib/store/journal';
import { ledgerPath, readLedger, readSourceText, type SourceFile } from '@/lib/store/sources';
import { reconcileIds, type IdLedger, type Reconciliation } from '@/lib/text/ids';
import { parseText } from '@/lib/text/parse';
import type { ParsedText } from '@/lib/text/types';
import { processState } from '@/lib/process-state';
import { WeightedLru } from '@/lib/weighted-lru';

/** The language glosses are written in unless another is asked for (see lib/i18n/target-language.ts). */
export const GLOSS_LANGUAGE = DEFAULT_TARGET_LANGUAGE;

/**
 * Everything a text is made of, read once: the parsed source, its id ledger and the ids it
 * reconciles to, and its glosses and states with the journal replayed over them, read apart (a
 * broken state file costs the statuses, never the English). A file that could not be read is kept as the error it gave (`failure`,
 * `glossFailure`, `stateFailure`), for each reader to report in its own way.
 */
export type TextFiles =
  | {
      ok: true;
      source: SourceFile;
      /** The language of `glosses` and `states`. */
      lang: TargetLanguage;
      parsed: ParsedText;
      ledger: IdLedger;
      ids: Reconciliation;
      glosses: GlossFile;
      /** The valid entries of the state file; `stateInvalid` names each entry that is not. */
      states: GlossStateFile;
      stateInvalid: DataFileError[];
      /** Paragraphs changed differently on two servers (git sync), with every version; usually `{}`. */
      conflicts: StoredConflicts;
      /** One key's gloss and state as `glosses` and `states` have them, without replaying the whole journal. */
      current(key: string): { gloss: string | undefined; state: GlossState | undefined };
      /** The journal replayed over them: how many operations, how many bytes (see lib/library/fold.ts). */
      journal: { ops: number; bytes: number };
      glossFailure?: unknown;
      stateFailure?: unknown;
    }
  | { ok: false; source: SourceFile; failure: unknown };

/** The Chinese title: the front matter's, else the first heading, else the slug. */
export function textTitle(files: Extract<TextFiles, { ok: true }>): string {
  return files.parsed.meta.title ?? files.ids.blocks.find((b) => b.type === 'heading')?.text ?? files.source.slug;
}

/** The source and its ids: made again only when the source or its ledger changed. */
type SourcePart = { ok: true; parsed: ParsedText; ledger: IdLedger; ids: Reconciliation } | { ok: false; failure: unknown };

/** The gloss, state and conflict files as on disk: parsed again only when one of them changed. */
interface GlossPart {
  glosses: GlossFile;
  states: GlossStateFile;
  stateInvalid: DataFileError[];
  conflicts: StoredConflicts;
  glossFailure?: unknown;
  stateFailure?: unknown;
}

/**
 * The journal: read on whenever it changed, which is every save; only what was appended since
 * the last read is read, unless it is a new journal. `byKey` holds its operations by gloss key,
 * so that a save can find one gloss without replaying the whole journal. It stays small (see
 * lib/library/fold.ts).
 */
type JournalPart =
  | { ok: true; ops: JournalOp[]; byKey: ReadonlyMap<string, readonly JournalOp[]>; bytes: number; mark?: JournalMark }
  | { ok: false; failure: unknown };

async function readSourcePart(source: SourceFile): Promise<SourcePart> {
  let raw: string;
  let ledger: IdLedger;
  try {
    raw = await readSourceText(source);
    ledger = await readLedger(source.slug);
  } catch (failure) {
    return { ok: false, failure };
  }
  const parsed = parseText(raw);
  // An empty file (or one of front matter alone) is not a text to list and open.
  if (parsed.blocks.length === 0)
    return { ok: false, failure: new DataFileError(source.file, 'has no text in it: nothing to read') };
  return { ok: true, parsed, ledger, ids: reconcileIds(parsed.blocks, ledger) };
}

async function readGlossPart(slug: string, lang: TargetLanguage): Promise<GlossPart> {
  const [glosses, states, conflicts] = await Promise.allSettled([
    readGlossFile(slug, lang),
    readStateFileEntries(slug, lang),
    readConflicts(slug, lang),
  ]);
  // An unreadable conflict file costs the conflict marks only; the API route reports it.
  if (conflicts.status === 'rejected') console.error(`Could not read the conflicts of "${slug}" (${lang}):`, conflicts.reason);
  return {
    glosses: glosses.status === 'fulfilled' ? glosses.value : {},
    conflicts: conflicts.status === 'fulfilled' ? conflicts.value : {},
    states: states.status === 'fulfilled' ? states.value.states : {},
    stateInvalid: states.status === 'fulfilled' ? states.value.invalid : [],
    ...(glosses.status === 'rejected' ? { glossFailure: glosses.reason as unknown } : {}),
    ...(states.status === 'rejected' ? { stateFailure: states.reason as unknown } : {}),
  };
}

async function readJournalPart(slug: string, lang: TargetLanguage, previous: JournalPart | undefined): Promise<JournalPart> {
  try {
    const read = await readJournal(slug, lang, previous?.ok ? previous.mark : undefined);
    const before = read.continued && previous?.ok ? previous : undefined;
    const byKey = new Map(before?.byKey);
    for (const op of read.ops) byKey.set(op.key, [...(byKey.get(op.key) ?? []), op]);
    return {
      ok: true,
      ops: before ? [...before.ops, ...read.ops] : read.ops,
      byKey,
      bytes: read.bytes,
      ...(read.mark ? { mark: read.mark } : {}),
    };
  } catch (failure) {
    return { ok: false, failure };
  }
}

/**
 * The text's files as one: the gloss files with the journal replayed, replayed only when the
 * glosses or states are asked for as a whole (a page); `current` replays one key's operations.
 */
async function combine(source: SourceFile, lang: TargetLanguage, parts: Parts): Promise<TextFiles> {
  const [text, files, journal] = await Promise.all([parts.source, parts.glosses, parts.journal]);
  if (!text.ok) return { ok: false, source, failure: text.failure };
  const { glossFailure, stateFailure, stateInvalid } = files;
  // Without its journal the glosses would be out of date: shown read-only, as a broken gloss file is.
  const failure = glossFailure ?? (journal.ok ? undefined : journal.failure);
  const replay = journal.ok && glossFailure === undefined;
  const ops = replay ? journal.ops : [];
  let replayed: { glosses: GlossFile; states: GlossStateFile } | undefined;
  const whole = () => (replayed ??= replayJournal(files.glosses, files.states, ops));
  return {
    ok: true,
    source,
    lang,
    parsed: text.parsed,
    ledger: text.ledger,
    ids: text.ids,
    get glosses() {
      return whole().glosses;
    },
    get states() {
      return whole().states;
    },
    current(key) {
      const gloss = Object.hasOwn(files.glosses, key) ? { [key]: files.glosses[key] ?? '' } : {};
      const state = Object.hasOwn(files.states, key) && files.states[key] ? { [key]: files.states[key] } : {};
      const one = replayed ?? replayJournal(gloss, state, (replay && journal.byKey.get(key)) || []);
      return {
        gloss: Object.hasOwn(one.glosses, key) ? one.glosses[key] : undefined,
        state: Object.hasOwn(one.states, key) ? one.states[key] : undefined,
      };
    },
    stateInvalid,
    conflicts: files.conflicts,
    journal: { ops: ops.length, bytes: journal.ok ? journal.bytes : 0 },
    ...(failure !== undefined ? { glossFailure: failure } : {}),
    ...(stateFailure !== undefined ? { stateFailure } : {}),
  };
}

async function continueJournal(
  previous: Promise<JournalPart> | undefined,
  slug: string,
  lang: TargetLanguage,
): Promise<JournalPart> {
  return readJournalPart(slug, lang, previous ? await previous : undefined);
}

/** What a text is read from, in three parts that change apart: the source, the gloss files (and conflicts), the journal. */
interface Identity {
  source: string;
  glosses: string;
  journal: string;
}

interface Parts {
  source: Promise<SourcePart>;
  glosses: Promise<GlossPart>;
  journal: Promise<JournalPart>;
}

interface CachedFiles {
  identity: Identity;
  parts: Parts;
  files: Promise<TextFiles>;
}

/** Read texts by source path and language; pages, routes, saves and the command line in one process share it. */
function cache(): WeightedLru<string, CachedFiles> {
  return processState<WeightedLru<string, CachedFiles>>('text-files', () => WeightedLru.ofCount(() => CACHE_BOUNDS.loadedTexts));
}

async function identityOf(source: SourceFile, lang: TargetLanguage): Promise<Identity> {
  const [text, glosses, journal] = await Promise.all([
    filesIdentity([source.absolutePath, ledgerPath(source.slug)]),
    filesIdentity([glossPath(source.slug, lang), glossStatePath(source.slug, lang), conflictsPath(source.slug, lang)]),
    filesIdentity([journalPath(source.slug, lang)]),
  ]);
  return { source: text, glosses, journal };
}

/**
 * The one read pipeline: reads a text's files (source → ids → glosses → states → journal), each
 * part read again only when its files changed on disk, whoever changed them (identity: path,
 * size, inode, times). A save changes only the journal, so it costs neither a new parse of the
 * source nor of the gloss files. At most CACHE_BOUNDS.loadedTexts texts are kept, the least
 * recently used dropped first. Each language of a text is its own entry, sharing the parsed
 * source with the others while it is the same. `readTextFiles(source)` → `{ ok: true, lang: 'en',
 * parsed, ids, glosses, states, … }`; `readTextFiles(source, 'fr')` reads `locales/fr/`.
 */
export async function readTextFiles(source: SourceFile, lang: TargetLanguage = GLOSS_LANGUAGE): Promise<TextFiles> {
  const identity = await identityOf(source, lang);
  const entries = cache();
  // English keeps the key it always had; another language is the source's path and its tag.
  const key = lang === GLOSS_LANGUAGE ? source.absolutePath : `${source.absolutePath}\0${lang}`;
  const hit = entries.get(key);
  const same = (part: keyof Identity) => hit !== undefined && hit.identity[part] === identity[part];
  if (hit && same('source') && same('glosses') && same('journal')) return hit.files;
  const sibling = hit ? undefined : sameSource(entries, source, identity.source);
  const parts: Parts = {
    source: hit && same('source') ? hit.parts.source : (sibling ?? readSourcePart(source)),
    glosses: hit && same('glosses') ? hit.parts.glosses : readGlossPart(source.slug, lang),
    journal: hit && same('journal') ? hit.parts.journal : continueJournal(hit?.parts.journal, source.slug, lang),
  };
  const files = combine(source, lang, parts);
  entries.set(key, { identity, parts, files });
  // A failed read is not kept (unless a newer read took its place meanwhile).
  files.catch(() => entries.peek(key)?.files === files && entries.delete(key));
  return files;
}

/** The parsed source another language of the same text already holds, when its source is unchanged. */
function sameSource(
  entries: WeightedLru<string, CachedFiles>,
  source: SourceFile,
  identity: string,
): Promise<SourcePart> | undefined {
  for (const [key, entry] of entries) {
    if ((key === source.absolutePath || key.startsWith(`${source.absolutePath}\0`)) && entry.identity.source === identity)
      return entry.parts.source;
  }
  return undefined;
}

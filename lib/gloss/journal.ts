import { z } from 'zod';
import { glossStateSchema, type GlossFile, type GlossState, type GlossStateFile } from './types';
import { glossRevision } from './validate';

/**
 * The gloss journal: `locales/<lng>/<slug>.journal.jsonl`, the store's write-ahead log. A save
 * appends one line (the operations of one commit) instead of rewriting the text's gloss and
 * state files, so its durable write is the size of the change, not of the text; the files are
 * rewritten from time to time with the journal folded in, and the journal removed.
 *
 * What a reader sees is the files with the journal replayed over them. Each operation says
 * what it changed from, and is replayed only onto that: a gloss changed from revision `before`,
 * a state recorded for gloss revision `revision`. So replaying a journal that was already
 * folded into the files (a crash between the fold and the removal) changes nothing, and a
 * gloss changed in the file by hand after the save keeps the hand edit. Pure.
 */

const revision = z.string().regex(/^[0-9a-f]{12}$/);

export const journalOpSchema = z
  .object({
    key: z.string().min(1),
    /** The gloss changed from revision `before` to `text` (null: removed). */
    gloss: z.object({ before: revision, text: z.string().nullable() }).optional(),
    /** The state recorded for gloss revision `revision` (null: removed). */
    state: z.object({ revision, value: glossStateSchema.nullable() }).optional(),
  })
  .refine((op) => op.gloss !== undefined || op.state !== undefined, 'an operation changes a gloss, a state or both');
export type JournalOp = z.infer<typeof journalOpSchema>;

const journalLineSchema = z.object({ ops: z.array(journalOpSchema).min(1) });

/** One line of the journal: the operations of one commit, with its newline. */
export function journalLine(ops: readonly JournalOp[]): string {
  return `${JSON.stringify({ ops })}\n`;
}

/**
 * The first line of a journal: a name of its own, so that a reader that has read part of a
 * journal can tell a longer copy of the same one from a new journal made after a fold.
 * `journalHeader('0f3a9c2b7d4e1a6b')` → `'{"journal":"0f3a9c2b7d4e1a6b"}\n'`.
 */
export function journalHeader(id: string): string {
  return `${JSON.stringify({ journal: id })}\n`;
}

/** The name in a journal's first line, or undefined when it has none. */
export function journalId(firstLine: string): string | undefined {
  const match = /^\{"journal":"([0-9a-f]{16})"\}$/.exec(firstLine.trim());
  return match?.[1];
}

export interface ParsedJournal {
  ops: JournalOp[];
  /** Lines that are not a valid commit, by number (1-based): a torn last line, or a damaged one. */
  skipped: number[];
}

/**
 * The operations of a journal, in order. A line that does not parse whole is skipped: a commit
 * torn by a crash never answered its saves, and the ones after it were made without it.
 * `parseJournal('{"ops":[{"key":"a1","gloss":{"before":"…","text":"Hi"}}]}\n')` → `{ ops: [1 op], skipped: [] }`.
 */
export function parseJournal(text: string): ParsedJournal {
  const ops: JournalOp[] = [];
  const skipped: number[] = [];
  const lines = text.split('\n');
  // The text after the last newline is a line still being written (or torn): not a commit yet.
  lines.pop();
  lines.forEach((line, i) => {
    if (!line.trim() || (i === 0 && journalId(line) !== undefined)) return;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch {
      skipped.push(i + 1);
      return;
    }
    const parsed = journalLineSchema.safeParse(data);
    if (parsed.success) ops.push(...parsed.data.ops);
    else skipped.push(i + 1);
  });
  return { ops, skipped };
}

function setOwn<T>(record: Record<string, T>, key: string, value: T | null): void {
  if (value === null) delete record[key];
  else Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

export interface Replayed {
  glosses: GlossFile;
  states: GlossStateFile;
  /** Operations not replayed because the files hold something they did not start from. */
  passedOver: number;
}

/**
 * The glosses and states with the journal's operations replayed over them, as new objects (the
 * inputs are left as they are). A gloss operation applies when the gloss is at its `before`
 * revision, and is already in when the gloss is at its own; a state operation applies when the
 * gloss is at the revision it was recorded for. Anything else is passed over: the file was
 * changed after the operation (by hand, or by a later full write) and keeps that change.
 */
export function replayJournal(glosses: GlossFile, states: GlossStateFile, ops: readonly JournalOp[]): Replayed {
  if (ops.length === 0) return { glosses, states, passedOver: 0 };
  const nextGlosses: GlossFile = { ...glosses };
  const nextStates: GlossStateFile = { ...states };
  let passedOver = 0;
  for (const op of ops) {
    if (op.gloss) {
      const current = glossRevision(Object.hasOwn(nextGlosses, op.key) ? nextGlosses[op.key] : undefined);
      if (current === op.gloss.before) setOwn(nextGlosses, op.key, op.gloss.text);
      else if (current !== glossRevision(op.gloss.text ?? undefined)) {
        passedOver += 1;
        continue;
      }
    }
    if (op.state) {
      const current = glossRevision(Object.hasOwn(nextGlosses, op.key) ? nextGlosses[op.key] : undefined);
      if (current === op.state.revision) setOwn<GlossState>(nextStates, op.key, op.state.value);
      else passedOver += 1;
    }
  }
  return { glosses: nextGlosses, states: nextStates, passedOver };
}

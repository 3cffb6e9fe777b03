import type { SavedStatus } from '@/lib/gloss/types';
import { cleanGloss, glossRevision } from '@/lib/gloss/validate';
import type { ImportedUnit } from './types';

export const importOutcomes = ['applied', 'unchanged', 'empty', 'stale', 'conflict', 'rejected'] as const;
export type ImportOutcome = (typeof importOutcomes)[number];

/** What an import does (or would do) with one unit, and why. */
export interface UnitPlan {
  id: string;
  outcome: ImportOutcome;
  /** Why a unit is empty, stale, a conflict or rejected. */
  reason?: string;
  /** The gloss the app holds now (conflicts and applied changes). */
  current?: string;
  /** The target as it will be saved (cleaned), or as the file has it for a conflict. */
  incoming?: string;
  /** The status an applied change is saved with. */
  status?: SavedStatus;
  /** For a stale unit: the Chinese the file was made from, and the Chinese now. */
  fileSource?: string;
  currentSource?: string;
}

/** One glossable key of the text as it is now. */
export interface CurrentUnit {
  source: string;
  gloss?: string;
}

export interface PlanOptions {
  /** Apply conflicting units anyway (the file's version wins). */
  force?: boolean;
}

// C0 and C1 controls and DEL other than tab, newline and carriage return: never in a gloss.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Two sources are the same Chinese when they differ only in Unicode form or spacing. */
function sameSource(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}

function planUnit(
  unit: ImportedUnit,
  current: CurrentUnit | undefined,
  retired: ReadonlySet<string>,
  options: PlanOptions,
): UnitPlan {
  const { id } = unit;
  if (!current) {
    const reason = retired.has(id)
      ? 'this paragraph was removed from the text'
      : id
        ? 'no paragraph of this text has this id'
        : 'the unit has no id';
    return { id, outcome: 'rejected', reason };
  }
  if (unit.problem) return { id, outcome: 'rejected', reason: unit.problem };
  // Untranslated in the file and in the app: nothing to import, and nothing wrong.
  const blank = unit.target === undefined || unit.target.trim() === '';
  if (blank && !current.gloss) return { id, outcome: 'empty', reason: 'no target, and no gloss in the app' };
  if (!sameSource(unit.source, current.source)) {
    return {
      id,
      outcome: 'stale',
      reason: 'the Chinese changed since the file was exported',
      fileSource: unit.source,
      currentSource: current.source,
    };
  }
  // A gloss is never cleared by an import: a missing or empty target against a gloss is refused.
  if (unit.target === undefined) return { id, outcome: 'rejected', reason: 'the unit has no target (nothing is deleted)' };
  if (CONTROL.test(unit.target)) return { id, outcome: 'rejected', reason: 'the target contains control characters' };
  const cleaned = cleanGloss(unit.target);
  if (!cleaned.ok) {
    return {
      id,
      outcome: 'rejected',
      reason: cleaned.code === 'empty' ? 'the target is empty (nothing is deleted)' : cleaned.error,
    };
  }
  // What a CAT tool writes for a segment left untranslated (OmegaT copies the source): nothing
  // to import, and the app's gloss, if any, stays as it is.
  if (sameSource(cleaned.text, current.source))
    return { id, outcome: 'empty', reason: 'the target is a copy of the Chinese (left untranslated)' };
  const gloss = current.gloss ?? '';
  if (cleaned.text === gloss) return { id, outcome: 'unchanged' };
  const changedSinceExport = unit.revision === undefined ? gloss !== '' : unit.revision !== glossRevision(gloss);
  if (changedSinceExport && !options.force) {
    const reason =
      unit.revision === undefined
        ? 'the file does not say which version of the gloss it was made from, and the text has a gloss'
        : 'the gloss was changed in the app since the file was exported';
    return { id, outcome: 'conflict', reason, current: gloss, incoming: cleaned.text };
  }
  return { id, outcome: 'applied', current: gloss, incoming: cleaned.text, status: unit.status };
}

/**
 * Decides, unit by unit, what importing a file does, against the text as it is now: `applied`
 * when the target is new and the gloss has not changed since export; `unchanged` when the target
 * is the current gloss; `empty` when there is nothing to import: the unit has no target (or an
 * empty one) and the block no gloss either, or its target is a copy of the Chinese (a segment left
 * untranslated in the CAT tool); `stale` when the Chinese changed; `conflict` when the gloss changed since
 * export (its revision differs), both versions kept; `rejected` for unknown or duplicate ids,
 * missing or empty targets against an existing gloss, too long or control-character targets and
 * inline markup. Never plans a deletion. Pure: the caller writes.
 * `([{ id: 'c4pzjo', source: '前些天…', target: 'Days ago…', revision: r, status: 'draft' }], current)` → `[{ id: 'c4pzjo', outcome: 'applied', … }]`.
 */
export function planImport(
  units: readonly ImportedUnit[],
  current: ReadonlyMap<string, CurrentUnit>,
  retired: ReadonlySet<string>,
  options: PlanOptions = {},
): UnitPlan[] {
  const seen = new Map<string, number>();
  for (const unit of units) seen.set(unit.id, (seen.get(unit.id) ?? 0) + 1);
  return units.map((unit) =>
    (seen.get(unit.id) ?? 0) > 1
      ? { id: unit.id, outcome: 'rejected', reason: `the id appears ${seen.get(unit.id)} times in the file` }
      : planUnit(unit, current.get(unit.id), retired, options),
  );
}

/** Counts of each outcome. `([{ outcome: 'applied' }, …])` → `{ applied: 1, unchanged: 0, … }`. */
export function countOutcomes(plans: readonly UnitPlan[]): Record<ImportOutcome, number> {
  const counts = Object.fromEntries(importOutcomes.map((o) => [o, 0])) as Record<ImportOutcome, number>;
  for (const plan of plans) counts[plan.outcome] += 1;
  return counts;
}

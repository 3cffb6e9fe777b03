import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseJournal, replayJournal } from '@/lib/gloss/journal';
import type { GlossFile, GlossStateFile } from '@/lib/gloss/types';

/**
 * What a data folder holds for one text's glosses, as readers see it: the gloss and state files
 * with the journal replayed over them (see lib/gloss/journal.ts). For tests, benchmarks and the
 * fault suite, which check what was saved straight from the disk, behind the server's back.
 * `storedGlosses('/tmp/data', 'karpathy-no-priors').glosses.c4pzjo` → 'A few days ago…'.
 */
export function storedGlosses(root: string, slug: string, lng = 'en'): { glosses: GlossFile; states: GlossStateFile } {
  const dir = path.join(root, 'locales', lng);
  const json = <T>(name: string): T => {
    const file = path.join(dir, name);
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : ({} as T);
  };
  const journalFile = path.join(dir, `${slug}.journal.jsonl`);
  const journal = existsSync(journalFile) ? parseJournal(readFileSync(journalFile, 'utf8')).ops : [];
  const { glosses, states } = replayJournal(json<GlossFile>(`${slug}.json`), json<GlossStateFile>(`${slug}.state.json`), journal);
  return { glosses, states };
}

import 'server-only';
import path from 'node:path';
import { z } from 'zod';
import type { HskData } from '@/lib/learn/hsk';
import { readJsonFile } from './json';
import { processState, setProcessState } from '@/lib/process-state';

/**
 * The HSK word lists shipped with the code (lib/learn/data/hsk.json, about 300 KB), read once per
 * process on the server; never imported, so no page bundle carries them.
 */
const level = z.number().int().min(0).max(7);
const hskFileSchema = z.object({
  source: z.string(),
  commit: z.string(),
  words: z.record(z.string().min(1), z.tuple([level, level])),
  traditional: z.record(z.string().min(1), z.string().min(1)),
});

/** Where the lists are: beside the code, not in the data folder (they are not the site's content). */
export function hskDataPath(): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), 'lib', 'learn', 'data', 'hsk.json');
}

/** The HSK lists, loaded once per process. */
export function readHskData(): Promise<HskData> {
  return processState<Promise<HskData>>('hsk-data', () => {
    const loading = readJsonFile(hskDataPath(), hskFileSchema).then((data) => {
      if (!data) throw new Error(`${hskDataPath()} is missing: the HSK lists ship with the code`);
      return { words: data.words, traditional: data.traditional };
    });
    // A failed load is not kept: the next use tries again.
    loading.catch(() => setProcessState('hsk-data', undefined));
    return loading;
  });
}

import { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A temporary data folder for tests (content/ and locales/), optionally seeded with a copy of
 * the repository's data; sets BILINGUAL_DATA_DIR to it. Call `dispose()` when done.
 */
export function makeDataDir(options: { copyRepoData?: boolean; files?: Record<string, string | Uint8Array> } = {}) {
  const root = mkdtempSync(path.join(tmpdir(), 'bilingual-test-'));
  const previous = process.env.BILINGUAL_DATA_DIR;
  mkdirSync(path.join(root, 'content'), { recursive: true });
  mkdirSync(path.join(root, 'locales', 'en'), { recursive: true });
  if (options.copyRepoData) {
    for (const folder of ['content', 'locales']) cpSync(path.resolve(folder), path.join(root, folder), { recursive: true });
  }
  const write = (relative: string, data: string | Uint8Array) => {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, data);
  };
  for (const [relative, data] of Object.entries(options.files ?? {})) write(relative, data);
  process.env.BILINGUAL_DATA_DIR = root;
  return {
    root,
    write,
    file: (relative: string) => path.join(root, relative),
    dispose() {
      if (previous === undefined) delete process.env.BILINGUAL_DATA_DIR;
      else process.env.BILINGUAL_DATA_DIR = previous;
      rmSync(root, { recursive: true, force: true });
    },
  };
}

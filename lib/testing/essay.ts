import { makeDataDir } from './data-dir';

/** The slug of the two-paragraph essay that the target-language tests share. */
export const ESSAY = 'essay';

/**
 * A data folder holding the essay (content/essay.md: a title and two paragraphs) with its
 * English title, plus `files` (other languages' files, state files…); sets BILINGUAL_DATA_DIR.
 */
export function makeEssayDataDir(files: Record<string, string> = {}) {
  return makeDataDir({
    files: {
      [`content/${ESSAY}.md`]: '---\ntitle: 小文\n---\n\n第一段。\n\n第二段。\n',
      [`locales/en/${ESSAY}.json`]: '{\n  "title": "A short essay"\n}\n',
      ...files,
    },
  });
}

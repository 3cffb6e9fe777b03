import { SOURCE_LANGUAGE, TARGET_LANGUAGE } from './types';
import { TOOL_ID } from './xliff-write';
import { element, serializeXml } from './xml';

/** One Chinese–target pair for a translation memory. */
export interface MemoryPair {
  /** `<slug>/<id>`, unique in the memory. */
  id: string;
  source: string;
  target: string;
  status: 'draft' | 'reviewed';
}

/**
 * Writes a TMX 1.4 translation memory (`srclang="zh-CN"`, paragraph segments unless `segtype` says sentence): one `<tu>` per
 * pair with `tuid`, its status as `<prop type="x-status">`, and a `<tuv>` per language, the
 * target's `xml:lang` being `targetLanguage` (English by default).
 * `[{ id: 'a/c4pzjo', source: '你好', target: 'Hello', status: 'reviewed' }]` → `<tmx version="1.4">…`.
 */
export function serializeTmx(
  pairs: readonly MemoryPair[],
  created: Date = new Date(),
  targetLanguage: string = TARGET_LANGUAGE,
  segtype: 'paragraph' | 'sentence' = 'paragraph',
): string {
  const stamp = created
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  return serializeXml(
    element('tmx', { version: '1.4' }, [
      element('header', {
        creationtool: 'Bilingual Reader',
        creationtoolversion: '1',
        datatype: 'plaintext',
        segtype,
        adminlang: 'en',
        srclang: SOURCE_LANGUAGE,
        'o-tmf': TOOL_ID,
        creationdate: stamp,
      }),
      element(
        'body',
        {},
        pairs.map((pair) =>
          element('tu', { tuid: pair.id }, [
            element('prop', { type: 'x-status' }, [pair.status]),
            element('tuv', { 'xml:lang': SOURCE_LANGUAGE }, [element('seg', {}, [pair.source])]),
            element('tuv', { 'xml:lang': targetLanguage }, [element('seg', {}, [pair.target])]),
          ]),
        ),
      ),
    ]),
  );
}

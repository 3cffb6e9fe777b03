import type { BlockView, TextView } from '@/lib/library/load';

/** A small text view for the export tests: blocks given as `[type, zh, en?]`, ids b00001…. */
export function textView(blocks: [BlockView['type'], string, string?, number?][], title = { zh: '标题', en: 'Title' }): TextView {
  const views: BlockView[] = blocks.map(([type, zh, en, level], i) => ({
    id: `b${String(i + 1).padStart(5, '0')}`,
    type,
    text: zh,
    hash: `h${i}`,
    line: i + 1,
    ...(level !== undefined ? { level } : {}),
    ...(en !== undefined ? { en } : {}),
    ...(type === 'break' ? {} : { status: en ? ('draft' as const) : ('untranslated' as const) }),
  }));
  return {
    slug: 'sample',
    file: 'content/sample.md',
    lang: 'en',
    meta: { title: title.zh, date: '2024-09-08', author: '作者' },
    title: { zh: title.zh, en: title.en, status: 'draft' },
    blocks: views,
    retired: [],
    progress: { glossed: views.filter((b) => b.en).length, total: views.filter((b) => b.type !== 'break').length },
    problems: [],
    ledgerOutOfDate: false,
  };
}

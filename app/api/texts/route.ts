import { textListResponse } from '@/lib/api/contract';
import { summarizeText } from '@/lib/library/export';
import { loadLibrary } from '@/lib/library/load';
import { json, withErrors } from '@/app/api/_lib/respond';

export const dynamic = 'force-dynamic';

/** `GET /api/texts`: `[{ slug, title: { zh, en }, progress: { glossed, total } }]`; unreadable texts are left out. */
export const GET = withErrors(async () => {
  const texts = await loadLibrary();
  return json(textListResponse, texts.flatMap((entry) => (entry.ok ? [summarizeText(entry.text)] : [])));
});

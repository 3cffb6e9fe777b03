import { ExportOptionError, parseFileOptions } from '@/lib/export/options';
import { cachedExportFile } from '@/lib/library/export-cache';
import { exportXliff } from '@/lib/library/exchange-export';
import { loadText } from '@/lib/library/load';

export const dynamic = 'force-dynamic';

/**
 * `GET /api/texts/<slug>/export?format=html|epub|pdf`: the text as a file to download, with
 * the options of `npm run export` as parameters (`layout`, `pinyin=1`, `order`, `mode`, `paper`,
 * `section`). Files are built once per text version and kept (lib/library/export-cache.ts).
 * `?format=xliff` (`&version=2.0`) gives the XLIFF of `npm run export -- <slug> --format xliff`.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const search = new URL(request.url).searchParams;
  if (search.get('format') === 'xliff') return xliffResponse(slug, search.get('version'));
  let options;
  try {
    options = parseFileOptions((name) => search.get(name), (name) => search.get(name) === '1');
  } catch (error) {
    if (error instanceof ExportOptionError) return Response.json({ error: error.message }, { status: 422 });
    throw error;
  }
  const loaded = await loadText(slug);
  if (!loaded) return Response.json({ error: 'No such text' }, { status: 404 });
  if (!loaded.ok) return Response.json({ error: loaded.broken.error }, { status: 500 });
  try {
    const file = await cachedExportFile(loaded.text, options);
    return new Response(Buffer.from(file.data), {
      headers: {
        'Content-Type': file.mediaType,
        'Content-Disposition': `attachment; filename="${file.fileName}"`,
        'Content-Length': String(file.data.byteLength),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      },
    });
  } catch (error) {
    if (error instanceof ExportOptionError) return Response.json({ error: error.message }, { status: 404 });
    throw error;
  }
}

async function xliffResponse(slug: string, version: string | null): Promise<Response> {
  if (version !== null && version !== '1.2' && version !== '2.0') {
    return Response.json({ error: `version must be 1.2 or 2.0 (got "${version}")` }, { status: 422 });
  }
  const result = await exportXliff(slug, { version: version ?? '1.2' });
  if (!result.ok) return Response.json({ error: result.error }, { status: result.kind === 'not-found' ? 404 : 500 });
  return new Response(result.xml, {
    headers: {
      'Content-Type': 'application/xliff+xml; charset=utf-8',
      'Content-Disposition': `attachment; filename="${slug}.xlf"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    },
  });
}

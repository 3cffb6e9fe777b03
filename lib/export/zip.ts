import JSZip from 'jszip';

/** The jszip adapter: packs files into a zip archive in memory, in the order given. */

export interface ZipEntry {
  path: string;
  data: string | Uint8Array;
  /** Stored without compression (an EPUB's `mimetype` must be). */
  store?: boolean;
}

/** Zips `entries` in order; a fixed date keeps the archive the same for the same input. `[{ path: 'a.txt', data: '甲' }]` → zip bytes. */
export async function zipEntries(entries: readonly ZipEntry[], date = new Date(Date.UTC(2000, 0, 1))): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const entry of entries) {
    zip.file(entry.path, entry.data, { date, compression: entry.store ? 'STORE' : 'DEFLATE', createFolders: false });
  }
  return zip.generateAsync({ type: 'uint8array', compressionOptions: { level: 6 }, platform: 'UNIX' });
}

/** Reads back a zip's entries as text, in archive order (for tests and checks). */
export async function unzipText(data: Uint8Array): Promise<{ path: string; text: string }[]> {
  const zip = await JSZip.loadAsync(data);
  const out: { path: string; text: string }[] = [];
  for (const file of Object.values(zip.files)) {
    if (!file.dir) out.push({ path: file.name, text: await file.async('string') });
  }
  return out;
}

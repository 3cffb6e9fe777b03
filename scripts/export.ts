// `npm run export -- <slug>`: prints the text as JSON { slug, title, meta, blocks: [{ id, type, zh, en, status }] }.
import { exportText } from '@/lib/library/export';
import { loadLibrary, loadText } from '@/lib/library/load';

async function main() {
  const [slug, ...rest] = process.argv.slice(2);
  if (!slug || rest.length > 0) {
    console.error('Usage: npm run -s export -- <slug>');
    process.exit(2);
  }
  const loaded = await loadText(slug);
  if (!loaded) {
    const slugs = (await loadLibrary()).map((entry) => (entry.ok ? entry.text.slug : entry.broken.slug));
    console.error(`No text "${slug}". Texts: ${slugs.join(', ') || 'none'}`);
    process.exit(1);
  }
  if (!loaded.ok) {
    console.error(loaded.broken.error);
    process.exit(1);
  }
  console.log(JSON.stringify(exportText(loaded.text), null, 2));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

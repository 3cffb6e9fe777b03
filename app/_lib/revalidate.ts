import 'server-only';
import { revalidatePath } from 'next/cache';
import { uiLocales } from '@/lib/i18n/config';

/**
 * After a write, marks every page that shows the text for regeneration on its next request:
 * the library, the reading page and the paragraph page, in each interface language. (Pages are
 * served through a rewrite, so these are the destination paths.)
 */
export function revalidateText(slug: string, id?: string): void {
  for (const ui of uiLocales) {
    revalidatePath(`/${ui}`);
    revalidatePath(`/${ui}/read/${slug}`);
    if (id) revalidatePath(`/${ui}/read/${slug}/p/${id}`);
  }
}

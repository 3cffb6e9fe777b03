'use client';

import { useTranslation } from 'react-i18next';
import { useEditing } from './edit/editing-provider';

/**
 * The mark of a paragraph changed differently on two servers (git sync, docs/sync.md), shown to
 * everyone beside the gloss, which stays the one shown. In words, not colour alone. For someone
 * editing, it follows the gloss's record fresh from the API: gone once the paragraph is saved
 * (or found resolved since the page was made), without a reload.
 */
export function ConflictMarker({ id, versions, uiLang }: { id: string; versions: number; uiLang: string }) {
  const { t } = useTranslation();
  const record = useEditing()?.records[id];
  if (record && !record.conflict) return null;
  const count = record?.conflict?.versions.length ?? versions;
  return (
    <p className="mark mark-conflict" lang={uiLang} dir="auto" data-conflict={count}>
      <span aria-hidden="true">⇄ </span>
      {t('reader.conflict', { count })}
    </p>
  );
}

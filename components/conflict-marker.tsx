'use client';

import { lazy, Suspense } from 'react';
import { useTranslation } from '@/components/i18n-provider';
import { useEditing } from './edit/editing-context';

// Another language's records are loaded only for someone editing: readers never download them.
const LanguageEditing = lazy(() => import('./edit/language-editing').then((m) => ({ default: m.LanguageEditing })));

/**
 * The mark of a paragraph changed differently on two servers (git sync, docs/sync.md), shown to
 * everyone under the gloss, which stays the one shown; outside the reveal layout's hidden gloss,
 * so it shows there too without giving the translation away. In words, not colour alone. For
 * someone editing, it follows the gloss's record fresh from the API: gone once the paragraph is
 * saved (or found resolved since the page was made), without a reload. `lang`: the cell's target
 * language when not English, whose records it then follows.
 */
export function ConflictMarker({ id, versions, uiLang, lang }: { id: string; versions: number; uiLang: string; lang?: string }) {
  const editing = useEditing();
  const marker = <Marker id={id} versions={versions} uiLang={uiLang} />;
  if (!editing || !lang || lang === 'en') return marker;
  return (
    <Suspense fallback={marker}>
      <LanguageEditing lang={lang} id={id}>
        {marker}
      </LanguageEditing>
    </Suspense>
  );
}

function Marker({ id, versions, uiLang }: { id: string; versions: number; uiLang: string }) {
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

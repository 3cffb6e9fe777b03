'use client';

import { useId, useState } from 'react';
import { useTranslation } from '@/components/i18n-provider';
import { InlineText } from '../inline-text';
import { textDirection } from '@/lib/reading/reading-languages';
import { useReferences } from './language-editing';

/**
 * While a gloss is edited in another target language, the same paragraph in a reference
 * language beside the field, read-only: English unless the editor picks another the text has.
 */
export function ReferenceGloss({ id, lang }: { id: string; lang: string }) {
  const { t } = useTranslation();
  const references = useReferences(lang);
  const [chosen, setChosen] = useState('en');
  const selectId = useId();
  if (references.length === 0) return null;
  const reference = references.find((r) => r.lang === chosen) ?? references[0];
  if (!reference) return null;
  const gloss = reference.records[id]?.en;
  return (
    <aside className="gloss-reference editor-reference" aria-labelledby={selectId}>
      <label className="gloss-reference-label">
        <span id={selectId}>{t('edit.referenceLanguage')}</span>{' '}
        <select value={reference.lang} onChange={(event) => setChosen(event.target.value)}>
          {references.map((r) => (
            <option key={r.lang} value={r.lang}>
              {r.name}
            </option>
          ))}
        </select>
      </label>
      {gloss ? (
        <p lang={reference.lang} dir={textDirection(reference.lang)}>
          <InlineText text={gloss} />
        </p>
      ) : (
        <p className="mark mark-untranslated">{t('edit.referenceNone')}</p>
      )}
    </aside>
  );
}

'use client';

import { useId } from 'react';
import { useTranslation } from '@/components/i18n-provider';
import type { GlossConflict } from './editing-context';

/**
 * The versions of a paragraph changed differently on two servers (git sync), side by side with
 * their authors, for someone who may resolve it: "Use this version" puts one in the field (never
 * saves by itself); merging is editing the field by hand; the save resolves the conflict.
 */
export function ConflictVersions({
  conflict,
  lang,
  current,
  onUse,
}: {
  conflict: GlossConflict;
  /** The gloss language, for the versions' text. */
  lang: string;
  /** The field's text now, to say which version it holds. */
  current: string;
  onUse: (text: string) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="conflict conflict-sync" aria-labelledby={headingId}>
      <h3 id={headingId} className="conflict-heading">
        {t('edit.syncConflict', { count: conflict.versions.length })}
      </h3>
      <p>{t('edit.syncConflictHelp')}</p>
      <ol className="conflict-versions">
        {conflict.versions.map((version, index) => {
          const inField = version.text === current;
          return (
            <li key={`${version.revision}-${index}`} className="conflict-version">
              <p className="conflict-label">
                {t('edit.syncVersionBy', { n: index + 1, author: version.author })}
                {inField && <> · {t('edit.syncInField')}</>}
              </p>
              <p lang={lang} dir="auto" className="conflict-text">
                {version.text || t('reader.untranslated')}
              </p>
              <button
                type="button"
                onClick={() => onUse(version.text)}
                aria-label={t('edit.useVersionOf', { n: index + 1, author: version.author })}
              >
                {t('edit.useVersion')}
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

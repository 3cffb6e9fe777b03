'use client';

import { useState, type FormEvent } from 'react';
import { useTranslation } from '@/components/i18n-provider';
import { MAX_READING_LANGUAGES, READING_LANGUAGES_COOKIE } from '@/lib/reading/reading-languages';
import { permits } from '@/lib/auth/permissions';
import { useSession } from './session-provider';

interface Props {
  slug: string;
  /** Every language the text has, English first, each with its name in the interface language. */
  available: { lang: string; name: string }[];
  /** The languages shown now, in order. */
  shown: string[];
  reference: boolean;
}

/** Keeps the choice for the next visit (proxy.ts reads it), or forgets it for English alone. */
function remember(tl: string | null) {
  const base = `${READING_LANGUAGES_COOKIE}=`;
  document.cookie = tl
    ? `${base}${encodeURIComponent(tl)}; path=/; max-age=31536000; samesite=lax`
    : `${base}; path=/; max-age=0; samesite=lax`;
}

/** Opens the same page with `?tl=` and `?tlref=` as chosen (the columns are made on the server). */
function open(tl: string | null, reference: boolean) {
  const url = new URL(window.location.href);
  if (tl) url.searchParams.set('tl', tl);
  else url.searchParams.delete('tl');
  if (reference) url.searchParams.set('tlref', 'en');
  else url.searchParams.delete('tlref');
  window.location.assign(url.toString());
}

/**
 * The reading page's choice of target languages (`?tl=`, one to three, in the order ticked) and
 * of the English as a reference for missing glosses (`?tlref=en`); for an admin, a form that adds
 * a language to the text (`POST /api/texts/<slug>/languages`).
 */
export function TargetLanguagesPanel({ slug, available, shown, reference }: Props) {
  const { t } = useTranslation();
  const session = useSession();
  const isEditor = permits(session?.viewer ?? undefined, 'manage-languages').ok;
  const [chosen, setChosen] = useState<string[]>(shown);
  const [withReference, setWithReference] = useState(reference);
  const [tag, setTag] = useState('');
  const [message, setMessage] = useState('');
  const [failed, setFailed] = useState(false);

  if (available.length < 2 && !isEditor) return null;

  const toggle = (lang: string, on: boolean) =>
    setChosen((current) => (on ? [...current.filter((l) => l !== lang), lang] : current.filter((l) => l !== lang)));

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const langs = chosen.length > 0 ? chosen : ['en'];
    const tl = langs.length === 1 && langs[0] === 'en' ? null : langs.join(',');
    remember(tl);
    open(tl, withReference);
  };

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const { addTextLanguage } = await import('./edit/api');
    const result = await addTextLanguage(slug, { lang: tag });
    if (!result.ok) {
      setFailed(true);
      setMessage(result.error);
      return;
    }
    setFailed(false);
    const langs = [...shown.filter((l) => l !== result.data.lang), result.data.lang].slice(-MAX_READING_LANGUAGES);
    setMessage(t('reader.languageAdded', { language: result.data.lang }));
    remember(langs.join(','));
    open(langs.join(','), withReference);
  };

  return (
    <details className="reading-options target-languages">
      <summary>{t('reader.languages')}</summary>
      <div className="reading-options-body">
        <form onSubmit={apply}>
          <fieldset className="option-group">
            <legend>{t('reader.languagesLegend')}</legend>
            {available.map(({ lang, name }) => {
              const on = chosen.includes(lang);
              return (
                <label key={lang}>
                  <input
                    type="checkbox"
                    name="tl"
                    value={lang}
                    checked={on}
                    disabled={!on && chosen.length >= MAX_READING_LANGUAGES}
                    onChange={(event) => toggle(lang, event.target.checked)}
                  />
                  <span>
                    {name} <span className="lang-tag">({lang})</span>
                  </span>
                </label>
              );
            })}
          </fieldset>
          <label className="option-check">
            <input type="checkbox" checked={withReference} onChange={(event) => setWithReference(event.target.checked)} />
            <span>{t('reader.referenceOption')}</span>
          </label>
          <button type="submit">{t('reader.applyLanguages')}</button>
        </form>
        {isEditor && (
          <form className="add-language" onSubmit={add}>
            <label>
              <span>{t('reader.addLanguage')}</span>
              <input
                type="text"
                value={tag}
                maxLength={35}
                placeholder={t('reader.addLanguageTag')}
                aria-describedby="add-language-message"
                onChange={(event) => setTag(event.target.value)}
              />
            </label>
            <button type="submit">{t('reader.addLanguageButton')}</button>
          </form>
        )}
        <p id="add-language-message" role={failed ? 'alert' : 'status'} className={failed ? 'notice notice-error' : undefined}>
          {message}
        </p>
      </div>
    </details>
  );
}

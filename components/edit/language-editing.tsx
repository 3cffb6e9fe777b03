'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { EditingContext, useEditing, type GlossRecord } from './editing-context';
import { recordsOf } from './gloss-records';

type Records = Record<string, GlossRecord>;

interface LanguageRecords {
  /** Each target language's records but English's (which the EditingProvider holds), by tag. */
  byLang: Record<string, Records>;
  update: (lang: string, id: string, record: Partial<GlossRecord>) => void;
  reload: (lang: string) => Promise<void>;
  /** Every language the text has, English first: what a reference may be taken from. */
  languages: { lang: string; name: string }[];
}

const LanguageRecordsContext = createContext<LanguageRecords | null>(null);

/** English's records, kept aside before a cell's context replaces them with its own language's. */
const EnglishRecordsContext = createContext<Records | null>(null);

/**
 * For an editor, the glosses of the text's other target languages, fresh from the API
 * (`GET /api/texts/<slug>?lang=`), so their cells can be edited and shown as references.
 * Inside an EditingProvider; for readers it loads nothing.
 */
export function LanguageRecordsProvider({
  languages,
  children,
}: {
  languages: { lang: string; name: string }[];
  children: ReactNode;
}) {
  const editing = useEditing();
  const slug = editing?.slug;
  const [byLang, setByLang] = useState<Record<string, Records>>({});
  const others = useMemo(() => languages.map((l) => l.lang).filter((lang) => lang !== 'en'), [languages]);

  const reload = useCallback(
    async (lang: string) => {
      if (!slug) return;
      const { getTextInLanguage } = await import('./api');
      const result = await getTextInLanguage(slug, lang);
      if (result.ok) setByLang((current) => ({ ...current, [lang]: recordsOf(result.data.blocks, (block) => block.gloss) }));
    },
    [slug],
  );
  useEffect(() => {
    if (!slug) return;
    let cancelled = false;
    for (const lang of others)
      void import('./api')
        .then(({ getTextInLanguage }) => getTextInLanguage(slug, lang))
        .then((result) => {
          if (!cancelled && result.ok)
            setByLang((current) => ({ ...current, [lang]: recordsOf(result.data.blocks, (block) => block.gloss) }));
        });
    return () => {
      cancelled = true;
    };
  }, [others, slug]);

  const update = useCallback((lang: string, id: string, record: Partial<GlossRecord>) => {
    setByLang((current) => {
      const previous = current[lang]?.[id];
      return previous ? { ...current, [lang]: { ...current[lang], [id]: { ...previous, ...record } } } : current;
    });
  }, []);
  const value = useMemo(() => ({ byLang, update, reload, languages }), [byLang, update, reload, languages]);
  // English's records stay reachable from inside other languages' cells, for references.
  return (
    <LanguageRecordsContext.Provider value={value}>
      <EnglishRecordsContext.Provider value={editing?.records ?? null}>{children}</EnglishRecordsContext.Provider>
    </LanguageRecordsContext.Provider>
  );
}

/**
 * The editing context of one cell in another target language: the same editor and page, that
 * language's records, and `lang` so every save, status change, history and revert goes with
 * `?lang=`. The open editor is named `<lang>:<id>`, so at most one cell of the page is edited.
 */
export function LanguageEditing({ lang, id, children }: { lang: string; id: string; children: ReactNode }) {
  const parent = useEditing();
  const languages = useContext(LanguageRecordsContext);
  const records = languages?.byLang[lang];
  const key = `${lang}:${id}`;
  const value = useMemo(() => {
    if (!parent || !languages || !records) return null;
    return {
      ...parent,
      lang,
      records,
      update: (rowId: string, record: Partial<GlossRecord>) => languages.update(lang, rowId, record),
      editing: parent.editing === key ? id : null,
      setEditing: (rowId: string | null) => parent.setEditing(rowId === null ? null : `${lang}:${rowId}`),
      refresh: () => languages.reload(lang),
    };
  }, [parent, languages, records, lang, key, id]);
  return <EditingContext.Provider value={value}>{children}</EditingContext.Provider>;
}

/** The languages a reference may be shown from while editing in `lang`, with their records (English from the page's provider). */
export function useReferences(lang: string): { lang: string; name: string; records: Records }[] {
  const languages = useContext(LanguageRecordsContext);
  const english = useContext(EnglishRecordsContext);
  if (!languages) return [];
  return languages.languages
    .filter((l) => l.lang !== lang)
    .map((l) => ({ ...l, records: l.lang === 'en' ? (english ?? {}) : (languages.byLang[l.lang] ?? {}) }));
}

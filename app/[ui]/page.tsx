import { AddTextForEditors } from '@/components/exchange/add-text-for-editors';
import { LanguageAlternates } from '@/components/language-alternates';
import { TextTitle } from '@/components/text-title';
import { htmlLang } from '@/lib/i18n/config';
import { getUiT, toUiLocale } from '@/app/_lib/ui-i18n';
import { targetLanguageName } from '@/lib/i18n/target-language';
import { otherLanguages } from '@/lib/library/languages';
import { loadLibrary } from '@/lib/library/load';
import { peekTextDifficulty } from '@/lib/reading/text-difficulty';
import type { Difficulty } from '@/lib/learn/difficulty';
import type { TFunction } from 'i18next';
import { ContinueReading } from '@/components/learn/reading-place';
import { LearnerSync } from '@/components/learn/learner-sync';

/** The card's difficulty line: the lowest HSK level that knows 95 % of the text's words. */
function difficultyLabel(t: TFunction, { levelFor95 }: Difficulty): string {
  if (levelFor95 === null) return t('library.difficultyBeyond');
  return levelFor95 >= 7 ? t('library.difficultyBand') : t('library.difficulty', { level: levelFor95 });
}

type Props = { params: Promise<{ ui: string }> };

// Remade when a text is added, changed or removed (cache-handler.cjs watches the data files).
export const revalidate = 60;

export default async function LibraryPage({ params }: Props) {
  const ui = toUiLocale((await params).ui);
  const { t } = await getUiT(ui);
  const texts = await loadLibrary();
  const languages = await otherLanguages(texts.flatMap((entry) => (entry.ok ? [entry.text.slug] : [])));
  const building = process.env.NEXT_PHASE === 'phase-production-build';
  return (
    <div className="page library">
      <LanguageAlternates path="/" />
      <h1>{t('library.heading')}</h1>
      <p className="tagline">{t('site.tagline')}</p>
      <AddTextForEditors />
      {texts.length === 0 ? (
        <p>{t('library.empty')}</p>
      ) : (
        <ul className="text-list">
          {texts.map((entry) => {
            if (!entry.ok) {
              const { slug, file, error } = entry.broken;
              return (
                <li key={file} className="text-card text-card-broken">
                  <h2>{slug}</h2>
                  <p role="alert">{t('library.broken', { error })}</p>
                </li>
              );
            }
            const { slug, title, meta, progress } = entry.text;
            // Measured in the background on first sight (never while building): absent until then.
            const difficulty = building ? undefined : peekTextDifficulty(entry.text);
            return (
              <li key={slug} className="text-card">
                <TextTitle title={title} as="h2" className="text-card-title" href={`/read/${slug}`} />
                <p className="text-meta">
                  {meta.date && <time dateTime={meta.date}>{meta.date}</time>}
                  {meta.author && <span>{t('library.by', { author: meta.author })}</span>}
                </p>
                <p className="text-progress">
                  <progress max={progress.total} value={progress.glossed} aria-hidden="true" />
                  <span lang={htmlLang[ui]}>{t('library.progress', { ...progress })}</span>
                </p>
                {languages[slug]?.map(({ lang, progress: done }) => (
                  <p key={lang} className="text-progress" data-lang={lang}>
                    <progress max={done.total} value={done.glossed} aria-hidden="true" />
                    <span lang={htmlLang[ui]}>
                      {t('library.languageProgress', { language: targetLanguageName(lang, htmlLang[ui]), ...done })}
                    </span>
                  </p>
                ))}
                <ContinueReading slug={slug} bar {...(entry.text.blocks[0] ? { firstId: entry.text.blocks[0].id } : {})} />
                {difficulty && difficulty.tokens > 0 && (
                  <p className="text-difficulty" lang={htmlLang[ui]}>
                    {difficultyLabel(t, difficulty)}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <LearnerSync />
    </div>
  );
}

import type { Metadata } from 'next';
import { getUiT, toUiLocale } from '@/app/_lib/ui-i18n';

type Props = { params: Promise<{ ui: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await getUiT(toUiLocale((await params).ui));
  return { title: t('about.title') };
}

export default async function AboutPage({ params }: Props) {
  const { t } = await getUiT(toUiLocale((await params).ui));
  return (
    <div className="page page-message">
      <h1>{t('about.title')}</h1>
      <p>{t('about.body')}</p>
      <h2>{t('about.dictionaryHeading')}</h2>
      <p>{t('about.dictionary')}</p>
      <ul>
        <li>
          <a href="https://cc-cedict.org/wiki/" rel="noopener noreferrer">
            CC-CEDICT
          </a>
        </li>
        <li>
          <a href="https://creativecommons.org/licenses/by-sa/4.0/" rel="noopener noreferrer license">
            CC BY-SA 4.0
          </a>
        </li>
      </ul>
      <h2>{t('about.toolsHeading')}</h2>
      <p>{t('about.tools')}</p>
    </div>
  );
}

'use client';

import { useTranslation } from 'react-i18next';
import { useUrlParam } from './use-url-param';

/** Shows or hides pinyin above the Chinese; the choice is kept in the URL (`?pinyin=1`). */
export function PinyinSwitch() {
  const { t } = useTranslation();
  const [value, setValue] = useUrlParam('pinyin');
  const on = value === '1';
  return (
    <button type="button" className="toggle" aria-pressed={on} onClick={() => setValue(on ? null : '1')}>
      {t('reader.pinyin')}
    </button>
  );
}

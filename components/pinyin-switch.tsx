'use client';

import { useTranslation } from '@/components/i18n-provider';
import { PHONETIC_PARAM } from './reading-options';
import { useUrlParam } from './use-url-param';

/**
 * Shows or hides the reading above the Chinese (pinyin, or zhuyin when chosen in the reading
 * options); the choice is kept in the URL (`?pinyin=1`).
 */
export function PinyinSwitch() {
  const { t } = useTranslation();
  const [value, setValue] = useUrlParam('pinyin');
  const [notation] = useUrlParam(PHONETIC_PARAM);
  const on = value === '1';
  return (
    <button type="button" className="toggle" aria-pressed={on} onClick={() => setValue(on ? null : '1')}>
      {notation === 'zhuyin' ? t('reader.zhuyin') : t('reader.pinyin')}
    </button>
  );
}

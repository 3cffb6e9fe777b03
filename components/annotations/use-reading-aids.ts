'use client';

import { useEffect, useMemo, useState } from 'react';
import { chineseScripts } from '@/lib/annotate/types';
import { isOneOf, PHONETIC_PARAM, SCRIPT_PARAM, TONES_PARAM } from '../reading-options';
import { useUrlParam } from '../use-url-param';
import type { ReadingAids } from './annotation-context';

type WriteReading = (pinyin: string) => string;
const asPinyin: WriteReading = (pinyin) => pinyin;

/**
 * The reading options that change how the Chinese is written, from the URL. The zhuyin converter
 * is loaded only once a reader asks for zhuyin, so it costs nothing to anyone else.
 */
export function useReadingAids(): ReadingAids {
  const [pinyin] = useUrlParam('pinyin');
  const [tones] = useUrlParam(TONES_PARAM);
  const [phonetic] = useUrlParam(PHONETIC_PARAM);
  const [script] = useUrlParam(SCRIPT_PARAM);
  const wantZhuyin = phonetic === 'zhuyin';
  const [toZhuyin, setToZhuyin] = useState<WriteReading | null>(null);

  useEffect(() => {
    if (!wantZhuyin || toZhuyin) return;
    let live = true;
    void import('@/lib/annotate/zhuyin').then((module) => {
      if (live) setToZhuyin(() => module.toZhuyin);
    });
    return () => {
      live = false;
    };
  }, [wantZhuyin, toZhuyin]);

  const writer = wantZhuyin ? toZhuyin : null;
  return useMemo(
    () => ({
      showPinyin: pinyin === '1',
      tones: tones === '1',
      script: isOneOf(chineseScripts, script) ? script : null,
      notation: writer ? 'zhuyin' : 'pinyin',
      writeReading: writer ?? asPinyin,
    }),
    [pinyin, tones, script, writer],
  );
}

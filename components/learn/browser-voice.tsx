'use client';

import { useEffect, useId, useState } from 'react';
import { useTranslation } from '@/components/i18n-provider';
import { chooseChineseVoice, speakableText } from '@/lib/learn/voice-choice';
import { useStoredOption } from '../use-stored-option';

/**
 * The browser's own Chinese voice (Web Speech API), offered instead of the server voice where the
 * browser has one. Loaded only once a Listen button is pressed (listen-button.tsx imports it on
 * demand), so reading pages carry none of it.
 */

/** The browser's Chinese voice, or undefined. Chromium lists voices only after `voiceschanged`: wait for it, at most a second. */
export async function browserChineseVoice(): Promise<SpeechSynthesisVoice | undefined> {
  if (typeof speechSynthesis === 'undefined') return undefined;
  const now = chooseChineseVoice(speechSynthesis.getVoices());
  if (now || speechSynthesis.getVoices().length > 0) return now;
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      speechSynthesis.removeEventListener('voiceschanged', done);
      resolve(chooseChineseVoice(speechSynthesis.getVoices()));
    };
    const timer = setTimeout(done, 1_000);
    speechSynthesis.addEventListener('voiceschanged', done);
  });
}

/** The Chinese of the reading row holding `element`, as shown (either script), without ruby, note marks or links. */
export function rowChinese(element: Element): string {
  const cell = element.closest('.row')?.querySelector('.cell-zh');
  if (!cell) return '';
  const copy = cell.cloneNode(true) as Element;
  for (const extra of copy.querySelectorAll('rt, rp, a, button, .note-ref')) extra.remove();
  return speakableText(copy.textContent ?? '');
}

/**
 * Reads `text` with `voice`; `onEnd` runs when it ends or is stopped, `onBoundary` with the
 * offset of each word or sentence reached where the browser reports them. Answers the function that stops it.
 */
export function speak(
  text: string,
  voice: SpeechSynthesisVoice,
  onEnd: () => void,
  onBoundary?: (charIndex: number) => void,
): () => void {
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.voice = voice;
  utterance.lang = voice.lang;
  utterance.addEventListener('end', onEnd);
  utterance.addEventListener('error', onEnd);
  if (onBoundary) utterance.addEventListener('boundary', (event) => onBoundary(event.charIndex));
  speechSynthesis.cancel();
  speechSynthesis.speak(utterance);
  return () => speechSynthesis.cancel();
}

/**
 * The choice between the server voice (the default, synthetic) and the browser's Chinese voice,
 * kept like the other reading options (`?voice=browser`, and across visits). Shows nothing where
 * the browser has no Chinese voice.
 */
export function VoiceChoice() {
  const { t } = useTranslation();
  const name = useId();
  const [voice, setVoice] = useState<SpeechSynthesisVoice | undefined>();
  const [chosen, setChosen] = useStoredOption('voice');
  useEffect(() => {
    let live = true;
    void browserChineseVoice().then((found) => {
      if (live) setVoice(found);
    });
    return () => {
      live = false;
    };
  }, []);
  if (!voice) return null;
  return (
    <fieldset className="voice-choice">
      <legend>{t('listen.voice')}</legend>
      <label>
        <input type="radio" name={name} checked={chosen !== 'browser'} onChange={() => setChosen(null)} />
        <span>{t('listen.voice.server')}</span>
      </label>
      <label>
        <input type="radio" name={name} checked={chosen === 'browser'} onChange={() => setChosen('browser')} />
        <span>{t('listen.voice.browser', { name: voice.name })}</span>
      </label>
    </fieldset>
  );
}

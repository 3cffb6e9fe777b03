'use client';

import { lazy, Suspense, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from '@/components/i18n-provider';
import { isOneOf, storageKey, storedOptions } from '../reading-options';
import type { ListenState } from './listen-playback';

/** The voice choice, loaded with the browser voice once a Listen button is used. */
const VoiceChoice = lazy(() => import('./browser-voice').then((module) => ({ default: module.VoiceChoice })));

/** Has the reader chosen the browser's voice (`?voice=browser`, else kept in this browser)? Read when Listen is pressed. */
function wantsBrowserVoice(): boolean {
  const { values } = storedOptions.voice;
  if (isOneOf(values, new URLSearchParams(window.location.search).get('voice'))) return true;
  try {
    return isOneOf(values, window.localStorage.getItem(storageKey('voice')));
  } catch {
    return false;
  }
}

/** Follows the choice of voice (use-stored-option.ts announces a change; another tab through storage). */
function onVoiceChange(onChange: () => void) {
  window.addEventListener('bilingual:storedoption', onChange);
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener('bilingual:storedoption', onChange);
    window.removeEventListener('storage', onChange);
  };
}

/** The playback, fetched on the first press of any Listen button. */
const playback = () => import('./listen-playback');

/**
 * *Listen*: fetches the server voice's audio of `src` (a paragraph's or a word's, see
 * app/api/texts/[slug]/audio and app/api/audio) and plays it; pressed again, stops. The voice is
 * synthetic and the button says so. Where the reader chose the browser's Chinese voice and the
 * browser has one, that reads instead: `text`, else the Chinese of the button's row; the label
 * names the voice in use. A row's Listen lights the sentence being read (listen-highlight.ts,
 * loaded on first use).
 * `variant` `row` is the round icon of a row's tools, `popover` a labelled button with the note
 * and, once used, the voice choice shown under it.
 */
export function ListenButton({ src, text, variant }: { src: string; text?: string; variant: 'row' | 'popover' }) {
  const { t } = useTranslation();
  const [state, setState] = useState<ListenState>('idle');
  const [message, setMessage] = useState('');
  const [used, setUsed] = useState(false);
  const stopRef = useRef<(() => void) | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  // The voice the label names: the one chosen, unless this browser turned out to have no Chinese voice.
  const chosenBrowser = useSyncExternalStore(onVoiceChange, wantsBrowserVoice, () => false);
  const [noBrowserVoice, setNoBrowserVoice] = useState(false);
  const voiceNote = chosenBrowser && !noBrowserVoice ? t('listen.browser') : t('listen.synthetic');
  useEffect(() => () => stopRef.current?.(), []);

  const listen = async () => {
    if (state !== 'idle') {
      stopRef.current?.();
      return;
    }
    setUsed(true);
    setState('loading');
    const parts = { src, text, variant, browserVoice: wantsBrowserVoice(), button: buttonRef.current, t, stopRef };
    try {
      const { startListening } = await playback();
      await startListening({ ...parts, setState, setMessage, setNoBrowserVoice });
    } catch (error) {
      setState('idle');
      setMessage(t('listen.failed', { reason: error instanceof Error ? error.message : String(error) }));
    }
  };

  const label = state === 'idle' ? t('listen.play') : t('listen.stop');
  if (variant === 'popover') {
    return (
      <>
        <button type="button" className="popover-listen" data-state={state} aria-keyshortcuts="L" onClick={() => void listen()}>
          {label}
        </button>
        <p className="popover-voice-note">{message || voiceNote}</p>
        {used && (
          <Suspense fallback={null}>
            <VoiceChoice />
          </Suspense>
        )}
      </>
    );
  }
  return (
    <>
      <button
        type="button"
        ref={buttonRef}
        className="tool listen"
        data-state={state}
        aria-label={`${label}: ${voiceNote}`}
        title={`${label}: ${voiceNote}`}
        onClick={() => void listen()}
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
          {state === 'idle' ? (
            <path
              d="M2.5 6h2.5l3.5-3v10l-3.5-3h-2.5zM11 5.5a3.5 3.5 0 0 1 0 5M12.8 3.5a6 6 0 0 1 0 9"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.4"
              strokeLinejoin="round"
              strokeLinecap="round"
            />
          ) : (
            <rect x="4" y="4" width="8" height="8" rx="1" fill="currentColor" />
          )}
        </svg>
      </button>
      <span role="status" className={message ? 'toast' : 'visually-hidden'}>
        {message}
      </span>
    </>
  );
}

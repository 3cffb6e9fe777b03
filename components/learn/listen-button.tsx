'use client';

import { lazy, Suspense, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from '@/components/i18n-provider';
import { isOneOf, storageKey, storedOptions } from '../reading-options';

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

/** The one clip playing on the page: starting another stops it. */
let playing: { stop: () => void } | null = null;

type State = 'idle' | 'loading' | 'playing';

/** The `{ error }` of a refused request, or the status text. */
async function reasonOf(response: Response): Promise<string> {
  const body: unknown = await response.json().catch(() => null);
  const error = body && typeof body === 'object' && 'error' in body ? body.error : undefined;
  return typeof error === 'string' ? error.slice(0, 300) : `${response.status} ${response.statusText}`;
}

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
  const [state, setState] = useState<State>('idle');
  const [message, setMessage] = useState('');
  const [used, setUsed] = useState(false);
  const stopRef = useRef<(() => void) | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  // The voice the label names: the one chosen, unless this browser turned out to have no Chinese voice.
  const chosenBrowser = useSyncExternalStore(onVoiceChange, wantsBrowserVoice, () => false);
  const [noBrowserVoice, setNoBrowserVoice] = useState(false);
  const voiceNote = chosenBrowser && !noBrowserVoice ? t('listen.browser') : t('listen.synthetic');
  useEffect(() => () => stopRef.current?.(), []);

  /** Makes `halt` the page's one playing clip; answers the stop that ends it and resets the button (once: a late end event is ignored). */
  const start = (halt: () => void) => {
    let stopped = false;
    const stop = () => {
      if (stopped) return;
      stopped = true;
      halt();
      if (playing?.stop === stop) playing = null;
      if (stopRef.current === stop) stopRef.current = null;
      setState('idle');
      setMessage('');
    };
    playing = { stop };
    stopRef.current = stop;
    return stop;
  };

  /** Reads with the browser's Chinese voice when chosen and offered; false to use the server voice. */
  const listenInBrowser = async (): Promise<boolean> => {
    if (!wantsBrowserVoice()) return false;
    const browser = await import('./browser-voice');
    const voice = await browser.browserChineseVoice();
    const chinese = text ?? (buttonRef.current ? browser.rowChinese(buttonRef.current) : '');
    setNoBrowserVoice(!voice);
    if (!voice || !chinese) return false;
    // A row's sentence being read is lit from the voice's boundary events (listen-highlight.ts).
    const row = text === undefined && buttonRef.current ? buttonRef.current : null;
    const follow = row ? (await import('./listen-highlight')).followSpeech(row, chinese) : undefined;
    let stop = () => {};
    const silence = browser.speak(chinese, voice, () => stop(), follow?.at);
    stop = start(() => {
      silence();
      follow?.stop();
    });
    setState('playing');
    setMessage(t('listen.playingBrowser'));
    return true;
  };

  const listen = async () => {
    if (state !== 'idle') {
      stopRef.current?.();
      return;
    }
    playing?.stop();
    setUsed(true);
    setState('loading');
    setMessage(t('listen.loading'));
    try {
      if (await listenInBrowser()) return;
      // A row lights the sentence being read: that code is fetched while the audio is made.
      const highlight = variant === 'row' ? import('./listen-highlight') : undefined;
      const response = await fetch(src);
      if (!response.ok) throw new Error(await reasonOf(response));
      const url = URL.createObjectURL(await response.blob());
      const audio = new Audio(url);
      let unfollow = () => {};
      const stop = start(() => {
        audio.pause();
        URL.revokeObjectURL(url);
        unfollow();
      });
      audio.addEventListener('ended', stop);
      await audio.play();
      setState('playing');
      setMessage(t('listen.playing'));
      const follow = (await highlight?.catch(() => undefined))?.followAudio;
      // Not if it was stopped meanwhile: the light would stay.
      if (follow && buttonRef.current && stopRef.current === stop) unfollow = follow(buttonRef.current, audio);
    } catch (error) {
      stopRef.current?.();
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

import type { UiT } from '@/lib/i18n/translate';

// What a Listen button does once pressed (listen-button.tsx fetches this on the first press):
// the server voice's audio or the browser's voice, one clip at a time on the page, and the
// sentence being read lit in a row.

export type ListenState = 'idle' | 'loading' | 'playing';

/** What a Listen button hands over: what to read, and how to show what happens. */
export interface ListenButtonParts {
  src: string;
  text: string | undefined;
  variant: 'row' | 'popover';
  /** Has the reader chosen the browser's voice? */
  browserVoice: boolean;
  button: HTMLButtonElement | null;
  t: UiT;
  setState: (state: ListenState) => void;
  setMessage: (message: string) => void;
  setNoBrowserVoice: (none: boolean) => void;
  /** The stop of this button's clip while it plays. */
  stopRef: { current: (() => void) | null };
}

/** The one clip playing on the page: starting another stops it. */
let playing: { stop: () => void } | null = null;

/** The `{ error }` of a refused request, or the status text. */
async function reasonOf(response: Response): Promise<string> {
  const body: unknown = await response.json().catch(() => null);
  const error = body && typeof body === 'object' && 'error' in body ? body.error : undefined;
  return typeof error === 'string' ? error.slice(0, 300) : `${response.status} ${response.statusText}`;
}

/** Makes `halt` the page's one playing clip; answers the stop that ends it and resets the button (once: a late end event is ignored). */
function begin(parts: ListenButtonParts, halt: () => void): () => void {
  const { setState, setMessage, stopRef } = parts;
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
}

/** Reads with the browser's Chinese voice when chosen and offered; false to use the server voice. */
async function listenInBrowser(parts: ListenButtonParts): Promise<boolean> {
  const { text, button, t } = parts;
  if (!parts.browserVoice) return false;
  const browser = await import('./browser-voice');
  const voice = await browser.browserChineseVoice();
  const chinese = text ?? (button ? browser.rowChinese(button) : '');
  parts.setNoBrowserVoice(!voice);
  if (!voice || !chinese) return false;
  // A row's sentence being read is lit from the voice's boundary events (listen-highlight.ts).
  const row = text === undefined && button ? button : null;
  const follow = row ? (await import('./listen-highlight')).followSpeech(row, chinese) : undefined;
  let stop = () => {};
  const silence = browser.speak(chinese, voice, () => stop(), follow?.at);
  stop = begin(parts, () => {
    silence();
    follow?.stop();
  });
  parts.setState('playing');
  parts.setMessage(t('listen.playingBrowser'));
  return true;
}

/** Starts reading for a Listen button that is idle: stops any other clip, then plays this one. */
export async function startListening(parts: ListenButtonParts): Promise<void> {
  const { src, variant, button, t, setState, setMessage, stopRef } = parts;
  playing?.stop();
  setState('loading');
  setMessage(t('listen.loading'));
  try {
    if (await listenInBrowser(parts)) return;
    // A row lights the sentence being read: that code is fetched while the audio is made.
    const highlight = variant === 'row' ? import('./listen-highlight') : undefined;
    const response = await fetch(src);
    if (!response.ok) throw new Error(await reasonOf(response));
    const url = URL.createObjectURL(await response.blob());
    const audio = new Audio(url);
    let unfollow = () => {};
    const stop = begin(parts, () => {
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
    if (follow && button && stopRef.current === stop) unfollow = follow(button, audio);
  } catch (error) {
    stopRef.current?.();
    setState('idle');
    setMessage(t('listen.failed', { reason: error instanceof Error ? error.message : String(error) }));
  }
}

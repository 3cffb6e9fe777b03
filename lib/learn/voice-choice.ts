/**
 * The browser's own Chinese voice (Web Speech API), which a reader may choose instead of the
 * server voice: which of the voices a browser lists to use. Pure: the caller passes what
 * `speechSynthesis.getVoices()` gives.
 */

/** The fields of a `SpeechSynthesisVoice` the choice looks at. */
export interface VoiceInfo {
  name: string;
  lang: string;
  localService: boolean;
}

/** Mandarin as written in the texts first: mainland, then Taiwan, then any other Chinese. */
const REGIONS = ['cn', 'hans', 'tw', 'hant', 'sg'];

/** Is `lang` (a BCP 47 tag, `zh-CN`, `zh_TW`, `cmn-Hans-CN`) Mandarin or Chinese, but not Cantonese? */
export function isChineseVoice(voice: Pick<VoiceInfo, 'lang'>): boolean {
  const parts = voice.lang.toLowerCase().replace(/_/g, '-').split('-');
  if (parts[0] === 'cmn') return true;
  if (parts[0] !== 'zh') return false;
  // zh-HK and zh-yue are Cantonese voices: they read the characters in another language.
  return !parts.includes('hk') && !parts.includes('yue');
}

function rank(voice: VoiceInfo): number {
  const parts = voice.lang.toLowerCase().replace(/_/g, '-').split('-');
  const region = REGIONS.findIndex((r) => parts.includes(r));
  // A voice of the device first (it works offline and sends no text away), then by region.
  return (voice.localService ? 0 : 100) + (region < 0 ? REGIONS.length : region);
}

/** The Chinese voice to read with, or undefined when the browser has none. */
export function chooseChineseVoice<V extends VoiceInfo>(voices: readonly V[]): V | undefined {
  let best: V | undefined;
  for (const voice of voices) {
    if (!isChineseVoice(voice)) continue;
    if (!best || rank(voice) < rank(best)) best = voice;
  }
  return best;
}

/**
 * The Chinese a row shows, read from its cell as the reader sees it (simplified or traditional),
 * without the ruby: `rubyless` is the cell's text with `<rt>`/`<rp>` already left out. Runs of
 * white space become one space.
 */
export function speakableText(rubyless: string): string {
  return rubyless.replace(/\s+/g, ' ').trim();
}

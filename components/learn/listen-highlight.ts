import { readingWeight, sentenceAt, sentenceOffsets, sentenceStarts } from '@/lib/learn/listen-timing';
import { speakableText } from '@/lib/learn/voice-choice';

/**
 * The sentence being read aloud, lit in the row's Chinese: its `[data-s]` spans (the sentence
 * alignment's, see sentence-text.tsx and zh-text.tsx) get the class `sentence-reading`, styled
 * like the alignment's own highlight (app/styles/sentences.css). Purely visual: nothing is
 * announced. Loaded by listen-button.tsx only once a row's Listen plays, so reading pages carry
 * none of it. A row without sentence spans (no alignment) is not lit.
 */

export const READING_CLASS = 'sentence-reading';

interface RowSentence {
  spans: HTMLElement[];
  text: string;
}

/** The Chinese sentences of the row holding `element`, in order, each with its spans and its text without ruby. */
function rowSentences(element: Element): RowSentence[] {
  const cell = element.closest('.row')?.querySelector(':scope > .cell-zh');
  if (!cell) return [];
  const byIndex = new Map<number, HTMLElement[]>();
  for (const span of cell.querySelectorAll<HTMLElement>('[data-s]')) {
    const index = Number(span.dataset.s);
    if (Number.isInteger(index)) byIndex.set(index, [...(byIndex.get(index) ?? []), span]);
  }
  return [...byIndex.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, spans]) => ({
      spans,
      text: speakableText(
        spans
          .map((span) => {
            const copy = span.cloneNode(true) as Element;
            for (const extra of copy.querySelectorAll('rt, rp, a, button, .note-ref')) extra.remove();
            return copy.textContent ?? '';
          })
          .join(''),
      ),
    }));
}

/** Lights one sentence of `sentences` (-1: none); answers a function that lights another. */
function lighter(sentences: readonly RowSentence[]) {
  let lit = -1;
  return (index: number) => {
    if (index === lit) return;
    for (const span of sentences[lit]?.spans ?? []) span.classList.remove(READING_CLASS);
    lit = index;
    for (const span of sentences[lit]?.spans ?? []) span.classList.add(READING_CLASS);
  };
}

/**
 * Follows the server voice's audio playing the row of `button`: the sentence at the playback
 * time, estimated by splitting the duration by each sentence's syllables (lib/learn/listen-timing.ts).
 * Answers the function that removes the light (call it when playback ends or stops).
 */
export function followAudio(button: Element, audio: HTMLAudioElement): () => void {
  const sentences = rowSentences(button);
  if (sentences.length === 0) return () => undefined;
  const light = lighter(sentences);
  const weights = sentences.map((s) => readingWeight(s.text));
  const update = () => light(Math.max(0, sentenceAt(sentenceStarts(weights, audio.duration), audio.currentTime)));
  update();
  audio.addEventListener('timeupdate', update);
  audio.addEventListener('durationchange', update);
  return () => {
    audio.removeEventListener('timeupdate', update);
    audio.removeEventListener('durationchange', update);
    light(-1);
  };
}

/**
 * Follows the browser's voice reading `spoken` (the row's Chinese as given to it): `at(charIndex)`
 * for each `boundary` event lights the sentence there; `stop()` removes the light. Where the
 * browser sends no boundary events, the first sentence stays lit until the end.
 */
export function followSpeech(button: Element, spoken: string): { at: (charIndex: number) => void; stop: () => void } {
  const sentences = rowSentences(button);
  const light = lighter(sentences);
  const starts = sentenceOffsets(
    spoken,
    sentences.map((s) => s.text),
  );
  light(sentences.length > 0 ? 0 : -1);
  return { at: (charIndex) => light(Math.max(0, sentenceAt(starts, charIndex))), stop: () => light(-1) };
}

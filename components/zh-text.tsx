'use client';

import { Fragment, type ReactNode } from 'react';
import { sentenceAt, sentencePieces, snapSentences, type Span } from '@/lib/align/row';
import type { ZhAnnotations } from '@/lib/annotate/view';
import { toneOf } from '@/lib/annotate/tones';
import { printsAddress } from '@/lib/export/print';
import { inlineRanges } from '@/lib/text/inline';
import { hskAttribute, levelOfPair } from '@/lib/learn/hsk';
import { scriptLang, shownScript, useAnnotations, wordForms } from './annotations/annotation-context';
import { NoteMarker } from './note-marker';

const HAN = /\p{Script=Han}/u;

/** The class that colours a syllable and its character by tone, when tone colours are on. */
function toneClass(tones: boolean, syllable: string | undefined): string | undefined {
  return tones && syllable ? `tone-${toneOf(syllable)}` : undefined;
}

/**
 * The syllable of each character of a word, when its Han characters and the reading's syllables
 * pair up (`undefined` for a character that is not Han: `AI+教育` with `jiào yù` → 4 × undefined,
 * jiào, yù); `null` when they do not.
 */
function syllablesOf(chars: readonly string[], pinyin: string): (string | undefined)[] | null {
  const syllables = pinyin.split(' ');
  if (chars.filter((c) => HAN.test(c)).length !== syllables.length) return null;
  let next = 0;
  return chars.map((c) => (HAN.test(c) ? syllables[next++] : undefined));
}

/**
 * Ruby for a word: one syllable over each Han character when they pair up (letters, digits and
 * signs in the word get none: `AI+教育`), else the reading over the word; readings in the chosen
 * notation, each character coloured by its tone when asked.
 */
function Ruby({
  word,
  pinyin,
  tones,
  write,
}: {
  word: string;
  pinyin: string;
  tones: boolean;
  write: (pinyin: string) => string;
}) {
  const chars = [...word];
  const syllables = syllablesOf(chars, pinyin);
  if (syllables) {
    return (
      <>
        {chars.map((char, i) => {
          const syllable = syllables[i];
          if (syllable === undefined) return <Fragment key={i}>{char}</Fragment>;
          return (
            <ruby key={i} className={toneClass(tones, syllable)}>
              {char}
              <rp>(</rp>
              <rt>{write(syllable)}</rt>
              <rp>)</rp>
            </ruby>
          );
        })}
      </>
    );
  }
  return (
    <ruby>
      {word}
      <rp>(</rp>
      <rt>{write(pinyin)}</rt>
      <rp>)</rp>
    </ruby>
  );
}

/** A word's characters coloured by tone, without ruby (the tone is in the popover's reading too). */
function ToneColoured({ word, pinyin }: { word: string; pinyin: string }) {
  const chars = [...word];
  const syllables = syllablesOf(chars, pinyin);
  if (!syllables) return <>{word}</>;
  return (
    <>
      {chars.map((char, i) => (
        <span key={i} className={toneClass(true, syllables[i])}>
          {char}
        </span>
      ))}
    </>
  );
}

/**
 * A block's Chinese with its words annotated: each Chinese word can be pointed at, focused
 * (arrow keys move between words) or tapped for its popover; glossary terms are marked;
 * translator-note markers follow their quotes; pinyin (or zhuyin) shows as ruby when asked for,
 * words can be coloured by tone, and shown in the other script than the text's (each word keeps
 * its length, so offsets of terms and notes hold).
 */
export function ZhText({
  blockId,
  text,
  annotations,
  sentences,
}: {
  blockId: string;
  text: string;
  annotations: ZhAnnotations;
  /** The block's sentences, each rendered in a `<span data-s="i">` (moved off the middle of words). */
  sentences?: Span[];
}) {
  const aids = useAnnotations();
  const { lexicon, showPinyin, tones, writeReading, highlight, activeWord, setActiveWord, open, closeSoon } = aids;
  const { words, terms, notes } = annotations;
  const script = shownScript(aids, lexicon);
  // Each word's form in the other script, in this block where it differs from the lexicon's.
  const source = lexicon.script ?? 'simp';
  const exceptions = new Map(source === 'trad' ? annotations.simplified : annotations.traditional);
  const otherForms = (source === 'trad' ? lexicon.simplified : lexicon.traditional) ?? {};

  const termAt = (start: number, end: number) => {
    const range = terms.find(([s, e]) => s < end && start < e);
    return range ? text.slice(range[0], range[1]) : undefined;
  };
  // Note markers go after the word that holds the quote's last character.
  const markersAfter = new Map<number, string[]>();
  for (const [offset, id] of notes) {
    const word = words.find(([s, e]) => s < offset && offset <= e);
    const at = word ? word[1] : offset;
    markersAfter.set(at, [...(markersAfter.get(at) ?? []), id]);
  }
  const markers = (at: number) => markersAfter.get(at)?.map((id) => <NoteMarker key={id} id={id} />);
  const wordEnds = new Set(words.map(([, e]) => e));

  const renderText = (start: number, end: number): ReactNode[] => {
    const out: ReactNode[] = [];
    let cursor = start;
    const plain = (to: number) => {
      // Plain text between words, split where a marker sits (markers after words come with the word).
      const inside = [...markersAfter.keys()].filter((k) => k > cursor && k <= to && !wordEnds.has(k));
      for (const at of inside.sort((a, b) => a - b)) {
        out.push(text.slice(cursor, at), <Fragment key={`m${at}`}>{markers(at)}</Fragment>);
        cursor = at;
      }
      if (to > cursor) out.push(text.slice(cursor, to));
      cursor = Math.max(cursor, to);
    };
    words.forEach(([s, e, pinyin], index) => {
      if (s < start || e > end) return;
      plain(s);
      const word = text.slice(s, e);
      const term = termAt(s, e);
      const key = `${blockId}:${index}`;
      const form = exceptions.get(index) ?? otherForms[word] ?? word;
      const other = form === word ? {} : source === 'trad' ? { simplified: form } : { traditional: form };
      const target = { word, pinyin, ...(term ? { term } : {}), ...other, at: { block: blockId, start: s, paragraph: text } };
      const { shown } = wordForms(target, script, lexicon);
      // The word's HSK level, for the level options' styles (none when the page has no levels).
      const level = lexicon.hsk ? hskAttribute(levelOfPair(lexicon.hsk[word], word, lexicon.hskParts?.[word])) : undefined;
      out.push(
        <span
          key={key}
          className={`w${term ? ' term' : ''}${highlight === word ? ' hl' : ''}`}
          tabIndex={activeWord === key ? 0 : -1}
          data-hsk={level}
          onMouseEnter={(event) => open({ kind: 'word', target, anchor: event.currentTarget, pinned: false })}
          onMouseLeave={closeSoon}
          onFocus={(event) => {
            setActiveWord(key);
            open({ kind: 'word', target, anchor: event.currentTarget, pinned: true });
          }}
          onClick={(event) => open({ kind: 'word', target, anchor: event.currentTarget, pinned: true })}
        >
          {showPinyin && pinyin ? (
            <Ruby word={shown} pinyin={pinyin} tones={tones} write={writeReading} />
          ) : tones && pinyin ? (
            <ToneColoured word={shown} pinyin={pinyin} />
          ) : (
            shown
          )}
        </span>,
        <Fragment key={`m${e}`}>{markers(e)}</Fragment>,
      );
      cursor = e;
    });
    plain(end);
    return out;
  };

  const spans = sentences ? snapSentences(sentences, words) : [];
  const inSentence = (at: number, node: ReactNode) => {
    const sentence = sentenceAt(spans, at);
    return sentence >= 0 ? (
      <span key={at} data-s={sentence}>
        {node}
      </span>
    ) : (
      <Fragment key={at}>{node}</Fragment>
    );
  };
  const content = (
    <>
      {inlineRanges(text).map((segment) =>
        segment.kind === 'link' ? (
          inSentence(
            segment.start,
            <>
              <a
                href={segment.href}
                rel="noopener noreferrer nofollow"
                {...(printsAddress(segment.text, segment.href) ? { className: 'url-shown' } : {})}
              >
                {segment.text}
              </a>
              {markers(segment.end)}
            </>,
          )
        ) : sentences ? (
          <Fragment key={segment.start}>
            {sentencePieces(segment.start, segment.end, spans).map((piece) =>
              piece.sentence >= 0 ? (
                <span key={piece.start} data-s={piece.sentence}>
                  {renderText(piece.start, piece.end)}
                </span>
              ) : (
                <Fragment key={piece.start}>{renderText(piece.start, piece.end)}</Fragment>
              ),
            )}
          </Fragment>
        ) : (
          <Fragment key={segment.start}>{renderText(segment.start, segment.end)}</Fragment>
        ),
      )}
    </>
  );
  // The cell says zh-Hans; traditional characters say so.
  return script === 'trad' ? <span lang={scriptLang(script)}>{content}</span> : content;
}

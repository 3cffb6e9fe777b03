import { describe, expect, it } from 'vitest';
import { renderingPattern } from '@/lib/annotate/glossary';
import { glossWords, phraseWordForms } from './gloss-words';

describe('glossWords', () => {
  const cases = [
    { text: '', expected: [] },
    { text: 'Tesla’s self-driving Teslas', expected: ['tesla', 's', 'self', 'driving', 'teslas'] },
    { text: 'The model, the MODEL: 2 models.', expected: ['the', 'model', '2', 'models'] },
    { text: 'Café Zürich', expected: ['café', 'zürich'] },
  ];
  for (const { text, expected } of cases) it(JSON.stringify(text), () => expect(glossWords(text)).toEqual(expected));
});

describe('phraseWordForms', () => {
  const cases = [
    { phrase: '  ', expected: [] },
    { phrase: '(&)', expected: [] },
    { phrase: 'Tesla', expected: [['tesla', 'teslas', 'teslaes', 'teslad', 'teslaed', 'teslaing']] },
    { phrase: 'study', expected: [['study', 'studys', 'studyed', 'studying', 'studies', 'studied']] },
    { phrase: 'the model', expected: [['the'], ['model', 'models', 'modeles', 'modeld', 'modeled', 'modeling']] },
    { phrase: "Musk's", expected: [['musk'], ['s', 'ss', 'ses', 'sd', 'sed', 'sing']] },
    { phrase: 'a cab )', expected: [['a'], ['cab']] },
    { phrase: 'self-driving', expected: [['self'], ['driving', 'drivings', 'drivinges', 'drivingd', 'drivinged', 'drivinging']] },
  ];
  for (const { phrase, expected } of cases) it(JSON.stringify(phrase), () => expect(phraseWordForms(phrase)).toEqual(expected));

  // The point of it: every translation the pattern matches holds one form of each word.
  const glosses = [
    'Tesla released two Teslas; Musk’s studies of the self-driving models were studied.',
    'A cab ) waited. The Model-Ys are here, the models too.',
    'O’Neil and the 2020s: self - driving cars, studying modelling',
  ];
  const phrases = ['Tesla', "Musk's", 'study', 'the model', 'self-driving', 'a cab )', 'model y', '2020', "o'neil", 'car'];
  for (const phrase of phrases)
    it(`${phrase}: a translation the pattern matches holds its words`, () => {
      const matched = glosses.filter((gloss) => renderingPattern(phrase).test(gloss));
      expect(matched.length).toBeGreaterThan(0);
      for (const gloss of matched) {
        const words = new Set(glossWords(gloss));
        expect(phraseWordForms(phrase).every((forms) => forms.some((form) => words.has(form)))).toBe(true);
      }
    });
});

import { describe, expect, it } from 'vitest';
import { chooseProvider, joinWordGlosses, type MachineProvider } from './machine';

const fake: MachineProvider = { id: 'fake', label: 'Fake', translate: async (zh) => zh };

describe('chooseProvider', () => {
  const factories = { fake: () => fake, broken: () => ({ error: 'BROKEN_MODEL is not set' }) };
  const cases = [
    { name: 'none by default', env: {}, expected: undefined },
    { name: 'blank is none', env: { BILINGUAL_MT_PROVIDER: ' ' }, expected: undefined },
    { name: 'a known provider', env: { BILINGUAL_MT_PROVIDER: 'fake' }, expected: fake },
    {
      name: 'a provider missing its configuration',
      env: { BILINGUAL_MT_PROVIDER: 'broken' },
      expected: { error: 'BROKEN_MODEL is not set' },
    },
    {
      name: 'an unknown one',
      env: { BILINGUAL_MT_PROVIDER: 'deepl' },
      expected: { error: 'Unknown machine translation provider "deepl" (known: fake, broken)' },
    },
  ];
  for (const { name, env, expected } of cases) it(name, () => expect(chooseProvider(env, factories)).toEqual(expected));
});

describe('joinWordGlosses', () => {
  const cases = [
    {
      words: [{ text: '我', sense: 'I' }, { text: '爱', sense: 'to love' }, { text: '你', sense: 'you' }, { text: '。' }],
      expected: 'I love you.',
    },
    {
      words: [{ text: 'AI' }, { text: '很', sense: 'very' }, { text: '，' }, { text: '强', sense: 'strong' }],
      expected: 'AI very, strong',
    },
    { words: [{ text: '龘' }], expected: '龘' },
    { words: [], expected: '' },
  ];
  for (const { words, expected } of cases) it(expected || '(empty)', () => expect(joinWordGlosses(words)).toBe(expected));
});

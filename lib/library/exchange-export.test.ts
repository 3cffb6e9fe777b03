import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDataDir } from '@/lib/testing/data-dir';
import { exportXliff } from './exchange-export';

let data: ReturnType<typeof makeDataDir>;
beforeAll(() => {
  data = makeDataDir({ copyRepoData: true });
});
afterAll(() => data.dispose());

describe('exportXliff glossary notes', () => {
  // The text's own glossary wins over the shared one (特拉斯 is Truss there, Tesla in this text).
  const cases = [
    { term: '特拉斯', expected: 'Glossary: 特拉斯 = Tesla', absent: 'Truss' },
    { term: '自动驾驶', expected: 'Glossary: 自动驾驶 = self-driving / autonomous driving', absent: undefined },
  ];
  it.each(cases)('notes $term by the merged glossary', async ({ expected, absent }) => {
    const result = await exportXliff('karpathy-no-priors', { version: '1.2' });
    if (!result.ok) throw new Error(result.error);
    expect(result.xml).toContain(expected);
    if (absent) expect(result.xml).not.toContain(absent);
  });
});

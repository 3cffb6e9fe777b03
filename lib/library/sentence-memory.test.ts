import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDataDir } from '@/lib/testing/data-dir';
import { exportTmx } from '@/lib/library-exchange/exchange-export';

let data: ReturnType<typeof makeDataDir>;
beforeAll(() => {
  data = makeDataDir({ copyRepoData: true });
});
afterAll(() => data.dispose());

const units = (xml: string) =>
  [...xml.matchAll(/<tu tuid="([^"]+)">[\s\S]*?<seg>([^<]*)<\/seg>[\s\S]*?<seg>([^<]*)<\/seg>/g)].map((m) => ({
    id: m[1] ?? '',
    source: m[2] ?? '',
    target: m[3] ?? '',
  }));

describe('exportTmx with segtype sentence', () => {
  it('cuts each paragraph pair into its aligned sentence pairs, in order, each within its paragraph', async () => {
    const paragraphs = await exportTmx('karpathy-no-priors', { withDrafts: true });
    const sentences = await exportTmx('karpathy-no-priors', { withDrafts: true, segtype: 'sentence' });
    if (!paragraphs.ok || !sentences.ok) throw new Error('export failed');
    expect(sentences.xml).toContain('segtype="sentence"');
    expect(paragraphs.xml).toContain('segtype="paragraph"');
    expect(sentences.units).toBeGreaterThan(paragraphs.units * 1.5);
    const whole = new Map(units(paragraphs.xml).map((u) => [u.id, u]));
    for (const unit of units(sentences.xml)) {
      const [slug, block, n] = unit.id.split('/');
      const paragraph = whole.get(`${slug}/${block}`);
      expect(paragraph, unit.id).toBeDefined();
      if (n === undefined) continue; // the title stays whole
      expect(paragraph?.source).toContain(unit.source);
      expect(paragraph?.target).toContain(unit.target);
      expect(unit.source.length).toBeLessThanOrEqual(paragraph?.source.length ?? 0);
    }
  });
});

import { pinyinByOffset } from '@/lib/annotate/pinyin';
import { createFlexSearchEngine as createMiniSearchEngine } from '@/lib/search/flexsearch-engine';
import { parseQuery } from '@/lib/search/query';
import { SearchIndex } from '@/lib/search/search-index';
import { readFileSync } from 'node:fs';
const lines = readFileSync(process.argv[2]!, 'utf8').split('\n').filter((l) => l).slice(0, 10000);
const en = 'Karpathy said the models distilled knowledge into small agents and the learning was fast. The team trained it again.';
const engine = createMiniSearchEngine();
const orig = engine.match.bind(engine);
let engineMs = 0;
engine.match = (f, t) => { const s = performance.now(); const r = orig(f, t); engineMs += performance.now() - s; return r; };
const index = new SearchIndex(engine, pinyinByOffset);
let t = performance.now();
index.setText('long', { zh: 'x' }, lines.map((zh, i) => ({ id: `b${i}`, type: 'paragraph', zh, en, status: 'draft' })));
console.log('build', performance.now() - t);
for (const q of ['的', '模型', 'the', 'models', 'moxing', 'zhengliu', 'de', '自动驾驶 特斯拉']) {
  const parsed = parseQuery(q);
  if (!parsed.ok) continue;
  engineMs = 0;
  t = performance.now();
  let r;
  for (let i = 0; i < 40; i++) r = index.search(parsed.terms, { limit: 20, offset: 0 });
  console.log(q, r?.total, 'total', ((performance.now() - t) / 40).toFixed(1), 'engine', (engineMs / 40).toFixed(1));
}

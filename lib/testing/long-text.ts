/**
 * A long synthetic text for tests and benchmarks: `paragraphs` paragraphs made from the
 * sentences below, a `##` heading every `perSection` paragraphs, a link now and then.
 */
const SENTENCES = [
  '自动驾驶汽车已经在旧金山等城市提供付费乘坐服务。',
  '他认为 Transformer 很快就将在性能上超越人类大脑。',
  '合成数据往往多样性和丰富度不足，需要谨慎使用。',
  '人形机器人最好的客户就是特斯拉自己。',
  '教育的未来是人工智能与教师一起工作。',
];

export function longTextSource(paragraphs: number, perSection = 100): string {
  const lines = ['---', 'title: 长文本测试', 'author: 测试', 'date: 2026-01-01', '---', ''];
  for (let i = 0; i < paragraphs; i += 1) {
    if (i % perSection === 0) lines.push(`## 第 ${i / perSection + 1} 部分`, '');
    const sentence = SENTENCES[i % SENTENCES.length] ?? '';
    const link = i % 250 === 7 ? ' 见[链接](https://example.org/p/' + i + ')。' : '';
    lines.push(`第 ${i + 1} 段：${sentence}${sentence}${link}`, '');
  }
  return lines.join('\n');
}

/** English for each block of a loaded long text, as a gloss file: `{ title, <id>: 'Paragraph n …' }`. */
export function longTextGlosses(blocks: readonly { id: string; type: string; text: string }[]): Record<string, string> {
  const glosses: Record<string, string> = { title: 'A long test text' };
  blocks.forEach((block, i) => {
    if (block.type === 'break') return;
    glosses[block.id] =
      block.type === 'heading' ? `Part ${i}` : `Paragraph ${i}: self-driving cars, Transformers and synthetic data, in English.`;
  });
  return glosses;
}

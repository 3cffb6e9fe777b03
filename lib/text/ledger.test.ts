import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { emptyLedger, type IdLedger, reconcileIds } from './ids';
import { serializeLedger } from './ledger';
import { parseText } from './parse';

const seedSource = readFileSync(fileURLToPath(new URL('../../content/karpathy-no-priors.txt', import.meta.url)), 'utf8');
const seedLedger = reconcileIds(parseText(seedSource).blocks, emptyLedger).ledger;

/** Indexes of the lines that differ between two texts with the same number of lines. */
function changedLines(before: string, after: string): number[] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b.length).toBe(a.length);
  return a.flatMap((line, i) => (line === b[i] ? [] : [i]));
}

describe('serializeLedger', () => {
  it('an empty ledger', () => {
    expect(serializeLedger(emptyLedger)).toBe('{\n  "blocks": [],\n  "retired": []\n}\n');
  });

  it('a small ledger, exactly', () => {
    const ledger: IdLedger = {
      blocks: [
        { id: 'abc123', hash: '670d9743542c', zh: '你好' },
        { id: 'def456', hash: 'e3b0c44298fc', zh: '' },
      ],
      retired: [{ id: 'ghi789', hash: '000000000000', zh: '旧段落。', mergedInto: 'abc123' }],
    };
    expect(serializeLedger(ledger)).toBe(
      [
        '{',
        '  "blocks": [',
        '    {"id":"abc123","hash":"670d9743542c","zh":"你好"},',
        '    {"id":"def456","hash":"e3b0c44298fc","zh":""}',
        '  ],',
        '  "retired": [',
        '    {"id":"ghi789","hash":"000000000000","zh":"旧段落。","mergedInto":"abc123"}',
        '  ]',
        '}',
        '',
      ].join('\n'),
    );
  });

  const roundTrips: { name: string; ledger: IdLedger }[] = [
    { name: 'empty', ledger: emptyLedger },
    { name: 'the seed article', ledger: seedLedger },
    {
      name: 'retired entries only',
      ledger: { blocks: [], retired: [{ id: 'abc123', hash: '670d9743542c', zh: '你好' }] },
    },
    {
      name: 'awkward text: newline, quotes, backslash, U+2028, tab',
      ledger: {
        blocks: [{ id: 'abc123', hash: '000000000000', zh: '第一行\n第二行 "引号" \\ 反斜杠 \u2028 分隔\t制表' }],
        retired: [{ id: 'def456', hash: '111111111111', zh: '「旧」', mergedInto: 'abc123' }],
      },
    },
  ];
  it.each(roundTrips)('parses back to the same object: $name', ({ ledger }) => {
    expect(JSON.parse(serializeLedger(ledger))).toEqual(ledger);
  });

  it.each(roundTrips)('one entry per line: $name', ({ ledger }) => {
    const lines = serializeLedger(ledger).split('\n');
    const entries = [...ledger.blocks, ...ledger.retired];
    const sections = (ledger.blocks.length ? 2 : 1) + (ledger.retired.length ? 2 : 1);
    // '{', the section lines, '}' and the empty string after the final newline.
    expect(lines).toHaveLength(entries.length + sections + 3);
    const entryLines = lines.filter((line) => line.startsWith('    '));
    expect(entryLines.map((line) => JSON.parse(line.trim().replace(/,$/, '')) as unknown)).toEqual(entries);
  });

  const edits = [
    { name: 'the first paragraph', from: '前些天，OpenAI', to: '几天前，OpenAI' },
    { name: 'a middle paragraph', from: '他强调了迁移学习的重要性。', to: '他再次强调了迁移学习的重要性。' },
    { name: 'a heading', from: 'Transformer 可能超越人脑', to: 'Transformer 可能会超越人脑' },
    { name: 'the last paragraph', from: '感谢阅读！', to: '感谢您的阅读！' },
  ];
  it.each(edits)('editing $name changes exactly one line', ({ from, to }) => {
    expect(seedSource.split(from)).toHaveLength(2);
    const before = serializeLedger(seedLedger);
    const result = reconcileIds(parseText(seedSource.replace(from, to)).blocks, seedLedger);
    expect(result.edited).toHaveLength(1);
    const after = serializeLedger(result.ledger);
    const changed = changedLines(before, after);
    expect(changed).toHaveLength(1);
    const line = after.split('\n')[changed[0] ?? -1] ?? '';
    expect(line).toContain(`"id":"${result.edited[0]}"`);
    expect(line).toContain(to);
  });

  it('syncing the same text again changes no line', () => {
    const result = reconcileIds(parseText(seedSource).blocks, seedLedger);
    expect(serializeLedger(result.ledger)).toBe(serializeLedger(seedLedger));
  });
});

import type { IdLedger } from './ids';

/**
 * The ledger file's text: one entry per line, blocks in document order, then retired ids,
 * so that a sync after a one-paragraph edit changes one line.
 */
export function serializeLedger(ledger: IdLedger): string {
  const lines = (entries: object[]) => entries.map((entry) => `    ${JSON.stringify(entry)}`).join(',\n');
  const section = (name: string, entries: object[]) =>
    entries.length === 0 ? `  "${name}": []` : `  "${name}": [\n${lines(entries)}\n  ]`;
  return `{\n${section('blocks', ledger.blocks)},\n${section('retired', ledger.retired)}\n}\n`;
}

import { expect } from 'vitest';
import { emptyLedger, type Reconciliation, reconcileIds } from '@/lib/text/ids';
import type { SourceBlock } from '@/lib/text/types';

/** Helpers and sample paragraphs for the tests of lib/text/ids.ts and lib/text/hash.ts. */

export const ID_SHAPE = /^[a-z][a-z0-9]{5}$/;

/** Paragraph blocks, one per text, on lines 1, 3, 5, … */
export function blocks(...texts: string[]): SourceBlock[] {
  return texts.map((text, i) => ({ type: 'paragraph', text, line: 2 * i + 1 }));
}

/** Reconciles `before` from an empty ledger, then `after` with the ledger that returned. */
export function sync(before: string[], after: string[]): { first: Reconciliation; second: Reconciliation } {
  const first = reconcileIds(blocks(...before), emptyLedger);
  const second = reconcileIds(blocks(...after), first.ledger);
  return { first, second };
}

/** The id of the block holding `text` (the only one; fails if there are several). */
export function idOf(result: Reconciliation, text: string): string {
  const found = result.blocks.filter((b) => b.text === text);
  expect(found, `exactly one block with ${text}`).toHaveLength(1);
  return found[0]?.id ?? '';
}

// Small realistic paragraphs, pairwise dissimilar (checked below).
export const A = '前些天，OpenAI 前首席科学家 Ilya Sutskever 创立的新公司获得 10 亿美元投资。';
export const B = '近日，播客节目 No Priors 发布了对这位著名 AI 研究者的专访视频。';
export const C = '他强调了迁移学习的重要性。';
export const D = '使用合成数据也能大有助益。';
export const E = '互联网数据很多，但这并不是适合 Transformer 的数据。';
export const N = '当这些模型发挥作用时，它们并不会孤军奋战，而是会协同合作。';
export const BASE = [A, B, C, D];
export const ALL = [A, B, C, D, E, N];

import { describe, expect, it } from 'vitest';
import { reindexAction, type CurrentFiles, type IndexedRecord, type ReindexAction } from './reindex-plan';

const recorded: IndexedRecord = { identity: 'a', hash: 'h1' };
const cases: { name: string; recorded?: IndexedRecord; current?: CurrentFiles; full?: boolean; expected: ReindexAction }[] = [
  { name: 'unchanged files', recorded, current: { identity: 'a' }, expected: 'keep' },
  { name: 'touched, not yet hashed', recorded, current: { identity: 'b' }, expected: 'hash' },
  { name: 'touched, same contents', recorded, current: { identity: 'b', hash: 'h1' }, expected: 'record' },
  { name: 'changed contents', recorded, current: { identity: 'b', hash: 'h2' }, expected: 'index' },
  { name: 'a new text', current: { identity: 'a' }, expected: 'index' },
  { name: 'a removed text', recorded, expected: 'remove' },
  { name: 'neither recorded nor present', expected: 'keep' },
  { name: 'full rebuild of an unchanged text', recorded, current: { identity: 'a' }, full: true, expected: 'index' },
  { name: 'full rebuild of a removed text', recorded, full: true, expected: 'remove' },
];

describe('reindexAction', () => {
  for (const { name, recorded: before, current, full, expected } of cases) {
    it(`${name} → ${expected}`, () => {
      expect(reindexAction(before, current, full)).toBe(expected);
    });
  }
});

import { describe, expect, it } from 'vitest';
import { relink, type CurrentLink, type LinkChange, type RelinkResult } from './relink';

const auto = (zh: number[], gloss: number[]): CurrentLink => ({ zh, gloss, manual: false });
const fixed = (zh: number[], gloss: number[]): CurrentLink => ({ zh, gloss, manual: true });
const stale = (zh: number[], gloss: number[]): CurrentLink => ({ zh, gloss, manual: true, stale: true });
const confirmed = (zh: number[], gloss: number[]): CurrentLink => ({ zh, gloss, manual: true, stale: false });

describe('relink', () => {
  const threeByThree = [auto([0], [0]), auto([1], [1]), auto([2], [2])];
  const cases: { name: string; links: CurrentLink[]; counts: [number, number]; change: LinkChange; expected: RelinkResult }[] = [
    {
      name: 'a link in the middle: the stretches around it are aligned again',
      links: threeByThree,
      counts: [3, 3],
      change: { kind: 'link', zh: [1], gloss: [1, 2] },
      expected: { ok: true, links: [auto([0], [0]), fixed([1], [1, 2]), auto([2], [])] },
    },
    {
      name: 'joining two Chinese sentences to one',
      links: [],
      counts: [2, 2],
      change: { kind: 'link', zh: [0, 1], gloss: [0] },
      expected: { ok: true, links: [fixed([0, 1], [0]), auto([], [1])] },
    },
    {
      name: 'earlier manual links are kept',
      links: [fixed([0], [0]), auto([1], [1]), auto([2], [2])],
      counts: [3, 3],
      change: { kind: 'link', zh: [2], gloss: [2] },
      expected: { ok: true, links: [fixed([0], [0]), auto([1], [1]), fixed([2], [2])] },
    },
    {
      name: 'a manual link the new one overlaps is dropped',
      links: [fixed([0], [0, 1]), auto([1], [2])],
      counts: [2, 3],
      change: { kind: 'link', zh: [1], gloss: [1, 2] },
      expected: { ok: true, links: [auto([0], [0]), fixed([1], [1, 2])] },
    },
    {
      name: 'a manual link the new one crosses is dropped',
      links: [fixed([0], [2]), auto([1], [0, 1])],
      counts: [2, 3],
      change: { kind: 'link', zh: [1], gloss: [0] },
      expected: { ok: true, links: [auto([0], []), fixed([1], [0]), auto([], [1, 2])] },
    },
    {
      name: 'a Chinese sentence left without translation',
      links: threeByThree,
      counts: [3, 3],
      change: { kind: 'link', zh: [0], gloss: [] },
      expected: { ok: true, links: [fixed([0], []), auto([1, 2], [0, 1, 2])] },
    },
    {
      name: 'unlinking turns a manual link back to automatic',
      links: [fixed([0], [0]), fixed([1], [1])],
      counts: [2, 2],
      change: { kind: 'unlink', zh: [1], gloss: [] },
      expected: { ok: true, links: [fixed([0], [0]), auto([1], [1])] },
    },
    {
      name: 'unlinking everything: one stretch for the aligner',
      links: [fixed([0], [0]), fixed([1], [1])],
      counts: [2, 2],
      change: { kind: 'unlink', zh: [0, 1], gloss: [] },
      expected: { ok: true, links: [auto([0, 1], [0, 1])] },
    },
    {
      name: 'linking other sentences sends a stale link back as stale (it is not confirmed by accident)',
      links: [stale([0], [0]), auto([1], [1]), auto([2], [2])],
      counts: [3, 3],
      change: { kind: 'link', zh: [2], gloss: [2] },
      expected: { ok: true, links: [stale([0], [0]), auto([1], [1]), fixed([2], [2])] },
    },
    {
      name: 'unlinking other sentences keeps a stale link stale',
      links: [fixed([0], [0]), stale([1], [1]), fixed([2], [2])],
      counts: [3, 3],
      change: { kind: 'unlink', zh: [0], gloss: [] },
      expected: { ok: true, links: [auto([0], [0]), stale([1], [1]), fixed([2], [2])] },
    },
    {
      name: 'confirming a stale link by one of its sentences',
      links: [stale([0], [0, 1]), auto([1], [2])],
      counts: [2, 3],
      change: { kind: 'confirm', zh: [], gloss: [1] },
      expected: { ok: true, links: [confirmed([0], [0, 1]), auto([1], [2])] },
    },
    {
      name: 'confirming one stale link leaves another stale',
      links: [stale([0], [0]), auto([1], [1]), stale([2], [2])],
      counts: [3, 3],
      change: { kind: 'confirm', zh: [2], gloss: [] },
      expected: { ok: true, links: [stale([0], [0]), auto([1], [1]), confirmed([2], [2])] },
    },
    {
      name: 'drawing exactly the sentences of a stale link confirms it',
      links: [stale([0], [0]), auto([1], [1])],
      counts: [2, 2],
      change: { kind: 'link', zh: [0], gloss: [0] },
      expected: { ok: true, links: [confirmed([0], [0]), auto([1], [1])] },
    },
    {
      name: 'drawing a stale link anew over other sentences replaces it, not stale',
      links: [stale([0], [0]), auto([1], [1])],
      counts: [2, 2],
      change: { kind: 'link', zh: [0], gloss: [0, 1] },
      expected: { ok: true, links: [fixed([0], [0, 1]), auto([1], [])] },
    },
    {
      name: 'confirming sentences that are in no stale link',
      links: [fixed([0], [0]), auto([1], [1])],
      counts: [2, 2],
      change: { kind: 'confirm', zh: [0, 1], gloss: [] },
      expected: { ok: false, reason: 'nothing-to-confirm' },
    },
    {
      name: 'nothing chosen',
      links: threeByThree,
      counts: [3, 3],
      change: { kind: 'link', zh: [], gloss: [] },
      expected: { ok: false, reason: 'empty' },
    },
    {
      name: 'sentences that are not consecutive',
      links: threeByThree,
      counts: [3, 3],
      change: { kind: 'link', zh: [0, 2], gloss: [0] },
      expected: { ok: false, reason: 'not-consecutive' },
    },
  ];
  for (const { name, links, counts, change, expected } of cases)
    it(name, () => expect(relink(links, counts[0], counts[1], change)).toEqual(expected));
});

import { describe, expect, it } from 'vitest';
import { activityOf, filterActivity, pageActivity, workQueue } from './activity';
import type { HistoryEntry } from './history-entry';
import type { CommentEvent } from '@/lib/comments/comments';
import type { SuggestionEvent } from './suggestions';

const history: HistoryEntry[] = [
  { time: '2026-12-01T10:00:00Z', editor: 'ann', id: 'aaaaaa', kind: 'gloss', before: null, after: 'One.', revision: 'r1' },
  {
    time: '2026-12-01T12:00:00Z',
    editor: 'rev',
    id: 'aaaaaa',
    kind: 'status',
    before: 'draft',
    after: 'reviewed',
    revision: 'r1',
  },
];
const events: SuggestionEvent[] = [
  {
    type: 'suggest',
    sid: 's1',
    time: '2026-12-01T11:00:00Z',
    id: 'bbbbbb',
    author: 'rita',
    text: 'Two.',
    zhHash: 'h',
    baseRevision: 'r0',
  },
  { type: 'vote', sid: 's1', time: '2026-12-01T11:30:00Z', voter: 'ann' },
  { type: 'reject', sid: 's1', time: '2026-12-01T13:00:00Z', reviewer: 'rev', reason: 'style', note: 'Too literal' },
  {
    type: 'suggest',
    sid: 's2',
    time: '2026-12-01T14:00:00Z',
    id: 'cccccc',
    author: 'ann',
    text: 'Three.',
    zhHash: 'h',
    baseRevision: 'r0',
  },
];
const items = activityOf('t', 'en', history, events);

describe('activityOf', () => {
  it('merges history and suggestion events in time order, naming the suggester', () => {
    expect(items.map((i) => `${i.kind}:${i.user}:${i.id}`)).toEqual([
      'gloss:ann:aaaaaa',
      'suggest:rita:bbbbbb',
      'vote:ann:bbbbbb',
      'status:rev:aaaaaa',
      'reject:rev:bbbbbb',
      'suggest:ann:cccccc',
    ]);
    expect(items[4]).toMatchObject({ suggester: 'rita', detail: 'style: Too literal' });
  });
});

describe('filterActivity', () => {
  const cases = [
    { name: 'by user', filter: { user: 'ann' }, expected: ['gloss', 'vote', 'suggest'] },
    { name: 'by kind', filter: { kind: 'suggest' as const }, expected: ['suggest', 'suggest'] },
    { name: 'mine', filter: { only: 'mine' as const, viewer: 'rev' }, expected: ['status', 'reject'] },
    { name: "my suggestions' outcomes", filter: { only: 'outcomes' as const, viewer: 'rita' }, expected: ['reject'] },
    { name: 'nobody’s outcomes', filter: { only: 'outcomes' as const, viewer: 'ann' }, expected: [] },
  ];
  it.each(cases)('$name', ({ filter, expected }) => {
    expect(filterActivity(items, filter).map((i) => i.kind)).toEqual(expected);
  });
});

describe('pageActivity', () => {
  const cases = [
    { cursor: undefined, limit: 4, expected: ['suggest', 'reject', 'status', 'vote'], next: '4' },
    { cursor: '4', limit: 4, expected: ['suggest', 'gloss'], next: undefined },
    { cursor: 'junk', limit: 10, expected: ['suggest', 'reject', 'status', 'vote', 'suggest', 'gloss'], next: undefined },
  ];
  it.each(cases)('cursor $cursor, limit $limit', ({ cursor, limit, expected, next }) => {
    const page = pageActivity(items, cursor, limit);
    expect(page.items.map((i) => i.kind)).toEqual(expected);
    expect(page.next).toBe(next);
  });
});

describe('workQueue', () => {
  const paragraphs = [
    { id: 'aaaaaa', status: 'reviewed' as const },
    { id: 'bbbbbb', status: 'draft' as const },
    { id: 'cccccc', status: 'untranslated' as const },
    { id: 'dddddd', status: 'stale' as const },
  ];
  const cases = [
    {
      role: 'reviewer' as const,
      expected: {
        pendingSuggestions: ['s2'],
        pendingParagraphs: ['cccccc'],
        needsReview: ['bbbbbb'],
        untranslated: [],
        stale: [],
      },
    },
    {
      role: 'translator' as const,
      expected: { pendingSuggestions: [], pendingParagraphs: [], needsReview: [], untranslated: ['cccccc'], stale: ['dddddd'] },
    },
  ];
  it.each(cases)('$role', ({ role, expected }) => {
    expect(workQueue(paragraphs, events, role)).toEqual(expected);
  });
});

describe('comments in the feed', () => {
  const comments: CommentEvent[] = [
    { type: 'comment', cid: 'c1', time: '2026-12-01T15:00:00Z', block: 'aaaaaa', author: 'rita', body: 'Who is meant?' },
    { type: 'comment', cid: 'c2', time: '2026-12-01T16:00:00Z', block: 'aaaaaa', author: 'ann', body: 'Truss.', replyTo: 'c1' },
    { type: 'resolve', cid: 'c1', time: '2026-12-01T17:00:00Z', by: 'rev' },
    { type: 'reopen', cid: 'c1', time: '2026-12-01T18:00:00Z', by: 'rita' },
    { type: 'resolve', cid: 'gone', time: '2026-12-01T19:00:00Z', by: 'rev' },
  ];
  const all = activityOf('t', 'en', history, events, comments);
  const cases = [
    {
      name: 'every comment event on its paragraph',
      filter: {},
      expected: ['comment:rita:Who is meant?', 'comment:ann:Truss.', 'resolve:rev:resolved', 'resolve:rita:reopened'],
    },
    { name: 'by kind', filter: { kind: 'comment' as const }, expected: ['comment:rita:Who is meant?', 'comment:ann:Truss.'] },
    {
      name: 'mine',
      filter: { only: 'mine' as const, viewer: 'rita' },
      expected: ['comment:rita:Who is meant?', 'resolve:rita:reopened'],
    },
  ];
  it.each(cases)('$name', ({ filter, expected }) => {
    const kept = filterActivity(all, filter).filter((i) => i.kind === 'comment' || i.kind === 'resolve');
    expect(kept.map((i) => `${i.kind}:${i.user}:${i.detail}`)).toEqual(expected);
    expect(kept.every((i) => i.id === 'aaaaaa' && i.cid !== undefined)).toBe(true);
  });
});

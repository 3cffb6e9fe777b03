import { describe, expect, it } from 'vitest';
import { ACTIONS, allowedActions, permits, type Action, type Grant, type Role } from './permissions';

const reader: Grant = { role: 'reader' };
const translator: Grant = { role: 'translator' };
const frenchTranslator: Grant = { role: 'translator', langs: ['fr'] };
const reviewer: Grant = { role: 'reviewer' };
const admin: Grant = { role: 'admin' };

// The whole matrix, written out: each action × each role, on an English target. ✓ allowed, else the message.
const matrix: Record<Action, Record<Role, string>> = {
  suggest: { reader: '✓', translator: '✓', reviewer: '✓', admin: '✓' },
  vote: { reader: '✓', translator: '✓', reviewer: '✓', admin: '✓' },
  comment: { reader: '✓', translator: '✓', reviewer: '✓', admin: '✓' },
  'edit-gloss': { reader: 'translator needed', translator: '✓', reviewer: '✓', admin: '✓' },
  'revert-gloss': { reader: 'translator needed', translator: '✓', reviewer: '✓', admin: '✓' },
  'import-glosses': { reader: 'translator needed', translator: '✓', reviewer: '✓', admin: '✓' },
  'edit-note': { reader: 'translator needed', translator: '✓', reviewer: '✓', admin: '✓' },
  'edit-glossary': { reader: 'translator needed', translator: '✓', reviewer: '✓', admin: '✓' },
  'edit-terms': { reader: 'translator needed', translator: '✓', reviewer: '✓', admin: '✓' },
  'mark-reviewed': { reader: 'reviewer needed', translator: 'reviewer needed', reviewer: '✓', admin: '✓' },
  'accept-suggestion': { reader: 'reviewer needed', translator: 'reviewer needed', reviewer: '✓', admin: '✓' },
  'reject-suggestion': { reader: 'reviewer needed', translator: 'reviewer needed', reviewer: '✓', admin: '✓' },
  'resolve-comment': { reader: 'reviewer needed', translator: 'reviewer needed', reviewer: '✓', admin: '✓' },
  'resolve-conflict': { reader: 'reviewer needed', translator: 'reviewer needed', reviewer: '✓', admin: '✓' },
  'edit-shared-glossary': { reader: 'admin needed', translator: 'admin needed', reviewer: 'admin needed', admin: '✓' },
  'text-settings': { reader: 'admin needed', translator: 'admin needed', reviewer: 'admin needed', admin: '✓' },
  'add-text': { reader: 'admin needed', translator: 'admin needed', reviewer: 'admin needed', admin: '✓' },
  'remove-text': { reader: 'admin needed', translator: 'admin needed', reviewer: 'admin needed', admin: '✓' },
  'manage-languages': { reader: 'admin needed', translator: 'admin needed', reviewer: 'admin needed', admin: '✓' },
  'manage-memories': { reader: 'admin needed', translator: 'admin needed', reviewer: 'admin needed', admin: '✓' },
  'manage-accounts': { reader: 'admin needed', translator: 'admin needed', reviewer: 'admin needed', admin: '✓' },
};

describe('the permission matrix (every role × every write)', () => {
  it('has a row for every action', () => {
    expect(Object.keys(matrix).sort()).toEqual([...ACTIONS].sort());
  });
  const cases = ACTIONS.flatMap((action) =>
    (Object.entries(matrix[action]) as [Role, string][]).map(([role, expected]) => ({ action, role, expected })),
  );
  it.each(cases)('$role: $action → $expected', ({ action, role, expected }) => {
    const result = permits({ role }, action, { text: 'karpathy-no-priors', lang: 'en' });
    expect(result.ok ? '✓' : result.missing).toBe(expected);
  });
});

describe('limits to languages and texts', () => {
  const cases: { name: string; grant: Grant | undefined; action: Action; text?: string; lang?: string; expected: string }[] = [
    { name: 'no account', grant: undefined, action: 'suggest', lang: 'en', expected: 'signed-in reader needed' },
    { name: 'no account, edit', grant: undefined, action: 'edit-gloss', lang: 'en', expected: 'signed-in translator needed' },
    { name: 'French translator on French', grant: frenchTranslator, action: 'edit-gloss', lang: 'fr', expected: '✓' },
    {
      name: 'French translator on English',
      grant: frenchTranslator,
      action: 'edit-gloss',
      lang: 'en',
      expected: 'translator for English needed',
    },
    {
      name: 'French translator adds a note in English',
      grant: frenchTranslator,
      action: 'edit-note',
      lang: 'en',
      expected: 'translator for English needed',
    },
    { name: 'French translator suggests in English', grant: frenchTranslator, action: 'suggest', lang: 'en', expected: '✓' },
    {
      name: 'a reviewer for two languages on German',
      grant: { role: 'reviewer', langs: ['en', 'fr'] },
      action: 'mark-reviewed',
      lang: 'de',
      expected: 'reviewer for German needed',
    },
    {
      name: 'a translator limited to one text, on another',
      grant: { role: 'translator', texts: ['hong-lou'] },
      action: 'edit-gloss',
      text: 'karpathy-no-priors',
      lang: 'en',
      expected: 'translator for the text "karpathy-no-priors" needed',
    },
    {
      name: 'a translator limited to one text, on it',
      grant: { role: 'translator', texts: ['hong-lou'] },
      action: 'edit-gloss',
      text: 'hong-lou',
      lang: 'en',
      expected: '✓',
    },
    { name: 'an admin ignores limits', grant: { role: 'admin', langs: ['fr'] }, action: 'edit-gloss', lang: 'en', expected: '✓' },
    {
      name: 'a limited translator, no language named',
      grant: frenchTranslator,
      action: 'edit-gloss',
      expected: 'translator for this language needed',
    },
  ];
  it.each(cases)('$name → $expected', ({ grant, action, text, lang, expected }) => {
    const result = permits(grant, action, { ...(text ? { text } : {}), ...(lang ? { lang } : {}) });
    expect(result.ok ? '✓' : result.missing).toBe(expected);
  });
});

describe('allowedActions', () => {
  const cases = [
    { grant: reader, count: 3 },
    { grant: translator, count: 9 },
    { grant: reviewer, count: 14 },
    { grant: admin, count: ACTIONS.length },
  ];
  it.each(cases)('$grant.role may do $count kinds of write', ({ grant, count }) => {
    expect(allowedActions(grant, { lang: 'en' })).toHaveLength(count);
  });
});

import { describe, expect, it } from 'vitest';
import { accessModeSchema, apiPaths, roleSchema, sessionResponse } from './contract';
import { accessModes, parseSessionAnswer, SESSION_PATH, sessionRoles } from './session-answer';

const viewer = { name: '李白', role: 'translator' };

describe('parseSessionAnswer agrees with the contract', () => {
  it.each([
    { name: 'no one signed in', body: { viewer: null, mode: 'accounts' } },
    { name: 'a viewer', body: { viewer, mode: 'open' } },
    {
      name: 'a viewer limited to languages and texts',
      body: { viewer: { ...viewer, langs: ['fr'], texts: ['novel'] }, mode: 'accounts' },
    },
    { name: 'empty limits', body: { viewer: { ...viewer, langs: [], texts: [] }, mode: 'read-only' } },
    { name: 'extra fields are dropped', body: { viewer: { ...viewer, password: 'x' }, mode: 'open', debug: true } },
    ...sessionRoles.map((role) => ({ name: `role ${role}`, body: { viewer: { name: 'a', role }, mode: 'open' } })),
    ...accessModes.map((mode) => ({ name: `mode ${mode}`, body: { viewer: null, mode } })),
    { name: 'an unknown role', body: { viewer: { name: 'a', role: 'owner' }, mode: 'open' } },
    { name: 'an unknown mode', body: { viewer: null, mode: 'closed' } },
    { name: 'no mode', body: { viewer: null } },
    { name: 'no viewer field', body: { mode: 'open' } },
    { name: 'a viewer without a name', body: { viewer: { role: 'admin' }, mode: 'open' } },
    { name: 'a name that is not a string', body: { viewer: { name: 7, role: 'admin' }, mode: 'open' } },
    { name: 'languages that are not strings', body: { viewer: { ...viewer, langs: [1] }, mode: 'open' } },
    { name: 'texts as null', body: { viewer: { ...viewer, texts: null }, mode: 'open' } },
    { name: 'a viewer as an array', body: { viewer: [], mode: 'open' } },
    { name: 'an array', body: [] },
    { name: 'null', body: null },
    { name: 'a string', body: 'open' },
  ])('$name', ({ body }) => {
    const parsed = sessionResponse.safeParse(body);
    expect(parseSessionAnswer(body)).toEqual(parsed.success ? parsed.data : undefined);
  });
});

describe('the hand check names what the contract names', () => {
  it.each([
    { name: 'roles', mine: sessionRoles, contract: roleSchema.options },
    { name: 'modes', mine: accessModes, contract: accessModeSchema.options },
    { name: 'path', mine: [SESSION_PATH], contract: [apiPaths.session] },
  ])('$name', ({ mine, contract }) => {
    expect([...mine]).toEqual([...contract]);
  });
});

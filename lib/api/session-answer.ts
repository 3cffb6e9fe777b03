// The answer of `GET /api/session`, checked by hand: every page asks for it after hydration, and
// the API client with the zod schemas (components/edit/api.ts, about 36 KB gzip in three chunks)
// cost long tasks on a phone that never signs in. session-answer.test.ts holds this check to
// the contract's `sessionResponse` (lib/api/contract.ts).
import type { SessionResponse, SessionViewer } from './contract';

/** The path of the session route, as `apiPaths.session`. */
export const SESSION_PATH = '/api/session';

export const sessionRoles = ['reader', 'translator', 'reviewer', 'admin'] as const satisfies readonly SessionViewer['role'][];
export const accessModes = ['accounts', 'open', 'read-only'] as const satisfies readonly SessionResponse['mode'][];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isOneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (values as readonly string[]).includes(value);
const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

function readViewer(value: unknown): SessionViewer | null | undefined {
  if (value === null) return null;
  if (!isRecord(value) || typeof value.name !== 'string' || !isOneOf(sessionRoles, value.role)) return undefined;
  const { langs, texts } = value;
  if ((langs !== undefined && !isStrings(langs)) || (texts !== undefined && !isStrings(texts))) return undefined;
  return {
    name: value.name,
    role: value.role,
    ...(langs ? { langs: [...langs] } : {}),
    ...(texts ? { texts: [...texts] } : {}),
  };
}

/**
 * The session in an answer's body, with only the contract's fields, or undefined when the body
 * is not one. `parseSessionAnswer({ viewer: null, mode: 'open' })` → `{ viewer: null, mode: 'open' }`;
 * `parseSessionAnswer({ viewer: { name: '李', role: 'owner' }, mode: 'open' })` → undefined.
 */
export function parseSessionAnswer(body: unknown): SessionResponse | undefined {
  if (!isRecord(body) || !isOneOf(accessModes, body.mode)) return undefined;
  const viewer = readViewer(body.viewer);
  return viewer === undefined ? undefined : { viewer, mode: body.mode };
}

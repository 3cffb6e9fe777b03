/**
 * Who may do what: one pure function every write route asks. Roles are ordered
 * reader < translator < reviewer < admin; a translator or reviewer may be limited to some target
 * languages and some texts. No files, no HTTP: the route turns a refusal into a 403.
 */
import { targetLanguageName } from '@/lib/i18n/target-language';

export const ROLES = ['reader', 'translator', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What an account holds: a role, and for a translator or reviewer optional limits. */
export interface Grant {
  role: Role;
  /** Target languages it may work in; absent or empty: all. */
  langs?: readonly string[];
  /** Texts (slugs) it may work on; absent or empty: all. */
  texts?: readonly string[];
}

/**
 * Every kind of write. Comments, notes, glossary and terms have their rows already, so their
 * routes ask the same function when they come.
 */
export const ACTIONS = [
  'suggest',
  'vote',
  'comment',
  'edit-gloss',
  'revert-gloss',
  'import-glosses',
  'edit-note',
  'edit-glossary',
  'edit-terms',
  'mark-reviewed',
  'accept-suggestion',
  'reject-suggestion',
  'resolve-comment',
  'resolve-conflict',
  'edit-shared-glossary',
  'text-settings',
  'add-text',
  'remove-text',
  'manage-languages',
  'manage-memories',
  'manage-accounts',
] as const;
export type Action = (typeof ACTIONS)[number];

/** The least role each action needs, and whether the account's language and text limits apply. */
const RULES: Record<Action, { role: Role; scoped: boolean }> = {
  suggest: { role: 'reader', scoped: false },
  vote: { role: 'reader', scoped: false },
  comment: { role: 'reader', scoped: false },
  'edit-gloss': { role: 'translator', scoped: true },
  'revert-gloss': { role: 'translator', scoped: true },
  'import-glosses': { role: 'translator', scoped: true },
  'edit-note': { role: 'translator', scoped: true },
  'edit-glossary': { role: 'translator', scoped: true },
  'edit-terms': { role: 'translator', scoped: true },
  'mark-reviewed': { role: 'reviewer', scoped: true },
  'accept-suggestion': { role: 'reviewer', scoped: true },
  'reject-suggestion': { role: 'reviewer', scoped: true },
  'resolve-comment': { role: 'reviewer', scoped: true },
  // A paragraph changed differently on two servers (git sync): choosing between the versions.
  'resolve-conflict': { role: 'reviewer', scoped: true },
  'edit-shared-glossary': { role: 'admin', scoped: false },
  'text-settings': { role: 'admin', scoped: false },
  'add-text': { role: 'admin', scoped: false },
  'remove-text': { role: 'admin', scoped: false },
  'manage-languages': { role: 'admin', scoped: false },
  'manage-memories': { role: 'admin', scoped: false },
  'manage-accounts': { role: 'admin', scoped: false },
};

/** What an action is done to: a text, and a target language where one matters. */
export interface Target {
  text?: string;
  lang?: string;
}

export type Permission = { ok: true } | { ok: false; missing: string };

/** `roleRank('reviewer')` → 2. */
export function roleRank(role: Role): number {
  return ROLES.indexOf(role);
}

/** Whether `value` names a role. `isRole('admin')` → true, `isRole('editor')` → false. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The least role an action needs. `requiredRole('mark-reviewed')` → `'reviewer'`. */
export function requiredRole(action: Action): Role {
  return RULES[action].role;
}

/**
 * Whether a grant allows an action on a target; when not, what is missing, in words a person
 * can act on. `permits({ role: 'translator', langs: ['fr'] }, 'edit-gloss', { lang: 'en' })` →
 * `{ ok: false, missing: 'translator for English needed' }`.
 */
export function permits(grant: Grant | undefined, action: Action, target: Target = {}): Permission {
  const rule = RULES[action];
  if (!grant) return { ok: false, missing: `signed-in ${rule.role} needed` };
  if (roleRank(grant.role) < roleRank(rule.role)) return { ok: false, missing: `${rule.role} needed` };
  if (!rule.scoped || grant.role === 'admin') return { ok: true };
  const langs = grant.langs ?? [];
  if (langs.length > 0 && (target.lang === undefined || !langs.includes(target.lang))) {
    const name = target.lang === undefined ? 'this language' : targetLanguageName(target.lang);
    return { ok: false, missing: `${rule.role} for ${name} needed` };
  }
  const texts = grant.texts ?? [];
  if (texts.length > 0 && (target.text === undefined || !texts.includes(target.text))) {
    return { ok: false, missing: `${rule.role} for the text "${target.text ?? '?'}" needed` };
  }
  return { ok: true };
}

/**
 * Whether a grant allows an action on a text in at least one target language: what decides
 * whether a page shows editing tools at all. `permitsInSomeLanguage({ role: 'translator', langs: ['fr'] }, 'edit-gloss', 'a')` → true.
 */
export function permitsInSomeLanguage(grant: Grant | undefined, action: Action, text: string): boolean {
  const langs = grant?.langs ?? [];
  return langs.length > 0 ? langs.some((lang) => permits(grant, action, { text, lang }).ok) : permits(grant, action, { text }).ok;
}

/** The actions a grant allows on a target, for a UI that shows only what a role may do. */
export function allowedActions(grant: Grant | undefined, target: Target = {}): Action[] {
  return ACTIONS.filter((action) => permits(grant, action, target).ok);
}

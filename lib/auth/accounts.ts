/**
 * Changes to the list of accounts, checked: names, roles, languages and texts. Pure: the list
 * comes in and goes out; lib/store/accounts.ts reads and writes the file.
 */
import { parseTargetLanguage } from '@/lib/i18n/target-language';
import { isRole, type Role } from './permissions';

export interface AccountRecord {
  name: string;
  role: Role;
  passwordHash: string;
  langs?: string[];
  texts?: string[];
}

export type AccountChange<T> = { ok: true; accounts: T[]; result: T } | { ok: false; error: string };

/** What may change about an account; `undefined` fields stay as they are, `[]` clears a limit. */
export interface AccountFields {
  role?: string;
  passwordHash?: string;
  langs?: string[];
  texts?: string[];
}

const SLUG = /^[a-z0-9][a-z0-9_-]{0,79}$/;

/** `checkAccountName(' 张三 ')` → `{ ok: true, name: '张三' }`; control characters, `:` and `;` are refused. */
export function checkAccountName(input: string): { ok: true; name: string } | { ok: false; error: string } {
  const name = input.normalize('NFC').trim();
  if (name === '') return { ok: false, error: 'An account needs a name' };
  if ([...name].length > 64) return { ok: false, error: 'An account name has at most 64 characters' };
  if (/[\u0000-\u001F\u007F-\u009F:;]/.test(name) || name.startsWith('token'))
    return { ok: false, error: `"${name}" cannot name an account: no control characters, ":" or ";", and not "token…"` };
  return { ok: true, name };
}

/** Canonical language tags, or the first that is not one. `['FR', 'pt-br']` → `['fr', 'pt-BR']`. */
export function checkLanguages(input: readonly string[]): { ok: true; langs: string[] } | { ok: false; error: string } {
  const langs: string[] = [];
  for (const raw of input) {
    const check = parseTargetLanguage(raw);
    if (!check.ok) return check;
    if (!langs.includes(check.lang)) langs.push(check.lang);
  }
  return { ok: true, langs };
}

/** Text slugs, or the first that is not one. */
export function checkTexts(input: readonly string[]): { ok: true; texts: string[] } | { ok: false; error: string } {
  const bad = input.find((text) => !SLUG.test(text));
  if (bad !== undefined) return { ok: false, error: `"${bad}" is not a text's name (lower-case letters, digits, - and _)` };
  return { ok: true, texts: [...new Set(input)] };
}

function applyFields<T extends AccountRecord>(
  account: T,
  fields: AccountFields,
): { ok: true; account: T } | { ok: false; error: string } {
  const next: T = { ...account };
  if (fields.role !== undefined) {
    if (!isRole(fields.role))
      return { ok: false, error: `"${fields.role}" is not a role: reader, translator, reviewer or admin` };
    next.role = fields.role;
  }
  if (fields.passwordHash !== undefined) next.passwordHash = fields.passwordHash;
  if (fields.langs !== undefined) {
    const langs = checkLanguages(fields.langs);
    if (!langs.ok) return langs;
    if (langs.langs.length > 0) next.langs = langs.langs;
    else delete next.langs;
  }
  if (fields.texts !== undefined) {
    const texts = checkTexts(fields.texts);
    if (!texts.ok) return texts;
    if (texts.texts.length > 0) next.texts = texts.texts;
    else delete next.texts;
  }
  return { ok: true, account: next };
}

/** Adds an account; refused when the name is taken or a field is invalid. */
export function addAccount<T extends AccountRecord>(
  accounts: readonly T[],
  name: string,
  fields: AccountFields & { role: string; passwordHash: string },
): AccountChange<T> {
  const checked = checkAccountName(name);
  if (!checked.ok) return checked;
  if (accounts.some((a) => a.name === checked.name))
    return { ok: false, error: `There is already an account named "${checked.name}"` };
  const made = applyFields({ name: checked.name, role: 'reader', passwordHash: '' } as T, fields);
  if (!made.ok) return made;
  return { ok: true, accounts: [...accounts, made.account], result: made.account };
}

/** Changes an account's role, password or limits; refused for an unknown name or an invalid field. */
export function setAccount<T extends AccountRecord>(
  accounts: readonly T[],
  name: string,
  fields: AccountFields,
): AccountChange<T> {
  const index = accounts.findIndex((a) => a.name === name);
  const current = accounts[index];
  if (!current) return { ok: false, error: `There is no account named "${name}"` };
  const changed = applyFields(current, fields);
  if (!changed.ok) return changed;
  return { ok: true, accounts: accounts.map((a, i) => (i === index ? changed.account : a)), result: changed.account };
}

/** Removes an account; refused for an unknown name. */
export function removeAccount<T extends AccountRecord>(accounts: readonly T[], name: string): AccountChange<T> {
  const current = accounts.find((a) => a.name === name);
  if (!current) return { ok: false, error: `There is no account named "${name}"` };
  return { ok: true, accounts: accounts.filter((a) => a !== current), result: current };
}

/** An account as listed: everything but the password hash. */
export function describeAccount(account: AccountRecord): { name: string; role: Role; langs: string[]; texts: string[] } {
  return { name: account.name, role: account.role, langs: account.langs ?? [], texts: account.texts ?? [] };
}

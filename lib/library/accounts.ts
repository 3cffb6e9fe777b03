import 'server-only';
import { addAccount, describeAccount, removeAccount, setAccount, type AccountFields } from '@/lib/auth/accounts';
import { hashPassword } from '@/lib/auth/passwords';
import { isRole } from '@/lib/auth/permissions';
import { accountStore } from '@/lib/auth/shared-state';
import type { StoredAccount } from '@/lib/store/accounts';

/** An account as shown by `npm run user -- list` and the admin page: no password hash. */
export type AccountSummary = ReturnType<typeof describeAccount>;

export type AccountOutcome = { ok: true; account: AccountSummary } | { ok: false; error: string };

/** The shortest password taken, as for `npm run editor:hash`. */
export const MIN_PASSWORD_LENGTH = 8;

function checkPassword(password: string): string | undefined {
  return [...password].length < MIN_PASSWORD_LENGTH ? `A password has at least ${MIN_PASSWORD_LENGTH} characters` : undefined;
}

/** The accounts (the accounts file, or the database's with DATABASE_URL), without their hashes; `[]` when there is none. */
export async function listUsers(): Promise<AccountSummary[]> {
  return ((await accountStore().read())?.accounts ?? []).map(describeAccount);
}

/** Adds an account with a role and optional limits. `addUser('ann', 'secret-pw', { role: 'translator', langs: ['fr'] })`. */
export async function addUser(
  name: string,
  password: string,
  fields: Omit<AccountFields, 'passwordHash'> & { role: string },
): Promise<AccountOutcome> {
  if (!isRole(fields.role)) return { ok: false, error: `"${fields.role}" is not a role: reader, translator, reviewer or admin` };
  const weak = checkPassword(password);
  if (weak) return { ok: false, error: weak };
  const outcome = await accountStore().update((accounts) =>
    addAccount<StoredAccount>(accounts, name, { ...fields, passwordHash: hashPassword(password) }),
  );
  return outcome.ok ? { ok: true, account: describeAccount(outcome.result) } : outcome;
}

/** Changes an account's role, limits or password (`password` given); takes effect at the account's next request. */
export async function setUser(
  name: string,
  fields: Omit<AccountFields, 'passwordHash'> & { password?: string },
): Promise<AccountOutcome> {
  const { password, ...rest } = fields;
  if (password !== undefined) {
    const weak = checkPassword(password);
    if (weak) return { ok: false, error: weak };
  }
  const outcome = await accountStore().update((accounts) =>
    setAccount<StoredAccount>(accounts, name, {
      ...rest,
      ...(password !== undefined ? { passwordHash: hashPassword(password) } : {}),
    }),
  );
  return outcome.ok ? { ok: true, account: describeAccount(outcome.result) } : outcome;
}

/** Removes an account; its sessions stop at their next request. */
export async function removeUser(name: string): Promise<AccountOutcome> {
  const outcome = await accountStore().update((accounts) => removeAccount<StoredAccount>(accounts, name));
  return outcome.ok ? { ok: true, account: describeAccount(outcome.result) } : outcome;
}

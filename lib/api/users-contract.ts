import { z } from 'zod';
import { roleSchema } from './contract';

/** An account as the admin page sees it: never its password hash. */
export const accountSummarySchema = z.object({
  name: z.string(),
  role: roleSchema,
  langs: z.array(z.string()),
  texts: z.array(z.string()),
});
export type AccountSummaryResponse = z.infer<typeof accountSummarySchema>;

export const userListResponse = z.object({ users: z.array(accountSummarySchema) });
export const userResponse = z.object({ user: accountSummarySchema });

/** `POST /api/users` with `{ name, role, password, langs?, texts? }`. */
export const addUserRequest = z.object({
  name: z.string().max(200),
  role: z.string(),
  password: z.string().max(1000),
  langs: z.array(z.string().max(40)).max(50).optional(),
  texts: z.array(z.string().max(100)).max(500).optional(),
});
/** `PUT /api/users/<name>` with `{ role?, password?, langs?, texts? }` (`[]` clears a limit). */
export const setUserRequest = addUserRequest.omit({ name: true }).partial();

import { z } from 'zod';
import { roles } from './common';

/**
 * NIST 800-63B: a minimum length, a generous maximum, no composition rules.
 * The common-password check runs on the server (the list is large).
 */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
export const password = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);

export const email = z.email().trim().toLowerCase().max(254);
/** Participants log in with a username: many have no e-mail address. */
export const username = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(30)
  .regex(/^[a-z0-9_.]+$/, 'Alleen kleine letters, cijfers, punt en underscore');

export const loginBody = z.strictObject({
  identifier: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(PASSWORD_MAX),
});

export const forgotPasswordBody = z.strictObject({ email });
export const resetPasswordBody = z.strictObject({
  token: z.string().min(1).max(200),
  newPassword: password,
});
export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(PASSWORD_MAX),
  newPassword: password,
});

export const sessionUser = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  username: z.string().nullable(),
  role: z.enum(roles),
  organisationId: z.uuid(),
  organisationName: z.string(),
});
export type SessionUser = z.infer<typeof sessionUser>;
export const sessionResponse = z.object({ user: sessionUser });

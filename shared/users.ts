import { z } from 'zod';
import { email, password, username } from './auth';
import { pageOf, roles, shortText, staffRoles } from './common';

export const user = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  username: z.string().nullable(),
  role: z.enum(roles),
  active: z.boolean(),
  teamIds: z.array(z.uuid()),
  createdAt: z.iso.datetime(),
});
export type User = z.infer<typeof user>;

export const userListQuery = z.strictObject({
  /** One role, or several separated by commas: supervisor,coach,manager. */
  role: z
    .string()
    .transform((value) => value.split(','))
    .pipe(z.array(z.enum(roles)).min(1).max(roles.length))
    .optional(),
  active: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(120).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/** Sorted by name; total counts every match, so a list can page. */
export const userPage = pageOf(user);

export const staffCreateBody = z.strictObject({
  name: shortText(120),
  email,
  role: z.enum(staffRoles),
  /** Without a password the new colleague gets an invitation link to choose one. */
  password: password.optional(),
});

/** Participant accounts have no e-mail: a username and a password handed over in person. */
export const participantAccountBody = z.strictObject({
  name: shortText(120),
  username,
  password,
});

/** An admin sets a new password for someone (participants without e-mail forget theirs). */
export const userPasswordBody = z.strictObject({ password });

export const userUpdateBody = z.strictObject({
  name: shortText(120).optional(),
  role: z.enum(staffRoles).optional(),
});

export const userCreatedResponse = z.object({
  user,
  /** True when an invitation mail was queued instead of setting a password. */
  invited: z.boolean(),
});

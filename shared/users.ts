import { z } from 'zod';
import { email, password, username } from './auth';
import { roles, shortText, staffRoles } from './common';

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
  role: z.enum(roles).optional(),
  active: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(120).optional(),
});

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

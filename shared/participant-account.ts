import { z } from 'zod';
import { password, username } from './auth';

/**
 * A participant's own login, created from their dossier by their coach (or the admin).
 * Either a username with an initial password, or a username with a one-time activation code printed on paper:
 * the participant opens /activeren, types username + code and chooses their own password.
 */
export const participantAccountCreateBody = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('password'), username, password }),
  z.strictObject({ method: z.literal('activation_code'), username }),
]);

/** The code is shown once, in this response only; the server keeps a hash. */
export const participantAccountResponse = z.object({
  username: z.string(),
  activationCode: z.string().nullable(),
  activationExpiresAt: z.iso.datetime().nullable(),
});
export type ParticipantAccountResponse = z.infer<typeof participantAccountResponse>;

/** Shown in the dossier (full view) under confidential.account. */
export const participantAccountStatus = z.object({
  username: z.string(),
  active: z.boolean(),
  /** An activation code was issued and not used yet (it may have expired: see activationExpiresAt). */
  activationPending: z.boolean(),
  activationExpiresAt: z.iso.datetime().nullable(),
});
export type ParticipantAccountStatus = z.infer<typeof participantAccountStatus>;

/** Activation codes: 8 characters without look-alikes (no 0/O, 1/I/L), shown as XXXX-XXXX; valid 14 days. */
export const ACTIVATION_CODE_DAYS = 14;
export const activationCode = z
  .string()
  .trim()
  .toUpperCase()
  .transform((s) => s.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^[A-HJKMNP-Z2-9]{8}$/, 'invalid_code'));

/** The characters a code is drawn from: the same set as the pattern above. */
export const ACTIVATION_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const ACTIVATION_CODE_LENGTH = 8;

/** How the code is printed: two groups of four, easier to read and type over. */
export const formatActivationCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

/** POST /auth/activate (public, throttled like login): on success the participant is logged in. */
export const activateBody = z.strictObject({ username, code: activationCode, password });

import { createHmac, randomBytes } from 'node:crypto';

/**
 * A mentor link carries 32 random bytes (256 bits): with the per-IP throttle on the public routes, guessing one is
 * not a way in. Only a keyed hash is stored, so a copy of the database alone gives no usable link; the token
 * itself exists only in the e-mail to the mentor.
 */
export function generateMentorToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashMentorToken(secret: string, token: string): string {
  return createHmac('sha256', secret).update(`mentor-link:${token}`).digest('base64url');
}

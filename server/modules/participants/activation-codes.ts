import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { ACTIVATION_CODE_ALPHABET, ACTIVATION_CODE_DAYS, ACTIVATION_CODE_LENGTH } from '#shared/participant-account';

/** 31^8 ≈ 8.5 · 10^11 codes; with the login throttle and 14 days of validity, guessing is not a way in. */
export function generateActivationCode(): string {
  let code = '';
  for (let i = 0; i < ACTIVATION_CODE_LENGTH; i++)
    code += ACTIVATION_CODE_ALPHABET[randomInt(ACTIVATION_CODE_ALPHABET.length)];
  return code;
}

/**
 * Only this keyed hash is stored: a copy of the database alone does not give usable codes,
 * and without the key the short code space cannot be searched offline.
 */
export function hashActivationCode(secret: string, code: string): string {
  return createHmac('sha256', secret).update(`activation:${code}`).digest('base64url');
}

/** Compares two hashes in constant time (both are HMAC-SHA-256 in base64url, so of equal length). */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function activationExpiry(now = new Date()): Date {
  return new Date(now.getTime() + ACTIVATION_CODE_DAYS * 24 * 3_600_000);
}

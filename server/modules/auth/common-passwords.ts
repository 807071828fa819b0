import { dictionary } from '@zxcvbn-ts/language-common';

// Local additions the international list misses: Dutch and product words people reach for first.
const local = [
  'wachtwoord',
  'wachtwoord1',
  'wachtwoord123',
  'welkom01',
  'welkom123',
  'groeipad',
  'groeipad1',
  'azerty123',
  'paswoord',
  'paswoord1',
];

const common = new Set([...(dictionary['passwords-common'] as string[]), ...local].map((p) => p.toLowerCase()));

/** NIST 800-63B: refuse passwords from lists of commonly used or breached ones. */
export function isCommonPassword(password: string): boolean {
  return common.has(password.toLowerCase());
}

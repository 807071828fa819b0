/**
 * What e2e/01-setup.spec.ts enters in the setup wizard. The later journeys log in with this admin;
 * every run starts on a fresh database (e2e/start-server.mjs), so fixed values are safe.
 */
export const organisationName = 'Maatwerkbedrijf De Groeiplek';
export const firstSiteName = 'Hoofdzetel Mechelen';

export const admin = {
  name: 'Ada Beheerder',
  email: 'beheer@example.org',
  password: 'paarse olifanten dansen traag',
} as const;

/** Refused by the server's list of common passwords (server/modules/auth/common-passwords.ts). */
export const commonPassword = 'wachtwoord123';

import { hashPassword } from 'better-auth/crypto';
import type { FastifyInstance } from 'fastify';
import type { Role } from '#shared/common';
import type { Db } from '../../server/db/client';
import { account, organisations, sites, teamSupervisors, teams, user } from '../../server/db/schema';

/**
 * Factories write straight to the database as the owner and create whatever parent is missing,
 * so a test names only what it cares about (after Outline's server/test/factories.ts).
 */
export const DEFAULT_PASSWORD = 'fiets-boom-wolk-42';
let defaultHash: Promise<string> | undefined;
// Hashing is slow on purpose; the default password is hashed once per test file.
function hashOf(password: string) {
  if (password !== DEFAULT_PASSWORD) return hashPassword(password);
  defaultHash ??= hashPassword(DEFAULT_PASSWORD);
  return defaultHash;
}

let counter = 0;
const next = () => `${Date.now().toString(36)}${(++counter).toString(36)}`;

export async function buildOrganisation(db: Db, overrides: { name?: string } = {}) {
  const [org] = await db
    .insert(organisations)
    .values({ name: overrides.name ?? `Werkplaats ${next()}` })
    .returning();
  if (!org) throw new Error('no organisation');
  return org;
}

export async function buildSite(db: Db, overrides: { organisationId?: string; name?: string } = {}) {
  const organisationId = overrides.organisationId ?? (await buildOrganisation(db)).id;
  const [site] = await db
    .insert(sites)
    .values({ organisationId, name: overrides.name ?? `Vestiging ${next()}` })
    .returning();
  if (!site) throw new Error('no site');
  return site;
}

export async function buildTeam(
  db: Db,
  overrides: { organisationId?: string; siteId?: string; name?: string; workDomain?: string } = {},
) {
  const site = overrides.siteId
    ? { id: overrides.siteId, organisationId: overrides.organisationId as string }
    : await buildSite(db, { organisationId: overrides.organisationId });
  const [team] = await db
    .insert(teams)
    .values({
      organisationId: site.organisationId,
      siteId: site.id,
      name: overrides.name ?? `Ploeg ${next()}`,
      workDomain: overrides.workDomain ?? 'groen',
    })
    .returning();
  if (!team) throw new Error('no team');
  return team;
}

export async function buildUser(
  db: Db,
  overrides: {
    organisationId?: string;
    role?: Role;
    name?: string;
    email?: string;
    username?: string;
    password?: string;
    deactivated?: boolean;
  } = {},
) {
  const organisationId = overrides.organisationId ?? (await buildOrganisation(db)).id;
  const role = overrides.role ?? 'coach';
  const id = crypto.randomUUID();
  const tag = next();
  const password = overrides.password ?? DEFAULT_PASSWORD;
  const username = overrides.username ?? (role === 'participant' ? `deelnemer_${tag}` : undefined);
  const [row] = await db
    .insert(user)
    .values({
      id,
      organisationId,
      name: overrides.name ?? `${role} ${tag}`,
      email: overrides.email ?? (role === 'participant' ? `${id}@deelnemer.invalid` : `${role}.${tag}@example.org`),
      username,
      role,
      deactivatedAt: overrides.deactivated ? new Date() : null,
    })
    .returning();
  await db.insert(account).values({
    id: crypto.randomUUID(),
    organisationId,
    userId: id,
    accountId: id,
    providerId: 'credential',
    password: await hashOf(password),
  });
  if (!row) throw new Error('no user');
  return { ...row, password, loginName: username ?? row.email };
}

export async function addSupervisor(db: Db, teamId: string, userId: string, organisationId: string) {
  await db.insert(teamSupervisors).values({ organisationId, teamId, userId });
}

/** Logs in through the real login route and returns the Cookie header for later requests. */
export async function login(app: FastifyInstance, u: { loginName: string; password: string }): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { identifier: u.loginName, password: u.password },
  });
  if (res.statusCode !== 200) throw new Error(`login failed for ${u.loginName}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'groeipad.session_token');
  if (!cookie) throw new Error('no session cookie');
  return `${cookie.name}=${cookie.value}`;
}

/** A user of the given role in the organisation, already logged in. */
export async function loggedIn(app: FastifyInstance, db: Db, role: Role, organisationId?: string) {
  const u = await buildUser(db, { role, organisationId });
  return { user: u, cookie: await login(app, u) };
}

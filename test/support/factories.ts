import { hashPassword } from 'better-auth/crypto';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Role } from '#shared/common';
import type { ParticipantStatus } from '#shared/participants';
import type { ReferrerKind } from '#shared/referrers';
import type { Db } from '../../server/db/client';
import {
  account,
  careerEvents,
  organisations,
  participantCoaches,
  participants,
  referrers,
  sites,
  teamSupervisors,
  teams,
  user,
} from '../../server/db/schema';
import { deriveState } from '../../server/modules/participants/timeline';

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

export async function buildReferrer(
  db: Db,
  overrides: { organisationId?: string; name?: string; kind?: ReferrerKind; archived?: boolean } = {},
) {
  const organisationId = overrides.organisationId ?? (await buildOrganisation(db)).id;
  const [row] = await db
    .insert(referrers)
    .values({
      organisationId,
      name: overrides.name ?? `Doorverwijzer ${next()}`,
      kind: overrides.kind ?? 'vdab',
      archivedAt: overrides.archived ? new Date() : null,
    })
    .returning();
  if (!row) throw new Error('no referrer');
  return row;
}

export async function addCoach(db: Db, participantId: string, userId: string, organisationId: string) {
  await db.insert(participantCoaches).values({ organisationId, participantId, userId });
}

/** The career events that lead to a status, on fixed dates in 2024. */
const pathTo: Record<ParticipantStatus, { kind: 'start' | 'pause' | 'exit'; date: string }[]> = {
  registered: [],
  active: [{ kind: 'start', date: '2024-01-15' }],
  paused: [
    { kind: 'start', date: '2024-01-15' },
    { kind: 'pause', date: '2024-03-01' },
  ],
  exited: [
    { kind: 'start', date: '2024-01-15' },
    { kind: 'exit', date: '2024-06-01' },
  ],
};

/**
 * A dossier with an intake on 2024-01-08 and the events that lead to `status`.
 * Creates the organisation, site and team it lacks, and a coach unless `coachId: null` (or names one).
 * The cached status, start date and team are written from deriveState, as the service does.
 */
export async function buildParticipant(
  db: Db,
  overrides: {
    organisationId?: string;
    siteId?: string;
    teamId?: string | null;
    coachId?: string | null;
    userId?: string;
    referrerId?: string;
    firstName?: string;
    lastName?: string;
    programmeType?: string;
    status?: ParticipantStatus;
    archived?: boolean;
  } = {},
) {
  const organisationId = overrides.organisationId ?? (await buildOrganisation(db)).id;
  let { siteId, teamId } = overrides;
  if (teamId === undefined) {
    const team = await buildTeam(db, { organisationId, siteId });
    teamId = team.id;
    siteId = team.siteId;
  }
  if (teamId && !siteId) {
    const [team] = await db.select({ siteId: teams.siteId }).from(teams).where(eq(teams.id, teamId));
    siteId = team?.siteId;
  }
  siteId ??= (await buildSite(db, { organisationId })).id;
  const coachId =
    overrides.coachId === undefined ? (await buildUser(db, { organisationId, role: 'coach' })).id : overrides.coachId;
  const tag = next();
  const [row] = await db
    .insert(participants)
    .values({
      organisationId,
      firstName: overrides.firstName ?? `Voornaam${tag}`,
      lastName: overrides.lastName ?? `Achternaam${tag}`,
      dateOfBirth: '1990-05-17',
      email: `deelnemer.${tag}@example.org`,
      phone: '0470 12 34 56',
      siteId,
      teamId,
      programmeType: overrides.programmeType ?? 'maatwerk',
      referrerId: overrides.referrerId ?? null,
      userId: overrides.userId ?? null,
    })
    .returning();
  if (!row) throw new Error('no participant');
  if (coachId) await addCoach(db, row.id, coachId, organisationId);
  const events = [
    { kind: 'intake' as const, date: '2024-01-08', teamId },
    ...pathTo[overrides.status ?? 'active'].map((e) => ({ ...e, teamId: null })),
  ];
  const inserted = await db
    .insert(careerEvents)
    .values(
      events.map((e) => ({
        organisationId,
        participantId: row.id,
        kind: e.kind,
        date: e.date,
        teamId: e.teamId,
        recordedBy: coachId,
      })),
    )
    .returning({
      kind: careerEvents.kind,
      date: careerEvents.date,
      seq: careerEvents.seq,
      teamId: careerEvents.teamId,
    });
  const state = deriveState(inserted);
  const [done] = await db
    .update(participants)
    .set({ status: state.status, startDate: state.startDate, archivedAt: overrides.archived ? new Date() : null })
    .where(eq(participants.id, row.id))
    .returning();
  if (!done) throw new Error('no participant');
  return { ...done, coachId };
}

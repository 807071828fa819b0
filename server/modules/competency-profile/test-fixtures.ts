import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Role } from '#shared/common';
import {
  addSupervisor,
  buildOrganisation,
  buildParticipant,
  buildUser,
  DEFAULT_PASSWORD,
  loggedIn,
  login,
} from '../../../test/support/factories';
import { buildFramework, buildFrameworkVersion, buildObservation } from '../../../test/support/factories-competencies';
import type { Db } from '../../db/client';
import {
  competencyFrameworkVersions,
  jobProfileExpectations,
  jobProfiles,
  mentorInvitations,
  participantJobProfiles,
  user,
} from '../../db/schema';

/** Test data the shared factories do not make: job profiles, a mentor's invitation, a version's start day. */

export async function buildJobProfile(
  db: Db,
  input: { organisationId: string; frameworkId: string; name: string; expectations: Record<string, number> },
) {
  const [profile] = await db
    .insert(jobProfiles)
    .values({
      organisationId: input.organisationId,
      frameworkId: input.frameworkId,
      name: input.name,
      ladderStep: 1,
      workMode: 'uitvoerend',
    })
    .returning();
  if (!profile) throw new Error('no job profile');
  const rows = Object.entries(input.expectations).map(([competencyKey, level]) => ({
    organisationId: input.organisationId,
    jobProfileId: profile.id,
    competencyKey,
    level,
  }));
  if (rows.length) await db.insert(jobProfileExpectations).values(rows);
  return profile;
}

export async function assignJobProfiles(
  db: Db,
  input: { organisationId: string; participantId: string; currentProfileId?: string; targetProfileId?: string },
) {
  await db.insert(participantJobProfiles).values({
    organisationId: input.organisationId,
    participantId: input.participantId,
    currentProfileId: input.currentProfileId ?? null,
    targetProfileId: input.targetProfileId ?? null,
  });
}

export async function buildMentorInvitation(
  db: Db,
  input: { organisationId: string; participantId: string; createdBy: string },
) {
  const [row] = await db
    .insert(mentorInvitations)
    .values({
      organisationId: input.organisationId,
      participantId: input.participantId,
      mentorName: 'Mia Stagebegeleider',
      mentorEmail: 'mia@stage.example.org',
      tokenHash: crypto.randomUUID(),
      validFrom: '2025-01-01',
      validUntil: '2025-12-31',
      createdBy: input.createdBy,
    })
    .returning();
  if (!row) throw new Error('no invitation');
  return row;
}

/** Versions start "now" when the factories make them; charts need them on known days. */
export async function setVersionStart(db: Db, versionId: string, isoTimestamp: string) {
  await db
    .update(competencyFrameworkVersions)
    .set({ createdAt: new Date(isoTimestamp) })
    .where(eq(competencyFrameworkVersions.id, versionId));
}

/**
 * A participant rated in two versions of the default framework by all four rater kinds, with a current and a target
 * job profile. Version 2 dropped "zorgvuldigheid" and added "veilig_werken".
 */
export async function ratedParticipant(app: FastifyInstance, db: Db) {
  const org = await buildOrganisation(db);
  const organisationId = org.id;
  const {
    framework,
    version: v1,
    competencies: c1,
  } = await buildFramework(db, {
    organisationId,
    name: '11 kerncompetenties',
    keys: ['samenwerken', 'stiptheid', 'zorgvuldigheid'],
  });
  const login_ = await buildUser(db, { organisationId, role: 'participant' });
  const participant = await buildParticipant(db, { organisationId, userId: login_.id });
  const supervisor = await buildUser(db, { organisationId, role: 'supervisor' });
  if (participant.teamId) await addSupervisor(db, participant.teamId, supervisor.id, organisationId);
  const id1 = (key: string) => c1.find((c) => c.key === key)?.id as string;

  await buildObservation(db, {
    organisationId,
    participantId: participant.id,
    versionId: v1.id,
    raterUserId: supervisor.id,
    observedOn: '2025-01-10',
    scores: { [id1('samenwerken')]: 2, [id1('stiptheid')]: 3, [id1('zorgvuldigheid')]: 1 },
  });
  const { version: v2, competencies: c2 } = await buildFrameworkVersion(db, {
    organisationId,
    frameworkId: framework.id,
    number: 2,
    keys: ['samenwerken', 'stiptheid', 'veilig_werken'],
  });
  const id2 = (key: string) => c2.find((c) => c.key === key)?.id as string;
  const v2Observation = { organisationId, participantId: participant.id, versionId: v2.id };
  await buildObservation(db, {
    ...v2Observation,
    raterUserId: supervisor.id,
    observedOn: '2025-03-10',
    scores: { [id2('samenwerken')]: 3 },
  });
  await buildObservation(db, {
    ...v2Observation,
    raterKind: 'self',
    raterUserId: login_.id,
    observedOn: '2025-03-11',
    scores: { [id2('samenwerken')]: 1, [id2('stiptheid')]: 4 },
  });
  await buildObservation(db, {
    ...v2Observation,
    raterKind: 'coach',
    raterUserId: participant.coachId,
    observedOn: '2025-03-12',
    scores: { [id2('veilig_werken')]: 2, [id2('samenwerken')]: 1 },
  });
  const invitation = await buildMentorInvitation(db, {
    organisationId,
    participantId: participant.id,
    createdBy: participant.coachId as string,
  });
  await buildObservation(db, {
    ...v2Observation,
    raterKind: 'mentor',
    mentorInvitationId: invitation.id,
    context: 'stage',
    observedOn: '2025-03-13',
    scores: { [id2('samenwerken')]: 4 },
  });

  const current = await buildJobProfile(db, {
    organisationId,
    frameworkId: framework.id,
    name: 'Arbeider',
    expectations: { samenwerken: 2, stiptheid: 3, veilig_werken: 3 },
  });
  const target = await buildJobProfile(db, {
    organisationId,
    frameworkId: framework.id,
    name: 'Hulpmeestergast',
    expectations: { samenwerken: 4 },
  });
  await assignJobProfiles(db, {
    organisationId,
    participantId: participant.id,
    currentProfileId: current.id,
    targetProfileId: target.id,
  });

  const as = async (role: Role) => loggedIn(app, db, role, organisationId);
  const coachCookie = await login(app, await coachLogin(db, participant.coachId as string));
  return {
    organisationId,
    framework,
    v1,
    v2,
    participant,
    current,
    target,
    as,
    coachCookie,
    supervisorCookie: await login(app, supervisor),
    selfCookie: await login(app, login_),
  };
}

/** buildParticipant makes the coach with the default password; find their login name again. */
async function coachLogin(db: Db, userId: string) {
  const [row] = await db.select().from(user).where(eq(user.id, userId));
  if (!row) throw new Error('no coach');
  return { loginName: row.email, password: DEFAULT_PASSWORD };
}

import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { todayIso } from '#shared/participants';
import type { TestApp } from '../../../test/support/app';
import {
  addSupervisor,
  buildOrganisation,
  buildParticipant,
  buildTeam,
  loggedIn,
} from '../../../test/support/factories';
import { buildFramework } from '../../../test/support/factories-competencies';
import type { Db } from '../../db/client';
import { auditLog, competencies, competencyFrameworks, competencyFrameworkVersions, mailOutbox } from '../../db/schema';

/** Test helpers shared by this module's test files (not used by the server). */

export const call = (t: TestApp, cookie: string | undefined, options: InjectOptions) =>
  t.app.inject({ ...options, headers: { ...options.headers, ...(cookie ? { cookie } : {}) } });

export async function lastAuditId(db: Db) {
  return (await db.select({ max: sql<number>`coalesce(max(${auditLog.id}), 0)::int` }).from(auditLog))[0]?.max ?? 0;
}

/**
 * An organisation with a default framework (3 competencies, 4 levels), a team with its logged-in supervisor, a
 * logged-in coach, and a participant (started 2024-01-15) in that team and that coach's caseload.
 */
export async function workplace(t: TestApp) {
  const db = t.database.db;
  const org = await buildOrganisation(db, { name: `Werkplaats ${crypto.randomUUID().slice(0, 8)}` });
  const framework = await buildFramework(db, { organisationId: org.id });
  const team = await buildTeam(db, { organisationId: org.id });
  const supervisor = await loggedIn(t.app, db, 'supervisor', org.id);
  await addSupervisor(db, team.id, supervisor.user.id, org.id);
  const coach = await loggedIn(t.app, db, 'coach', org.id);
  const participant = await buildParticipant(db, {
    organisationId: org.id,
    teamId: team.id,
    coachId: coach.user.id,
    firstName: 'Sofie',
    lastName: 'Claes',
  });
  const [c1, c2, c3] = framework.competencies;
  if (!c1 || !c2 || !c3) throw new Error('framework without competencies');
  return {
    orgId: org.id,
    orgName: org.name,
    framework,
    version: framework.version,
    c1,
    c2,
    c3,
    team,
    supervisor,
    coach,
    participant,
  };
}

export type Workplace = Awaited<ReturnType<typeof workplace>>;

/** A valid observation body for the workplace's participant: two scores, dated in the participant's path. */
export function observationBody(w: Workplace, extra: Record<string, unknown> = {}) {
  return {
    participantId: w.participant.id,
    frameworkVersionId: w.version.id,
    context: 'werkvloer',
    observedOn: '2025-03-10',
    note: 'Werkt rustig door.',
    ratings: [
      { competencyId: w.c1.id, score: 3, note: 'Helpt collega’s.' },
      { competencyId: w.c2.id, score: 2 },
    ],
    ...extra,
  };
}

/** A calendar day relative to today (Brussels), as YYYY-MM-DD. */
export function dayFromToday(days: number): string {
  const d = new Date(`${todayIso()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * For the policy matrix: a version to rate in, from the organisation's default framework (made here when the
 * organisation has none yet), and its first competency.
 */
export async function ratingVersionOf(db: Db, organisationId: string) {
  const [existing] = await db
    .select({ versionId: competencyFrameworkVersions.id, competencyId: competencies.id })
    .from(competencyFrameworks)
    .innerJoin(competencyFrameworkVersions, eq(competencyFrameworkVersions.frameworkId, competencyFrameworks.id))
    .innerJoin(competencies, eq(competencies.versionId, competencyFrameworkVersions.id))
    .where(and(eq(competencyFrameworks.organisationId, organisationId), eq(competencyFrameworks.isDefault, true)))
    .orderBy(desc(competencyFrameworkVersions.number), asc(competencies.position))
    .limit(1);
  if (existing) return existing;
  const made = await buildFramework(db, { organisationId, isDefault: true });
  return { versionId: made.version.id, competencyId: made.competencies[0]?.id as string };
}

/**
 * A live mentor link for a dossier, made the real way: invited through the API by a caller who may (the admin or
 * one of the dossier's coaches), the token read from the mail in the outbox.
 */
export async function mentorLinkOf(app: TestApp['app'], db: Db, cookie: string, participantId: string) {
  const mentorEmail = `mentor.${crypto.randomUUID()}@stage.example.org`;
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/participants/${participantId}/mentor-invitations`,
    headers: { cookie },
    payload: { mentorName: 'Mentor Matrix', mentorEmail, validFrom: dayFromToday(-30), validUntil: dayFromToday(30) },
  });
  if (res.statusCode !== 201) throw new Error(`invitation refused: ${res.statusCode} ${res.body}`);
  const [mail] = await db.select({ body: mailOutbox.body }).from(mailOutbox).where(eq(mailOutbox.to, mentorEmail));
  const token = mail?.body.match(/\/mentor\/([A-Za-z0-9_-]+)/)?.[1];
  if (!token) throw new Error('no mentor link in the outbox');
  return { invitationId: res.json().id as string, token };
}

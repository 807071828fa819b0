import type { FastifyInstance } from 'fastify';
import type { Role } from '#shared/common';
import type { PlanContent, PlanContentInput, PlanEvidence, PlanStatus } from '#shared/development-plans';
import { planContent } from '#shared/development-plans';
import type { Db } from '../../server/db/client';
import { developmentPlanVersions } from '../../server/db/schema';
import { addSupervisor, buildOrganisation, buildParticipant, buildTeam, buildUser, loggedIn, login } from './factories';
import { buildFramework } from './factories-competencies';
import { buildSkill } from './factories-iluo';

/**
 * POP versions written straight to the database as the owner (like ./factories.ts), for tests that need a participant
 * with an agreed plan or an open draft without going through the routes. Missing parents are created.
 */

/** A plan with words in every box, two goals and two actions, and no competencies or skills (they need a framework). */
export function planContentFixture(overrides: Partial<PlanContentInput> = {}): PlanContent {
  const goal1 = crypto.randomUUID();
  const goal2 = crypto.randomUUID();
  return planContent.parse({
    summary: 'Ik ben Sam. Ik werk graag buiten en met mijn handen.',
    jobTarget: 'Groenarbeider bij een gemeente',
    dreams: 'Later wil ik zelf een ploeg leiden.',
    workMode: 'uitvoerend',
    workModeReason: 'Ik zie graag wat ik gedaan heb.',
    goals: [
      {
        key: goal1,
        what: 'Elke dag op tijd beginnen',
        evidence: 'Ik ben een maand lang elke dag om 8 uur op de werf.',
        why: 'Dan kan de ploeg op mij rekenen.',
        dueDate: '2026-09-30',
      },
      {
        key: goal2,
        what: 'Zelf de bosmaaier onderhouden',
        evidence: 'Ik doe het onderhoud zonder hulp.',
        why: 'Ik wil zelfstandig werken.',
        dueDate: '2026-12-15',
      },
    ],
    actions: [
      {
        key: crypto.randomUUID(),
        what: 'Een wekker zetten om 6 uur',
        owner: 'participant',
        dueDate: '2026-07-01',
        goalKey: goal1,
      },
      {
        key: crypto.randomUUID(),
        what: 'Onderhoud van de bosmaaier samen tonen',
        owner: 'supervisor',
        ownerName: 'Sara',
        dueDate: '2026-08-01',
        goalKey: goal2,
      },
    ],
    support: 'Iemand die mij belt als ik te laat ben.',
    nextReviewDate: '2026-12-01',
    ...overrides,
  });
}

export const noEvidence = (asOf = new Date().toISOString()): PlanEvidence => ({ competencies: [], skills: [], asOf });

export async function buildPlanVersion(
  db: Db,
  input: {
    organisationId?: string;
    participantId?: string;
    number?: number;
    status?: PlanStatus;
    revision?: number;
    content?: PlanContent;
    evidence?: PlanEvidence;
    createdBy?: string | null;
    agreedAt?: Date;
    coachAgreedBy?: string | null;
  } = {},
) {
  let { organisationId, participantId } = input;
  let coachId: string | null = null;
  if (!participantId || !organisationId) {
    const participant = await buildParticipant(db, { organisationId });
    organisationId = participant.organisationId;
    participantId = participant.id;
    coachId = participant.coachId;
  }
  const status = input.status ?? 'agreed';
  const agreedAt = status === 'draft' ? null : (input.agreedAt ?? new Date());
  const [row] = await db
    .insert(developmentPlanVersions)
    .values({
      organisationId,
      participantId,
      number: input.number ?? 1,
      status,
      revision: input.revision ?? (status === 'draft' ? 0 : 1),
      content: input.content ?? planContentFixture(),
      evidence: status === 'draft' ? null : (input.evidence ?? noEvidence(agreedAt?.toISOString())),
      createdBy: input.createdBy ?? null,
      agreedAt,
      participantAgreedAt: agreedAt,
      coachAgreedAt: agreedAt,
      coachAgreedBy: status === 'draft' ? null : (input.coachAgreedBy ?? coachId),
    })
    .returning();
  if (!row) throw new Error('no plan version');
  return row;
}

/** A participant (created when not given) with an agreed POP, version 1. */
export async function buildAgreedPlan(db: Db, overrides: Omit<Parameters<typeof buildPlanVersion>[1], 'status'> = {}) {
  return buildPlanVersion(db, { ...overrides, status: 'agreed' });
}

/** An open draft (revision 0 unless given). */
export async function buildDraft(db: Db, overrides: Omit<Parameters<typeof buildPlanVersion>[1], 'status'> = {}) {
  return buildPlanVersion(db, { ...overrides, status: 'draft' });
}

/**
 * A workplace for POP tests: an organisation with a default framework (samenwerken, stiptheid, zorgvuldigheid), a
 * team with two skills and its supervisor, and an active participant in it with their own login and a coach, all
 * logged in. `as(role)` logs in one more colleague.
 */
export async function buildPopWorkplace(app: FastifyInstance, db: Db, options: { archived?: boolean } = {}) {
  const org = await buildOrganisation(db);
  const framework = await buildFramework(db, { organisationId: org.id });
  const team = await buildTeam(db, { organisationId: org.id, name: `Groen ${crypto.randomUUID().slice(0, 6)}` });
  const skills = [
    await buildSkill(db, { organisationId: org.id, teamId: team.id, name: 'Bosmaaier', groupName: 'Machines' }),
    await buildSkill(db, { organisationId: org.id, teamId: team.id, name: 'Haag snoeien' }),
  ];
  const coach = await loggedIn(app, db, 'coach', org.id);
  const supervisor = await loggedIn(app, db, 'supervisor', org.id);
  await addSupervisor(db, team.id, supervisor.user.id, org.id);
  const own = await buildUser(db, { organisationId: org.id, role: 'participant' });
  const participant = await buildParticipant(db, {
    organisationId: org.id,
    teamId: team.id,
    coachId: coach.user.id,
    userId: own.id,
    firstName: 'Sam',
    lastName: 'Peeters',
    archived: options.archived,
    status: options.archived ? 'exited' : 'active',
  });
  const self = { user: own, cookie: await login(app, own) };
  const as = (role: Role) => loggedIn(app, db, role, org.id);
  return { orgId: org.id, framework, team, skills, coach, supervisor, participant, self, as };
}
export type PopWorkplace = Awaited<ReturnType<typeof buildPopWorkplace>>;

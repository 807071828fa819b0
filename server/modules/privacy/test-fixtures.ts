import { eq, sql } from 'drizzle-orm';
import { buildOrganisation, buildParticipant, buildUser } from '../../../test/support/factories';
import { buildFramework, buildObservation } from '../../../test/support/factories-competencies';
import { buildAgreedPlan, planContentFixture } from '../../../test/support/factories-development-plans';
import { buildSkill, buildSkillLevel } from '../../../test/support/factories-iluo';
import { buildAttachment, buildInstrumentResult } from '../../../test/support/factories-instruments';
import { buildPlacement, buildWorkPackage } from '../../../test/support/factories-pathways';
import { buildGrant, buildPapAction, buildPapDomain } from '../../../test/support/factories-sensitive';
import type { Db } from '../../db/client';
import {
  activationCodes,
  auditLog,
  careerEvents,
  consents,
  developmentPlanGoalNotes,
  developmentPlanProposals,
  feedbackConversations,
  indications,
  mailOutbox,
  mentorInvitations,
  participants,
  ratings,
  stakeholders,
} from '../../db/schema';

let counter = 0;

/**
 * An exited participant with something in every section an export covers and an erasure must clear: a login,
 * notes everywhere, a mentor link, a POP, a placement, the whole compartment with an attachment, a grant, audit rows
 * with the participant as actor and a mail that names them. Every free text holds `secret`, so a search for that one
 * word finds every place where something written about the person is kept.
 */
export async function buildFullDossier(db: Db, organisationId?: string) {
  counter += 1;
  const tag = `${Date.now().toString(36)}${counter}`;
  const secret = `Zwartberg${tag}`;
  const orgId = organisationId ?? (await buildOrganisation(db)).id;
  const firstName = 'Marieke';
  const lastName = `Verhaeghe${tag}`;
  const email = `marieke.${tag}@voorbeeld.be`;
  const login = await buildUser(db, {
    organisationId: orgId,
    role: 'participant',
    name: `${firstName} ${lastName}`,
    username: `marieke_${tag}`,
  });
  const { version, competencies } = await buildFramework(db, { organisationId: orgId });
  const p = await buildParticipant(db, {
    organisationId: orgId,
    status: 'exited',
    firstName,
    lastName,
    userId: login.id,
  });
  const coachId = p.coachId as string;
  await db
    .update(participants)
    .set({ email, address: `Kerkstraat 1, ${secret}`, referrerContact: `Jan ${secret}` })
    .where(eq(participants.id, p.id));
  await db
    .update(careerEvents)
    .set({ note: `Uitstroom na gesprek, ${secret}`, exitDestination: 'regular_job' })
    .where(sql`${careerEvents.participantId} = ${p.id} and ${careerEvents.kind} = 'exit'`);
  const base = { organisationId: orgId, participantId: p.id };
  await db.insert(indications).values({
    ...base,
    type: 'wsw',
    supportLevel: 'high',
    validFrom: '2024-01-01',
    note: `Indicering ${secret}`,
  });
  await db
    .insert(stakeholders)
    .values({ ...base, name: `Moeder ${secret}`, relation: 'moeder', contact: '0471 00 00 00', mayBeInvolved: true });
  await db
    .insert(consents)
    .values({ ...base, kind: 'photo', granted: true, recordedOn: '2024-01-10', recordedBy: coachId });
  await db.insert(activationCodes).values({
    organisationId: orgId,
    userId: login.id,
    codeHash: 'hash',
    expiresAt: new Date(Date.now() + 3600_000),
  });

  const [c1, c2] = competencies;
  if (!c1 || !c2) throw new Error('framework without competencies');
  const coachObservation = await buildObservation(db, {
    ...base,
    versionId: version.id,
    raterKind: 'coach',
    raterUserId: coachId,
    note: `Observatie ${secret}`,
    scores: { [c1.id]: 3, [c2.id]: 2 },
  });
  await db
    .update(ratings)
    .set({ note: `Score ${secret}` })
    .where(eq(ratings.observationId, coachObservation.observation.id));
  await buildObservation(db, {
    ...base,
    versionId: version.id,
    raterKind: 'self',
    raterUserId: login.id,
    observedOn: '2025-03-11',
    scores: { [c1.id]: 4 },
  });
  const [mentor] = await db
    .insert(mentorInvitations)
    .values({
      ...base,
      mentorName: `Mentor ${secret}`,
      mentorEmail: `mentor.${tag}@stage.be`,
      hostOrganisation: `Bakkerij ${secret}`,
      tokenHash: `token-${tag}`,
      validFrom: '2025-01-01',
      validUntil: '2025-06-30',
      createdBy: coachId,
    })
    .returning();
  if (!mentor) throw new Error('no mentor link');
  await buildObservation(db, {
    ...base,
    versionId: version.id,
    raterKind: 'mentor',
    mentorInvitationId: mentor.id,
    observedOn: '2025-03-12',
    context: 'stage',
    scores: { [c2.id]: 3 },
  });
  await db.insert(feedbackConversations).values({
    ...base,
    heldOn: '2025-03-15',
    staffIds: [coachId],
    otherAttendees: `Zus ${secret}`,
    wentWell: `Goed ${secret}`,
    toWorkOn: `Werkpunt ${secret}`,
    agreements: `Afspraak ${secret}`,
    createdBy: coachId,
  });

  const skill = await buildSkill(db, { organisationId: orgId, teamId: p.teamId ?? undefined });
  await buildSkillLevel(db, {
    organisationId: orgId,
    skillId: skill.id,
    participantId: p.id,
    level: 3,
    note: `ILUO ${secret}`,
  });
  const content = planContentFixture({ summary: `Ik ben ${firstName} ${secret}`, dreams: `Droom ${secret}` });
  await buildAgreedPlan(db, { ...base, content, createdBy: login.id });
  const goalKey = content.goals[0]?.key ?? crypto.randomUUID();
  await db
    .insert(developmentPlanGoalNotes)
    .values({ ...base, goalKey, text: `Doelnotitie ${secret}`, authorId: login.id });
  await db.insert(developmentPlanProposals).values({
    ...base,
    kind: 'text',
    payload: { section: 'summary', text: `Voorstel ${secret}` },
    message: `Bericht ${secret}`,
    createdBy: login.id,
  });
  const workPackage = await buildWorkPackage(db, { organisationId: orgId, teamId: p.teamId ?? undefined });
  await buildPlacement(db, { ...base, packageId: workPackage.id, fromDate: '2024-02-01', toDate: '2024-06-01' });

  await buildPapDomain(db, { ...base, hinderingFactors: `Schulden ${secret}`, ownView: `Eigen kijk ${secret}` });
  await buildPapAction(db, {
    ...base,
    what: `Afspraak OCMW ${secret}`,
    staffOnly: true,
    staffOnlyReason: `Eerst bespreken ${secret}`,
  });
  const result = await buildInstrumentResult(db, { ...base, note: `Instrument ${secret}`, assessorId: coachId });
  const attachment = await buildAttachment(db, {
    organisationId: orgId,
    resultId: result.id,
    fileName: `verslag-${tag}.pdf`,
  });
  await buildGrant(db, { ...base, reason: `Vervanging ${secret}`, grantedBy: coachId });

  // The participant as actor (their own logins), and a mail to the mentor that names them.
  await db.insert(auditLog).values({
    organisationId: orgId,
    actorId: login.id,
    actorName: `${firstName} ${lastName}`,
    action: 'auth.login',
  });
  await db.insert(auditLog).values({
    organisationId: orgId,
    actorId: coachId,
    actorName: 'Coach',
    action: 'participant.read',
    targetType: 'participant',
    targetId: p.id,
  });
  await db.insert(mailOutbox).values({
    organisationId: orgId,
    to: mentor.mentorEmail,
    subject: 'Uitnodiging',
    body: `Je begeleidt ${firstName} ${lastName} tijdens de stage.`,
  });

  return {
    organisationId: orgId,
    participant: p,
    coachId,
    login,
    secret,
    firstName,
    lastName,
    email,
    attachment,
    mentor,
  };
}

import { randomBytes } from 'node:crypto';
import { and, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { PlanContent } from '#shared/development-plans';
import type { Tx } from '../../db/client';
import {
  activationCodes,
  auditLog,
  developmentPlanProposals,
  developmentPlanVersions,
  feedbackConversations,
  instrumentResults,
  mailOutbox,
  mentorInvitations,
  papActions,
  papDomains,
  participants,
  sensitiveAccessGrants,
  session,
  stakeholders,
  user,
} from '../../db/schema';
import { AppError, fieldError, notFound } from '../../lib/errors';
import { type RequestContext, recordAudit } from '../audit/record';
import type { ParticipantRow } from '../participants/access';
import { eraseHistoryText } from './erase-history';

/**
 * Erasing a participant (shared/privacy.ts): who they are and every word written about them goes, the statistical
 * skeleton stays (dates, statuses, programme, exit destination, scores, levels). One transaction: an erasure that
 * fails halfway leaves the dossier as it was.
 */

const ERASED = 'Verwijderd';

/** "Deelnemer 4F2A": tells erased dossiers apart in a list without saying anything about the person. */
const pseudonym = () => `Deelnemer ${randomBytes(2).toString('hex').toUpperCase()}`;

const normalisedName = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** The plan's structure (dates, statuses, competencies, skills) without a word the participant or coach wrote. */
export function scrubPlanContent(content: PlanContent): PlanContent {
  return {
    ...content,
    summary: '',
    jobTarget: '',
    escoOccupation: null,
    dreams: '',
    workModeReason: '',
    support: '',
    goals: content.goals.map((g) => ({ ...g, what: ERASED, evidence: '', why: '' })),
    actions: content.actions.map((a) => ({ ...a, what: ERASED, ownerName: '' })),
  };
}

/** Locks the dossier and checks it may be erased: exists, not erased yet, trajectory closed. */
export async function openForErasure(tx: Tx, participantId: string): Promise<ParticipantRow> {
  const [row] = await tx.select().from(participants).where(eq(participants.id, participantId)).for('update');
  if (!row) throw notFound('Participant');
  if (row.anonymisedAt) throw new AppError('conflict', 'This participant is already anonymised');
  if (row.status !== 'exited') {
    throw new AppError('conflict', 'Close the trajectory first: only a participant who has exited can be anonymised');
  }
  return row;
}

export function assertConfirmName(row: ParticipantRow, confirmName: string) {
  if (normalisedName(confirmName) !== normalisedName(`${row.firstName} ${row.lastName}`)) {
    throw fieldError('confirmName', 'confirm_mismatch');
  }
}

async function eraseLogin(tx: Tx, loginId: string) {
  await tx.delete(session).where(eq(session.userId, loginId));
  await tx.delete(activationCodes).where(eq(activationCodes.userId, loginId));
  // The user row stays (the app role may not delete it, and self-assessments point at it): deactivated, nameless.
  await tx
    .update(user)
    .set({
      name: 'Anoniem',
      email: `${loginId}@anoniem.invalid`,
      username: null,
      displayUsername: null,
      image: null,
      deactivatedAt: sql`coalesce(${user.deactivatedAt}, now())`,
      updatedAt: new Date(),
    })
    .where(eq(user.id, loginId));
  // The participant's name as the actor of their own actions (migration 0017 allows this one update).
  await tx.update(auditLog).set({ actorName: null }).where(eq(auditLog.actorId, loginId));
}

async function eraseCompartment(tx: Tx, participantId: string) {
  // Attachments go with their results (on delete cascade).
  await tx.delete(instrumentResults).where(eq(instrumentResults.participantId, participantId));
  await tx.delete(papActions).where(eq(papActions.participantId, participantId));
  await tx.delete(papDomains).where(eq(papDomains.participantId, participantId));
  await tx.delete(sensitiveAccessGrants).where(eq(sensitiveAccessGrants.participantId, participantId));
}

async function eraseWork(tx: Tx, row: ParticipantRow) {
  const participantId = row.id;
  await tx.delete(stakeholders).where(eq(stakeholders.participantId, participantId));
  await tx
    .update(feedbackConversations)
    .set({ otherAttendees: null, wentWell: null, toWorkOn: null, agreements: null })
    .where(eq(feedbackConversations.participantId, participantId));
  const versions = await tx
    .select({ id: developmentPlanVersions.id, content: developmentPlanVersions.content })
    .from(developmentPlanVersions)
    .where(eq(developmentPlanVersions.participantId, participantId));
  for (const v of versions) {
    await tx
      .update(developmentPlanVersions)
      .set({ content: scrubPlanContent(v.content) })
      .where(eq(developmentPlanVersions.id, v.id));
  }
  await tx
    .update(developmentPlanProposals)
    .set({ payload: {}, message: '', reply: null })
    .where(eq(developmentPlanProposals.participantId, participantId));
  // Mentor links stay (observations by the mentor point at them), without who the mentor is or a usable token.
  await tx
    .update(mentorInvitations)
    .set({
      mentorName: 'Anoniem',
      mentorEmail: 'anoniem@anoniem.invalid',
      hostOrganisation: null,
      tokenHash: sql`'erased:' || ${mentorInvitations.id}::text`,
      revokedAt: sql`coalesce(${mentorInvitations.revokedAt}, now())`,
    })
    .where(eq(mentorInvitations.participantId, participantId));
  await eraseMails(tx, row);
}

/** The invitation mails to mentors name the participant: the outbox keeps that they were sent, not what they said. */
async function eraseMails(tx: Tx, row: ParticipantRow) {
  const fullName = `%${row.firstName} ${row.lastName}%`;
  const mentionsName = or(ilike(mailOutbox.body, fullName), ilike(mailOutbox.subject, fullName));
  const addresses = [row.email].filter((a): a is string => !!a);
  await tx
    .update(mailOutbox)
    .set({ to: 'anoniem@anoniem.invalid', subject: ERASED, body: ERASED })
    .where(addresses.length ? or(mentionsName, inArray(mailOutbox.to, addresses)) : mentionsName);
}

/**
 * Erases one participant inside the caller's tenant transaction (the route and the retention run share it). The
 * caller checked the policy; `row` comes from openForErasure, so it is locked and erasable.
 */
export async function eraseParticipant(
  tx: Tx,
  ctx: RequestContext,
  row: ParticipantRow,
  reason: string,
  details: Record<string, unknown> = {},
) {
  const anonymisedAt = new Date();
  await eraseCompartment(tx, row.id);
  await eraseWork(tx, row);
  await eraseHistoryText(tx, row.organisationId, row.id, row.userId);
  if (row.userId) await eraseLogin(tx, row.userId);
  await tx
    .update(participants)
    .set({
      firstName: 'Anoniem',
      lastName: pseudonym(),
      // The year stays: age at intake and exit are statistics.
      dateOfBirth: `${row.dateOfBirth.slice(0, 4)}-01-01`,
      email: null,
      phone: null,
      address: null,
      referrerContact: null,
      userId: null,
      archivedAt: row.archivedAt ?? anonymisedAt,
      anonymisedAt,
      updatedAt: anonymisedAt,
    })
    .where(and(eq(participants.id, row.id), eq(participants.organisationId, row.organisationId)));
  // No name, no erased content: the action, the actor, the reason and that it happened.
  await recordAudit(tx, ctx, {
    action: 'privacy.anonymised',
    targetType: 'participant',
    targetId: row.id,
    reason,
    details,
  });
  return { participantId: row.id, anonymisedAt: anonymisedAt.toISOString() };
}

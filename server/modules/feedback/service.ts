import { and, desc, eq } from 'drizzle-orm';
import type { FeedbackCreateBody, FeedbackUpdateBody, MyFeedback, ParticipantFeedback } from '#shared/feedback';
import { todayIso } from '#shared/participants';
import type { Db, Tx } from '../../db/client';
import { feedbackConversations, observations, participants } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { AppError, fieldError, forbidden, notFound } from '../../lib/errors';
import { can } from '../../policy';
import { changedFields, type RequestContext, recordAudit } from '../audit/record';
import { type ParticipantRow, resolveAccess } from '../participants/access';
import { computeCadence, intervalFor } from './cadence';
import {
  assertAfterFirstStart,
  assertStaff,
  checkReviewedObservations,
  loadConversation,
  loadConversations,
  startDates,
} from './conversations';
import { loadRuleScopes } from './rules';

/**
 * Feedback conversations: recorded by a coach of the dossier, a supervisor of its team or the admin; changed by
 * whoever recorded it (while they may still record for the dossier) or the admin; deleted by the admin.
 * A dossier the actor cannot read answers 404; one they read but may not write for, 403; an archived one, 409.
 */

/** Locks the dossier and checks the actor may record feedback for it now. */
async function openForFeedback(tx: Tx, ctx: RequestContext, participantId: string) {
  const access = await resolveAccess(tx, ctx.actor, participantId, true);
  if (!can(ctx.actor, 'feedback.record', access.target)) throw forbidden();
  if (access.row.archivedAt) throw new AppError('conflict', 'This dossier is archived and read-only');
  return access;
}

/** The recorder first, then the others named, each once. */
const staffList = (recorderId: string, others: readonly string[]) => [...new Set([recorderId, ...others])];

const hasContent = (v: { wentWell: string | null; toWorkOn: string | null; agreements: string | null }) =>
  Boolean(v.wentWell || v.toWorkOn || v.agreements);

export function recordFeedback(db: Db, ctx: RequestContext, participantId: string, body: FeedbackCreateBody) {
  const { actor } = ctx;
  return withTenant(db, actor.organisationId, async (tx) => {
    await openForFeedback(tx, ctx, participantId);
    await assertAfterFirstStart(tx, participantId, body.heldOn);
    const staffIds = staffList(actor.id, body.staffIds);
    await assertStaff(tx, staffIds);
    const reviewed = await checkReviewedObservations(tx, participantId, body.heldOn, body.reviewedObservationIds);
    const [row] = await tx
      .insert(feedbackConversations)
      .values({
        organisationId: actor.organisationId,
        participantId,
        heldOn: body.heldOn,
        staffIds,
        participantPresent: body.participantPresent,
        otherAttendees: body.otherAttendees ?? null,
        reviewedObservationIds: reviewed,
        wentWell: body.wentWell ?? null,
        toWorkOn: body.toWorkOn ?? null,
        agreements: body.agreements ?? null,
        createdBy: actor.id,
      })
      .returning({ id: feedbackConversations.id });
    if (!row) throw notFound('Feedback conversation');
    await recordAudit(tx, ctx, {
      action: 'feedback.recorded',
      targetType: 'feedback_conversation',
      targetId: row.id,
      details: { participantId, fields: changedFields(body), reviewedObservations: reviewed.length },
    });
    return loadConversation(tx, row.id);
  });
}

async function findConversation(tx: Tx, id: string) {
  const [row] = await tx.select().from(feedbackConversations).where(eq(feedbackConversations.id, id)).for('update');
  if (!row) throw notFound('Feedback conversation');
  return row;
}

export function updateFeedback(db: Db, ctx: RequestContext, id: string, body: FeedbackUpdateBody) {
  const { actor } = ctx;
  return withTenant(db, actor.organisationId, async (tx) => {
    const stored = await findConversation(tx, id);
    await openForFeedback(tx, ctx, stored.participantId);
    if (actor.role !== 'admin' && stored.createdBy !== actor.id) throw forbidden();

    const next = {
      heldOn: body.heldOn ?? stored.heldOn,
      participantPresent: body.participantPresent ?? stored.participantPresent,
      otherAttendees: body.otherAttendees === undefined ? stored.otherAttendees : body.otherAttendees,
      wentWell: body.wentWell === undefined ? stored.wentWell : body.wentWell,
      toWorkOn: body.toWorkOn === undefined ? stored.toWorkOn : body.toWorkOn,
      agreements: body.agreements === undefined ? stored.agreements : body.agreements,
    };
    if (!hasContent(next)) throw fieldError('wentWell', 'one_required');
    if (body.heldOn) await assertAfterFirstStart(tx, stored.participantId, next.heldOn);
    // The one who recorded it stays among the staff, whoever edits it.
    const staffIds = body.staffIds ? staffList(stored.createdBy, body.staffIds) : stored.staffIds;
    if (body.staffIds) await assertStaff(tx, staffIds, stored.staffIds);
    const reviewed = await checkReviewedObservations(
      tx,
      stored.participantId,
      next.heldOn,
      body.reviewedObservationIds ?? stored.reviewedObservationIds,
      body.reviewedObservationIds === undefined,
    );

    await tx
      .update(feedbackConversations)
      .set({ ...next, staffIds, reviewedObservationIds: reviewed })
      .where(eq(feedbackConversations.id, id));
    await recordAudit(tx, ctx, {
      action: 'feedback.updated',
      targetType: 'feedback_conversation',
      targetId: id,
      details: { participantId: stored.participantId, fields: changedFields(body) },
    });
    return loadConversation(tx, id);
  });
}

export function deleteFeedback(db: Db, ctx: RequestContext, id: string) {
  const { actor } = ctx;
  return withTenant(db, actor.organisationId, async (tx) => {
    const stored = await findConversation(tx, id);
    const access = await resolveAccess(tx, actor, stored.participantId, true);
    if (access.row.archivedAt) throw new AppError('conflict', 'This dossier is archived and read-only');
    await tx.delete(feedbackConversations).where(eq(feedbackConversations.id, id));
    await recordAudit(tx, ctx, {
      action: 'feedback.deleted',
      targetType: 'feedback_conversation',
      targetId: id,
      details: { participantId: stored.participantId, heldOn: stored.heldOn },
    });
  });
}

/** The conversations of one dossier and its cadence, computed by the pure function from a few rows. */
async function feedbackOf(tx: Tx, row: ParticipantRow, today: string): Promise<ParticipantFeedback> {
  const items = await loadConversations(tx, row.id);
  const { lastStart } = await startDates(tx, row.id);
  const rules = await loadRuleScopes(tx);
  const cadence = computeCadence({
    status: row.status,
    archived: row.archivedAt !== null,
    lastHeldOn: items.reduce<string | null>((max, c) => (max === null || c.heldOn > max ? c.heldOn : max), null),
    lastStartOn: lastStart,
    intervalDays: intervalFor(rules, row),
    today,
  });
  return { items, cadence };
}

/** A dossier-level read: audited in the same transaction. */
export function getParticipantFeedback(db: Db, ctx: RequestContext, participantId: string, today = todayIso()) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const { row, target } = await resolveAccess(tx, ctx.actor, participantId);
    if (!can(ctx.actor, 'feedback.read', target)) throw notFound('Participant');
    await recordAudit(tx, ctx, { action: 'feedback.read', targetType: 'participant', targetId: participantId });
    return feedbackOf(tx, row, today);
  });
}

/** GET /me/feedback: the conversations are written for the participant, so they read them in full. */
export function getMyFeedback(db: Db, ctx: RequestContext, today = todayIso()): Promise<MyFeedback> {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const [own] = await tx.select().from(participants).where(eq(participants.userId, ctx.actor.id));
    if (!own || !can(ctx.actor, 'feedback.read', { userId: own.userId })) throw notFound('Participant');
    await recordAudit(tx, ctx, {
      action: 'feedback.read',
      targetType: 'participant',
      targetId: own.id,
      details: { own: true },
    });
    const { items, cadence } = await feedbackOf(tx, own, today);
    const [lastSelf] = await tx
      .select({ id: observations.id, observedOn: observations.observedOn })
      .from(observations)
      .where(and(eq(observations.participantId, own.id), eq(observations.raterKind, 'self')))
      .orderBy(desc(observations.observedOn), desc(observations.createdAt), desc(observations.id))
      .limit(1);
    return {
      nextDueOn: cadence.nextDueOn,
      state: cadence.state,
      conversations: items,
      lastSelfAssessment: lastSelf ?? null,
    };
  });
}

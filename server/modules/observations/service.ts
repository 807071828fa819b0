import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Observation,
  ObservationInput,
  observationListQuery,
  RaterKind,
  selfAssessmentInput,
} from '#shared/observations';
import type { Db, Tx } from '../../db/client';
import { observations, participants, ratings } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { can } from '../../policy';
import { type RequestContext, recordAudit } from '../audit/record';
import { resolveAccess } from '../participants/access';
import { recomputeKeys } from './latest';
import { justStored, loadObservation, pageOfParticipant } from './read';
import { checkObservation } from './rules';
import { assertSameDraft, findByClientKey, insertObservation, type NewObservation } from './write';

export interface Saved {
  observation: Observation;
  /** false: the draft was stored before (a retry after a lost connection); nothing new was written. */
  created: boolean;
}

/** Staff rate in the series of their role; the policy lets only coaches and supervisors create observations. */
const seriesOf = (role: string): RaterKind => (role === 'coach' ? 'coach' : 'supervisor');

async function stored(tx: Tx, id: string): Promise<Saved> {
  const observation = await loadObservation(tx, id);
  if (!observation) throw notFound('Observation');
  return { observation, created: false };
}

type StaffOrSelfInput = Omit<ObservationInput, 'participantId'>;

/**
 * One observation of a logged-in rater (staff or the participant themselves) for a participant whose row the caller
 * has locked: a retried draft answers the stored one; otherwise the rules, the write and its audit record.
 */
async function saveAsRater(
  tx: Tx,
  ctx: RequestContext,
  participant: { id: string; archivedAt: Date | null },
  raterKind: RaterKind,
  body: StaffOrSelfInput,
): Promise<Saved> {
  const { actor } = ctx;
  const draft = await findByClientKey(tx, body.clientKey);
  if (draft) {
    assertSameDraft(draft, { participantId: participant.id, raterUserId: actor.id, mentorInvitationId: null });
    return stored(tx, draft.id);
  }
  const version = await checkObservation(tx, participant, body);
  const observation: NewObservation = {
    organisationId: actor.organisationId,
    participantId: participant.id,
    raterKind,
    raterUserId: actor.id,
    mentorInvitationId: null,
    context: body.context,
    observedOn: body.observedOn,
    note: body.note,
    clientKey: body.clientKey,
    version,
    ratings: body.ratings,
  };
  const written = await insertObservation(tx, observation);
  await recordAudit(tx, ctx, {
    action: 'observation.created',
    targetType: 'observation',
    targetId: written.id,
    details: { participantId: participant.id, raterKind, context: body.context, ratingCount: body.ratings.length },
  });
  return { observation: justStored(observation, written, actor.name), created: true };
}

/**
 * POST /observations: a supervisor scores a participant of their team, a coach one of their caseload. The
 * participant row is locked, so writes for one participant (and their cache rows) go one after the other.
 */
export function createObservation(db: Db, ctx: RequestContext, body: ObservationInput): Promise<Saved> {
  const { actor } = ctx;
  return withTenant(db, actor.organisationId, async (tx) => {
    const { row, target } = await resolveAccess(tx, actor, body.participantId, true);
    if (!can(actor, 'observation.create', target)) throw notFound('Participant');
    return saveAsRater(tx, ctx, row, seriesOf(actor.role), body);
  });
}

/** POST /me/self-assessments: the participant linked to the login scores themselves, and nobody else. */
export function createSelfAssessment(
  db: Db,
  ctx: RequestContext,
  body: z.infer<typeof selfAssessmentInput>,
): Promise<Saved> {
  const { actor } = ctx;
  return withTenant(db, actor.organisationId, async (tx) => {
    const [row] = await tx.select().from(participants).where(eq(participants.userId, actor.id)).for('update');
    if (!row || !can(actor, 'observation.self', { userId: row.userId })) throw notFound('Participant');
    return saveAsRater(tx, ctx, row, 'self', body);
  });
}

/**
 * GET /participants/:id/observations: whoever reaches the dossier reads its observations; the read is recorded
 * like a dossier read. The participant themselves gets every note blanked.
 */
export function listObservations(
  db: Db,
  ctx: RequestContext,
  participantId: string,
  q: z.infer<typeof observationListQuery>,
) {
  const { actor } = ctx;
  return withTenant(db, actor.organisationId, async (tx) => {
    const { target } = await resolveAccess(tx, actor, participantId);
    if (!can(actor, 'observation.read', target)) throw notFound('Participant');
    await recordAudit(tx, ctx, {
      action: 'observation.list_read',
      targetType: 'participant',
      targetId: participantId,
      details: { raterKind: q.raterKind ?? null, offset: q.offset, limit: q.limit },
    });
    return pageOfParticipant(tx, participantId, q, actor.role === 'participant');
  });
}

/**
 * DELETE /observations/:id: an observation is taken back whole, by its own rater or by the admin. Whoever may not
 * reach the participant does not learn it exists (404); a colleague who does reach it is refused (403).
 * The cache keys it touched get the newest rating that is left.
 */
export function deleteObservation(db: Db, ctx: RequestContext, id: string) {
  const { actor } = ctx;
  return withTenant(db, actor.organisationId, async (tx) => {
    const [found] = await tx
      .select({
        participantId: observations.participantId,
        raterKind: observations.raterKind,
        raterUserId: observations.raterUserId,
      })
      .from(observations)
      .where(eq(observations.id, id));
    if (!found) throw notFound('Observation');
    const { row, target } = await resolveAccess(tx, actor, found.participantId, true).catch((err: unknown) => {
      throw err instanceof AppError && err.code === 'not_found' ? notFound('Observation') : err;
    });
    if (!can(actor, 'observation.read', target)) throw notFound('Observation');
    if (actor.role !== 'admin' && found.raterUserId !== actor.id) throw forbidden();
    if (row.archivedAt) throw new AppError('conflict', 'This dossier is archived and read-only');

    const keys = await tx.select({ key: ratings.competencyKey }).from(ratings).where(eq(ratings.observationId, id));
    await tx.delete(observations).where(eq(observations.id, id));
    await recomputeKeys(
      tx,
      found.participantId,
      found.raterKind,
      keys.map((k) => k.key),
    );
    await recordAudit(tx, ctx, {
      action: 'observation.deleted',
      targetType: 'observation',
      targetId: id,
      details: { participantId: found.participantId, raterKind: found.raterKind, ratingCount: keys.length },
    });
  });
}

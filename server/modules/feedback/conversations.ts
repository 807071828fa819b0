import { aliasedTable, and, desc, eq, inArray, isNull, ne, type SQL, sql } from 'drizzle-orm';
import type { FeedbackConversation } from '#shared/feedback';
import type { Tx } from '../../db/client';
import { careerEvents, feedbackConversations, observations, user } from '../../db/schema';
import { fieldError, notFound } from '../../lib/errors';

/**
 * Reading and checking feedback conversations inside a caller's transaction. Who may do what is decided by the
 * services (service.ts); this file knows the rows.
 */

type Named = { id: string; name: string };
type Reviewed = FeedbackConversation['reviewedObservations'][number];

const recorder = aliasedTable(user, 'recorder');
const fc = feedbackConversations;

/**
 * The staff by name and the reviewed observations (those that still exist and are this participant's), built in
 * the same statement; the join on the recorder makes drizzle qualify every column, which the subqueries need.
 */
const staffOf = sql<
  Named[]
>`coalesce((select json_agg(json_build_object('id', u.id, 'name', u.name) order by u.name, u.id)
  from ${user} u where u.id = any(${fc.staffIds})), '[]'::json)`;
const reviewedOf = sql<Reviewed[]>`coalesce((select json_agg(json_build_object('id', o.id, 'observedOn', o.observed_on,
    'raterKind', o.rater_kind) order by o.observed_on desc, o.id)
  from ${observations} o where o.id = any(${fc.reviewedObservationIds}) and o.participant_id = ${fc.participantId}), '[]'::json)`;

async function selectConversations(tx: Tx, where: SQL | undefined): Promise<FeedbackConversation[]> {
  const rows = await tx
    .select({
      id: fc.id,
      participantId: fc.participantId,
      heldOn: fc.heldOn,
      staff: staffOf,
      participantPresent: fc.participantPresent,
      otherAttendees: fc.otherAttendees,
      reviewedObservations: reviewedOf,
      wentWell: fc.wentWell,
      toWorkOn: fc.toWorkOn,
      agreements: fc.agreements,
      createdBy: fc.createdBy,
      recorderName: recorder.name,
      createdAt: fc.createdAt,
    })
    .from(fc)
    .leftJoin(recorder, eq(recorder.id, fc.createdBy))
    .where(where)
    .orderBy(desc(fc.heldOn), desc(fc.createdAt), desc(fc.id));
  return rows.map(({ createdBy, recorderName, createdAt, ...row }) => ({
    ...row,
    recordedBy: recorderName === null ? null : { id: createdBy, name: recorderName },
    createdAt: createdAt.toISOString(),
  }));
}

/** Every conversation of one participant, newest first. */
export const loadConversations = (tx: Tx, participantId: string) =>
  selectConversations(tx, eq(fc.participantId, participantId));

export async function loadConversation(tx: Tx, id: string): Promise<FeedbackConversation> {
  const [found] = await selectConversations(tx, eq(fc.id, id));
  if (!found) throw notFound('Feedback conversation');
  return found;
}

/** The dates the cadence and the checks need from the career events. */
export async function startDates(tx: Tx, participantId: string) {
  const [row] = await tx
    .select({
      firstStart: sql<string | null>`min(${careerEvents.date}) filter (where ${careerEvents.kind} = 'start')`,
      lastStart: sql<
        string | null
      >`max(${careerEvents.date}) filter (where ${careerEvents.kind} in ('start', 'resume'))`,
    })
    .from(careerEvents)
    .where(eq(careerEvents.participantId, participantId));
  return { firstStart: row?.firstStart ?? null, lastStart: row?.lastStart ?? null };
}

/** A conversation is about work done here: not before the participant's first start. */
export async function assertAfterFirstStart(tx: Tx, participantId: string, heldOn: string) {
  const { firstStart } = await startDates(tx, participantId);
  if (!firstStart || heldOn < firstStart) throw fieldError('heldOn', 'before_start');
}

/**
 * The staff present: active staff members of the organisation (row-level security hides the others). Someone
 * already on the conversation may stay after being deactivated: they did take part.
 */
export async function assertStaff(tx: Tx, ids: readonly string[], kept: readonly string[] = []) {
  const toCheck = ids.filter((id) => !kept.includes(id));
  if (!toCheck.length) return;
  const found = await tx
    .select({ id: user.id })
    .from(user)
    .where(and(inArray(user.id, toCheck), ne(user.role, 'participant'), isNull(user.deactivatedAt)));
  if (found.length !== toCheck.length) throw fieldError('staffIds', 'not_staff');
}

/**
 * The reviewed observations must be this participant's and made on or before the conversation. Returns the ids to
 * store; with `dropMissing` (ids kept from before, not sent again) an observation deleted since is left out quietly.
 */
export async function checkReviewedObservations(
  tx: Tx,
  participantId: string,
  heldOn: string,
  ids: readonly string[],
  dropMissing = false,
): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  const found = await tx
    .select({ id: observations.id, participantId: observations.participantId, observedOn: observations.observedOn })
    .from(observations)
    .where(inArray(observations.id, unique));
  const byId = new Map(found.map((o) => [o.id, o]));
  const kept: string[] = [];
  for (const id of unique) {
    const o = byId.get(id);
    if (!o && dropMissing) continue;
    if (!o || o.participantId !== participantId) throw fieldError('reviewedObservationIds', 'not_of_participant');
    if (o.observedOn > heldOn) throw fieldError('reviewedObservationIds', 'after_conversation');
    kept.push(id);
  }
  return kept;
}

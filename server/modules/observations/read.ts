import { and, asc, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Page } from '#shared/common';
import type { Observation, RaterKind } from '#shared/observations';
import type { Tx } from '../../db/client';
import {
  competencies,
  competencyFrameworkVersions,
  mentorInvitations,
  observations,
  ratings,
  user,
} from '../../db/schema';
import type { NewObservation } from './write';

/** Newest first: by date, then by when it was recorded; the id keeps pages from overlapping. */
const newestFirst = [desc(observations.observedOn), desc(observations.createdAt), desc(observations.id)];

/**
 * Observations in the shape of the contract, with their ratings in the order of the version's competencies.
 * hideNotes: a participant reading their own observations gets no notes (they are the staff's working notes).
 */
async function shape(tx: Tx, where: SQL | undefined, page: Page, hideNotes: boolean) {
  const rows = await tx
    .select({
      id: observations.id,
      participantId: observations.participantId,
      raterKind: observations.raterKind,
      raterUserId: observations.raterUserId,
      raterName: user.name,
      mentorName: mentorInvitations.mentorName,
      versionId: observations.frameworkVersionId,
      frameworkId: competencyFrameworkVersions.frameworkId,
      versionNumber: competencyFrameworkVersions.number,
      observedOn: observations.observedOn,
      context: observations.context,
      note: observations.note,
      createdAt: observations.createdAt,
    })
    .from(observations)
    .innerJoin(competencyFrameworkVersions, eq(competencyFrameworkVersions.id, observations.frameworkVersionId))
    .leftJoin(user, eq(user.id, observations.raterUserId))
    .leftJoin(mentorInvitations, eq(mentorInvitations.id, observations.mentorInvitationId))
    .where(where)
    .orderBy(...newestFirst)
    .limit(page.limit)
    .offset(page.offset);
  if (!rows.length) return [];

  const scores = await tx
    .select({
      observationId: ratings.observationId,
      competencyId: ratings.competencyId,
      competencyKey: ratings.competencyKey,
      competencyName: competencies.name,
      score: ratings.score,
      note: ratings.note,
    })
    .from(ratings)
    .innerJoin(competencies, eq(competencies.id, ratings.competencyId))
    .where(
      inArray(
        ratings.observationId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(competencies.position));
  const byObservation = new Map<string, Observation['ratings']>();
  for (const s of scores) {
    const list = byObservation.get(s.observationId) ?? [];
    list.push({
      competencyId: s.competencyId,
      competencyKey: s.competencyKey,
      competencyName: s.competencyName,
      score: s.score,
      note: hideNotes ? null : s.note,
    });
    byObservation.set(s.observationId, list);
  }

  return rows.map(
    (r): Observation => ({
      id: r.id,
      participantId: r.participantId,
      raterKind: r.raterKind,
      rater: { id: r.raterUserId, name: (r.raterKind === 'mentor' ? r.mentorName : r.raterName) ?? '' },
      frameworkVersion: { id: r.versionId, frameworkId: r.frameworkId, number: r.versionNumber },
      observedOn: r.observedOn,
      context: r.context,
      note: hideNotes ? null : r.note,
      ratings: byObservation.get(r.id) ?? [],
      createdAt: r.createdAt.toISOString(),
    }),
  );
}

/**
 * An observation just written, in the shape `shape` reads (a test holds the two equal), built from what was written
 * instead of read back: two statements fewer on every save.
 */
export function justStored(o: NewObservation, stored: { id: string; createdAt: Date }, raterName: string): Observation {
  const competencyOf = (id: string) => o.version.competencies.get(id);
  return {
    id: stored.id,
    participantId: o.participantId,
    raterKind: o.raterKind,
    rater: { id: o.raterUserId, name: raterName },
    frameworkVersion: { id: o.version.id, frameworkId: o.version.frameworkId, number: o.version.number },
    observedOn: o.observedOn,
    context: o.context,
    note: o.note || null,
    ratings: [...o.ratings]
      .sort((a, b) => (competencyOf(a.competencyId)?.position ?? 0) - (competencyOf(b.competencyId)?.position ?? 0))
      .map((r) => ({
        competencyId: r.competencyId,
        competencyKey: competencyOf(r.competencyId)?.key ?? '',
        competencyName: competencyOf(r.competencyId)?.name ?? '',
        score: r.score,
        note: r.note || null,
      })),
    createdAt: stored.createdAt.toISOString(),
  };
}

export async function loadObservation(tx: Tx, id: string, hideNotes = false): Promise<Observation | undefined> {
  const [found] = await shape(tx, eq(observations.id, id), { limit: 1, offset: 0 }, hideNotes);
  return found;
}

export async function pageOfParticipant(
  tx: Tx,
  participantId: string,
  q: Page & { raterKind?: RaterKind },
  hideNotes: boolean,
) {
  const where = and(
    eq(observations.participantId, participantId),
    q.raterKind ? eq(observations.raterKind, q.raterKind) : undefined,
  );
  const items = await shape(tx, where, q, hideNotes);
  const [total] = await tx.select({ n: count() }).from(observations).where(where);
  return { items, total: total?.n ?? 0 };
}

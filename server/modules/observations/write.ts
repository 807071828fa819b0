import { eq } from 'drizzle-orm';
import type { ObservationContext, RaterKind } from '#shared/observations';
import type { Tx } from '../../db/client';
import { observations, ratings } from '../../db/schema';
import { AppError, fieldError } from '../../lib/errors';
import { cacheNewObservation } from './latest';
import type { VersionForRating } from './rules';

export interface NewObservation {
  organisationId: string;
  participantId: string;
  raterKind: RaterKind;
  raterUserId: string | null;
  mentorInvitationId: string | null;
  context: ObservationContext;
  observedOn: string;
  note?: string | null;
  clientKey?: string;
  version: VersionForRating;
  ratings: readonly { competencyId: string; score: number; note?: string | null }[];
}

/** The draft already stored under this key (keys are unique per organisation). */
export async function findByClientKey(tx: Tx, clientKey: string | undefined) {
  if (!clientKey) return undefined;
  const [found] = await tx
    .select({
      id: observations.id,
      participantId: observations.participantId,
      raterUserId: observations.raterUserId,
      mentorInvitationId: observations.mentorInvitationId,
      observedOn: observations.observedOn,
    })
    .from(observations)
    .where(eq(observations.clientKey, clientKey));
  return found;
}

/**
 * A retried draft is answered with the stored observation only when it is the same rater's draft for the same
 * participant; a key someone else used (a forged or reused key) is refused rather than revealing their observation.
 */
export function assertSameDraft(
  stored: { participantId: string; raterUserId: string | null; mentorInvitationId: string | null },
  expected: { participantId: string; raterUserId: string | null; mentorInvitationId: string | null },
) {
  if (
    stored.participantId !== expected.participantId ||
    stored.raterUserId !== expected.raterUserId ||
    stored.mentorInvitationId !== expected.mentorInvitationId
  ) {
    throw new AppError('conflict', 'This draft key is already in use', { clientKey: 'already_in_use' });
  }
}

/** The constraint behind a database refusal, looked for through the driver's wrappers. */
function constraintOf(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; e && depth < 5; depth++) {
    const candidate = e as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string' && typeof candidate.constraint === 'string') return candidate.constraint;
    e = candidate.cause;
  }
  return undefined;
}

/**
 * The checks in rules.ts run first; the database's own keys are the last word (a version removed in between, a
 * competency of another version, the same draft sent twice at once). Their refusals become the same field errors.
 */
export function mapWriteRefusal(err: unknown): unknown {
  switch (constraintOf(err)) {
    case 'ratings_competency_fk':
      return fieldError('ratings', 'not_in_version');
    case 'observations_version_fk':
      return fieldError('frameworkVersionId', 'unknown_reference');
    case 'observations_client_key_unique':
      return new AppError('conflict', 'This draft key is already in use', { clientKey: 'already_in_use' });
    default:
      return err;
  }
}

/**
 * Stores an observation with its ratings (each carrying copies of the participant, rater kind, key and date for the
 * evolution chart's index) and offers them to the latest-ratings cache, all in the caller's transaction.
 */
export async function insertObservation(tx: Tx, o: NewObservation): Promise<{ id: string; createdAt: Date }> {
  try {
    const [row] = await tx
      .insert(observations)
      .values({
        organisationId: o.organisationId,
        participantId: o.participantId,
        frameworkVersionId: o.version.id,
        raterKind: o.raterKind,
        raterUserId: o.raterUserId,
        mentorInvitationId: o.mentorInvitationId,
        observedOn: o.observedOn,
        context: o.context,
        note: o.note || null,
        clientKey: o.clientKey ?? null,
      })
      .returning({ id: observations.id, createdAt: observations.createdAt });
    if (!row) throw new Error('observation not stored');
    await tx.insert(ratings).values(
      o.ratings.map((r) => ({
        organisationId: o.organisationId,
        observationId: row.id,
        competencyId: r.competencyId,
        frameworkVersionId: o.version.id,
        participantId: o.participantId,
        raterKind: o.raterKind,
        // Checked against the version before: every id is in the map.
        competencyKey: o.version.competencies.get(r.competencyId)?.key ?? '',
        observedOn: o.observedOn,
        score: r.score,
        note: r.note || null,
      })),
    );
    await cacheNewObservation(tx, row.id);
    return row;
  } catch (err) {
    throw mapWriteRefusal(err);
  }
}

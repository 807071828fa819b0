import { and, eq, min, sql } from 'drizzle-orm';
import type { ScaleLevel } from '#shared/competencies';
import { queryRows, type Tx } from '../../db/client';
import { careerEvents, competencies, competencyFrameworkVersions } from '../../db/schema';
import { AppError } from '../../lib/errors';

/**
 * The rules every observation obeys, whoever gives it (supervisor, coach, participant, mentor): the scores fit
 * the framework version they are given in, and the date falls in the participant's path. Each refusal is a
 * clear 4xx; the checks run before anything is written, so nothing is stored on a refusal.
 */

export interface VersionForRating {
  id: string;
  frameworkId: string;
  number: number;
  scale: ScaleLevel[];
  /** Competency id → its key, name and position within the version. */
  competencies: Map<string, { key: string; name: string; position: number }>;
}

interface VersionJson {
  id: string;
  frameworkId: string;
  number: number;
  scale: ScaleLevel[];
  competencies: { id: string; key: string; name: string; position: number }[];
}

const asVersion = (v: VersionJson): VersionForRating => ({
  id: v.id,
  frameworkId: v.frameworkId,
  number: v.number,
  scale: v.scale,
  competencies: new Map(v.competencies.map((c) => [c.id, { key: c.key, name: c.name, position: c.position }])),
});

/**
 * What an observation is checked against, in one statement (a save's round trips cost more than these reads): the
 * participant's first start and the framework version with its competencies. Row-level security hides another
 * organisation's version, so it reads as unknown.
 */
async function loadFacts(tx: Tx, participantId: string, versionId: string) {
  const [row] = await queryRows<{ first_start: string | null; version: VersionJson | null }>(
    tx,
    sql`select
      (select min(e.date)::text from ${careerEvents} e
        where e.participant_id = ${participantId} and e.kind = 'start') as first_start,
      (select json_build_object('id', v.id, 'frameworkId', v.framework_id, 'number', v.number, 'scale', v.scale,
          'competencies', coalesce((select json_agg(json_build_object('id', c.id, 'key', c.key, 'name', c.name,
              'position', c.position) order by c.position)
            from ${competencies} c where c.version_id = v.id), '[]'::json))
        from ${competencyFrameworkVersions} v where v.id = ${versionId}) as version`,
  );
  return { firstStart: row?.first_start ?? null, version: row?.version ? asVersion(row.version) : undefined };
}

export interface RatingCandidate {
  competencyId: string;
  score: number;
}

/**
 * Field errors of the ratings against their version: a competency of another version (or none), a score above the
 * version's scale. Scores below 1 and duplicate competencies are refused by the contract already.
 */
export function ratingProblems(
  version: Pick<VersionForRating, 'scale' | 'competencies'>,
  ratings: readonly RatingCandidate[],
): Record<string, string> {
  const fields: Record<string, string> = {};
  ratings.forEach((r, i) => {
    if (!version.competencies.has(r.competencyId)) fields[`ratings.${i}.competencyId`] = 'not_in_version';
    if (!Number.isInteger(r.score) || r.score < 1 || r.score > version.scale.length) {
      fields[`ratings.${i}.score`] = 'out_of_scale';
    }
  });
  return fields;
}

/** The date of the participant's first start: a participant who never started has no scores yet. */
export async function firstStartOf(tx: Tx, participantId: string): Promise<string | null> {
  const [row] = await tx
    .select({ first: min(careerEvents.date) })
    .from(careerEvents)
    .where(and(eq(careerEvents.participantId, participantId), eq(careerEvents.kind, 'start')));
  return row?.first ?? null;
}

export interface DatedInput {
  frameworkVersionId: string;
  observedOn: string;
  ratings: readonly RatingCandidate[];
}

/**
 * Checks an observation for one participant and answers the version it is given in. The state of the dossier
 * first (archived or never started: 409), then every field problem at once (400): the version, the ratings, and
 * the date against the first start and, for a mentor link, the link's period.
 */
export async function checkObservation(
  tx: Tx,
  participant: { id: string; archivedAt: Date | null },
  input: DatedInput,
  period?: { validFrom: string; validUntil: string },
): Promise<VersionForRating> {
  if (participant.archivedAt) throw new AppError('conflict', 'This dossier is archived and read-only');
  const { firstStart, version } = await loadFacts(tx, participant.id, input.frameworkVersionId);
  if (!firstStart) throw new AppError('not_started', 'This participant has not started yet: there is nothing to score');

  const fields: Record<string, string> = {};
  if (!version) fields.frameworkVersionId = 'unknown_reference';
  else Object.assign(fields, ratingProblems(version, input.ratings));
  if (input.observedOn < firstStart) fields.observedOn = 'before_start';
  else if (period && (input.observedOn < period.validFrom || input.observedOn > period.validUntil)) {
    fields.observedOn = 'outside_link_period';
  }
  if (!version || Object.keys(fields).length) {
    throw new AppError('validation_failed', 'Some fields are invalid', fields);
  }
  return version;
}

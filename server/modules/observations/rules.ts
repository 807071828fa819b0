import { and, asc, eq, min } from 'drizzle-orm';
import type { ScaleLevel } from '#shared/competencies';
import type { Tx } from '../../db/client';
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

/** A framework version of the actor's organisation (row-level security hides every other), or undefined. */
export async function loadVersion(tx: Tx, versionId: string): Promise<VersionForRating | undefined> {
  const [version] = await tx
    .select({
      id: competencyFrameworkVersions.id,
      frameworkId: competencyFrameworkVersions.frameworkId,
      number: competencyFrameworkVersions.number,
      scale: competencyFrameworkVersions.scale,
    })
    .from(competencyFrameworkVersions)
    .where(eq(competencyFrameworkVersions.id, versionId));
  if (!version) return undefined;
  const rows = await tx
    .select({ id: competencies.id, key: competencies.key, name: competencies.name, position: competencies.position })
    .from(competencies)
    .where(eq(competencies.versionId, versionId))
    .orderBy(asc(competencies.position));
  return {
    ...version,
    competencies: new Map(rows.map((r) => [r.id, { key: r.key, name: r.name, position: r.position }])),
  };
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
  const firstStart = await firstStartOf(tx, participant.id);
  if (!firstStart) throw new AppError('not_started', 'This participant has not started yet: there is nothing to score');

  const fields: Record<string, string> = {};
  const version = await loadVersion(tx, input.frameworkVersionId);
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

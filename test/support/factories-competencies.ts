import { sql } from 'drizzle-orm';
import type { ScaleLevel } from '#shared/competencies';
import type { ObservationContext, RaterKind } from '#shared/observations';
import type { Db } from '../../server/db/client';
import {
  competencies,
  competencyFrameworks,
  competencyFrameworkVersions,
  latestRatings,
  observations,
  ratings,
} from '../../server/db/schema';
import { buildOrganisation, buildParticipant, buildUser } from './factories';

/**
 * Frameworks and observations written straight to the database as the owner (like ./factories.ts), for tests of
 * features that read ratings. The observations service is the only production writer; buildObservation keeps the
 * latest-ratings cache the same way so both agree.
 */

let counter = 0;
const next = () => `${Date.now().toString(36)}${(++counter).toString(36)}`;

export const fourLevelScale: ScaleLevel[] = [
  { value: 1, label: 'Nog niet', meaning: 'Dit lukt nog niet.', pictogram: 'seed' },
  { value: 2, label: 'Soms', meaning: 'Dit lukt soms, met hulp.', pictogram: 'sprout' },
  { value: 3, label: 'Meestal', meaning: 'Dit lukt meestal zelf.', pictogram: 'plant' },
  { value: 4, label: 'Altijd', meaning: 'Dit lukt altijd, ik kan het anderen tonen.', pictogram: 'tree' },
];

export async function buildFramework(
  db: Db,
  overrides: {
    organisationId?: string;
    name?: string;
    isDefault?: boolean;
    keys?: string[];
    scale?: ScaleLevel[];
  } = {},
) {
  const organisationId = overrides.organisationId ?? (await buildOrganisation(db)).id;
  const scale = overrides.scale ?? fourLevelScale;
  const [framework] = await db
    .insert(competencyFrameworks)
    .values({ organisationId, name: overrides.name ?? `Kader ${next()}`, isDefault: overrides.isDefault ?? true })
    .returning();
  if (!framework) throw new Error('no framework');
  const version = await buildFrameworkVersion(db, {
    organisationId,
    frameworkId: framework.id,
    number: 1,
    scale,
    keys: overrides.keys ?? ['samenwerken', 'stiptheid', 'zorgvuldigheid'],
  });
  return { framework, ...version };
}

export async function buildFrameworkVersion(
  db: Db,
  input: { organisationId: string; frameworkId: string; number: number; scale?: ScaleLevel[]; keys: string[] },
) {
  const scale = input.scale ?? fourLevelScale;
  const [version] = await db
    .insert(competencyFrameworkVersions)
    .values({ organisationId: input.organisationId, frameworkId: input.frameworkId, number: input.number, scale })
    .returning();
  if (!version) throw new Error('no version');
  const rows = await db
    .insert(competencies)
    .values(
      input.keys.map((key, position) => ({
        organisationId: input.organisationId,
        versionId: version.id,
        key,
        position,
        name: key.replace(/_/g, ' '),
        description: `Uitleg bij ${key}.`,
        indicators: scale.map((level) => `${key}: ${level.label}`),
      })),
    )
    .returning();
  return { version, competencies: rows };
}

/**
 * One observation with its ratings. `scores` maps competency ids (of `versionId`) to a score. Missing parents are
 * created: a rater of the matching role when raterUserId is not given (mentor observations need mentorInvitationId).
 */
export async function buildObservation(
  db: Db,
  input: {
    organisationId: string;
    participantId: string;
    versionId: string;
    raterKind?: RaterKind;
    raterUserId?: string | null;
    mentorInvitationId?: string | null;
    observedOn?: string;
    context?: ObservationContext;
    note?: string | null;
    scores: Record<string, number>;
  },
) {
  const raterKind = input.raterKind ?? 'supervisor';
  const raterRole = raterKind === 'self' ? 'participant' : raterKind === 'coach' ? 'coach' : 'supervisor';
  const raterUserId =
    input.raterUserId !== undefined || raterKind === 'mentor'
      ? (input.raterUserId ?? null)
      : (await buildUser(db, { organisationId: input.organisationId, role: raterRole })).id;
  const [observation] = await db
    .insert(observations)
    .values({
      organisationId: input.organisationId,
      participantId: input.participantId,
      frameworkVersionId: input.versionId,
      raterKind,
      raterUserId,
      mentorInvitationId: input.mentorInvitationId ?? null,
      observedOn: input.observedOn ?? '2025-03-10',
      context: input.context ?? 'werkvloer',
      note: input.note ?? null,
    })
    .returning();
  if (!observation) throw new Error('no observation');
  const keys = await db
    .select({ id: competencies.id, key: competencies.key })
    .from(competencies)
    .where(sql`${competencies.versionId} = ${input.versionId}`);
  const keyOf = new Map(keys.map((k) => [k.id, k.key]));
  const rows = Object.entries(input.scores).map(([competencyId, score]) => {
    const competencyKey = keyOf.get(competencyId);
    if (!competencyKey) throw new Error(`competency ${competencyId} is not in version ${input.versionId}`);
    return {
      organisationId: input.organisationId,
      observationId: observation.id,
      competencyId,
      frameworkVersionId: input.versionId,
      participantId: input.participantId,
      raterKind,
      competencyKey,
      observedOn: observation.observedOn,
      score,
      note: null,
    };
  });
  if (rows.length) {
    await db.insert(ratings).values(rows);
    await db
      .insert(latestRatings)
      .values(
        rows.map((r) => ({
          organisationId: r.organisationId,
          participantId: r.participantId,
          raterKind: r.raterKind,
          competencyKey: r.competencyKey,
          score: r.score,
          observedOn: r.observedOn,
          observationId: r.observationId,
          competencyId: r.competencyId,
          frameworkVersionId: r.frameworkVersionId,
          observationCreatedAt: observation.createdAt,
        })),
      )
      .onConflictDoUpdate({
        target: [latestRatings.participantId, latestRatings.raterKind, latestRatings.competencyKey],
        set: {
          score: sql`excluded.score`,
          observedOn: sql`excluded.observed_on`,
          observationId: sql`excluded.observation_id`,
          competencyId: sql`excluded.competency_id`,
          frameworkVersionId: sql`excluded.framework_version_id`,
          observationCreatedAt: sql`excluded.observation_created_at`,
        },
        // The newer observation wins: by date, then by when it was recorded.
        setWhere: sql`(excluded.observed_on, excluded.observation_created_at) >= (${latestRatings.observedOn}, ${latestRatings.observationCreatedAt})`,
      });
  }
  return { observation, ratings: rows };
}

/** A participant in an organisation that has a default framework: the usual start of a ratings test. */
export async function buildRatedParticipant(db: Db, overrides: { organisationId?: string; teamId?: string } = {}) {
  const organisationId = overrides.organisationId ?? (await buildOrganisation(db)).id;
  const framework = await buildFramework(db, { organisationId });
  const participant = await buildParticipant(db, { organisationId, teamId: overrides.teamId });
  return { organisationId, participant, ...framework };
}

import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CompetencyEvolution, competencyEvolutionQuery, EvolutionPoint } from '#shared/competency-profile';
import { type RaterKind, raterKinds } from '#shared/observations';
import { type Db, queryRows } from '../../db/client';
import { withTenant } from '../../db/tenant';
import { type RequestContext, recordAudit } from '../audit/record';
import { openParticipantRatings } from './access';
import { type CurrentFrameworkRow, currentFrameworkJson, defaultFrameworkId, frameworkRef } from './framework';

interface FrameworkRow {
  framework: CurrentFrameworkRow | null;
  versions: { id: string; number: number; startedOn: string }[];
  /** Every key the framework ever had, with the name of the newest version that has it. */
  keys: { key: string; name: string }[];
}

interface RatingRow {
  competency_key: string;
  rater_kind: RaterKind;
  observed_on: string;
  score: number;
  framework_version_id: string;
}

/** The framework's versions (with the day each started, in Belgium) and its competency keys: a few dozen rows. */
const frameworkQuery = sql`
  select
    ${currentFrameworkJson} as framework,
    coalesce((
      select json_agg(json_build_object('id', v.id, 'number', v.number,
        'startedOn', (v.created_at at time zone 'Europe/Brussels')::date) order by v.number)
      from competency_framework_versions v where v.framework_id = ${defaultFrameworkId}
    ), '[]'::json) as versions,
    coalesce((
      select json_agg(json_build_object('key', k.key, 'name', k.name))
      from (
        select distinct on (c.key) c.key, c.name
        from competencies c join competency_framework_versions v on v.id = c.version_id
        where v.framework_id = ${defaultFrameworkId}
        order by c.key, v.number desc
      ) k
    ), '[]'::json) as keys`;

/**
 * One range of ratings_participant_idx (participant_id, observed_on): a participant's ratings in date order. Ratings
 * of other frameworks than the default one are left out in JavaScript (shapeEvolution), not here: with the tenant
 * policy on both tables PostgreSQL estimates one framework version and intersects the participant's index range with
 * the whole version index (300,000 rows at umbrella scale: 64 ms instead of 1).
 */
function ratingsQuery(participantId: string, from?: string, to?: string) {
  const bounds: SQL[] = [];
  if (from) bounds.push(sql` and r.observed_on >= ${from}`);
  if (to) bounds.push(sql` and r.observed_on <= ${to}`);
  return sql`
    select r.competency_key, r.rater_kind, r.observed_on::text as observed_on, r.score, r.framework_version_id
    from ratings r
    where r.participant_id = ${participantId}
      ${sql.join(bounds)}
    order by r.observed_on, r.observation_id`;
}

/** GET /participants/:id/competency-evolution: per competency and rater kind, the scores over time. Audited. */
export function getCompetencyEvolution(
  db: Db,
  ctx: RequestContext,
  participantId: string,
  q: z.infer<typeof competencyEvolutionQuery>,
): Promise<CompetencyEvolution> {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    await openParticipantRatings(tx, ctx.actor, participantId);
    const [meta] = await queryRows<FrameworkRow>(tx, frameworkQuery);
    const rows = meta?.framework ? await queryRows<RatingRow>(tx, ratingsQuery(participantId, q.from, q.to)) : [];
    await recordAudit(tx, ctx, {
      action: 'competency.evolution.read',
      targetType: 'participant',
      targetId: participantId,
      details: { from: q.from ?? null, to: q.to ?? null },
    });
    return shapeEvolution(participantId, meta ?? { framework: null, versions: [], keys: [] }, rows);
  });
}

function shapeEvolution(participantId: string, meta: FrameworkRow, rows: RatingRow[]): CompetencyEvolution {
  const current = meta.framework?.competencies ?? [];
  const currentKeys = new Set(current.map((c) => c.key));
  const competencies = [
    ...current.map((c) => ({ key: c.key, name: c.name, inCurrentVersion: true })),
    ...meta.keys
      .filter((k) => !currentKeys.has(k.key))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
      .map((k) => ({ key: k.key, name: k.name, inCurrentVersion: false })),
  ];
  const numberOf = new Map(meta.versions.map((v) => [v.id, v.number]));
  const points = new Map<string, EvolutionPoint[]>();
  for (const r of rows) {
    // Only the default framework's versions are in numberOf: other frameworks' scales do not fit this picture.
    if (!numberOf.has(r.framework_version_id)) continue;
    const id = `${r.competency_key}\u0000${r.rater_kind}`;
    const list = points.get(id) ?? [];
    list.push({
      observedOn: r.observed_on,
      score: r.score,
      versionNumber: numberOf.get(r.framework_version_id) as number,
    });
    points.set(id, list);
  }
  const series = competencies.flatMap((c) =>
    raterKinds.flatMap((raterKind) => {
      const list = points.get(`${c.key}\u0000${raterKind}`);
      return list ? [{ competencyKey: c.key, raterKind, points: list }] : [];
    }),
  );
  return {
    participantId,
    framework: frameworkRef(meta.framework),
    competencies,
    series,
    versions: meta.versions.map((v) => ({ number: v.number, startedOn: v.startedOn })),
  };
}

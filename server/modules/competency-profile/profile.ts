import { sql } from 'drizzle-orm';
import type { WorkMode } from '#shared/competencies';
import type { CompetencyProfile, LatestByRater, LatestScore } from '#shared/competency-profile';
import type { RaterKind } from '#shared/observations';
import { type Db, queryRows } from '../../db/client';
import { withTenant } from '../../db/tenant';
import { type RequestContext, recordAudit } from '../audit/record';
import { openParticipantRatings } from './access';
import { type CurrentFrameworkRow, currentFrameworkJson, defaultFrameworkId, frameworkRef } from './framework';
import { findGaps } from './gaps';

interface JobProfileJson {
  id: string;
  name: string;
  ladderStep: number;
  workMode: WorkMode;
  expectations: Record<string, number>;
}

interface ProfileRow {
  framework: CurrentFrameworkRow | null;
  job_profiles: { current: JobProfileJson | null; target: JobProfileJson | null } | null;
  latest: { raterKind: RaterKind; competencyKey: string; score: number; observedOn: string; versionNumber: number }[];
}

const jobProfileJson = (column: string) => sql`(
  select json_build_object('id', jp.id, 'name', jp.name, 'ladderStep', jp.ladder_step, 'workMode', jp.work_mode,
    'expectations', coalesce((select json_object_agg(e.competency_key, e.level)
      from job_profile_expectations e where e.job_profile_id = jp.id), '{}'::json))
  from job_profiles jp where jp.id = ${sql.raw(`pjp.${column}`)}
)`;

/**
 * Everything the radar needs in one statement: the current framework, the participant's job profiles with their
 * expectations, and the latest rating of each rater kind per competency from the latest_ratings cache (its primary
 * key starts with participant_id). Ratings of other frameworks than the default one are left out: their scale and
 * version numbers would not fit this picture.
 */
const profileQuery = (participantId: string) => sql`
  select
    ${currentFrameworkJson} as framework,
    (select json_build_object('current', ${jobProfileJson('current_profile_id')}, 'target', ${jobProfileJson('target_profile_id')})
      from participant_job_profiles pjp where pjp.participant_id = ${participantId}) as job_profiles,
    coalesce((
      select json_agg(json_build_object('raterKind', lr.rater_kind, 'competencyKey', lr.competency_key,
        'score', lr.score, 'observedOn', lr.observed_on, 'versionNumber', v.number))
      from latest_ratings lr
      join competency_framework_versions v on v.id = lr.framework_version_id
      where lr.participant_id = ${participantId} and v.framework_id = ${defaultFrameworkId}
    ), '[]'::json) as latest`;

const noRatings = (): LatestByRater => ({ supervisor: null, coach: null, mentor: null, self: null });

/** GET /participants/:id/competency-profile: read like the dossier, and audited like it. */
export function getCompetencyProfile(db: Db, ctx: RequestContext, participantId: string): Promise<CompetencyProfile> {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    await openParticipantRatings(tx, ctx.actor, participantId);
    const [row] = await queryRows<ProfileRow>(tx, profileQuery(participantId));
    await recordAudit(tx, ctx, {
      action: 'competency.profile.read',
      targetType: 'participant',
      targetId: participantId,
    });
    return shapeProfile(participantId, row ?? { framework: null, job_profiles: null, latest: [] });
  });
}

function shapeProfile(participantId: string, row: ProfileRow): CompetencyProfile {
  const framework = row.framework;
  const current = row.job_profiles?.current ?? null;
  const target = row.job_profiles?.target ?? null;
  const latest = new Map<string, LatestByRater>();
  for (const r of row.latest) {
    const byRater = latest.get(r.competencyKey) ?? noRatings();
    const score: LatestScore = { score: r.score, observedOn: r.observedOn, versionNumber: r.versionNumber };
    byRater[r.raterKind] = score;
    latest.set(r.competencyKey, byRater);
  }
  const competencies = (framework?.competencies ?? []).map((c) => ({
    key: c.key,
    name: c.name,
    description: c.description,
    position: c.position,
    latest: latest.get(c.key) ?? noRatings(),
    expected: { current: current?.expectations[c.key] ?? null, target: target?.expectations[c.key] ?? null },
  }));
  const ref = (p: JobProfileJson | null) =>
    p && { id: p.id, name: p.name, ladderStep: p.ladderStep, workMode: p.workMode };
  return {
    participantId,
    framework: frameworkRef(framework),
    scale: framework?.scale ?? [],
    jobProfiles: { current: ref(current), target: ref(target) },
    competencies,
    gaps: findGaps(competencies),
  };
}

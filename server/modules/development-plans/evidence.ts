import { sql } from 'drizzle-orm';
import type { LiveCompetency, LiveSkill, PlanContent, PlanEvidence } from '#shared/development-plans';
import type { RaterKind } from '#shared/observations';
import { arrayParam, type Queryable, queryRows } from '../../db/client';
import { defaultFrameworkId } from '../competency-profile/framework';

/**
 * Live evidence of a POP: per generic competency the latest score of each rater kind (latest_ratings) and the levels
 * the current and target job profiles expect; per technical skill the participant's current ILUO level
 * (skill_levels_current). A draft reads it live; agreement freezes it into the version.
 *
 * One statement reads the pool: every competency key the default framework ever had (with the name of the newest
 * version that has it, and whether the current version has it), the participant's latest ratings of that framework,
 * the expectations of their two job profiles, and the skills of their team, the skills they have a level in and the
 * skills a plan names.
 */

export interface EvidencePool {
  asOf: string;
  /** Keys of the default framework's current version, in the framework's order. */
  currentKeys: string[];
  competencies: Map<string, LiveCompetency>;
  /** Skills a participant can choose from: active, of their team or assessed for them. */
  candidateSkillIds: string[];
  skills: Map<string, LiveSkill>;
}

interface PoolRow {
  competencies: { key: string; name: string; current: boolean; scaleMax: number }[] | null;
  latest: { raterKind: RaterKind; key: string; score: number; on: string; scaleMax: number }[] | null;
  expected: { current: Record<string, number> | null; target: Record<string, number> | null } | null;
  skills:
    | {
        id: string;
        name: string;
        group: string;
        team: string;
        active: boolean;
        ownTeam: boolean;
        level: number | null;
        on: string | null;
        assessed: boolean;
      }[]
    | null;
}

const expectations = (column: 'current_profile_id' | 'target_profile_id') => sql`(
  select json_object_agg(e.competency_key, e.level) from job_profile_expectations e
  where e.job_profile_id = ${sql.raw(`pjp.${column}`)})`;

function poolQuery(participantId: string, teamId: string | null, extraSkillIds: readonly string[]) {
  return sql`
    with fw as (select ${defaultFrameworkId} as id),
    cur as (
      select v.number from competency_framework_versions v, fw where v.framework_id = fw.id
      order by v.number desc limit 1
    )
    select
      (select json_agg(json_build_object('key', k.key, 'name', k.name, 'current', k.current, 'scaleMax', k.scale_max)
         order by k.current desc, k.position, k.key)
       from (
         select distinct on (c.key) c.key, c.name, c.position, v.number = (select number from cur) as current,
           jsonb_array_length(v.scale) as scale_max
         from competencies c
         join competency_framework_versions v on v.id = c.version_id
         where v.framework_id = (select id from fw)
         order by c.key, v.number desc
       ) k) as competencies,
      (select json_agg(json_build_object('raterKind', lr.rater_kind, 'key', lr.competency_key, 'score', lr.score,
         'on', lr.observed_on, 'scaleMax', jsonb_array_length(v.scale)))
       from latest_ratings lr
       join competency_framework_versions v on v.id = lr.framework_version_id
       where lr.participant_id = ${participantId} and v.framework_id = (select id from fw)) as latest,
      (select json_build_object('current', ${expectations('current_profile_id')},
         'target', ${expectations('target_profile_id')})
       from participant_job_profiles pjp where pjp.participant_id = ${participantId}) as expected,
      (select json_agg(json_build_object('id', s.id, 'name', s.name, 'group', s.group_name, 'team', t.name,
         'active', s.archived_at is null, 'ownTeam', s.team_id is not distinct from ${teamId}::uuid,
         'level', slc.level, 'on', slc.assessed_on, 'assessed', slc.skill_id is not null)
         order by t.name, s.group_name, s.position, s.name)
       from skills s
       join teams t on t.id = s.team_id
       left join skill_levels_current slc on slc.skill_id = s.id and slc.subject = ${participantId}
       where (s.team_id = ${teamId}::uuid and s.archived_at is null)
         or s.id in (select sl.skill_id from skill_levels sl
                     where sl.organisation_id = current_setting('app.org_id')::uuid and sl.participant_id = ${participantId})
         or s.id = any(${arrayParam(extraSkillIds)}::uuid[])) as skills`;
}

export async function loadEvidencePool(
  tx: Queryable,
  participant: { id: string; teamId: string | null },
  extraSkillIds: readonly string[] = [],
): Promise<EvidencePool> {
  const [row] = await queryRows<PoolRow>(tx, poolQuery(participant.id, participant.teamId, extraSkillIds));
  const latest = new Map<string, { kind: RaterKind; score: number; on: string; scaleMax: number }[]>();
  for (const r of row?.latest ?? []) {
    const list = latest.get(r.key) ?? [];
    list.push({ kind: r.raterKind, score: r.score, on: r.on, scaleMax: r.scaleMax });
    latest.set(r.key, list);
  }
  const competencies = new Map<string, LiveCompetency>();
  const currentKeys: string[] = [];
  for (const c of row?.competencies ?? []) {
    if (c.current) currentKeys.push(c.key);
    const scores = latest.get(c.key) ?? [];
    // The scale of the newest score: a score belongs to the framework version it was given in.
    const newest = scores.reduce<(typeof scores)[number] | null>((a, b) => (a && a.on >= b.on ? a : b), null);
    competencies.set(c.key, {
      key: c.key,
      name: c.name,
      latest: Object.fromEntries(scores.map((s) => [s.kind, { score: s.score, on: s.on }])),
      scaleMax: newest?.scaleMax ?? c.scaleMax,
      currentExpected: row?.expected?.current?.[c.key] ?? null,
      targetExpected: row?.expected?.target?.[c.key] ?? null,
    });
  }
  const skills = new Map<string, LiveSkill>();
  const candidateSkillIds: string[] = [];
  for (const s of row?.skills ?? []) {
    if (s.active && (s.ownTeam || s.assessed)) candidateSkillIds.push(s.id);
    skills.set(s.id, {
      id: s.id,
      name: s.name,
      group: s.group || null,
      team: s.team,
      level: s.level,
      on: s.on,
    });
  }
  return { asOf: new Date().toISOString(), currentKeys, competencies, candidateSkillIds, skills };
}

/** What participant and coach can choose from now: the current framework and the candidate skills. */
export function candidatesOf(pool: EvidencePool): PlanEvidence {
  return {
    competencies: pool.currentKeys.flatMap((k) => pool.competencies.get(k) ?? []),
    skills: pool.candidateSkillIds.flatMap((id) => pool.skills.get(id) ?? []),
    asOf: pool.asOf,
  };
}

/** The competency keys and skill ids a plan names (chosen lists and goals), each once, in order of appearance. */
export function referencedBy(content: PlanContent): { competencyKeys: string[]; skillIds: string[] } {
  const c = content.competencies;
  return {
    competencyKeys: [
      ...new Set([...c.genericCurrent, ...c.genericFuture, ...content.goals.flatMap((g) => g.competencyKeys)]),
    ],
    skillIds: [...new Set([...c.technicalCurrent, ...c.technicalFuture, ...content.goals.flatMap((g) => g.skillIds)])],
  };
}

/**
 * The evidence of one plan: the competencies and skills it names, in the framework's and the matrix's order.
 * A key the framework no longer has is kept with its name and scores when it ever had it, and left out otherwise.
 */
export function evidenceFor(pool: EvidencePool, content: PlanContent): PlanEvidence {
  const { competencyKeys, skillIds } = referencedBy(content);
  const keys = new Set(competencyKeys);
  const ids = new Set(skillIds);
  return {
    competencies: [...pool.competencies.values()].filter((c) => keys.has(c.key)),
    skills: [...pool.skills.values()].filter((s) => ids.has(s.id)),
    asOf: pool.asOf,
  };
}

/** Live evidence of one plan, in one statement. */
export async function liveEvidence(
  tx: Queryable,
  participant: { id: string; teamId: string | null },
  content: PlanContent,
): Promise<PlanEvidence> {
  const pool = await loadEvidencePool(tx, participant, referencedBy(content).skillIds);
  return evidenceFor(pool, content);
}

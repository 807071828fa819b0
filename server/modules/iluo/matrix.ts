import { sql } from 'drizzle-orm';
import {
  coverageBySkill,
  type IluoMatrix,
  type IluoPerson,
  type MatrixGroup,
  type MatrixLevel,
  skillFlag,
} from '#shared/iluo';
import { arrayParam, type Db, queryRows, type Tx } from '../../db/client';
import { UNPREPARED } from '../../db/prepared-client';
import { withTenant } from '../../db/tenant';
import { notFound } from '../../lib/errors';
import { type Actor, can } from '../../policy';
import type { RequestContext } from '../audit/record';
import { mergeLabels, type StoredLabel } from './labels';

interface SkillJson {
  id: string;
  groupName: string;
  name: string;
  description: string | null;
  critical: boolean;
  position: number;
}
interface Named {
  id: string;
  name: string;
}
interface TeamRow {
  id: string;
  name: string;
  skills: SkillJson[] | string;
  participants: Named[] | string;
  staff: Named[] | string;
  supervisor_ids: string[];
  labels: StoredLabel[] | string;
}
export interface CellRow {
  skill_id: string;
  subject: string;
  level: number;
  assessed_on: string;
  assessor_id: string;
}

// Both drivers parse json columns; a string is parsed here in case one does not.
const parsed = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/**
 * Statement 1: the team, its current skills, the people in the matrix (active participants whose current team this
 * is, through the (organisation_id, team_id, status) index, then the team's active supervisors), the supervisors'
 * ids for the policy, and the organisation's words for the levels.
 */
const teamStatement = (teamId: string) => sql`
  select t.id, t.name,
    coalesce((select json_agg(json_build_object('id', s.id, 'groupName', s.group_name, 'name', s.name,
        'description', s.description, 'critical', s.critical, 'position', s.position)
        order by s.position, lower(s.name), s.id)
      from skills s
      where s.organisation_id = t.organisation_id and s.team_id = t.id and s.archived_at is null), '[]'::json) as skills,
    coalesce((select json_agg(json_build_object('id', p.id, 'name', p.first_name || ' ' || p.last_name)
        order by lower(p.last_name), lower(p.first_name), p.id)
      from participants p
      where p.organisation_id = t.organisation_id and p.team_id = t.id and p.status = 'active'
        and p.archived_at is null), '[]'::json) as participants,
    coalesce((select json_agg(json_build_object('id', u.id, 'name', u.name) order by lower(u.name), u.id)
      from team_supervisors ts
      cross join lateral (select u.id, u.name from "user" u
        where u.id = ts.user_id and u.deactivated_at is null offset 0) u
      where ts.team_id = t.id), '[]'::json) as staff,
    array(select ts.user_id from team_supervisors ts where ts.team_id = t.id) as supervisor_ids,
    coalesce((select json_agg(json_build_object('level', l.level, 'label', l.label, 'meaning', l.meaning))
      from iluo_level_labels l), '[]'::json) as labels
  from teams t
  where t.id = ${teamId}`;

/**
 * Statement 2: the cached current level of each person in the matrix for each current skill: primary key lookups on
 * skill_levels_current, which carries the assessor too, so no cell looks its history row up. Planned per run: the
 * generic plan probes every skill × person pair (10,000 buffers instead of 450 for a team of 220).
 */
const cellsStatement = (skillIds: readonly string[], personIds: readonly string[]) => sql`${sql.raw(UNPREPARED)}
  select c.skill_id, c.subject, c.level, c.assessed_on::text as assessed_on, c.assessor_id
  from skill_levels_current c
  where c.skill_id = any(${arrayParam(skillIds)}::uuid[]) and c.subject = any(${arrayParam(personIds)}::text[])`;

/**
 * Statement 3: the names of the few distinct assessors. A join in statement 2 would be planned on the tenant policy's
 * estimate of one row per table: a nested loop per cell (155 ms for 1,700 cells at umbrella scale).
 */
const assessorsStatement = (ids: readonly string[]) =>
  sql`select u.id, u.name from "user" u where u.id = any(${arrayParam(ids)}::text[])`;

/** Skills grouped, groups in the order of their first skill (skills come ordered by position). */
function groupsOf(skills: readonly SkillJson[]): SkillJson[][] {
  const groups = new Map<string, SkillJson[]>();
  for (const s of skills) {
    const group = groups.get(s.groupName);
    if (group) group.push(s);
    else groups.set(s.groupName, [s]);
  }
  return [...groups.values()];
}

/**
 * The levels as the contract's grid (a row per person, a column per skill in group order) with each assessor's name
 * once; every cell row of statement 2 is of a skill and a person of the matrix, as it selected them by their ids.
 */
export function levelGrid(skillIds: readonly string[], personIds: readonly string[], rows: readonly CellRow[]) {
  const col = new Map(skillIds.map((skillId, i) => [skillId, i]));
  const row = new Map(personIds.map((personId, i) => [personId, i]));
  const assessorIds = new Map<string, number>();
  const levels: (MatrixLevel | null)[][] = personIds.map(() => skillIds.map(() => null));
  for (const r of rows) {
    const line = levels[row.get(r.subject) ?? -1];
    const at = col.get(r.skill_id);
    if (!line || at === undefined) continue;
    let assessor = assessorIds.get(r.assessor_id);
    if (assessor === undefined) {
      assessor = assessorIds.size;
      assessorIds.set(r.assessor_id, assessor);
    }
    line[at] = { level: Number(r.level), assessedOn: r.assessed_on, assessor };
  }
  return { levels, assessorIds: [...assessorIds.keys()] };
}

/** The whole matrix of one team in three statements, read from the current-level cache. */
export async function loadMatrix(tx: Tx, actor: Actor, teamId: string): Promise<IluoMatrix> {
  const [team] = await queryRows<TeamRow>(tx, teamStatement(teamId));
  if (!team) throw notFound('Team');
  const grouped = groupsOf(parsed(team.skills));
  const people: IluoPerson[] = [
    ...parsed(team.participants).map((p) => ({ kind: 'participant' as const, ...p })),
    ...parsed(team.staff).map((s) => ({ kind: 'staff' as const, ...s })),
  ];
  const skillIds = grouped.flatMap((g) => g.map((s) => s.id));
  const personIds = people.map((p) => p.id);
  const rows =
    skillIds.length && personIds.length ? await queryRows<CellRow>(tx, cellsStatement(skillIds, personIds)) : [];
  const { levels, assessorIds } = levelGrid(skillIds, personIds, rows);
  const names = new Map(
    (assessorIds.length ? await queryRows<Named>(tx, assessorsStatement(assessorIds)) : []).map((u) => [u.id, u.name]),
  );
  const coverage = coverageBySkill(
    skillIds,
    personIds,
    rows.map((r) => ({ skillId: r.skill_id, personId: r.subject, level: Number(r.level) })),
  );
  const groups: MatrixGroup[] = grouped.map((skills) => ({
    name: skills[0]?.groupName ?? '',
    skills: skills.map((s) => {
      const covered = coverage.get(s.id) ?? 0;
      const { groupName: _, ...skill } = s;
      return { ...skill, coverage: covered, flag: skillFlag(s.critical, covered) };
    }),
  }));
  const target = { teamSupervisorIds: team.supervisor_ids };
  return {
    team: { id: team.id, name: team.name },
    labels: mergeLabels(parsed(team.labels).map((l) => ({ ...l, level: Number(l.level) }))),
    groups,
    people,
    assessors: assessorIds.map((id) => names.get(id) ?? ''),
    levels,
    canManage: can(actor, 'skill.manage', target),
    canAssess: can(actor, 'skill.assess', target),
  };
}

export function getMatrix(db: Db, ctx: RequestContext, teamId: string) {
  return withTenant(db, ctx.actor.organisationId, (tx) => loadMatrix(tx, ctx.actor, teamId));
}

import { type Column, eq, getTableName, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { skills, teamSupervisors, teams } from '../../db/schema';
import { forbidden, notFound } from '../../lib/errors';
import { type Action, type Actor, can, type Target } from '../../policy';

export interface TeamRef {
  id: string;
  name: string;
  /** The supervisors of the team: the relation "team" of skill.manage and skill.assess. */
  target: Target & { teamSupervisorIds: string[] };
}

/**
 * A column with its table's name. Drizzle leaves columns unqualified in a select without joins; inside the subquery
 * below "team_id" would then mean team_supervisors.team_id on both sides (see participants/access.ts).
 */
export const qualified = (column: Column) =>
  sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;

const supervisorsOf = (teamId: Column) =>
  sql<string[]>`array(select ${qualified(teamSupervisors.userId)} from ${teamSupervisors}
    where ${qualified(teamSupervisors.teamId)} = ${qualified(teamId)})`;

/** A team of the actor's organisation with its supervisors, in one statement; another organisation's → 404. */
export async function loadTeam(tx: Tx, teamId: string): Promise<TeamRef> {
  const [found] = await tx
    .select({ id: teams.id, name: teams.name, supervisorIds: supervisorsOf(teams.id) })
    .from(teams)
    .where(eq(teams.id, teamId));
  if (!found) throw notFound('Team');
  return { id: found.id, name: found.name, target: { teamSupervisorIds: found.supervisorIds } };
}

export type SkillRow = typeof skills.$inferSelect;

/** A skill with the supervisors of its team. `lock` takes the row lock a write needs. */
export async function loadSkill(tx: Tx, skillId: string, lock = false) {
  const query = tx
    .select({ skill: skills, supervisorIds: supervisorsOf(skills.teamId) })
    .from(skills)
    .where(eq(skills.id, skillId));
  const [found] = lock ? await query.for('update') : await query;
  if (!found) throw notFound('Skill');
  return { skill: found.skill, target: { teamSupervisorIds: found.supervisorIds } };
}

/**
 * Teams and their skills are not secret (every staff member reads them), so an allowed role without the relation
 * to this team gets 403, not 404.
 */
export function assertCan(actor: Actor, action: Action, target: Target) {
  if (!can(actor, action, target)) throw forbidden();
}

import { and, asc, count, eq, isNull, max, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  MAX_SKILLS_PER_TEAM,
  type Skill,
  type skillCreateBody,
  type skillOrderBody,
  type skillUpdateBody,
} from '#shared/iluo';
import type { Db, Tx } from '../../db/client';
import { skills } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { AppError, fieldError } from '../../lib/errors';
import { changedFields, type RequestContext, recordAudit } from '../audit/record';
import { assertCan, loadSkill, loadTeam, qualified, type SkillRow } from './team-access';
import { uniqueViolation } from './unique-violation';

export const toSkill = (row: SkillRow): Skill => ({
  id: row.id,
  teamId: row.teamId,
  groupName: row.groupName,
  name: row.name,
  description: row.description,
  critical: row.critical,
  position: row.position,
  archived: row.archivedAt !== null,
});

const nameTaken = () =>
  new AppError('conflict', 'This team already has a skill with this name', { name: 'already_in_use' });

/** Names are unique per team among current skills, whatever the case (the index skills_team_name_unique). */
async function assertFreeName(tx: Tx, teamId: string, name: string, exceptId?: string) {
  const [clash] = await tx
    .select({ id: skills.id })
    .from(skills)
    .where(
      and(
        eq(skills.teamId, teamId),
        isNull(skills.archivedAt),
        sql`lower(${skills.name}) = lower(${name})`,
        exceptId ? ne(skills.id, exceptId) : undefined,
      ),
    );
  if (clash) throw nameTaken();
}

/** Two requests may pass the check above at once; the unique index then refuses the second one. */
const mapNameClash = (err: unknown): never => {
  if (uniqueViolation(err, 'skills_team_name_unique')) throw nameTaken();
  throw err;
};

export function listSkills(db: Db, ctx: RequestContext, teamId: string, includeArchived: boolean) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    await loadTeam(tx, teamId);
    const rows = await tx
      .select()
      .from(skills)
      .where(and(eq(skills.teamId, teamId), includeArchived ? undefined : isNull(skills.archivedAt)))
      .orderBy(asc(skills.position), sql`lower(${skills.name})`, asc(skills.id));
    return rows.map(toSkill);
  });
}

export function createSkill(db: Db, ctx: RequestContext, teamId: string, body: z.infer<typeof skillCreateBody>) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const team = await loadTeam(tx, teamId);
    assertCan(ctx.actor, 'skill.manage', team.target);
    const [current] = await tx
      .select({ n: count(), last: max(skills.position) })
      .from(skills)
      .where(and(eq(skills.teamId, teamId), isNull(skills.archivedAt)));
    if ((current?.n ?? 0) >= MAX_SKILLS_PER_TEAM) throw fieldError('name', 'too_many_skills');
    await assertFreeName(tx, teamId, body.name);
    const [row] = await tx
      .insert(skills)
      .values({
        organisationId: ctx.actor.organisationId,
        teamId,
        name: body.name,
        groupName: body.groupName,
        description: body.description ?? null,
        critical: body.critical,
        position: (current?.last ?? -1) + 1,
      })
      .returning();
    if (!row) throw new Error('skill not inserted');
    await recordAudit(tx, ctx, {
      action: 'skill.created',
      targetType: 'skill',
      targetId: row.id,
      details: { teamId, critical: row.critical },
    });
    return toSkill(row);
  }).catch(mapNameClash);
}

export function updateSkill(db: Db, ctx: RequestContext, skillId: string, body: z.infer<typeof skillUpdateBody>) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const { skill, target } = await loadSkill(tx, skillId, true);
    assertCan(ctx.actor, 'skill.manage', target);
    if (skill.archivedAt) throw new AppError('conflict', 'This skill is archived');
    if (body.name !== undefined) await assertFreeName(tx, skill.teamId, body.name, skill.id);
    const [row] = await tx
      .update(skills)
      .set({
        name: body.name,
        groupName: body.groupName,
        // undefined leaves the description; null clears it.
        description: body.description,
        critical: body.critical,
      })
      .where(eq(skills.id, skillId))
      .returning();
    if (!row) throw new Error('skill not updated');
    await recordAudit(tx, ctx, {
      action: 'skill.updated',
      targetType: 'skill',
      targetId: skillId,
      details: { teamId: skill.teamId, fields: changedFields(body) },
    });
    return toSkill(row);
  }).catch(mapNameClash);
}

/** Archived skills leave the matrix; their levels stay in the history. Archiving twice changes nothing. */
export function archiveSkill(db: Db, ctx: RequestContext, skillId: string) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const { skill, target } = await loadSkill(tx, skillId, true);
    assertCan(ctx.actor, 'skill.manage', target);
    if (skill.archivedAt) return toSkill(skill);
    const [row] = await tx.update(skills).set({ archivedAt: new Date() }).where(eq(skills.id, skillId)).returning();
    if (!row) throw new Error('skill not archived');
    await recordAudit(tx, ctx, {
      action: 'skill.archived',
      targetType: 'skill',
      targetId: skillId,
      details: { teamId: skill.teamId },
    });
    return toSkill(row);
  });
}

/**
 * The new order of the team's current skills: the body must name each of them exactly once, so a list that was
 * loaded before someone added or archived a skill is refused instead of half applied.
 */
export function reorderSkills(db: Db, ctx: RequestContext, teamId: string, body: z.infer<typeof skillOrderBody>) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const team = await loadTeam(tx, teamId);
    assertCan(ctx.actor, 'skill.manage', team.target);
    const current = await tx
      .select({ id: skills.id })
      .from(skills)
      .where(and(eq(skills.teamId, teamId), isNull(skills.archivedAt)))
      .for('update');
    const known = new Set(current.map((s) => s.id));
    if (current.length !== body.skillIds.length || !body.skillIds.every((id) => known.has(id))) {
      throw fieldError('skillIds', 'not_every_skill');
    }
    const ids = sql.join(
      body.skillIds.map((id) => sql`${id}`),
      sql`, `,
    );
    await tx.execute(sql`update ${skills} set position = o.position - 1
      from unnest(array[${ids}]::uuid[]) with ordinality as o(id, position)
      where ${qualified(skills.id)} = o.id`);
    await recordAudit(tx, ctx, { action: 'skill.reordered', targetType: 'team', targetId: teamId });
    const rows = await tx
      .select()
      .from(skills)
      .where(and(eq(skills.teamId, teamId), isNull(skills.archivedAt)))
      .orderBy(asc(skills.position), asc(skills.id));
    return rows.map(toSkill);
  });
}

import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { teamLeadRoles } from '#shared/common';
import type { Team, teamCreateBody, teamSupervisorsBody, teamUpdateBody } from '#shared/organisation';
import type { Db, Tx } from '../../db/client';
import { sites, teamSupervisors, teams, user } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { fieldError, notFound } from '../../lib/errors';
import { changedFields, type RequestContext, recordAudit } from '../audit/record';

async function loadTeams(tx: Tx, where: ReturnType<typeof and>): Promise<Team[]> {
  const rows = await tx
    .select({ team: teams, siteName: sites.name })
    .from(teams)
    .innerJoin(sites, eq(sites.id, teams.siteId))
    .where(where)
    .orderBy(asc(teams.name));
  if (rows.length === 0) return [];
  const supervisors = await tx
    .select({ teamId: teamSupervisors.teamId, id: user.id, name: user.name })
    .from(teamSupervisors)
    .innerJoin(user, eq(user.id, teamSupervisors.userId))
    .where(
      inArray(
        teamSupervisors.teamId,
        rows.map((r) => r.team.id),
      ),
    )
    .orderBy(asc(user.name));
  return rows.map(({ team, siteName }) => ({
    id: team.id,
    name: team.name,
    workDomain: team.workDomain,
    siteId: team.siteId,
    siteName,
    archived: team.archivedAt !== null,
    supervisors: supervisors.filter((s) => s.teamId === team.id).map(({ id, name }) => ({ id, name })),
    createdAt: team.createdAt.toISOString(),
  }));
}

async function loadTeam(tx: Tx, id: string): Promise<Team> {
  const [found] = await loadTeams(tx, and(eq(teams.id, id)));
  if (!found) throw notFound('Team');
  return found;
}

export function listTeams(db: Db, ctx: RequestContext, includeArchived: boolean) {
  return withTenant(db, ctx.actor.organisationId, (tx) =>
    loadTeams(tx, includeArchived ? undefined : and(isNull(teams.archivedAt))),
  );
}

export function createTeam(db: Db, ctx: RequestContext, body: z.infer<typeof teamCreateBody>) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const [row] = await tx
      .insert(teams)
      .values({ organisationId: ctx.actor.organisationId, ...body })
      .returning({ id: teams.id });
    if (!row) throw notFound('Team');
    await recordAudit(tx, ctx, { action: 'team.created', targetType: 'team', targetId: row.id });
    return loadTeam(tx, row.id);
  });
}

export function updateTeam(db: Db, ctx: RequestContext, id: string, body: z.infer<typeof teamUpdateBody>) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const { archived, ...rest } = body;
    const changes: Partial<typeof teams.$inferInsert> = { ...rest };
    if (archived !== undefined) changes.archivedAt = archived ? new Date() : null;
    const [row] = await tx
      .update(teams)
      .set(Object.keys(changes).length ? changes : { name: teams.name })
      .where(eq(teams.id, id))
      .returning({ id: teams.id });
    if (!row) throw notFound('Team');
    await recordAudit(tx, ctx, {
      action: 'team.updated',
      targetType: 'team',
      targetId: id,
      details: { fields: changedFields(body) },
    });
    return loadTeam(tx, id);
  });
}

export function setTeamSupervisors(db: Db, ctx: RequestContext, id: string, body: z.infer<typeof teamSupervisorsBody>) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    await loadTeam(tx, id);
    const wanted = [...new Set(body.userIds)];
    if (wanted.length) {
      const found = await tx
        .select({ id: user.id })
        .from(user)
        .where(and(inArray(user.id, wanted), inArray(user.role, teamLeadRoles), isNull(user.deactivatedAt)));
      if (found.length !== wanted.length) {
        throw fieldError('userIds', 'Every supervisor must be an active staff member who can lead a team');
      }
    }
    await tx.delete(teamSupervisors).where(eq(teamSupervisors.teamId, id));
    if (wanted.length) {
      await tx
        .insert(teamSupervisors)
        .values(wanted.map((userId) => ({ organisationId: ctx.actor.organisationId, teamId: id, userId })));
    }
    await recordAudit(tx, ctx, {
      action: 'team.supervisors_set',
      targetType: 'team',
      targetId: id,
      details: { userIds: wanted },
    });
    return loadTeam(tx, id);
  });
}

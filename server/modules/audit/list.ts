import { and, desc, eq, gte, like, lt, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { AuditEntry, auditQuery } from '#shared/audit';
import type { Db } from '../../db/client';
import {
  auditLog,
  competencyFrameworks,
  instrumentDefinitions,
  jobProfiles,
  organisations,
  participants,
  referrers,
  sites,
  skills,
  teams,
  user,
  workPackages,
} from '../../db/schema';
import { withTenant } from '../../db/tenant';
import type { RequestContext } from './record';

/** Target types whose rows have a uuid id and a name column. */
const namedByUuid: Record<string, PgTable & { id: AnyPgColumn; name: AnyPgColumn }> = {
  team: teams,
  site: sites,
  organisation: organisations,
  referrer: referrers,
  competency_framework: competencyFrameworks,
  job_profile: jobProfiles,
  skill: skills,
  work_package: workPackages,
  instrument_definition: instrumentDefinitions,
};

/**
 * What the log is about, by name, as it is now: an admin reads "Ploeg: Groen 1" rather than a uuid, without the
 * page loading every user of an umbrella organisation to look names up. Gone (or anonymised) things have no name,
 * nor have observations, results and other things without one. Each branch casts the id only for its own target
 * type, whose ids are uuids.
 */
const targetName = sql<string | null>`case ${auditLog.targetType}
  when 'user' then (select ${user.name} from ${user} where ${user.id} = ${auditLog.targetId})
  when 'participant' then (select ${participants.firstName} || ' ' || ${participants.lastName} from ${participants}
    where ${participants.id} = ${auditLog.targetId}::uuid)
  ${sql.join(
    Object.entries(namedByUuid).map(
      ([type, table]) =>
        sql`when ${type} then (select ${table.name} from ${table} where ${table.id} = ${auditLog.targetId}::uuid)`,
    ),
    sql`\n  `,
  )}
end`;

export function listAudit(
  db: Db,
  ctx: RequestContext,
  q: z.infer<typeof auditQuery>,
): Promise<{ items: AuditEntry[]; total: number }> {
  const filters: SQL[] = [];
  // "user." matches every user action; a full name matches one.
  if (q.action)
    filters.push(q.action.endsWith('.') ? like(auditLog.action, `${q.action}%`) : eq(auditLog.action, q.action));
  if (q.actorId) filters.push(eq(auditLog.actorId, q.actorId));
  if (q.targetType) filters.push(eq(auditLog.targetType, q.targetType));
  if (q.from) filters.push(gte(auditLog.at, new Date(`${q.from}T00:00:00Z`)));
  if (q.to) filters.push(lt(auditLog.at, sql`${`${q.to}T00:00:00Z`}::timestamptz + interval '1 day'`));
  const where = and(...filters);
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const rows = await tx
      .select({
        id: auditLog.id,
        at: auditLog.at,
        actorId: auditLog.actorId,
        actorName: auditLog.actorName,
        action: auditLog.action,
        targetType: auditLog.targetType,
        targetId: auditLog.targetId,
        targetName,
        reason: auditLog.reason,
        details: auditLog.details,
        ip: auditLog.ip,
      })
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(q.limit)
      .offset(q.offset);
    const [count] = await tx.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where);
    return {
      total: count?.n ?? 0,
      items: rows.map((r) => ({ ...r, id: String(r.id), at: r.at.toISOString() })),
    };
  });
}

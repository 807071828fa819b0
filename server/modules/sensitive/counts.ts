import { and, asc, count, countDistinct, eq, gte, sql } from 'drizzle-orm';
import type { SensitiveCounts } from '#shared/sensitive';
import type { Db } from '../../db/client';
import {
  instrumentDefinitions,
  instrumentResults,
  papActions,
  papDomains,
  sensitiveAccessGrants,
} from '../../db/schema';
import { withTenant } from '../../db/tenant';
import type { RequestContext } from '../audit/record';

/**
 * What a manager may know of the compartment: how many, never who or what. No participant id or name leaves here.
 */
export function readSensitiveCounts(db: Db, ctx: RequestContext): Promise<SensitiveCounts> {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const withPap = tx
      .selectDistinct({ participantId: papDomains.participantId })
      .from(papDomains)
      .union(tx.selectDistinct({ participantId: papActions.participantId }).from(papActions))
      .as('with_pap');
    const [pap] = await tx.select({ n: countDistinct(withPap.participantId) }).from(withPap);
    const domains = await tx
      .select({ domainCode: papDomains.domainCode, status: papDomains.status, count: count() })
      .from(papDomains)
      .groupBy(papDomains.domainCode, papDomains.status)
      .orderBy(asc(papDomains.domainCode), asc(papDomains.status));
    const instruments = await tx
      .select({
        definitionId: instrumentDefinitions.id,
        name: instrumentDefinitions.name,
        total: count(instrumentResults.id),
        lastYear: sql<number>`count(${instrumentResults.id}) filter (
          where ${instrumentResults.takenOn} > current_date - 365)`.mapWith(Number),
      })
      .from(instrumentDefinitions)
      .leftJoin(instrumentResults, eq(instrumentResults.definitionId, instrumentDefinitions.id))
      .groupBy(instrumentDefinitions.id, instrumentDefinitions.name, instrumentDefinitions.archivedAt)
      // An archived definition still counts while results of it exist.
      .having(sql`${instrumentDefinitions.archivedAt} is null or count(${instrumentResults.id}) > 0`)
      .orderBy(asc(instrumentDefinitions.name));
    const [glass] = await tx
      .select({ n: count() })
      .from(sensitiveAccessGrants)
      .where(
        and(
          eq(sensitiveAccessGrants.kind, 'break_glass'),
          gte(sensitiveAccessGrants.startsAt, sql`now() - interval '90 days'`),
        ),
      );
    return {
      participantsWithPap: pap?.n ?? 0,
      domains,
      instruments,
      breakGlassLast90Days: glass?.n ?? 0,
    };
  });
}

import { and, asc, count, countDistinct, eq, gte, sql } from 'drizzle-orm';
import type { ListItem } from '#shared/lists';
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
import { loadList } from '../lists/service';

type DomainLine = SensitiveCounts['domains'][number];

/**
 * One line per life domain and status, in the list's order, with every domain of the list in it. A participant with
 * a PAP but no saved row for a domain counts as not discussed there, as their action plan shows it; without this the
 * domains nobody has talked about yet would simply be missing.
 */
export function countPerDomain(list: ListItem[], saved: DomainLine[], participantsWithPap: number): DomainLine[] {
  const savedCodes = new Set(saved.map((line) => line.domainCode));
  const codes = [
    ...list.filter((item) => item.active || savedCodes.has(item.code)).map((item) => item.code),
    // A code no longer in the list still holds saved rows: count them rather than hide them.
    ...[...savedCodes].filter((code) => !list.some((item) => item.code === code)),
  ];
  return codes.flatMap((code) => {
    const lines = saved.filter((line) => line.domainCode === code);
    const recorded = lines.reduce((sum, line) => sum + line.count, 0);
    const notDiscussed = lines.find((line) => line.status === 'not_discussed')?.count ?? 0;
    return [
      { domainCode: code, status: 'not_discussed', count: notDiscussed + Math.max(0, participantsWithPap - recorded) },
      ...lines.filter((line) => line.status !== 'not_discussed'),
    ];
  });
}

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
    const participantsWithPap = pap?.n ?? 0;
    const saved = await tx
      .select({ domainCode: papDomains.domainCode, status: papDomains.status, count: count() })
      .from(papDomains)
      .groupBy(papDomains.domainCode, papDomains.status)
      .orderBy(asc(papDomains.domainCode), asc(papDomains.status));
    const domains = countPerDomain(await loadList(tx, 'life_domain'), saved, participantsWithPap);
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
      participantsWithPap,
      domains,
      instruments,
      breakGlassLast90Days: glass?.n ?? 0,
    };
  });
}

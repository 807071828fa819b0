import { and, asc, count, desc, eq, ilike, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ParticipantListItem, participantListQuery } from '#shared/participants';
import type { Db } from '../../db/client';
import { participantCoaches, participants, sites, teamSupervisors, teams, user } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { type Actor, type Relation, requiredRelations } from '../../policy';
import type { RequestContext } from '../audit/record';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The caseload's filters and order: the list pages through them, the export takes every row. */
export type CaseloadFilters = Omit<z.infer<typeof participantListQuery>, 'limit' | 'offset'>;

/**
 * Who sees which participant comes from the policy (the relations participant.read needs for the actor's role),
 * turned into SQL here; every filter is on participants' own columns or an indexed EXISTS.
 */
export function caseloadWhere(actor: Actor, q: CaseloadFilters): SQL | undefined {
  const coachedBy = (userId: string) =>
    sql`exists (select 1 from ${participantCoaches} where ${participantCoaches.participantId} = ${participants.id} and ${participantCoaches.userId} = ${userId})`;
  const inTeamsOf = (userId: string) =>
    sql`${participants.teamId} in (select ${teamSupervisors.teamId} from ${teamSupervisors} where ${teamSupervisors.userId} = ${userId})`;
  const relationSql: Record<Relation, SQL> = {
    caseload: coachedBy(actor.id),
    team: inTeamsOf(actor.id),
    self: sql`${participants.userId} = ${actor.id}`,
    // A grant opens one participant's sensitive compartment, never a list of dossiers.
    granted: sql`false`,
  };

  const filters: (SQL | undefined)[] = [];
  const needed = requiredRelations(actor.role, 'participant.read');
  if (needed) filters.push(needed.length ? or(...needed.map((r) => relationSql[r])) : sql`false`);
  const scope = q.scope ?? (actor.role === 'coach' ? 'mine' : 'all');
  if (scope === 'mine') filters.push(or(relationSql.caseload, relationSql.team));
  if (q.archived === 'false') filters.push(isNull(participants.archivedAt));
  if (q.archived === 'only') filters.push(isNotNull(participants.archivedAt));
  if (q.status) filters.push(eq(participants.status, q.status));
  if (q.teamId) filters.push(eq(participants.teamId, q.teamId));
  if (q.siteId) filters.push(eq(participants.siteId, q.siteId));
  if (q.programmeType) filters.push(eq(participants.programmeType, q.programmeType));
  if (q.coachId) filters.push(coachedBy(q.coachId));
  // "jan peet" finds Jan Peeters: every word must be part of the first or the last name.
  for (const word of (q.q ?? '').split(/\s+/).filter(Boolean)) {
    const like = `%${escapeLike(word)}%`;
    filters.push(or(ilike(participants.firstName, like), ilike(participants.lastName, like)));
  }
  return and(...filters);
}

/** The list's order; every variant ends in the id, so pages never overlap or skip. */
export function caseloadOrder(q: Pick<CaseloadFilters, 'sort' | 'order'>): SQL[] {
  const dir = q.order === 'desc' ? desc : asc;
  const lastName = sql`lower(${participants.lastName})`;
  const firstName = sql`lower(${participants.firstName})`;
  const byName = [dir(lastName), dir(firstName), dir(participants.id)];
  const nameAsc = [asc(lastName), asc(firstName), asc(participants.id)];
  const statusRank = sql`case ${participants.status} when 'registered' then 1 when 'active' then 2 when 'paused' then 3 else 4 end`;
  // Dossiers without a start (only registered) come last either way.
  const startDate = sql`${participants.startDate} ${sql.raw(q.order === 'desc' ? 'desc' : 'asc')} nulls last`;
  return q.sort === 'startDate'
    ? [startDate, ...nameAsc]
    : q.sort === 'status'
      ? [dir(statusRank), ...nameAsc]
      : byName;
}

/**
 * The page's coaches as a JSON array, ordered by name: a correlated subquery, so no second round trip. The user is
 * looked up by primary key in a LATERAL fenced with OFFSET 0: joined plainly, the planner hashes the whole user
 * table again for every row of the page, which on PGlite costs a fifth of the caseload's time.
 */
const coachesOfRow = sql<ParticipantListItem['coaches']>`coalesce((
  select json_agg(json_build_object('id', coach.id, 'name', coach.name) order by coach.name)
  from ${participantCoaches}
  cross join lateral (
    select ${user.id} as id, ${user.name} as name from ${user} where ${user.id} = ${participantCoaches.userId} offset 0
  ) coach
  where ${participantCoaches.participantId} = ${participants.id}), '[]')`;

/**
 * The caseload list in one statement: the page, its coaches and the total (a window count over the filtered rows,
 * computed before LIMIT). Only a page past the end has no row to carry the total; then it is counted apart.
 * Status and start date are the cached columns kept by career-events.ts, so filtering and sorting on them use
 * the (organisation_id, status), (organisation_id, team_id, status) and (organisation_id, start_date) indexes.
 */
export function listParticipants(db: Db, ctx: RequestContext, q: z.infer<typeof participantListQuery>) {
  const { actor } = ctx;
  const where = caseloadWhere(actor, q);
  const orderBy = caseloadOrder(q);

  return withTenant(
    db,
    actor.organisationId,
    async (tx) => {
      const rows = await tx
        .select({
          id: participants.id,
          firstName: participants.firstName,
          lastName: participants.lastName,
          status: participants.status,
          startDate: participants.startDate,
          programmeType: participants.programmeType,
          siteId: participants.siteId,
          siteName: sites.name,
          teamId: participants.teamId,
          teamName: teams.name,
          archivedAt: participants.archivedAt,
          coaches: coachesOfRow,
          total: sql<number>`count(*) over ()`.mapWith(Number),
        })
        .from(participants)
        .innerJoin(sites, eq(sites.id, participants.siteId))
        .leftJoin(teams, eq(teams.id, participants.teamId))
        .where(where)
        .orderBy(...orderBy)
        .limit(q.limit)
        .offset(q.offset);
      let total = rows[0]?.total ?? 0;
      if (!rows.length && q.offset > 0) {
        const [counted] = await tx.select({ n: count() }).from(participants).where(where);
        total = counted?.n ?? 0;
      }
      const items: ParticipantListItem[] = rows.map((r) => ({
        id: r.id,
        firstName: r.firstName,
        lastName: r.lastName,
        status: r.status,
        startDate: r.startDate,
        programmeType: r.programmeType,
        site: { id: r.siteId, name: r.siteName },
        team: r.teamId && r.teamName !== null ? { id: r.teamId, name: r.teamName } : null,
        coaches: r.coaches,
        archived: r.archivedAt !== null,
      }));
      return { items, total };
    },
    { genericPlans: true },
  );
}

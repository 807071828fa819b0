import { and, asc, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { RateableParticipant } from '#shared/observations';
import type { Db } from '../../db/client';
import { observations, participantCoaches, participants, teamSupervisors, teams } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { type Actor, type Relation, requiredRelations } from '../../policy';
import type { RequestContext } from '../audit/record';
import { qualified } from './sql';

/** More than any caseload or team holds: the picker is one list, never paged. */
const MAX_RATEABLE = 1000;

/** Whom the actor may rate, from the relations observation.create needs for their role, as SQL. */
function rateableWhere(actor: Actor): SQL | undefined {
  const relationSql: Record<Relation, SQL> = {
    caseload: sql`exists (select 1 from ${participantCoaches} where ${qualified(participantCoaches.participantId)} = ${qualified(participants.id)} and ${qualified(participantCoaches.userId)} = ${actor.id})`,
    team: sql`${qualified(participants.teamId)} in (select ${qualified(teamSupervisors.teamId)} from ${teamSupervisors} where ${qualified(teamSupervisors.userId)} = ${actor.id})`,
    self: sql`${qualified(participants.userId)} = ${actor.id}`,
    // A grant opens one participant's sensitive compartment, never a list of dossiers.
    granted: sql`false`,
  };
  const needed = requiredRelations(actor.role, 'observation.create');
  const reach = needed ? (needed.length ? or(...needed.map((r) => relationSql[r])) : sql`false`) : undefined;
  return and(reach, eq(participants.status, 'active'), isNull(participants.archivedAt));
}

/**
 * GET /observations/participants: the active dossiers the actor may rate, the ones they observed most recently
 * first (the supervisor walking the workfloor finds today's people at the top), then the rest by name.
 */
export function listRateableParticipants(db: Db, ctx: RequestContext): Promise<RateableParticipant[]> {
  const { actor } = ctx;
  return withTenant(db, actor.organisationId, async (tx) => {
    // Uses observations_participant_idx (organisation, participant, observed_on) per listed participant.
    const lastObservedByMe = sql<string | null>`(select max(${qualified(observations.observedOn)})::text
      from ${observations} where ${qualified(observations.participantId)} = ${qualified(participants.id)}
      and ${qualified(observations.raterUserId)} = ${actor.id})`;
    const rows = await tx
      .select({
        id: participants.id,
        firstName: participants.firstName,
        lastName: participants.lastName,
        teamId: participants.teamId,
        teamName: teams.name,
        lastObservedByMeOn: lastObservedByMe,
      })
      .from(participants)
      .leftJoin(teams, eq(teams.id, participants.teamId))
      .where(rateableWhere(actor))
      .orderBy(
        sql`${lastObservedByMe} desc nulls last`,
        asc(sql`lower(${participants.lastName})`),
        asc(sql`lower(${participants.firstName})`),
        asc(participants.id),
      )
      .limit(MAX_RATEABLE);
    return rows.map((r) => ({
      id: r.id,
      firstName: r.firstName,
      lastName: r.lastName,
      team: r.teamId && r.teamName !== null ? { id: r.teamId, name: r.teamName } : null,
      lastObservedByMeOn: r.lastObservedByMeOn,
    }));
  });
}

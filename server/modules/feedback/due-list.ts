import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { DEFAULT_FEEDBACK_INTERVAL_DAYS, type DueList, type DueListItem, type dueListQuery } from '#shared/feedback';
import { todayIso } from '#shared/participants';
import { type Db, queryRows } from '../../db/client';
import {
  careerEvents,
  feedbackConversations,
  feedbackRules,
  participantCoaches,
  participants,
  teams,
  user,
} from '../../db/schema';
import { withTenant } from '../../db/tenant';
import type { Actor } from '../../policy';
import type { RequestContext } from '../audit/record';
import { caseloadWhere } from '../participants/caseload';
import { weekOf } from './cadence';

interface DueRow {
  id: string;
  firstName: string;
  lastName: string;
  teamId: string | null;
  teamName: string | null;
  coaches: DueListItem['coaches'];
  lastHeldOn: string | null;
  nextDueOn: string;
  daysOverdue: number;
}

/** Coaches and supervisors look at their own people by default; managers and admins at the organisation. */
const defaultScope = (actor: Actor) =>
  actor.role === 'coach' || actor.role === 'supervisor' ? 'mine' : 'organisation';

/** The statement behind listDue, apart so its plan can be inspected. */
export function dueStatement(actor: Actor, query: z.infer<typeof dueListQuery>, today: string): SQL {
  const scope = query.scope ?? defaultScope(actor);
  const reach = caseloadWhere(actor, {
    scope: scope === 'mine' ? 'mine' : 'all',
    status: 'active',
    archived: 'false',
    teamId: query.teamId,
    sort: 'name',
    order: 'asc',
  });
  const { sunday } = weekOf(today);
  return sql`select d.id, d.first_name as "firstName", d.last_name as "lastName", d.team_id as "teamId",
      t.name as "teamName", d.last_held_on as "lastHeldOn", d.next_due as "nextDueOn",
      (${today}::date - d.next_due) as "daysOverdue",
      coalesce((select json_agg(json_build_object('id', cu.id, 'name', cu.name) order by cu.name, cu.id)
        from ${participantCoaches} pc join ${user} cu on cu.id = pc.user_id
        where pc.participant_id = d.id), '[]'::json) as coaches
    from (
      select ${participants.id} as id, ${participants.firstName} as first_name,
        ${participants.lastName} as last_name, ${participants.teamId} as team_id, h.last_held_on,
        greatest(h.last_held_on, s.last_start) + r.interval_days as next_due
      from ${participants}
      cross join lateral (
        select max(c.held_on) as last_held_on from ${feedbackConversations} c
        where c.organisation_id = ${participants.organisationId} and c.participant_id = ${participants.id}
      ) h
      cross join lateral (
        select max(e.date) as last_start from ${careerEvents} e
        where e.participant_id = ${participants.id} and e.kind in ('start', 'resume')
      ) s
      cross join lateral (
        select coalesce((
          select fr.interval_days from ${feedbackRules} fr
          where (fr.team_id is null or fr.team_id = ${participants.teamId})
            and (fr.programme_type is null or fr.programme_type = ${participants.programmeType})
          order by fr.team_id is null, fr.programme_type is null
          limit 1
        ), ${DEFAULT_FEEDBACK_INTERVAL_DAYS}::int) as interval_days
      ) r
      where ${reach ?? sql`true`}
      -- A fence: without it the planner inlines d and evaluates next_due (three subqueries) once per use.
      offset 0
    ) d
    left join ${teams} t on t.id = d.team_id
    where d.next_due <= ${sunday}::date
    order by d.next_due, lower(d.last_name), lower(d.first_name), d.id`;
}

/**
 * "Overdue" and "due this week" in one statement: cadence.ts's rules in SQL. Per reachable active participant the
 * last conversation, the latest start or resume and the most specific rule are each one index lookup (LATERAL);
 * only the participants due by Sunday leave the database, with their team and coaches.
 */
export function listDue(
  db: Db,
  ctx: RequestContext,
  query: z.infer<typeof dueListQuery>,
  today = todayIso(),
): Promise<DueList> {
  const { actor } = ctx;
  return withTenant(db, actor.organisationId, async (tx) => {
    const rows = await queryRows<DueRow>(tx, dueStatement(actor, query, today));
    const item = (r: DueRow): DueListItem => ({
      participant: { id: r.id, firstName: r.firstName, lastName: r.lastName },
      team: r.teamId && r.teamName !== null ? { id: r.teamId, name: r.teamName } : null,
      coaches: r.coaches,
      nextDueOn: r.nextDueOn,
      daysOverdue: Math.max(0, r.daysOverdue),
      lastHeldOn: r.lastHeldOn,
    });
    return {
      overdue: rows.filter((r) => r.nextDueOn < today).map(item),
      dueThisWeek: rows.filter((r) => r.nextDueOn >= today).map(item),
    };
  });
}

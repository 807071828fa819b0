import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  ComplianceListItem,
  ComplianceRegime,
  ComplianceSettings,
  ComplianceState,
  complianceList,
  complianceListQuery,
} from '#shared/development-plans';
import { complianceStates } from '#shared/development-plans';
import { type ParticipantStatus, todayIso } from '#shared/participants';
import { type Db, queryRows } from '../../db/client';
import {
  developmentPlanSettings,
  developmentPlanVersions,
  participantCoaches,
  participants,
  teams,
  user,
} from '../../db/schema';
import { withTenant } from '../../db/tenant';
import type { Actor } from '../../policy';
import { type RequestContext, recordAudit } from '../audit/record';
import { caseloadWhere } from '../participants/caseload';
import { complianceOfFacts, DUE_WINDOW_DAYS, MIN_ACTIONS } from './compliance';
import { DEFAULT_COMPLIANCE_SETTINGS } from './settings';

/**
 * GET /pop-compliance: who is missing a POP, late or incomplete, and why, for every participant in reach that is not
 * archived (a coach: their caseload; the admin and manager: everyone), most urgent first.
 *
 * One statement does the whole list: the organisation's regime, per participant the facts of the agreed version in
 * force (its generated count columns, never the content) and from them the state and the deadline, the counts per
 * state, the total and the ordered page with its teams and coaches. Counting and ordering an organisation of a
 * thousand participants in the database costs a fraction of sending them all to Node and judging them there.
 *
 * The state and the deadline are complianceOfFacts' (compliance.ts) written in SQL: `judgement` below. The page's
 * statuses are then computed by complianceOfFacts itself, so the reasons shown are the one rule's; a property test
 * (compliance-list.test.ts) holds the two to the same answer over random histories, both regimes and month ends.
 *
 * Its plan does not depend on its values, and planning it costs more than a millisecond: it runs on the generic plan.
 *
 * It reads no dossier content, so it is not audited per row; one pop.compliance.read entry records the query.
 */

type Query = z.infer<typeof complianceListQuery>;

interface PageRow {
  id: string;
  firstName: string;
  lastName: string;
  status: ParticipantStatus;
  startDate: string | null;
  state: ComplianceState;
  agreedOn: string | null;
  firstAgreedOn: string | null;
  genericCurrent: number;
  genericFuture: number;
  technicalCurrent: number;
  technicalFuture: number;
  actions: number;
  nextReviewDate: string | null;
  team: { id: string; name: string } | null;
  coaches: { id: string; name: string }[];
}

interface ListRow {
  regime: ComplianceRegime;
  daysBeforeEvaluation: number;
  counts: Partial<Record<ComplianceState, number>> | null;
  total: number;
  page: PageRow[];
}

const v = developmentPlanVersions;
const s = developmentPlanSettings;

/** Most urgent first: late, incomplete, due, ok, not applicable; then the nearest deadline; then by name. */
const urgencyOrder = ['late', 'incomplete', 'due', 'ok', 'not_applicable'] as const satisfies ComplianceState[];
const urgencyArray = sql.raw(`array[${urgencyOrder.map((x) => `'${x}'`).join(', ')}]::text[]`);

/**
 * complianceOfFacts' state and deadline as SQL over `p` (the participant), `a` (the agreed version's facts, all null
 * without one) and `cfg` (regime, days), with today as a date. PostgreSQL's `date + interval 'n month'` keeps the day
 * or takes the month's last, as addMonths does.
 */
function judgement(today: SQL): SQL {
  const firstDeadline = sql`(p.start_date + interval '1 month')::date`;
  const updateDeadline = sql`case
      when a.agreed_on is null then null
      when cfg.regime = 'yearly' then (a.agreed_on + interval '1 year')::date
      when a.next_review_date is null then null
      else a.next_review_date - cfg.days end`;
  const window = sql`case when cfg.regime = 'yearly' then ${sql.raw(String(DUE_WINDOW_DAYS.yearly))}
      else ${sql.raw(String(DUE_WINDOW_DAYS.evaluation))} end`;
  const incomplete = sql`(a.generic_current = 0 or a.generic_future = 0 or a.technical_current = 0
      or a.technical_future = 0 or a.actions < ${sql.raw(String(MIN_ACTIONS))}
      or (cfg.regime = 'evaluation' and a.next_review_date is null))`;
  return sql`cross join lateral (select ${firstDeadline} as first_deadline, ${updateDeadline} as update_deadline) d
    cross join lateral (
      select case
        when p.status in ('registered', 'exited') or p.start_date is null then 'not_applicable'
        when a.agreed_on is null then case when ${today} > d.first_deadline then 'late' else 'due' end
        when ${today} > d.update_deadline then 'late'
        when ${incomplete} then 'incomplete'
        when ${today} >= d.update_deadline - ${window} then 'due'
        else 'ok' end as state,
      case
        when p.status in ('registered', 'exited') or p.start_date is null then null
        when a.agreed_on is null then d.first_deadline
        else d.update_deadline end as deadline
    ) j`;
}

/** The whole list as one statement (exported so its plan can be inspected). */
export function complianceListStatement(actor: Actor, query: Query, today: string): SQL {
  const reach = caseloadWhere(actor, {
    scope: actor.role === 'coach' ? 'mine' : 'all',
    archived: 'false',
    teamId: query.teamId,
    coachId: query.coachId,
    sort: 'name',
    order: 'asc',
  });
  const day = sql`${today}::date`;
  const matching = query.state ? sql`where state = ${query.state}` : sql``;
  return sql`with cfg as (
      -- Row-level security leaves the transaction's organisation's row, if it has one.
      select coalesce(max(${s.regime}), ${DEFAULT_COMPLIANCE_SETTINGS.regime}) as regime,
        coalesce(max(${s.daysBeforeEvaluation}), ${DEFAULT_COMPLIANCE_SETTINGS.daysBeforeEvaluation}::int)::int as days
      from ${s}
    ),
    judged as materialized (
      select p.id, p.first_name, p.last_name, p.status, p.start_date, p.team_id, p.organisation_id,
        a.agreed_on, a.generic_current, a.generic_future, a.technical_current, a.technical_future, a.actions,
        a.next_review_date, j.state, j.deadline
      from (
        select ${participants.id} as id, ${participants.organisationId} as organisation_id,
          ${participants.firstName} as first_name, ${participants.lastName} as last_name,
          ${participants.status} as status, ${participants.startDate} as start_date, ${participants.teamId} as team_id
        from ${participants}
        where ${reach ?? sql`true`}
      ) p
      cross join cfg
      left join lateral (
        -- The counts and days are generated columns of the version, all in the one-agreed index: the content itself
        -- is never read (detoasted) here, nor a time zone looked up for each participant.
        select av.agreed_on,
          coalesce(av.generic_current_count, 0) as generic_current,
          coalesce(av.generic_future_count, 0) as generic_future,
          coalesce(av.technical_current_count, 0) as technical_current,
          coalesce(av.technical_future_count, 0) as technical_future,
          coalesce(av.action_count, 0) as actions,
          av.next_review_on as next_review_date
        from ${v} av
        where av.organisation_id = p.organisation_id and av.participant_id = p.id and av.status = 'agreed'
      ) a on true
      ${judgement(day)}
    ),
    page as (
      select * from judged ${matching}
      order by array_position(${urgencyArray}, state), deadline nulls last, lower(last_name), lower(first_name), id
      limit ${query.limit} offset ${query.offset}
    )
    select cfg.regime, cfg.days as "daysBeforeEvaluation",
      (select json_object_agg(state, n) from (select state, count(*)::int as n from judged group by state) c) as counts,
      (select count(*)::int from judged ${matching}) as total,
      coalesce((
        select json_agg(json_build_object(
            'id', pg.id, 'firstName', pg.first_name, 'lastName', pg.last_name, 'status', pg.status,
            'startDate', pg.start_date, 'state', pg.state, 'agreedOn', pg.agreed_on,
            'firstAgreedOn', (
              -- Only for the page: the first agreement is history (a reason), never part of the state.
              select (min(fv.agreed_at) at time zone 'Europe/Brussels')::date from ${v} fv
              where fv.organisation_id = pg.organisation_id and fv.participant_id = pg.id and fv.status <> 'draft'
            ),
            'genericCurrent', pg.generic_current, 'genericFuture', pg.generic_future,
            'technicalCurrent', pg.technical_current, 'technicalFuture', pg.technical_future,
            'actions', pg.actions, 'nextReviewDate', pg.next_review_date,
            'team', case when t.id is not null then json_build_object('id', t.id, 'name', t.name) end,
            'coaches', coalesce((
              select json_agg(json_build_object('id', u.id, 'name', u.name) order by u.name, u.id)
              from ${participantCoaches} pc join ${user} u on u.id = pc.user_id
              where pc.participant_id = pg.id), '[]'::json)
          )
          order by array_position(${urgencyArray}, pg.state), pg.deadline nulls last, lower(pg.last_name),
            lower(pg.first_name), pg.id)
        from page pg left join ${teams} t on t.id = pg.team_id
      ), '[]'::json) as page
    from cfg`;
}

export function listCompliance(
  db: Db,
  ctx: RequestContext,
  query: Query,
  today = todayIso(),
): Promise<z.infer<typeof complianceList>> {
  const { actor } = ctx;
  return withTenant(
    db,
    actor.organisationId,
    async (tx) => {
      const [row] = await queryRows<ListRow>(tx, complianceListStatement(actor, query, today));
      if (!row) throw new Error('the compliance statement returns one row');
      const settings: ComplianceSettings = { regime: row.regime, daysBeforeEvaluation: row.daysBeforeEvaluation };

      const counts = Object.fromEntries(complianceStates.map((st) => [st, row.counts?.[st] ?? 0])) as Record<
        ComplianceState,
        number
      >;

      await recordAudit(tx, ctx, {
        action: 'pop.compliance.read',
        details: {
          state: query.state ?? null,
          coachId: query.coachId ?? null,
          teamId: query.teamId ?? null,
          offset: query.offset,
          limit: query.limit,
          total: row.total,
        },
      });

      const items: ComplianceListItem[] = row.page.map((r) => ({
        participant: { id: r.id, name: `${r.firstName} ${r.lastName}` },
        team: r.team,
        coaches: r.coaches,
        startDate: r.startDate,
        status: complianceOfFacts(
          {
            status: r.status,
            archived: false,
            startDate: r.startDate,
            firstAgreedOn: r.firstAgreedOn,
            latest: r.agreedOn
              ? {
                  agreedOn: r.agreedOn,
                  facts: {
                    genericCurrent: r.genericCurrent,
                    genericFuture: r.genericFuture,
                    technicalCurrent: r.technicalCurrent,
                    technicalFuture: r.technicalFuture,
                    actions: r.actions,
                    nextReviewDate: r.nextReviewDate,
                  },
                }
              : null,
          },
          settings,
          today,
        ),
      }));
      return { items, total: row.total, counts };
    },
    { genericPlans: true },
  );
}

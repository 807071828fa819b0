import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  ComplianceListItem,
  ComplianceState,
  ComplianceStatus,
  complianceList,
  complianceListQuery,
} from '#shared/development-plans';
import { complianceStates } from '#shared/development-plans';
import { type ParticipantStatus, todayIso } from '#shared/participants';
import { type Db, queryRows } from '../../db/client';
import { developmentPlanVersions, participantCoaches, participants, teams, user } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import type { Actor } from '../../policy';
import { type RequestContext, recordAudit } from '../audit/record';
import { caseloadWhere } from '../participants/caseload';
import { complianceOfFacts } from './compliance';
import { loadComplianceSettings } from './settings';

/**
 * GET /pop-compliance: who is missing a POP, late or incomplete, and why. The rules are complianceOf's (TS), so the
 * list and the POP screen never disagree; the database only delivers their inputs:
 *
 * 1. one statement over the participants in reach that are not archived (a coach: their caseload; the admin and
 *    manager: everyone), with per participant the latest agreed version's facts (counts of competencies and actions
 *    and the review date, read out of its content by the partial unique index on status = 'agreed': no old
 *    versions, each content detoasted once) and the day the first version was agreed (an index-only lookup per
 *    participant in the partial index on status <> 'draft');
 * 2. states computed, counted per state, filtered, ordered (most urgent first) and paged in TS;
 * 3. one statement for the page's teams and coaches.
 *
 * It reads no dossier content, so it is not audited per row; one pop.compliance.read entry records the query.
 */

interface FactsRow {
  id: string;
  firstName: string;
  lastName: string;
  status: ParticipantStatus;
  startDate: string | null;
  agreedOn: string | null;
  firstAgreedOn: string | null;
  genericCurrent: number | null;
  genericFuture: number | null;
  technicalCurrent: number | null;
  technicalFuture: number | null;
  actions: number | null;
  nextReviewDate: string | null;
}

interface PageRow {
  id: string;
  teamId: string | null;
  teamName: string | null;
  coaches: { id: string; name: string }[];
}

type Query = z.infer<typeof complianceListQuery>;

const v = developmentPlanVersions;
/** The statement of step 1, apart so its plan can be inspected. */
export function complianceFactsStatement(actor: Actor, query: Pick<Query, 'coachId' | 'teamId'>) {
  const reach = caseloadWhere(actor, {
    scope: actor.role === 'coach' ? 'mine' : 'all',
    archived: 'false',
    teamId: query.teamId,
    coachId: query.coachId,
    sort: 'name',
    order: 'asc',
  });
  return sql`select p.id, p.first_name as "firstName", p.last_name as "lastName", p.status,
      p.start_date::text as "startDate", a.agreed_on as "agreedOn", f.first_agreed_on as "firstAgreedOn",
      coalesce(a.generic_current_count, 0) as "genericCurrent", coalesce(a.generic_future_count, 0) as "genericFuture",
      coalesce(a.technical_current_count, 0) as "technicalCurrent",
      coalesce(a.technical_future_count, 0) as "technicalFuture",
      coalesce(a.action_count, 0) as "actions", a.next_review_date as "nextReviewDate"
    from (
      select ${participants.id} as id, ${participants.organisationId} as organisation_id,
        ${participants.firstName} as first_name, ${participants.lastName} as last_name,
        ${participants.status} as status, ${participants.startDate} as start_date
      from ${participants}
      where ${reach ?? sql`true`}
    ) p
    left join lateral (
      -- The counts are generated columns of the version: the content itself is never read (detoasted) here.
      select ((av.agreed_at at time zone 'Europe/Brussels')::date)::text as agreed_on,
        av.generic_current_count, av.generic_future_count, av.technical_current_count, av.technical_future_count,
        av.action_count, av.next_review_date
      from ${v} av
      where av.organisation_id = p.organisation_id and av.participant_id = p.id and av.status = 'agreed'
    ) a on true
    left join lateral (
      select ((min(fv.agreed_at) at time zone 'Europe/Brussels')::date)::text as first_agreed_on
      from ${v} fv
      where fv.organisation_id = p.organisation_id and fv.participant_id = p.id and fv.status <> 'draft'
    ) f on true`;
}

/** Most urgent first: late, incomplete, due, ok, not applicable; then the nearest deadline; then by name. */
const urgency: Record<ComplianceState, number> = { late: 0, incomplete: 1, due: 2, ok: 3, not_applicable: 4 };

const collator = new Intl.Collator('nl', { sensitivity: 'base' });

export function listCompliance(
  db: Db,
  ctx: RequestContext,
  query: Query,
  today = todayIso(),
): Promise<z.infer<typeof complianceList>> {
  const { actor } = ctx;
  return withTenant(db, actor.organisationId, async (tx) => {
    const settings = await loadComplianceSettings(tx);
    const rows = await queryRows<FactsRow>(tx, complianceFactsStatement(actor, query));
    const evaluated = rows.map((r) => ({
      row: r,
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
                  genericCurrent: Number(r.genericCurrent ?? 0),
                  genericFuture: Number(r.genericFuture ?? 0),
                  technicalCurrent: Number(r.technicalCurrent ?? 0),
                  technicalFuture: Number(r.technicalFuture ?? 0),
                  actions: Number(r.actions ?? 0),
                  nextReviewDate: r.nextReviewDate,
                },
              }
            : null,
        },
        settings,
        today,
      ),
    }));

    const counts = Object.fromEntries(complianceStates.map((s) => [s, 0])) as Record<ComplianceState, number>;
    for (const e of evaluated) counts[e.status.state] += 1;
    const matching = query.state ? evaluated.filter((e) => e.status.state === query.state) : evaluated;
    matching.sort(
      (a, b) =>
        urgency[a.status.state] - urgency[b.status.state] ||
        (a.status.deadline ?? '9999').localeCompare(b.status.deadline ?? '9999') ||
        collator.compare(a.row.lastName, b.row.lastName) ||
        collator.compare(a.row.firstName, b.row.firstName) ||
        a.row.id.localeCompare(b.row.id),
    );
    const page = matching.slice(query.offset, query.offset + query.limit);

    const details = page.length
      ? await queryRows<PageRow>(
          tx,
          sql`select p.id, t.id as "teamId", t.name as "teamName",
            coalesce((select json_agg(json_build_object('id', u.id, 'name', u.name) order by u.name, u.id)
              from ${participantCoaches} pc join ${user} u on u.id = pc.user_id
              where pc.participant_id = p.id), '[]'::json) as coaches
          from ${participants} p left join ${teams} t on t.id = p.team_id
          where p.id in (${sql.join(
            page.map((e) => sql`${e.row.id}::uuid`),
            sql`, `,
          )})`,
        )
      : [];
    const byId = new Map(details.map((d) => [d.id, d]));

    await recordAudit(tx, ctx, {
      action: 'pop.compliance.read',
      details: {
        state: query.state ?? null,
        coachId: query.coachId ?? null,
        teamId: query.teamId ?? null,
        offset: query.offset,
        limit: query.limit,
        total: matching.length,
      },
    });

    const items: ComplianceListItem[] = page.map(({ row, status }) => {
      const d = byId.get(row.id);
      return {
        participant: { id: row.id, name: `${row.firstName} ${row.lastName}` },
        team: d?.teamId && d.teamName !== null ? { id: d.teamId, name: d.teamName } : null,
        coaches: d?.coaches ?? [],
        startDate: row.startDate,
        status: status satisfies ComplianceStatus,
      };
    });
    return { items, total: matching.length, counts };
  });
}

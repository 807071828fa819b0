import { asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CompetencyHeatmap, competencyHeatmapQuery, HeatmapCell } from '#shared/competency-profile';
import { type Db, queryRows } from '../../db/client';
import { participants, teams } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { forbidden, notFound } from '../../lib/errors';
import { can } from '../../policy';
import { type RequestContext, recordAudit } from '../audit/record';
import { caseloadWhere } from '../participants/caseload';
import { type CurrentFrameworkRow, currentFrameworkJson, defaultFrameworkId, frameworkRef } from './framework';

/** A Postgres array literal of uuids (ids come from the database, never from the request). */
const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

interface TeamRow {
  team: { id: string; name: string } | null;
  /** The relation "team" of competency.teamView. */
  supervisor_ids: string[];
  framework: CurrentFrameworkRow | null;
  /** Every version of the default framework: the cells' ratings must belong to one of them. */
  version_ids: string[];
}

/**
 * GET /teams/:id/competency-heatmap: the team's participants × the current competencies, each cell the latest
 * supervisor score (from the latest_ratings cache). Its rows are the participants the caller reaches as
 * participant.read says (a coach without caseload in the team gets none). Teams are not secret (every staff member
 * lists them), so a supervisor of another team gets 403 rather than an empty map that reads as "nobody scored"; a
 * team of another organisation is hidden by row-level security: 404. The read is audited once, for the team, as it
 * shows many participants' scores.
 */
export function getCompetencyHeatmap(
  db: Db,
  ctx: RequestContext,
  teamId: string,
  q: z.infer<typeof competencyHeatmapQuery>,
): Promise<CompetencyHeatmap> {
  const { actor } = ctx;
  return withTenant(
    db,
    actor.organisationId,
    async (tx) => {
      const [head] = await queryRows<TeamRow>(
        tx,
        sql`select
        (select json_build_object('id', t.id, 'name', t.name) from teams t where t.id = ${teamId}) as team,
        array(select ts.user_id from team_supervisors ts where ts.team_id = ${teamId}) as supervisor_ids,
        ${currentFrameworkJson} as framework,
        array(select v.id from competency_framework_versions v where v.framework_id = ${defaultFrameworkId}) as version_ids`,
      );
      if (!head?.team) throw notFound('Team');
      if (!can(actor, 'competency.teamView', { teamSupervisorIds: head.supervisor_ids })) throw forbidden();
      const framework = head.framework;
      const competencies = (framework?.competencies ?? []).map(({ key, name, position }) => ({ key, name, position }));

      const where = caseloadWhere(actor, {
        scope: 'all',
        teamId,
        status: q.status === 'active' ? 'active' : undefined,
        archived: 'false',
        sort: 'name',
        order: 'asc',
      });
      // One primary-key range of latest_ratings (participant_id, 'supervisor') per row. The join with teams is
      // there for caseloadWhere: with a join, Drizzle qualifies the columns its subqueries compare. The framework's
      // versions are a constant list: as a subquery under the tenant policy PostgreSQL scanned the versions table once
      // per rating (70 ms for a team of 234 at umbrella scale instead of 3).
      const cells = framework
        ? sql<Record<string, HeatmapCell>>`coalesce((
          select json_object_agg(lr.competency_key, json_build_object('score', lr.score, 'observedOn', lr.observed_on))
          from latest_ratings lr
          where lr.participant_id = ${participants.id} and lr.rater_kind = 'supervisor'
            and lr.framework_version_id = any(${uuidArray(head.version_ids)}::uuid[])
        ), '{}'::json)`
        : sql<Record<string, HeatmapCell>>`'{}'::json`;
      const rows = await tx
        .select({
          id: participants.id,
          firstName: participants.firstName,
          lastName: participants.lastName,
          status: participants.status,
          cells,
        })
        .from(participants)
        .innerJoin(teams, eq(teams.id, participants.teamId))
        .where(where)
        .orderBy(
          asc(sql`lower(${participants.lastName})`),
          asc(sql`lower(${participants.firstName})`),
          asc(participants.id),
        );

      await recordAudit(tx, ctx, {
        action: 'competency.heatmap.read',
        targetType: 'team',
        targetId: teamId,
        details: { status: q.status, participants: rows.length },
      });
      return {
        team: head.team,
        framework: frameworkRef(framework),
        scale: framework?.scale ?? [],
        competencies,
        rows: rows.map((r) => ({
          participantId: r.id,
          firstName: r.firstName,
          lastName: r.lastName,
          status: r.status,
          cells: competencies.map((c) => r.cells[c.key] ?? null),
        })),
      };
    },
    { genericPlans: true },
  );
}

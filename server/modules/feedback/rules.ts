import { asc, eq, sql } from 'drizzle-orm';
import {
  DEFAULT_FEEDBACK_INTERVAL_DAYS,
  type FeedbackRule,
  type FeedbackRules,
  type FeedbackRulesBody,
} from '#shared/feedback';
import type { Db, Tx } from '../../db/client';
import { feedbackRules, teams } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { fieldError } from '../../lib/errors';
import { type RequestContext, recordAudit } from '../audit/record';
import { loadList } from '../lists/service';
import type { FeedbackRuleScope } from './cadence';

/** The rules as the cadence needs them (row-level security: the transaction's organisation only). */
export function loadRuleScopes(tx: Tx): Promise<FeedbackRuleScope[]> {
  return tx
    .select({
      teamId: feedbackRules.teamId,
      programmeType: feedbackRules.programmeType,
      intervalDays: feedbackRules.intervalDays,
    })
    .from(feedbackRules);
}

/** Most specific first (team + programme type, team, programme type, the default), then by team and programme. */
async function loadRules(tx: Tx): Promise<FeedbackRules> {
  const rows = await tx
    .select({
      id: feedbackRules.id,
      teamId: feedbackRules.teamId,
      teamName: teams.name,
      programmeType: feedbackRules.programmeType,
      intervalDays: feedbackRules.intervalDays,
    })
    .from(feedbackRules)
    .leftJoin(teams, eq(teams.id, feedbackRules.teamId))
    .orderBy(
      sql`${feedbackRules.teamId} is null`,
      sql`${feedbackRules.programmeType} is null`,
      asc(teams.name),
      asc(feedbackRules.programmeType),
      asc(feedbackRules.id),
    );
  const items: FeedbackRule[] = rows.map((r) => ({
    id: r.id,
    team: r.teamId && r.teamName !== null ? { id: r.teamId, name: r.teamName } : null,
    programmeType: r.programmeType,
    intervalDays: r.intervalDays,
  }));
  return { items, defaultIntervalDays: DEFAULT_FEEDBACK_INTERVAL_DAYS };
}

export function getFeedbackRules(db: Db, ctx: RequestContext) {
  return withTenant(db, ctx.actor.organisationId, loadRules);
}

/**
 * Replaces the organisation's rules as a whole. Teams must be the organisation's (archived ones too: a rule may
 * outlive a team's activity); a programme type must be an active list code, except one a stored rule already has,
 * so saving the editor again never fails on a type deactivated since.
 */
export function replaceFeedbackRules(db: Db, ctx: RequestContext, body: FeedbackRulesBody) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const before = await loadRuleScopes(tx);
    const storedTypes = new Set(before.map((r) => r.programmeType).filter((c) => c !== null));
    const programmes = await loadList(tx, 'programme_type');
    const activeTypes = new Set(programmes.filter((i) => i.active).map((i) => i.code));
    const teamIds = new Set((await tx.select({ id: teams.id }).from(teams)).map((t) => t.id));

    body.items.forEach((item, i) => {
      if (item.teamId && !teamIds.has(item.teamId)) throw fieldError(`items.${i}.teamId`, 'unknown_reference');
      const type = item.programmeType;
      if (type && !activeTypes.has(type) && !storedTypes.has(type)) {
        throw fieldError(`items.${i}.programmeType`, 'not_in_list');
      }
    });

    await tx.delete(feedbackRules).where(eq(feedbackRules.organisationId, ctx.actor.organisationId));
    if (body.items.length) {
      await tx.insert(feedbackRules).values(
        body.items.map((item) => ({
          organisationId: ctx.actor.organisationId,
          teamId: item.teamId ?? null,
          programmeType: item.programmeType ?? null,
          intervalDays: item.intervalDays,
        })),
      );
    }
    await recordAudit(tx, ctx, {
      action: 'feedback_rules.replaced',
      targetType: 'feedback_rules',
      targetId: ctx.actor.organisationId,
      details: { before: before.length, after: body.items.length },
    });
    return loadRules(tx);
  });
}

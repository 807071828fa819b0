import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ComplianceSettings, complianceSettingsBody } from '#shared/development-plans';
import type { Db, Tx } from '../../db/client';
import { developmentPlanSettings } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { type RequestContext, recordAudit } from '../audit/record';

/** Without a row: the evaluation regime, the update agreed at least 10 days before the evaluation. */
export const DEFAULT_COMPLIANCE_SETTINGS: ComplianceSettings = { regime: 'evaluation', daysBeforeEvaluation: 10 };

/** The organisation's POP regime (row-level security: the transaction's organisation only). */
export async function loadComplianceSettings(tx: Tx): Promise<ComplianceSettings> {
  const [row] = await tx
    .select({
      regime: developmentPlanSettings.regime,
      daysBeforeEvaluation: developmentPlanSettings.daysBeforeEvaluation,
    })
    .from(developmentPlanSettings)
    .limit(1);
  return row ?? { ...DEFAULT_COMPLIANCE_SETTINGS };
}

/** GET /pop-settings. */
export function getComplianceSettings(db: Db, ctx: RequestContext): Promise<ComplianceSettings> {
  return withTenant(db, ctx.actor.organisationId, loadComplianceSettings);
}

/** PUT /pop-settings: the admin chooses the regime. Audited with the values (settings, nothing personal). */
export function saveComplianceSettings(
  db: Db,
  ctx: RequestContext,
  body: z.infer<typeof complianceSettingsBody>,
): Promise<ComplianceSettings> {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const before = await loadComplianceSettings(tx);
    await tx
      .insert(developmentPlanSettings)
      .values({ organisationId: ctx.actor.organisationId, ...body })
      .onConflictDoUpdate({
        target: developmentPlanSettings.organisationId,
        set: { regime: body.regime, daysBeforeEvaluation: body.daysBeforeEvaluation, updatedAt: sql`now()` },
      });
    await recordAudit(tx, ctx, {
      action: 'pop.settings.update',
      targetType: 'organisation',
      targetId: ctx.actor.organisationId,
      details: { before, after: body },
    });
    return { regime: body.regime, daysBeforeEvaluation: body.daysBeforeEvaluation };
  });
}

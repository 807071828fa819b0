import { and, desc, or, sql } from 'drizzle-orm';
import { type SensitiveVia, sensitiveVias } from '#shared/sensitive';
import type { Db } from '../../db/client';
import { auditLog } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { forbidden } from '../../lib/errors';
import { can } from '../../policy';
import type { RequestContext } from '../audit/record';
import { liveCompartment } from './state';

/**
 * The access log of one compartment, read from the audit log: every read and write of the PAP and the instruments
 * and every access change carries details.participantId (auditSensitive and the grant services put it there).
 */

export const ACCESS_LOG_LIMIT = 200;

const compartmentActions = or(
  sql`${auditLog.action} like 'pap.%'`,
  sql`${auditLog.action} like 'instrument.%'`,
  sql`${auditLog.action} like 'sensitive.%'`,
);

const viaOf = (details: Record<string, unknown> | null): SensitiveVia | null => {
  const via = details?.via;
  return (sensitiveVias as readonly unknown[]).includes(via) ? (via as SensitiveVia) : null;
};

export function readAccessLog(db: Db, ctx: RequestContext, participantId: string) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const compartment = await liveCompartment(tx, ctx.actor, participantId);
    // The log holds no contents: the need-to-know rule of the compartment itself does not apply to it.
    if (!can(ctx.actor, 'sensitive.accessLog', { ...compartment.target, sensitivity: 'normal' })) throw forbidden();
    const rows = await tx
      .select({
        at: auditLog.at,
        actorName: auditLog.actorName,
        action: auditLog.action,
        reason: auditLog.reason,
        details: auditLog.details,
      })
      .from(auditLog)
      .where(and(compartmentActions, sql`${auditLog.details}->>'participantId' = ${participantId}`))
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(ACCESS_LOG_LIMIT);
    return {
      items: rows.map((r) => ({
        at: r.at.toISOString(),
        actorName: r.actorName,
        action: r.action,
        via: viaOf(r.details),
        reason: r.reason,
      })),
    };
  });
}

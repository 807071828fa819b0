import type { Db } from '../../db/client';
import { auditLog } from '../../db/schema';
import type { AuditEvent } from './record';

/**
 * Audit for events before anyone is logged in (login, failed login, reset requests).
 * The organisation is that of the account concerned; null when the account does not exist.
 */
export async function recordPlatformAudit(
  db: Db,
  event: AuditEvent & {
    organisationId: string | null;
    actorId?: string | null;
    actorName?: string | null;
    ip?: string;
  },
): Promise<void> {
  await db.insert(auditLog).values({
    organisationId: event.organisationId,
    actorId: event.actorId ?? null,
    actorName: event.actorName ?? null,
    action: event.action,
    targetType: event.targetType ?? null,
    targetId: event.targetId ?? null,
    reason: event.reason ?? null,
    details: event.details ?? null,
    ip: event.ip ?? null,
  });
}

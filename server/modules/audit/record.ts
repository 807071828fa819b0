import type { Queryable } from '../../db/client';
import { auditLog } from '../../db/schema';
import type { Actor } from '../../policy';

/** Who did it and from where: built once per request, passed to services. */
export interface RequestContext {
  actor: Actor;
  ip?: string;
}

export interface AuditEvent {
  action: string;
  targetType?: string;
  targetId?: string;
  reason?: string;
  /** Field names and harmless facts only: never a password, token or sensitive value. */
  details?: Record<string, unknown>;
}

const auditRow = (ctx: RequestContext, event: AuditEvent) => ({
  organisationId: ctx.actor.organisationId,
  actorId: ctx.actor.id,
  actorName: ctx.actor.name,
  action: event.action,
  targetType: event.targetType ?? null,
  targetId: event.targetId ?? null,
  reason: event.reason ?? null,
  details: event.details ?? null,
  ip: ctx.ip ?? null,
});

/** Appends to the audit log inside the caller's transaction, so the record and the change land together. */
export async function recordAudit(tx: Queryable, ctx: RequestContext, event: AuditEvent): Promise<void> {
  await tx.insert(auditLog).values(auditRow(ctx, event));
}

/** Rows per INSERT: a bulk write (a CSV import) records one event per record in a few statements. */
const AUDIT_BATCH = 1000;

/** recordAudit for many events of one request, e.g. one per imported dossier. */
export async function recordAudits(tx: Queryable, ctx: RequestContext, events: readonly AuditEvent[]): Promise<void> {
  for (let i = 0; i < events.length; i += AUDIT_BATCH) {
    await tx.insert(auditLog).values(events.slice(i, i + AUDIT_BATCH).map((event) => auditRow(ctx, event)));
  }
}

/** Names of the fields a write changed: what the audit log keeps instead of values. */
export const changedFields = (body: object) => Object.keys(body).sort();

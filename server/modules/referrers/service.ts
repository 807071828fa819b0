import { asc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Referrer, referrerCreateBody, referrerUpdateBody } from '#shared/referrers';
import type { Db } from '../../db/client';
import { referrers } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { notFound } from '../../lib/errors';
import { changedFields, type RequestContext, recordAudit } from '../audit/record';

const toReferrer = (row: typeof referrers.$inferSelect): Referrer => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  email: row.email,
  phone: row.phone,
  archived: row.archivedAt !== null,
  createdAt: row.createdAt.toISOString(),
});

export function listReferrers(db: Db, ctx: RequestContext, includeArchived: boolean) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const rows = await tx
      .select()
      .from(referrers)
      .where(includeArchived ? undefined : isNull(referrers.archivedAt))
      .orderBy(asc(referrers.name));
    return rows.map(toReferrer);
  });
}

export function createReferrer(db: Db, ctx: RequestContext, body: z.infer<typeof referrerCreateBody>) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const [row] = await tx
      .insert(referrers)
      .values({
        organisationId: ctx.actor.organisationId,
        name: body.name,
        kind: body.kind,
        email: body.email ?? null,
        phone: body.phone ?? null,
      })
      .returning();
    if (!row) throw notFound('Referrer');
    await recordAudit(tx, ctx, { action: 'referrer.created', targetType: 'referrer', targetId: row.id });
    return toReferrer(row);
  });
}

export function updateReferrer(db: Db, ctx: RequestContext, id: string, body: z.infer<typeof referrerUpdateBody>) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const { archived, ...rest } = body;
    const changes: Partial<typeof referrers.$inferInsert> = { ...rest };
    if (archived !== undefined) changes.archivedAt = archived ? new Date() : null;
    const [row] = await tx
      .update(referrers)
      .set(Object.keys(changes).length ? changes : { name: referrers.name })
      .where(eq(referrers.id, id))
      .returning();
    if (!row) throw notFound('Referrer');
    await recordAudit(tx, ctx, {
      action: 'referrer.updated',
      targetType: 'referrer',
      targetId: id,
      details: { fields: changedFields(body) },
    });
    return toReferrer(row);
  });
}

import { asc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Site, siteCreateBody, siteUpdateBody } from '#shared/organisation';
import type { Db } from '../../db/client';
import { sites } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { notFound } from '../../lib/errors';
import { changedFields, type RequestContext, recordAudit } from '../audit/record';

const toSite = (row: typeof sites.$inferSelect): Site => ({
  id: row.id,
  name: row.name,
  address: row.address,
  archived: row.archivedAt !== null,
  createdAt: row.createdAt.toISOString(),
});

export function listSites(db: Db, ctx: RequestContext, includeArchived: boolean) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const rows = await tx
      .select()
      .from(sites)
      .where(includeArchived ? undefined : isNull(sites.archivedAt))
      .orderBy(asc(sites.name));
    return rows.map(toSite);
  });
}

export function createSite(db: Db, ctx: RequestContext, body: z.infer<typeof siteCreateBody>) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const [row] = await tx
      .insert(sites)
      .values({ organisationId: ctx.actor.organisationId, name: body.name, address: body.address ?? null })
      .returning();
    if (!row) throw notFound('Site');
    await recordAudit(tx, ctx, { action: 'site.created', targetType: 'site', targetId: row.id });
    return toSite(row);
  });
}

export function updateSite(db: Db, ctx: RequestContext, id: string, body: z.infer<typeof siteUpdateBody>) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const changes: Partial<typeof sites.$inferInsert> = {};
    if (body.name !== undefined) changes.name = body.name;
    if (body.address !== undefined) changes.address = body.address;
    if (body.archived !== undefined) changes.archivedAt = body.archived ? new Date() : null;
    const query = tx.update(sites).set(Object.keys(changes).length ? changes : { name: sites.name });
    const [row] = await query.where(eq(sites.id, id)).returning();
    if (!row) throw notFound('Site');
    await recordAudit(tx, ctx, {
      action: 'site.updated',
      targetType: 'site',
      targetId: id,
      details: { fields: changedFields(body) },
    });
    return toSite(row);
  });
}

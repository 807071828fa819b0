import { and, desc, eq, gte, like, lt, type SQL, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEntry, auditQuery, outboxMail } from '#shared/audit';
import { auditLog, mailOutbox } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import type { Deps } from '../../deps';
import { recordAudit } from './record';

export const auditRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  app.get(
    '/audit',
    {
      config: { policy: 'audit.read' },
      schema: {
        tags: ['audit'],
        querystring: auditQuery,
        response: { 200: z.object({ items: z.array(auditEntry), total: z.number().int() }) },
      },
    },
    async (request) => {
      const q = request.query;
      const filters: SQL[] = [];
      // "user." matches every user action; a full name matches one.
      if (q.action)
        filters.push(q.action.endsWith('.') ? like(auditLog.action, `${q.action}%`) : eq(auditLog.action, q.action));
      if (q.actorId) filters.push(eq(auditLog.actorId, q.actorId));
      if (q.targetType) filters.push(eq(auditLog.targetType, q.targetType));
      if (q.from) filters.push(gte(auditLog.at, new Date(`${q.from}T00:00:00Z`)));
      if (q.to) filters.push(lt(auditLog.at, sql`${`${q.to}T00:00:00Z`}::timestamptz + interval '1 day'`));
      const where = and(...filters);
      return withTenant(db, request.context().actor.organisationId, async (tx) => {
        const rows = await tx
          .select()
          .from(auditLog)
          .where(where)
          .orderBy(desc(auditLog.id))
          .limit(q.limit)
          .offset(q.offset);
        const [count] = await tx.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where);
        return {
          total: count?.n ?? 0,
          items: rows.map((r) => ({
            id: String(r.id),
            at: r.at.toISOString(),
            actorId: r.actorId,
            actorName: r.actorName,
            action: r.action,
            targetType: r.targetType,
            targetId: r.targetId,
            reason: r.reason,
            details: r.details,
            ip: r.ip,
          })),
        };
      });
    },
  );

  app.get(
    '/outbox',
    {
      config: { policy: 'outbox.read' },
      schema: { tags: ['audit'], response: { 200: z.object({ items: z.array(outboxMail) }) } },
    },
    async (request) => {
      const ctx = request.context();
      // The outbox can hold reset links: reading it is itself on the record.
      const rows = await withTenant(db, ctx.actor.organisationId, async (tx) => {
        await recordAudit(tx, ctx, { action: 'outbox.read', targetType: 'outbox' });
        return tx.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt)).limit(100);
      });
      return {
        items: rows.map((r) => ({
          id: r.id,
          at: r.createdAt.toISOString(),
          to: r.to,
          subject: r.subject,
          body: r.body,
          delivered: r.deliveredAt !== null,
        })),
      };
    },
  );
};

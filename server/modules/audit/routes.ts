import { desc } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEntry, auditQuery, outboxMail } from '#shared/audit';
import { mailOutbox } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import type { Deps } from '../../deps';
import { listAudit } from './list';
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
    async (request) => listAudit(db, request.context(), request.query),
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

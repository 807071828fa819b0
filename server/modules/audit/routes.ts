import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEntry, auditQuery, outboxMail } from '#shared/audit';
import type { Deps } from '../../deps';
import { listAudit } from './list';
import { listOutbox } from './outbox';

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
    async (request) => ({ items: await listOutbox(db, request.context()) }),
  );
};
